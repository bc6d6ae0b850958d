"""The record of the independent second reading, kept in the PO files.

Each reading of a segment is one translator-comment line of its PO entry::

    # review: 2026-11-30 reviewer-2 round 1 grade 1 fluency zh:1a2b3c4d en:5e6f7a8b

(date, reviewer, round, grade 0 faithful and fluent / 1 minor wording / 2 meaning
affected, the category of the worst problem, and fingerprints of the Chinese and
the English that were read). The latest reading counts. It stops counting when the
Chinese changes (the segment is unreviewed again) or when the English is revised
after it (the revision awaits its own reading). Notes and replies are kept on
``review-note:`` and ``review-reply:`` lines beside it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import polib

from ..document.model import Document, Segment
from .catalog import load_catalog, po_path

REVIEW_RE = re.compile(
    r"^review: (?P<date>\d{4}-\d{2}-\d{2}) (?P<reviewer>\S+) round (?P<round>\d+) grade (?P<grade>[012])"
    r"(?: (?P<category>[a-z]+))? zh:(?P<zh>[0-9a-f]{8}) en:(?P<en>[0-9a-f]{8})$"
)
CATEGORIES = ("omission", "addition", "mistranslation", "term", "register", "fluency")
State = Literal["reviewed", "unreviewed", "zh-changed", "en-revised"]


def fingerprint(text: str) -> str:
    """Eight hex digits of the SHA-256 of ``text``: enough to notice a change, short enough to read."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Reading:
    date: str
    reviewer: str
    round: int
    grade: int
    category: str
    zh: str
    en: str


@dataclass(frozen=True)
class ReviewState:
    state: State
    reading: Reading | None

    @property
    def grade(self) -> int | None:
        return self.reading.grade if self.state == "reviewed" and self.reading else None


def readings(entry: polib.POEntry) -> list[Reading]:
    """Every recorded reading of an entry, in the order written."""
    found = []
    for line in (entry.tcomment or "").splitlines():
        match = REVIEW_RE.match(line.strip())
        if match:
            found.append(
                Reading(match["date"], match["reviewer"], int(match["round"]), int(match["grade"]), match["category"] or "", match["zh"], match["en"])
            )
    return found


def review_state(entry: polib.POEntry | None, segment: Segment) -> ReviewState:
    """Whether the current Chinese and English of a segment have been read, and how they were graded."""
    if entry is None or not entry.msgstr.strip():
        return ReviewState("unreviewed", None)
    found = readings(entry)
    if not found:
        return ReviewState("unreviewed", None)
    latest = max(found, key=lambda reading: reading.round)
    if latest.zh != fingerprint(segment.zh):
        return ReviewState("zh-changed", latest)
    if latest.en != fingerprint(entry.msgstr):
        return ReviewState("en-revised", latest)
    return ReviewState("reviewed", latest)


def review_line(date: str, reviewer: str, round_number: int, grade: int, category: str, chinese: str, english: str) -> str:
    """The comment line recording one reading."""
    if grade not in (0, 1, 2):
        raise ValueError(f"grade must be 0, 1 or 2, found {grade}")
    if category and category not in CATEGORIES:
        raise ValueError(f"category must be one of {', '.join(CATEGORIES)}, found {category!r}")
    label = f" {category}" if category else ""
    return f"review: {date} {reviewer} round {round_number} grade {grade}{label} zh:{fingerprint(chinese)} en:{fingerprint(english)}"


def add_comment(entry: polib.POEntry, line: str) -> None:
    """Append a translator-comment line, keeping the ones already there."""
    entry.tcomment = f"{entry.tcomment}\n{line}" if entry.tcomment else line


def review_report(root: Path, document: Document) -> tuple[list[str], list[str]]:
    """The second reading of a document's English: a summary line, and a problem per segment not cleared.

    A segment is not cleared when it has no reading, when its Chinese changed
    after the reading, when its English was revised after it, or when the latest
    reading found the meaning affected (grade 2).
    """
    path = po_path(root, "en", document.slug)
    catalog = load_catalog(path)
    grades: Counter[int] = Counter()
    problems: list[str] = []
    total = 0
    for segment in document.segments():
        total += 1
        entry = catalog.entries.get(segment.id)
        if entry is None or not entry.msgstr.strip():
            continue  # reported as missing by the translation checks
        state = review_state(entry, segment)
        where = f"{path}:{entry.linenum}: {segment.id}"
        if state.state == "reviewed" and state.reading is not None:
            grades[state.reading.grade] += 1
            if state.reading.grade == 2:
                problems.append(f"{where}: second reading graded 2 (meaning affected, {state.reading.category}) by {state.reading.reviewer} on {state.reading.date}")
        elif state.state == "zh-changed" and state.reading is not None:
            problems.append(f"{where}: unreviewed: the Chinese changed after the reading of {state.reading.date}")
        elif state.state == "en-revised" and state.reading is not None:
            problems.append(f"{where}: unreviewed: the English was revised after the reading of {state.reading.date} (grade {state.reading.grade})")
        else:
            problems.append(f"{where}: unreviewed: no second reading recorded")
    reviewed = sum(grades.values())
    summary = (
        f"{path}: second reading: {reviewed} of {total} segments reviewed "
        f"(grade 0: {grades[0]}, grade 1: {grades[1]}, grade 2: {grades[2]}), {total - reviewed} not"
    )
    return [summary], problems
