"""Term consistency: where the Chinese uses a glossary term, a translation must use its rendering."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config.languages import languages
from .terms import AvoidedRendering, Glossary, Term, TermMatcher, has_rendering, load_glossary
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


def avoided_in(glossary: Glossary, english: str) -> list[tuple[Term, AvoidedRendering]]:
    """Every rendering to avoid that occurs in ``english`` (whole words, any case)."""
    found = []
    for term in glossary.terms:
        for avoided in term.en_avoid:
            if re.search(rf"(?<![\w-]){re.escape(avoided.en)}(?![\w-])", english, re.IGNORECASE):
                found.append((term, avoided))
    return found


def avoided_problems(root: Path, document: Document) -> list[str]:
    """``check`` lines for every rendering the term base says to avoid, wherever it occurs in the English."""
    path = po_path(root, "en", document.slug)
    catalog = load_catalog(path)
    glossary = load_glossary(str(root / GLOSSARY_FILE))
    problems = []
    for segment in document.segments():
        entry = catalog.entries.get(segment.id)
        if entry is None or not entry.msgstr.strip():
            continue
        for term, avoided in avoided_in(glossary, entry.msgstr):
            problems.append(f"{path}:{entry.linenum}: {segment.id}: '{avoided.en}' is a rendering to avoid ({term.zh}, {term.id}): {avoided.why}")
    return problems


def traditional_term_problems(root: Path) -> list[str]:
    """The term base in Traditional Chinese (terms and definitions): conversions known to go wrong, mainland quotes left."""
    from ..translation.conversion import conversion_faults

    glossary = load_glossary(str(root / GLOSSARY_FILE))
    problems = []
    for term in glossary.terms:
        for text in (term.zh_hant, term.definition["zh-Hant"]):
            suspects, left = conversion_faults(text)
            problems += [f"{glossary.path}:{term.line}: term '{term.id}': {problem}" for problem in suspects]
            if left:
                problems.append(f"{glossary.path}:{term.line}: term '{term.id}': zh-Hant text keeps mainland quotation marks {left}")
    return problems
