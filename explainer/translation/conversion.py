"""Script conversion with OpenCC: how a language derived from the source (zh-Hant) gets its text.

Traditional Chinese is derived from Simplified with OpenCC's ``s2tw``
configuration: Taiwan standard characters (教育部標準字體), no vocabulary changes.
The phrase-level configurations (``s2twp`` …) swap vocabulary (文件 → 檔案), which
would misquote an official text. Which configuration a language uses is data: the
language registry names it. Where OpenCC's word segmentation picks the wrong
character (认定制度 → 認定製度), a reviewed override in
``translations/zh-Hant/overrides.yml`` corrects it, and quotation marks become
Taiwan's 「」 and 『』 (OpenCC never converts punctuation).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import opencc

from ..common.errors import InputError
from ..common.yamlfile import load_yaml

OPENCC_CONFIG = "s2tw"
OVERRIDES_FILE = "translations/zh-Hant/overrides.yml"

MAINLAND_QUOTES = "“”‘’"
"""Quotation marks that must not reach a Traditional page."""


@dataclass(frozen=True)
class ConversionOverride:
    """A reviewed correction: wherever ``simplified`` occurs, write ``traditional`` instead of OpenCC's ``opencc``."""

    simplified: str
    opencc: str
    traditional: str
    why: str
    line: int


@dataclass(frozen=True)
class Suspect:
    """A Traditional form that is almost always a wrong conversion."""

    traditional: str
    why: str
    line: int


@dataclass(frozen=True)
class ConversionTable:
    path: str
    conversion: str
    """The OpenCC configuration the table corrects (s2tw): only that conversion gets the overrides and Taiwan's quotation marks."""
    overrides: tuple[ConversionOverride, ...]
    suspects: tuple[Suspect, ...]


def opencc_traditional(text: str) -> str:
    """OpenCC's own output for the corrected conversion, before overrides and quotation marks (for checks)."""
    return _converter(conversion_table().conversion).convert(text)


def load_conversion_table(path: Path) -> ConversionTable:
    """Read and validate the overrides file; a missing file is an empty table."""
    if not path.exists():
        return ConversionTable(str(path), OPENCC_CONFIG, (), ())
    data = load_yaml(path, missing="the Traditional Chinese overrides")
    if not isinstance(data, dict):
        raise InputError(str(path), 1, "expected 'overrides:' and 'suspects:' lists")
    conversion = data.get("conversion", OPENCC_CONFIG)
    if not isinstance(conversion, str) or not conversion.strip():
        raise InputError(str(path), data.line_of("conversion"), "'conversion' must name the OpenCC configuration the overrides correct (s2tw)")
    overrides = tuple(_override(str(path), entry) for entry in _entries(str(path), data, "overrides"))
    suspects = tuple(_suspect(str(path), entry) for entry in _entries(str(path), data, "suspects"))
    return ConversionTable(str(path), conversion.strip(), overrides, suspects)


def _entries(path: str, data: dict, key: str) -> list:
    entries = data.get(key) or []
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise InputError(path, data.line_of(key) if hasattr(data, "line_of") else 1, f"'{key}' must be a list of mappings")
    return entries


def _field(path: str, entry: dict, key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(path, entry.line, f"expected '{key}:' with text, found {value!r}")
    return value.strip()


def _override(path: str, entry: dict) -> ConversionOverride:
    simplified, wrong, right = _field(path, entry, "zh-Hans"), _field(path, entry, "opencc"), _field(path, entry, "zh-Hant")
    if not len(simplified) == len(wrong) == len(right):
        raise InputError(path, entry.line, f"override '{simplified}': zh-Hans, opencc and zh-Hant must have the same length (character for character)")
    return ConversionOverride(simplified, wrong, right, _field(path, entry, "why"), entry.line)


def _suspect(path: str, entry: dict) -> Suspect:
    return Suspect(_field(path, entry, "zh-Hant"), _field(path, entry, "why"), entry.line)


def _default_table_path() -> Path:
    """The overrides file of the project this package belongs to (searched upwards from the package)."""
    for folder in Path(__file__).resolve().parents:
        candidate = folder / OVERRIDES_FILE
        if candidate.exists():
            return candidate
    return Path(OVERRIDES_FILE)


_table_path: list[Path] = []


def use_conversion_table(path: Path) -> None:
    """Convert with the overrides of ``path`` (a project's own file) from now on."""
    _table_path[:] = [path]
    _table.cache_clear()
    convert.cache_clear()


def use_default_conversion_table() -> None:
    """Convert with the overrides of the project this package belongs to again (what a fresh process does)."""
    _table_path.clear()
    _table.cache_clear()
    convert.cache_clear()


@lru_cache(maxsize=1)
def _table() -> ConversionTable:
    return load_conversion_table(_table_path[0] if _table_path else _default_table_path())


def conversion_table() -> ConversionTable:
    """The reviewed overrides and suspects in use."""
    return _table()


def apply_overrides(simplified: str, converted: str, overrides: tuple[ConversionOverride, ...]) -> str:
    """Put each override's reviewed Traditional wherever its Simplified phrase occurs.

    s2tw converts character for character, so a phrase at offset i of the
    Simplified text is at offset i of the conversion.
    """
    if len(converted) != len(simplified):
        return converted
    chars = list(converted)
    for override in overrides:
        start = simplified.find(override.simplified)
        while start != -1:
            chars[start : start + len(override.traditional)] = override.traditional
            start = simplified.find(override.simplified, start + 1)
    return "".join(chars)


def conversion_faults(converted: str) -> tuple[list[str], str]:
    """What is wrong with a Traditional text: a problem line for each conversion known to go wrong in it
    (the reviewed suspects), and the mainland quotation marks it still has."""
    table = conversion_table()
    suspects = [
        f"zh-Hant conversion writes {suspect.traditional}: {suspect.why} (add a reviewed override to {table.path})"
        for suspect in table.suspects
        if suspect.traditional in converted
    ]
    return suspects, "".join(char for char in converted if char in MAINLAND_QUOTES)


def taiwan_quotes(text: str) -> str:
    """Mainland quotation marks → Taiwan's: “…” → 「…」, nested ‘…’ or “…” → 『…』.

    Depth decides the form, so a quotation inside a quotation is 『』 whichever
    mark the Simplified text used for it.
    """
    out: list[str] = []
    depth = 0
    for char in text:
        if char in "“‘":
            out.append("「" if depth % 2 == 0 else "『")
            depth += 1
        elif char in "”’" and depth > 0:
            depth -= 1
            out.append("」" if depth % 2 == 0 else "』")
        else:
            out.append(char)
    return "".join(out)




@lru_cache(maxsize=8)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@lru_cache(maxsize=65536)
def convert(text: str, config: str) -> str:
    """``text`` converted with the OpenCC configuration ``config`` (``s2tw``, ``tw2s`` …).

    The conversion the reviewed table corrects also gets its overrides and Taiwan's quotation marks.
    """
    converted = _converter(config).convert(text)
    table = _table()
    if config != table.conversion:
        return converted
    return taiwan_quotes(apply_overrides(text, converted, table.overrides))


def to_traditional(text: str) -> str:
    """Simplified → Traditional, character by character (OpenCC s2tw: Taiwan standard characters, no vocabulary changes)."""
    return convert(text, OPENCC_CONFIG)


def to_simplified(text: str) -> str:
    """Traditional (Taiwan standard) → Simplified, character by character: the inverse of :func:`to_traditional`."""
    return convert(text, "tw2s")
