"""The proof that parsing loses nothing: every character but spaces, punctuation included, in order.

A source line minus its structural marks must equal the model's text: the numbering
(一、 (一) 问： 答： ——) becomes structure, and so do two punctuation marks, stated
here one by one: the 《》 around a title alone on its line (the model keeps the title),
and the 。 that ends an article heading written inline (指导思想。以……), which the model
keeps as the article's title. Any other character missing from the model fails.
"""

from __future__ import annotations

import re

from explainer.document.model import Document

STRUCTURAL_MARKER = re.compile(r"^\s*(?:[一二三四五六七八九十百]+、|[(（][一二三四五六七八九十百]+[)）]|(?:问|记者|答)\s*[：:]|——|－－|--)")
ARTICLE_MARKER = re.compile(r"^\s*[(（][一二三四五六七八九十百]+[)）]\s*")
TITLE_LINE = re.compile(r"^\s*《([^《》]+)》\s*$")
SPACE = re.compile(r"\s")


def source_content(lines: list[str], document: Document, dropped: set[int]) -> str:
    """The source's characters that must reach the model: no spaces, no structural marks."""
    titles = {article.title.zh for article in document.articles if article.title}
    kept = []
    for number, line in enumerate(lines, 1):
        if number in dropped:
            continue
        title = TITLE_LINE.match(line)
        if title and SPACE.sub("", title.group(1)) == SPACE.sub("", document.title.zh):
            line = title.group(1)
        marker = ARTICLE_MARKER.match(line)
        if marker:
            heading, stop, rest = line[marker.end() :].partition("。")
            if stop and heading in titles:
                line = heading + rest
        kept.append(SPACE.sub("", STRUCTURAL_MARKER.sub("", line)))
    return "".join(kept)


def model_content(document: Document) -> str:
    """Every segment of the model, in reading order, without spaces."""
    return "".join(SPACE.sub("", segment.zh) for segment in document.segments())
