"""Typed configuration options, in the style of MkDocs' ``config_options``: each validates one value.

An option's :meth:`Option.check` returns the value or raises :class:`OptionError`
with what was expected; :func:`validate` applies a schema to a mapping and turns
the first error into ``file:line: 'key': what was expected, found …`` (exit 2).
Unknown keys are errors too, suggesting the nearest known key: every file kind
keeps its known keys in ONE schema, beside its loader, so adding a key is one line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from ..common.errors import InputError
from ..common.yamlfile import unknown_key_message


class OptionError(Exception):
    """A value of the wrong type or form; ``key`` narrows the place inside it (theme → 'name')."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


def shown(value: Any, limit: int = 40) -> str:
    """A value as an error message shows it: YAML's words for YAML's types."""
    if value is None:
        text = "nothing"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (dict, list)):
        text = "a mapping" if isinstance(value, dict) else "a list"
    elif isinstance(value, str):
        text = f"'{value if len(value) <= limit else value[: limit - 1] + '…'}'"
    else:
        text = str(value)
    return text


class Option:
    """One configuration value: ``check`` returns it validated or raises OptionError."""

    expected = "a value"

    def check(self, value: Any) -> Any:
        return value

    def fail(self, value: Any) -> OptionError:
        return OptionError(f"expected {self.expected}, found {shown(value)}")


@dataclass
class Type(Option):
    """A value of one Python type (bool is never an int here)."""

    kind: type
    expected: str = "a value"

    def check(self, value: Any) -> Any:
        if isinstance(value, bool) and self.kind is not bool:
            raise self.fail(value)
        if not isinstance(value, self.kind):
            raise self.fail(value)
        return value


def text(expected: str = "text") -> Type:
    return Type(str, expected)


@dataclass
class URL(Option):
    """An absolute http(s) address with a host, as ``site_url`` must be."""

    expected: str = "an absolute http:// or https:// address such as https://example.org/docs/"

    def check(self, value: Any) -> Any:
        if not isinstance(value, str):
            raise self.fail(value)
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment or " " in value:
            raise self.fail(value)
        return value


@dataclass
class ListOf(Option):
    """A list whose every item passes ``item``."""

    item: Option
    expected: str = "a list"

    def check(self, value: Any) -> Any:
        if not isinstance(value, list):
            raise OptionError(f"expected a list, each item {self.item.expected}, found {shown(value)}")
        for index, item in enumerate(value):
            try:
                self.item.check(item)
            except OptionError as error:
                raise OptionError(f"item {index + 1}: {error}") from None
        return value


@dataclass
class OneOf(Option):
    """The first of several options that accepts the value."""

    options: tuple[Option, ...]
    expected: str = "a value"

    def check(self, value: Any) -> Any:
        specific: OptionError | None = None
        for option in self.options:
            try:
                return option.check(value)
            except OptionError as error:
                # A mapping given where a Schema is accepted: its own error says more than "expected …".
                if isinstance(option, Schema) and isinstance(value, dict) or isinstance(option, ListOf) and isinstance(value, list):
                    specific = specific or error
        raise specific or self.fail(value)


@dataclass
class Schema(Option):
    """A mapping with known keys, each checked by its option; unknown keys fail with a suggestion."""

    options: Mapping[str, Option]
    expected: str = "a mapping"
    open_keys: bool = False
    """Accept keys not in ``options`` (a theme's own settings)."""

    def check(self, value: Any) -> Any:
        if not isinstance(value, dict):
            raise self.fail(value)
        for key, item in value.items():
            if key not in self.options:
                if self.open_keys:
                    continue
                raise OptionError(unknown_key_message(str(key), self.options), str(key))
            try:
                self.options[key].check(item)
            except OptionError as error:
                raise OptionError(f"'{key}': {error}", error.key or str(key)) from None
        return value


# -- line numbers of a YAML file, for any path of keys --------------------------------


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The line of every key of a YAML text, by its path of keys (list items by index); the root is ()."""
    lines: dict[tuple[str, ...], int] = {}
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return lines
    if node is not None:
        _walk(node, (), lines)
    return lines


def _walk(node: yaml.Node, path: tuple[str, ...], lines: dict[tuple[str, ...], int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*path, str(key.value))
            lines[child] = key.start_mark.line + 1
            _walk(value, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, str(index)), lines)


def line_of(lines: dict[tuple[str, ...], int], path: tuple[str, ...]) -> int:
    """The line of ``path``, or of its nearest ancestor written in the file."""
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path, 1)


def validate(path: Path, data: dict[str, Any], schema: Schema, lines: dict[tuple[str, ...], int]) -> None:
    """Check ``data`` against ``schema``; the first error is an InputError at the line of the key at fault."""
    try:
        schema.check(data)
    except OptionError as error:
        where = _error_path(data, schema, str(error))
        raise InputError(str(path), line_of(lines, where), str(error)) from None


def _error_path(data: dict[str, Any], schema: Schema, message: str) -> tuple[str, ...]:
    """The key path an error message names: 'theme': 'features': item 2 → (theme, features, 1)."""
    path: list[str] = []
    rest = message
    while True:
        if rest.startswith("'") and "': " in rest:
            key, rest = rest[1:].split("': ", 1)
            path.append(key)
        elif rest.startswith("item ") and ": " in rest:
            number, rest = rest[5:].split(": ", 1)
            path.append(str(int(number) - 1) if number.isdigit() else number)
        elif rest.startswith("unknown key '"):
            path.append(rest[len("unknown key '") :].split("'", 1)[0])
            break
        else:
            break
    return tuple(path)
