"""A strict reader of gettext PO files: every syntax error is ``file:line: what was expected``.

polib reads leniently: a string without its closing quote loses its last
character, an unquoted ``msgstr`` or an invalid escape such as ``\\q`` passes,
and the published translation silently differs from the file. This module
reads the PO grammar itself, refusing what ``msgfmt --check`` refuses, and
builds polib's objects from what it read; polib is used only to write.

The grammar, line by line (``#~`` marks obsolete entries, ``#|`` the previous
msgctxt/msgid of a fuzzy entry; both carry the same keywords)::

    entry   := comment* [msgctxt string+] msgid string+
               ( msgstr string+ | msgid_plural string+ (msgstr[N] string+)+ )
    string  := '"' (char | escape)* '"'
    escape  := \\n \\t \\r \\a \\b \\f \\v \\\\ \\" \\' \\? | \\ooo (octal) | \\xhh (hexadecimal)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from ..common.errors import InputError

SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "\\": "\\", '"': '"', "'": "'", "?": "?"}
KEYWORD_RE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)(?=\s|\"|$)")
_OCTAL = "01234567"
_HEX = "0123456789abcdefABCDEF"


@dataclass
class _Entry:
    """An entry as read, before it becomes a polib.POEntry."""

    line: int
    obsolete: bool = False
    tcomment: list[str] = field(default_factory=list)
    comment: list[str] = field(default_factory=list)
    occurrences: list[tuple[str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    previous: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    plural: dict[int, str] = field(default_factory=dict)
    field_lines: dict[str, int] = field(default_factory=dict)

    @property
    def started(self) -> bool:
        """Has a keyword been read (comments alone do not start the message part)?"""
        return bool(self.fields) or bool(self.plural)

    @property
    def complete(self) -> bool:
        return "msgstr" in self.fields or bool(self.plural)


class _Reader:
    """Reads a PO text line by line into entries, raising InputError at the first fault."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.entries: list[_Entry] = []
        self.entry: _Entry | None = None
        self.last_field: tuple[str, str] | None = None  # (kind, key): where a continuation string goes

    def fail(self, line: int, message: str) -> InputError:
        return InputError(self.name, line, message)

    # -- the entry being read ---------------------------------------------

    def current(self, line: int, obsolete: bool) -> _Entry:
        if self.entry is None:
            self.entry = _Entry(line, obsolete)
        elif self.entry.obsolete != obsolete and self.entry.started:
            raise self.fail(line, "expected every line of an entry to be obsolete (#~) or none, found a mix")
        self.entry.obsolete = obsolete
        return self.entry

    def finish(self, line: int) -> None:
        """End the current entry (a new one starts, or the file ends)."""
        entry = self.entry
        self.entry, self.last_field = None, None
        if entry is None or not entry.started:
            if entry is not None and (entry.flags or entry.previous or entry.occurrences):
                raise self.fail(line, "expected msgid after the comments of an entry, found the end of the file")
            return
        if "msgid" not in entry.fields:
            raise self.fail(entry.line, "expected msgid after msgctxt")
        if not entry.complete:
            what = "msgstr[0]" if "msgid_plural" in entry.fields else "msgstr"
            raise self.fail(entry.field_lines["msgid"], f"expected {what} after msgid, found the end of the entry")
        self.entries.append(entry)

    # -- lines -------------------------------------------------------------

    def read(self, text: str) -> list[_Entry]:
        lines = text.split("\n")
        for number, raw in enumerate(lines, 1):
            self.line(number, raw.rstrip("\r"))
        self.finish(len(lines))
        return self.entries

    def line(self, number: int, raw: str) -> None:
        stripped = raw.strip()
        if not stripped:
            return
        if stripped.startswith("#~"):
            rest = stripped[2:].lstrip()
            if rest.startswith("|"):
                self.previous_line(number, rest[1:].lstrip(), obsolete=True)
            elif rest:
                self.keyword_line(number, rest, obsolete=True)
            return
        if stripped.startswith("#"):
            self.comment_line(number, stripped)
            return
        self.keyword_line(number, stripped, obsolete=False)

    def comment_line(self, number: int, text: str) -> None:
        if self.entry is not None and self.entry.started:
            if not self.entry.complete:
                raise self.fail(number, "expected msgstr after msgid, found a comment")
            self.finish(number)
        kind, body = text[1:2], text[2:]
        if kind == "|":
            self.previous_line(number, body.strip(), obsolete=False)
            return
        if self.entry is None:
            self.entry = _Entry(number)
        entry = self.entry
        if kind == ",":
            entry.flags += [flag.strip() for flag in body.split(",") if flag.strip()]
        elif kind == ":":
            for reference in body.split():
                path, _, line = reference.rpartition(":") if ":" in reference else (reference, "", "")
                entry.occurrences.append((path, line) if line.isdigit() else (reference, ""))
        elif kind == ".":
            entry.comment.append(body.strip())
        else:
            entry.tcomment.append(text[2:] if text[1:2] == " " else text[1:])

    def previous_line(self, number: int, text: str, obsolete: bool) -> None:
        """``#| msgid "…"``: the text a fuzzy entry was translated from."""
        if self.entry is not None and self.entry.started:
            if not self.entry.complete:
                raise self.fail(number, "expected msgstr after msgid, found a comment")
            self.finish(number)
        entry = self.current(number, obsolete)
        match = KEYWORD_RE.match(text)
        if match and match.group(1) in ("msgctxt", "msgid", "msgid_plural"):
            key = f"previous_{match.group(1)}"
            entry.previous[key] = self.string(number, text[match.end() :].strip(), match.group(1))
            self.last_field = ("previous", key)
        elif text.startswith('"'):
            if self.last_field is None or self.last_field[0] != "previous":
                raise self.fail(number, "expected #| msgctxt or #| msgid before a continued string")
            entry.previous[self.last_field[1]] += self.string(number, text, "the previous string")
        else:
            raise self.fail(number, f"expected #| msgctxt, #| msgid or #| msgid_plural, found '{_shown(text)}'")

    def keyword_line(self, number: int, text: str, obsolete: bool) -> None:
        if text.startswith('"'):
            self.continuation(number, text, obsolete)
            return
        match = KEYWORD_RE.match(text)
        if not match:
            raise self.fail(number, f"expected msgctxt, msgid, msgstr, a quoted string or a comment, found '{_shown(text)}'")
        keyword, index = match.group(1), match.group(2)
        value = self.string(number, text[match.end() :].strip(), keyword)
        if keyword in ("msgctxt", "msgid") and self.entry is not None and self.entry.complete:
            self.finish(number)
        elif keyword == "msgctxt" and self.entry is not None and "msgid" in self.entry.fields:
            raise self.fail(number, f"expected msgstr after the msgid of line {self.entry.field_lines['msgid']}, found msgctxt")
        entry = self.current(number, obsolete)
        self.place(entry, number, keyword, index, value)

    def place(self, entry: _Entry, number: int, keyword: str, index: str | None, value: str) -> None:
        fields = entry.fields
        if keyword == "msgctxt":
            if entry.started:
                raise self.fail(number, "expected msgid after msgctxt, found a second msgctxt")
        elif keyword == "msgid":
            if "msgid" in fields:
                raise self.fail(number, "expected msgstr after msgid, found a second msgid")
        elif keyword == "msgid_plural":
            if "msgid" not in fields or "msgid_plural" in fields or entry.complete:
                raise self.fail(number, "expected msgid_plural right after msgid")
        elif index is None:  # msgstr
            if "msgid" not in fields:
                raise self.fail(number, "expected msgid before msgstr")
            if "msgid_plural" in fields:
                raise self.fail(number, "expected msgstr[0] after msgid_plural, found msgstr")
            if "msgstr" in fields:
                raise self.fail(number, "expected msgctxt or msgid to start a new entry, found a second msgstr")
        else:  # msgstr[N]
            if "msgid_plural" not in fields:
                raise self.fail(number, f"expected msgstr, found msgstr[{index}] without msgid_plural")
            if int(index) != len(entry.plural):
                raise self.fail(number, f"expected msgstr[{len(entry.plural)}], found msgstr[{index}]")
            entry.plural[int(index)] = value
            self.last_field = ("plural", index)
            return
        fields[keyword] = value
        entry.field_lines[keyword] = number
        self.last_field = ("field", keyword)

    def continuation(self, number: int, text: str, obsolete: bool) -> None:
        if self.entry is None or self.last_field is None or self.last_field[0] == "previous" or self.entry.obsolete != obsolete:
            raise self.fail(number, "expected msgctxt, msgid or msgstr before a quoted string")
        kind, key = self.last_field
        value = self.string(number, text, "the string")
        if kind == "plural":
            self.entry.plural[int(key)] += value
        else:
            self.entry.fields[key] += value

    # -- strings -------------------------------------------------------------

    def string(self, number: int, text: str, after: str) -> str:
        """One quoted string (the whole rest of the line), unescaped."""
        if not text.startswith('"'):
            found = f"'{_shown(text)}'" if text else "nothing"
            raise self.fail(number, f"expected a quoted string after {after}, found {found}")
        chars: list[str] = []
        position = 1
        while position < len(text):
            char = text[position]
            if char == '"':
                rest = text[position + 1 :].strip()
                if rest:
                    raise self.fail(number, f"expected the end of the line after the closing quote, found '{_shown(rest)}'")
                return "".join(chars)
            if char == "\\":
                decoded, position = self.escape(number, text, position)
                chars.append(decoded)
                continue
            chars.append(char)
            position += 1
        raise self.fail(number, "expected a closing quote (\") at the end of the string")

    def escape(self, number: int, text: str, position: int) -> tuple[str, int]:
        """Decode the escape sequence at ``text[position]`` (a backslash); return it and the next position."""
        code = text[position + 1 : position + 2]
        if code in SIMPLE_ESCAPES:
            return SIMPLE_ESCAPES[code], position + 2
        if code and code in _OCTAL:
            end = position + 1
            while end < len(text) and end < position + 4 and text[end] in _OCTAL:
                end += 1
            return chr(int(text[position + 1 : end], 8)), end
        if code == "x":
            end = position + 2
            while end < len(text) and text[end] in _HEX:
                end += 1
            if end > position + 2:
                return chr(int(text[position + 2 : end], 16) & 0xFF), end
        shown = "\\" + code if code else "\\ at the end of the line"
        raise self.fail(number, f"invalid escape sequence '{shown}': expected \\n, \\t, \\\", \\\\ or another C escape")


