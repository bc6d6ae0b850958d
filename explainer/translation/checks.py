"""Machine QA of translations: completeness, review state, numbers, stray Chinese, orphans."""

from __future__ import annotations

import re
from pathlib import Path

from ..common.han import HAN_CHAR
from ..config.languages import languages
from ..document.model import Document
from .catalog import load_catalog, po_path

NUMBER_RE = re.compile(r"\d+(?:\.\d+)?%?")
HAN_RE = HAN_CHAR
PARENTHESISED_RE = re.compile(r"\([^()]*\)")


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
MONTH_RE = re.compile(r"(\d{1,2})月")


def numbers_missing(chinese: str, english: str) -> list[str]:
    """Arabic numbers and percentages of the Chinese that the English lacks.

    A month (4月) may be rendered by its name (April).
    """
    found = set(NUMBER_RE.findall(english.replace(",", "")))
    months = {str(index) for index, name in enumerate(MONTHS, 1) if name in english}
    month_numbers = set(MONTH_RE.findall(chinese))
    return [
        number
        for number in NUMBER_RE.findall(chinese)
        if number not in found and not (number in month_numbers and number in months)
    ]


def stray_chinese(english: str) -> list[str]:
    """Chinese characters in English text, outside deliberate parenthesised originals."""
    return HAN_RE.findall(PARENTHESISED_RE.sub("", english))


def translation_problems(root: Path, document: Document) -> list[str]:
    """Every problem of the PO files of ``document`` in the translated languages, one line each."""
    return [problem for language in languages().translated() for problem in language_problems(root, document, language.code)]


def language_problems(root: Path, document: Document, lang: str) -> list[str]:
    """Every problem of the PO file of ``document`` in ``lang``, one line each."""
    path = po_path(root, lang, document.slug)
    catalog = load_catalog(path)
    problems: list[str] = []
    ids = set()
    for segment in document.segments():
        ids.add(segment.id)
        rendering = catalog.render(segment)
        entry = catalog.entries.get(segment.id)
        where = f"{path}:{entry.linenum}" if entry is not None else f"{path}"
        if rendering.status != "reviewed":
            problems.append(f"{where}: {segment.id}: translation {rendering.status}")
            if rendering.status == "missing":
                continue
        for number in numbers_missing(segment.zh, rendering.text):
            problems.append(f"{where}: {segment.id}: number {number} of the Chinese is missing from the English")
        stray = stray_chinese(rendering.text)
        if stray:
            problems.append(f"{where}: {segment.id}: Chinese characters left in the English: {''.join(stray)}")
    for segment_id, entry in catalog.entries.items():
        if segment_id not in ids:
            problems.append(f"{path}:{entry.linenum}: {segment_id}: orphan entry, no such segment in {document.source}")
    return problems
