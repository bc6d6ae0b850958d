"""Recorded, reviewable decisions about a source text: errata and accepted oddities.

A corrections file sits beside its source (``sources/<slug>.corrections.yml``)::

    corrections:
      - line: 31
        original: "补贴性培训 and 市场化"
        corrected: "补贴性培训和市场化"
        why: "…"
    accepted:
      - line: 3
        text: "中共中央办公厅 国务院办公厅"
        why: "…"
    closing:
      line: 45          # the closing section starts at this source line; 0: there is none
      why: "…"
    truncated:
      line: 57          # the source really ends here, incomplete (the last line parse reports)
      why: "…"

Corrections are applied at parse time; accepted entries mark a suspicious spot
as reviewed and kept as published. ``closing`` overrides the parser's rule for
the text after the last article (see :func:`explainer.document.parse.closing_start`);
``truncated`` accepts a source that stops short (mid-sentence, or before the
parts or questions it announces), which is otherwise an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..common.errors import InputError
from ..common.yamlfile import LineDict, LineList, load_yaml, reject_unknown_keys


SECTION_KEYS = ("corrections", "accepted", "closing", "truncated")
TRUNCATED_KEYS = ("line", "why")
CORRECTION_KEYS = ("line", "original", "corrected", "why")
ACCEPTED_KEYS = ("line", "text", "why")
CLOSING_KEYS = ("line", "why")
"""The keys of a corrections file, the only place they are listed: a key not here is an error
that suggests the nearest."""


@dataclass(frozen=True)
class Correction:
    line: int
    original: str
    corrected: str
    why: str
    entry_line: int


@dataclass(frozen=True)
class Accepted:
    line: int
    text: str
    why: str


@dataclass(frozen=True)
class ClosingDecision:
    """Where the closing section starts (a source line), or 0 when the document has none."""

    line: int
    why: str
    entry_line: int


@dataclass(frozen=True)
class TruncationDecision:
    """A reviewed acceptance that the source ends short at ``line``."""

    line: int
    why: str
    entry_line: int


@dataclass(frozen=True)
class Corrections:
    corrections: tuple[Correction, ...] = ()
    accepted: tuple[Accepted, ...] = ()
    closing: ClosingDecision | None = None
    truncated: TruncationDecision | None = None


def corrections_path(source: Path) -> Path:
    """``sources/x.txt`` → ``sources/x.corrections.yml``."""
    return source.with_suffix(".corrections.yml")


def load_corrections(path: Path) -> Corrections:
    """Load and validate a corrections file; a missing file means no corrections."""
    if not path.exists():
        return Corrections()
    data = load_yaml(path)
    if data is None:
        return Corrections()
    if not isinstance(data, LineDict):
        raise InputError(str(path), getattr(data, "line", 1), "expected a mapping with 'corrections' and 'accepted'")
    reject_unknown_keys(path, data, SECTION_KEYS, "section")
    corrections = tuple(
        Correction(
            line=_int_field(path, entry, "line"),
            original=_str_field(path, entry, "original"),
            corrected=_str_field(path, entry, "corrected", allow_empty=True),
            why=_str_field(path, entry, "why"),
            entry_line=entry.line,
        )
        for entry in _entries(path, data, "corrections", CORRECTION_KEYS)
    )
    accepted = tuple(
        Accepted(line=_int_field(path, entry, "line"), text=_str_field(path, entry, "text"), why=_str_field(path, entry, "why"))
        for entry in _entries(path, data, "accepted", ACCEPTED_KEYS)
    )
    return Corrections(corrections, accepted, _closing(path, data), _truncated(path, data))


def _decision(path: Path, data: LineDict, section: str, known: tuple[str, ...]) -> LineDict | None:
    """The reviewed decision under ``section`` (a mapping with 'line' and 'why'), if the file makes one."""
    decision = data.get(section)
    if decision is None:
        return None
    if not isinstance(decision, LineDict):
        raise InputError(str(path), data.line_of(section), f"'{section}' must be a mapping with 'line' and 'why'")
    reject_unknown_keys(path, decision, known, f"'{section}'")
    return decision


def _truncated(path: Path, data: LineDict) -> TruncationDecision | None:
    truncated = _decision(path, data, "truncated", TRUNCATED_KEYS)
    if truncated is None:
        return None
    return TruncationDecision(_int_field(path, truncated, "line"), _str_field(path, truncated, "why"), truncated.line)


def _closing(path: Path, data: LineDict) -> ClosingDecision | None:
    closing = _decision(path, data, "closing", CLOSING_KEYS)
    if closing is None:
        return None
    value = _field(path, closing, "line")
    if not (_is_integer(value) and value >= 0):
        raise InputError(
            str(path),
            closing.line_of("line"),
            f"'line' must be the line where the closing starts, or 0 for none, found '{_shown(value)}'",
        )
    return ClosingDecision(value, _str_field(path, closing, "why"), closing.line)


def _entries(path: Path, data: LineDict, section: str, known: tuple[str, ...]) -> list[LineDict]:
    entries = data.get(section)
    if entries is None or entries == "":
        return []
    if not isinstance(entries, LineList):
        raise InputError(str(path), data.line_of(section), f"'{section}' must be a list of entries")
    for entry, line in zip(entries, entries.lines):
        if not isinstance(entry, LineDict):
            raise InputError(str(path), line, f"each '{section}' entry must be a mapping")
        reject_unknown_keys(path, entry, known, f"'{section}' entry")
    return list(entries)


def _field(path: Path, entry: LineDict, name: str) -> Any:
    if name not in entry:
        raise InputError(str(path), entry.line, f"entry has no '{name}'")
    return entry[name]


def _is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _shown(value: Any) -> str:
    """A value as it was written, for error messages (YAML's empty value is None)."""
    return "" if value is None else str(value)


def _int_field(path: Path, entry: LineDict, name: str) -> int:
    value = _field(path, entry, name)
    if not (_is_integer(value) and value > 0):
        raise InputError(str(path), entry.line_of(name), f"'{name}' must be a positive line number, found '{_shown(value)}'")
    return int(value)


def _str_field(path: Path, entry: LineDict, name: str, allow_empty: bool = False) -> str:
    value = _field(path, entry, name)
    # Any scalar is text here (a correction may quote a year); a list or mapping is not.
    if isinstance(value, (LineDict, LineList)) or (value in (None, "") and not allow_empty):
        raise InputError(str(path), entry.line_of(name), f"'{name}' must be a non-empty string")
    return _shown(value)