def _shown(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- from entries to polib -----------------------------------------------------


def _check_entries(name: str, entries: list[_Entry]) -> None:
    """What msgfmt --check refuses beyond syntax: duplicates, the header's charset, newline mismatches."""
    seen: dict[tuple[str | None, str], int] = {}
    for entry in entries:
        if entry.obsolete:
            continue
        key = (entry.fields.get("msgctxt"), entry.fields["msgid"])
        if key in seen:
            what = f"msgctxt '{key[0]}'" if key[0] is not None else f"msgid '{_shown(key[1])}'"
            raise InputError(name, entry.line, f"duplicate entry for {what} (first at line {seen[key]})")
        seen[key] = entry.line
        msgid = entry.fields["msgid"]
        for msgstr in [entry.fields.get("msgstr", ""), *entry.plural.values()]:
            if msgid and msgstr and (msgid.startswith("\n") != msgstr.startswith("\n") or msgid.endswith("\n") != msgstr.endswith("\n")):
                where = "begin" if msgid.startswith("\n") != msgstr.startswith("\n") else "end"
                line = entry.field_lines.get("msgstr", entry.line)
                raise InputError(name, line, f"expected msgid and msgstr both to {where} with \\n, or neither")
    header = next((entry for entry in entries if not entry.obsolete and entry.fields["msgid"] == "" and "msgctxt" not in entry.fields), None)
    if header is not None:
        charset = re.search(r"charset=([^\s;]+)", header.fields.get("msgstr", ""))
        if charset and charset.group(1).lower().replace("_", "-") not in ("utf-8", "charset"):
            raise InputError(name, header.line, f"expected charset=UTF-8 in the header's Content-Type, found charset={charset.group(1)}")


def _po_entry(entry: _Entry) -> polib.POEntry:
    plural = entry.plural
    return polib.POEntry(
        msgctxt=entry.fields.get("msgctxt"),
        msgid=entry.fields["msgid"],
        msgid_plural=entry.fields.get("msgid_plural", ""),
        msgstr=entry.fields.get("msgstr", ""),
        msgstr_plural=dict(plural),
        obsolete=entry.obsolete,
        tcomment="\n".join(entry.tcomment),
        comment="\n".join(entry.comment),
        occurrences=list(entry.occurrences),
        flags=list(entry.flags),
        previous_msgctxt=entry.previous.get("previous_msgctxt"),
        previous_msgid=entry.previous.get("previous_msgid"),
        previous_msgid_plural=entry.previous.get("previous_msgid_plural"),
        linenum=entry.line,
    )


def parse_po(text: str, name: str) -> polib.POFile:
    """Read PO text strictly; ``name`` is the file named in errors."""
    text = text.removeprefix("\ufeff")
    entries = _Reader(name).read(text)
    _check_entries(name, entries)
    po = polib.POFile(wrapwidth=0)
    po.encoding = "utf-8"
    for index, entry in enumerate(entries):
        is_header = index == 0 and not entry.obsolete and entry.fields["msgid"] == "" and "msgctxt" not in entry.fields
        if is_header:
            po.header = "\n".join(entry.tcomment)
            po.metadata_is_fuzzy = list(entry.flags)
            po.metadata = _metadata(entry.fields.get("msgstr", ""))
            continue
        po.append(_po_entry(entry))
    return po


def _metadata(header: str) -> dict[str, str]:
    """``Key: value`` lines of the header entry, in their order."""
    metadata: dict[str, str] = {}
    for line in header.split("\n"):
        key, separator, value = line.partition(":")
        if separator and key.strip():
            metadata[key.strip()] = value.strip()
    return metadata


def read_po(path: Path) -> polib.POFile:
    """Read a PO file strictly: bytes that are not UTF-8 and syntax errors are InputErrors at their line."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(str(path), line, f"expected UTF-8 text, found the byte 0x{data[error.start]:02x}") from None
    return parse_po(text, str(path))
