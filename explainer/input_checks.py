"""What ``check`` reports about hostile or damaged input: markup and control characters.

Pages always show markup in a source, a msgstr or a configuration string as text
(everything is escaped once, where it becomes HTML), so markup there is never run;
but it is almost always a mistake or an attack a reviewer should see, with its line.
Control characters (NUL, C0 and C1 other than tab and newline) have no place in a
text and are written as U+FFFD on pages; ``check`` names each with its line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from .config.site import CONFIG_FILE
from .document.model import Document
from .document.parse import read_source
from .render.markup import CONTROL_RE
from .config.languages import languages
from .translation.catalog import load_catalog, po_path

MARKUP_RE = re.compile(
    r"<\s*/?\s*[A-Za-z!?][^<>]{0,40}>?"  # a tag, a comment or a declaration
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"  # a character reference
    r"|\{\{|\{%|\{#"  # template syntax (Jinja)
    r"|\bjavascript\s*:",
    re.IGNORECASE,
)
CONFIGURATION_FILES = ("documents.yml", "glossary/terms.yml", CONFIG_FILE)


def markup_in(text: str) -> str | None:
    """The first piece of markup in ``text``, as written, or None."""
    match = MARKUP_RE.search(text)
    return match.group() if match else None


def control_characters(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, character) of every control character of ``text``, lines and columns from 1."""
    for number, line in enumerate(text.split("\n"), 1):
        for match in CONTROL_RE.finditer(line):
            yield number, match.start() + 1, match.group()


def _control_lines(path: Path | str, text: str) -> list[str]:
    return [
        f"{path}:{line}:{column}: control character U+{ord(char):04X}: pages show it as U+FFFD; remove it"
        for line, column, char in control_characters(text)
    ]


def source_problems(document: Document) -> list[str]:
    """Control characters in the source file, and markup in any of its sentences, titles or questions."""
    problems = _control_lines(document.source, read_source(Path(document.source)))
    for segment in document.segments():
        found = markup_in(segment.zh)
        if found:
            problems.append(f"{document.source}:{segment.line}: {segment.id}: markup '{found}' in the text: pages show it as text; remove it")
    return problems


def translation_input_problems(root: Path, document: Document) -> list[str]:
    """Control characters in each PO file of the document, and markup in any msgstr."""
    problems: list[str] = []
    for language in languages().translated():
        path = po_path(root, language.code, document.slug)
        if not path.exists():
            continue
        catalog = load_catalog(path)  # strict: a syntax error stops check with file:line first
        problems += _control_lines(path, path.read_text(encoding="utf-8"))
        for segment_id, entry in catalog.entries.items():
            found = markup_in(entry.msgstr)
            if found:
                problems.append(f"{path}:{entry.linenum}: {segment_id}: markup '{found}' in the translation: pages show it as text; remove it")
    return problems


def configuration_problems(root: Path) -> list[str]:
    """Markup in any string of documents.yml, the term base and mkdocs.yml."""
    problems = []
    for name in CONFIGURATION_FILES:
        path = root / name
        if not path.exists():
            continue
        for line, value in _yaml_strings(path.read_text(encoding="utf-8")):
            found = markup_in(value)
            if found:
                problems.append(f"{path}:{line}: markup '{found}' in a configuration string: pages show it as text; remove it")
    return problems


def _yaml_strings(text: str) -> Iterator[tuple[int, str]]:
    """Every scalar of a YAML text with its line (the loaders have validated the file already)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            yield current.start_mark.line + 1, str(current.value)
        elif isinstance(current, yaml.MappingNode):
            stack.extend(value for pair in reversed(current.value) for value in reversed(pair))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
