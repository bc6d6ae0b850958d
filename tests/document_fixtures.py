"""The example documents of every form (``tests/fixtures/documents/``) that the parser's tests read."""

from __future__ import annotations

from pathlib import Path

from explainer.document.model import Document
from explainer.document.parse import parse_file

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"
SOURCES = {path.stem: path for path in sorted([*FIXTURES.glob("*.txt"), *FIXTURES.glob("*.md")]) if path.name != "README.md"}
"""Fixture name → its source file."""


def fixture(name: str) -> Path:
    """The source file of the fixture ``name``."""
    return SOURCES[name]


class ParsedOnDemand(dict[str, Document]):
    """Fixture name → its model, parsed when a test first reads it.

    Each test gets its own (a function-scoped pytest fixture returns a new one): a mutation run credits
    the parser's code only to the tests that ran it, and a module-wide parse counts for one test."""

    def __missing__(self, name: str) -> Document:
        document = parse_file(SOURCES[name])
        self[name] = document
        return document
