"""Completeness of the interface catalogs, for ``python -m explainer check``.

The strings are what Babel extracts from the package (the ``N_``/``NC_`` marks, as
``pybabel extract`` does with babel.cfg); every language whose interface comes from
a catalog must translate each of them, with the same placeholders, and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib
from babel.messages.extract import extract_from_dir

from ..config.languages import Languages
from ..translation.pofile import read_po
from .i18n import format_fields

PACKAGE = Path(__file__).resolve().parent.parent
KEYWORDS = {"N_": None, "NC_": ((1, "c"), 2)}
"""Babel keyword specs: N_(msgid), NC_(context, msgid)."""


@dataclass(frozen=True)
class InterfaceString:
    context: str | None
    msgid: str
    where: str
    """file:line of its first use, relative to the project."""


def interface_strings() -> list[InterfaceString]:
    """Every marked interface string of the package, in the order Babel finds them (first use only)."""
    found: dict[tuple[str | None, str], InterfaceString] = {}
    method_map = [("**.py", "python")]
    for filename, line, message, _comments, context in extract_from_dir(str(PACKAGE), method_map, keywords=KEYWORDS, comment_tags=()):
        msgid = message if isinstance(message, str) else message[0]
        where = f"explainer/{filename}:{line}"
        found.setdefault((context, msgid), InterfaceString(context, msgid, where))
    return list(found.values())


def interface_problems(registry: Languages) -> list[str]:
    """``check`` lines: each interface string missing, fuzzy or with other placeholders in a language's catalog."""
    strings = interface_strings()
    problems: list[str] = []
    for language in registry:
        if language.interface == "catalog" and language.interface_catalog is not None:
            problems += catalog_problems(language.interface_catalog, strings)
    return problems


def catalog_problems(path: Path, strings: list[InterfaceString]) -> list[str]:
    entries = {(entry.msgctxt, entry.msgid): entry for entry in _entries(path)}
    shown = path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path
    problems = []
    for item in strings:
        entry = entries.get((item.context, item.msgid))
        name = f'"{item.msgid}"' + (f" (context {item.context})" if item.context else "")
        if entry is None or not entry.msgstr:
            where = f"{shown}:{entry.linenum}" if entry is not None else f"{shown}"
            problems.append(f"{where}: interface string {name} of {item.where} is not translated")
        elif "fuzzy" in entry.flags:
            problems.append(f"{shown}:{entry.linenum}: interface string {name} is fuzzy: review it and remove the flag")
        elif format_fields(entry.msgstr) != format_fields(item.msgid):
            problems.append(
                f"{shown}:{entry.linenum}: interface string {name}: the translation's placeholders "
                f"{sorted(format_fields(entry.msgstr) or [])} differ from {sorted(format_fields(item.msgid) or [])}"
            )
    known = {(item.context, item.msgid) for item in strings}
    for key, entry in entries.items():
        if key not in known:
            problems.append(f"{shown}:{entry.linenum}: interface string \"{entry.msgid}\" is no longer used by the code: remove it (pybabel update)")
    return problems


def _entries(path: Path) -> list[polib.POEntry]:
    if not path.exists():
        return []
    po = read_po(path)  # strict: a syntax error is file:line, never a silently changed string
    return [entry for entry in po if not entry.obsolete]

