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

Corrections are applied at parse time; accepted entries mark a suspicious spot
as reviewed and kept as published. ``closing`` overrides the parser's rule for
the text after the last article (see :func:`explainer.parse.closing_start`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import InputError


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
class Corrections:
    corrections: tuple[Correction, ...] = ()
    accepted: tuple[Accepted, ...] = ()
    closing: ClosingDecision | None = None


def corrections_path(source: Path) -> Path:
    """``sources/x.txt`` → ``sources/x.corrections.yml``."""
    return source.with_suffix(".corrections.yml")


def load_corrections(path: Path) -> Corrections:
    """Load and validate a corrections file; a missing file means no corrections."""
    if not path.exists():
        return Corrections()
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError.from_yaml(path, error) from None
    if root is None:
        return Corrections()
    if not isinstance(root, yaml.MappingNode):
        raise InputError(str(path), root.start_mark.line + 1, "expected a mapping with 'corrections' and 'accepted'")
    sections = {key.value: value for key, value in root.value}
    unknown = set(sections) - {"corrections", "accepted", "closing"}
    if unknown:
        raise InputError(
            str(path), root.start_mark.line + 1, f"unknown section '{sorted(unknown)[0]}': expected 'corrections', 'accepted' or 'closing'"
        )
    corrections = tuple(
        Correction(
            line=_int_field(path, node, "line"),
            original=_str_field(path, node, "original"),
            corrected=_str_field(path, node, "corrected", allow_empty=True),
            why=_str_field(path, node, "why"),
            entry_line=node.start_mark.line + 1,
        )
        for node in _entries(path, sections.get("corrections"), "corrections")
    )
    accepted = tuple(
        Accepted(line=_int_field(path, node, "line"), text=_str_field(path, node, "text"), why=_str_field(path, node, "why"))
        for node in _entries(path, sections.get("accepted"), "accepted")
    )
    return Corrections(corrections, accepted, _closing(path, sections.get("closing")))


def _closing(path: Path, node: yaml.Node | None) -> ClosingDecision | None:
    if node is None:
        return None
    if not isinstance(node, yaml.MappingNode):
        raise InputError(str(path), node.start_mark.line + 1, "'closing' must be a mapping with 'line' and 'why'")
    value = _field(path, node, "line")
    if not (isinstance(value, yaml.ScalarNode) and value.value.isdigit()):
        raise InputError(
            str(path),
            value.start_mark.line + 1,
            f"'line' must be the line where the closing starts, or 0 for none, found '{getattr(value, 'value', '')}'",
        )
    return ClosingDecision(int(value.value), _str_field(path, node, "why"), node.start_mark.line + 1)


def _entries(path: Path, node: yaml.Node | None, section: str) -> list[yaml.MappingNode]:
    if node is None or (isinstance(node, yaml.ScalarNode) and node.value in ("", "null", "~")):
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise InputError(str(path), node.start_mark.line + 1, f"'{section}' must be a list of entries")
    for entry in node.value:
        if not isinstance(entry, yaml.MappingNode):
            raise InputError(str(path), entry.start_mark.line + 1, f"each '{section}' entry must be a mapping")
    return list(node.value)


def _field(path: Path, node: yaml.MappingNode, name: str) -> yaml.Node:
    for key, value in node.value:
        if key.value == name:
            return value
    raise InputError(str(path), node.start_mark.line + 1, f"entry has no '{name}'")


def _int_field(path: Path, node: yaml.MappingNode, name: str) -> int:
    value = _field(path, node, name)
    if not (isinstance(value, yaml.ScalarNode) and value.value.isdigit() and int(value.value) > 0):
        raise InputError(str(path), value.start_mark.line + 1, f"'{name}' must be a positive line number, found '{getattr(value, 'value', '')}'")
    return int(value.value)


def _str_field(path: Path, node: yaml.MappingNode, name: str, allow_empty: bool = False) -> str:
    value = _field(path, node, name)
    if not isinstance(value, yaml.ScalarNode) or (not value.value and not allow_empty):
        raise InputError(str(path), value.start_mark.line + 1, f"'{name}' must be a non-empty string")
    return str(value.value)
