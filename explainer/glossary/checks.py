"""Term consistency: where the Chinese uses a glossary term, a translation must use its rendering."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config.languages import languages
from .terms import Glossary, Term, TermMatcher, has_rendering, load_glossary
from ..document.model import Document, Segment
from ..translation.catalog import Catalog, load_catalog, po_path

GLOSSARY_FILE = "glossary/terms.yml"


@dataclass(frozen=True)
class Violation:
    segment: Segment
    term: Term
    english: str


def violations(document: Document, catalog: Catalog, glossary: Glossary, lang: str) -> Iterator[Violation]:
    """Every translated segment whose translation into ``lang`` lacks the rendering of a term its Chinese contains."""
    matcher = TermMatcher(glossary, languages().source.code)
    for segment in document.segments():
        rendering = catalog.render(segment)
        if rendering.status == "missing":
            continue
        for term in matcher.terms_in(segment.zh):
            if term.forms(lang) and not has_rendering(term, rendering.text, lang):
                yield Violation(segment, term, rendering.text)


def term_problems(root: Path, document: Document) -> list[str]:
    """``check`` lines for every terminology violation in the PO files of the translated languages."""
    glossary = load_glossary(str(root / GLOSSARY_FILE))
    return [problem for language in languages().translated() for problem in language_term_problems(root, document, glossary, language.code)]


def language_term_problems(root: Path, document: Document, glossary: Glossary, lang: str) -> list[str]:
    """``check`` lines for every terminology violation in the PO file of ``lang``."""
    path = po_path(root, lang, document.slug)
    catalog = load_catalog(path)
    problems = []
    for violation in violations(document, catalog, glossary, lang):
        entry = catalog.entries[violation.segment.id]
        expected = " / ".join(violation.term.forms(lang))
        problems.append(
            f"{path}:{entry.linenum}: {violation.segment.id}: term {violation.term.zh} ({violation.term.id}) "
            f"is not rendered as '{expected}'"
        )
    return problems
