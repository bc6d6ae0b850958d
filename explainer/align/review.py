"""The review sheet: every link the aligner proposes for a document, for a person to confirm or correct.

``python -m explainer align --review DOC`` writes it beside the source as
``<slug>.alignment.review.yml``. It lists every answer sentence with the links
proposed for it: the article's number and heading, the confidence, and
``keep`` (true for the links the site publishes now). A reviewer flips ``keep``
where the aligner is wrong, adds ``{article: N, keep: true}`` for a link it
missed, and saves the file as ``sources/<slug>.alignment.yml``: every sentence
listed there then shows exactly its kept links (see ``Reviewed``). Decisions
already reviewed are carried over, so writing a new sheet loses nothing.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ..common.errors import InputError
from ..document.model import Document
from .aligner import Alignment, Override, Reviewed, align, load_overrides, overrides_path


def review_path(source: Path) -> Path:
    return source.with_suffix(".alignment.review.yml")


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is a subset of YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def review_sheet(document: Document, alignment: Alignment | None = None) -> str:
    """The sheet's text: a header saying how to use it, then one entry per answer sentence."""
    decisions = load_overrides(overrides_path(Path(document.source)))
    if alignment is None:
        alignment = align(document, overrides=decisions)
    reasons = {decision.segment: decision.why for decision in decisions if decision.why}
    headings = {article.number: article.title.zh if article.title else "" for article in document.articles}
    lines = [
        f"# Review sheet of the Q&A ↔ article links of {document.title.zh} ({document.slug}),",
        f"# written by `python -m explainer align --review {document.slug}`.",
        "# For every answer sentence, the articles the aligner proposes, with the article's heading and",
        "# the aligner's confidence (1.0: quoted or already reviewed). keep: true shows the link on the",
        "# site, keep: false drops it; add {article: N, keep: true} for a link it missed, and a why: line",
        "# where the decision needs one. Then save this file as " + overrides_path(Path(document.source)).name + ":",
        "# each sentence listed there shows exactly its kept links, whatever the aligner finds later.",
        "reviewed:",
    ]
    for link in alignment.links.values():
        numbers = sorted({*link.articles, *link.suggested, *link.confidence})
        lines.append(f"  - segment: {link.segment.id}")
        lines.append(f"    sentence: {_quoted(link.segment.zh)}")
        if link.segment.id in reasons:
            lines.append(f"    why: {_quoted(reasons[link.segment.id])}")
        if not numbers:
            lines.append("    links: []")
            continue
        lines.append("    links:")
        for number in numbers:
            confidence = 1.0 if link.reviewed and number in link.articles else link.confidence.get(number, 0.0)
            keep = "true" if number in link.articles else "false"
            lines.append(
                f"      - {{article: {number}, heading: {_quoted(headings.get(number, ''))}, confidence: {confidence:.2f}, keep: {keep}}}"
            )
    return "\n".join(lines) + "\n"


def write_review_sheet(document: Document, target: Path | None = None) -> Path:
    """Write the sheet (never over an existing one: it may hold a reviewer's unsaved work); return its path."""
    target = target or review_path(Path(document.source))
    if target.exists():
        raise InputError(str(target), 0, "a review sheet is already there: expected it saved as the alignment file, or removed, first")
    text = review_sheet(document)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    os.replace(temporary, target)
    return target


__all__ = ["Override", "Reviewed", "review_path", "review_sheet", "write_review_sheet"]
