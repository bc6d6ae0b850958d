"""Reading the project's YAML files so that every error can name its line.

The term base, the corrections, the alignment overrides, ``documents.yml`` and
the search query table are written by people, and a mistake in one must be
reported as ``file:line: what was expected``. :func:`load_yaml` parses a file
safely (no tags that run code) into plain dicts and lists that also know where
they are: each mapping is a :class:`LineDict` and each list a :class:`LineList`,
with the line where it starts and the line of each of its values.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError


class LineDict(dict[str, Any]):
    """A YAML mapping: ``line`` where it starts, ``lines[key]`` where each value starts, ``key_lines[key]`` each key."""

    line: int = 1
    lines: dict[str, int]
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """Where the value of ``key`` starts, or the mapping itself when the key is absent."""
        return self.lines.get(key, self.line)

    def key_line(self, key: str) -> int:
        """Where ``key`` is written, or the mapping itself when it is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A YAML sequence: ``line`` where it starts, ``lines[i]`` where item ``i`` starts."""

    line: int = 1
    lines: list[int]


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, building LineDict and LineList instead of dict and list."""


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.lines = {str(key.value): value.start_mark.line + 1 for key, value in node.value}
    mapping.key_lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
    return mapping


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    sequence = LineList(loader.construct_sequence(node, deep=True))
    sequence.line = node.start_mark.line + 1
    sequence.lines = [item.start_mark.line + 1 for item in node.value]
    return sequence


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def load_yaml(path: Path | str, missing: str | None = None) -> Any:
    """The content of a YAML file, with line numbers on its mappings and lists.

    A syntax error (or text that is not UTF-8) is an :class:`InputError` at the line
    PyYAML points to. A missing file is one too, saying "no such file: expected
    ``missing``", when ``missing`` is given; otherwise FileNotFoundError propagates.
    An empty file gives None.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except FileNotFoundError:
        if missing is None:
            raise
        raise InputError(str(path), 0, f"no such file: expected {missing}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError.from_yaml(path, error) from None


def unknown_key_message(key: str, known: Collection[str]) -> str:
    """``unknown key 'short_tittle': did you mean 'short_title'?`` (or the list of known keys)."""
    nearest = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    if nearest:
        return f"unknown key '{key}': did you mean '{nearest[0]}'?"
    return f"unknown key '{key}': expected one of {', '.join(sorted(known))}"


def reject_unknown_keys(path: Path | str, mapping: LineDict, known: Collection[str], what: str = "") -> None:
    """An unknown key of ``mapping`` is an InputError at its line, suggesting the nearest known key.

    Each file kind keeps its ``known`` keys in one tuple beside its loader: adding a
    key to a file format is adding it there.
    """
    for key in mapping:
        if key not in known:
            prefix = f"{what}: " if what else ""
            raise InputError(str(path), mapping.key_line(str(key)), prefix + unknown_key_message(str(key), known))
