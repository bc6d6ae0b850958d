"""The picture of a document on its home page: parts → articles → the Q&A answers that explain them.

Generated at build time from the model and the alignment, as inline SVG (the
kind of 图解 that gov.cn publishes for major policies), so any document gets
one, in every language: every box is a link, every label is text (found by
the browser's find, read by screen readers, sharp at any zoom), lines are
decoration. Two layouts of the same picture, one shown at a time by CSS:

- wide (desktops, projectors): three columns, parts | articles | Q&A items, with
  a line from each article to each answer that explains it;
- narrow (phones): a tree, each part above its articles, each article with
  badges for the answers that explain it, at a size readable without zooming.

SVG has no line breaking: labels are wrapped here by an estimate of their width
(Han characters and full-width forms one em, Latin letters about half).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .markup import attribute

FONT = 13.0
"""Label size in SVG units: the narrow picture is drawn 360 units wide, about a phone's width in CSS pixels."""
LINE = FONT * 1.45
PAD = 6.0
NARROW_WIDTH = 360.0
WIDE_COLUMNS = ((0.0, 150.0), (164.0, 310.0), (514.0, 166.0))
"""x and width of the parts, articles and Q&A columns of the wide picture (680 units: the width
of the text column on a common desktop, so that labels are drawn at their size, not smaller)."""
WIDE_WIDTH = 680.0
GAP = 6.0

_TOKENS = re.compile(r"[^\s\u2e80-\uffff]+\s*|\s+|.", re.DOTALL)
_NARROW_CHARS = set("ijlrtf.,:;'’!|()[] ")


def text_width(text: str, size: float = FONT) -> float:
    """Estimated width of ``text`` at ``size``: Han and full-width characters are square, Latin about half."""
    width = 0.0
    for char in text:
        if ord(char) >= 0x2E80:
            width += 1.0
        elif char in _NARROW_CHARS:
            width += 0.3
        elif char.isupper() or char in "mwMW&%":
            width += 0.72
        else:
            width += 0.55
    return width * size


def wrap(text: str, width: float, size: float = FONT, max_lines: int = 4) -> list[str]:
    """Greedy line breaking: Latin words stay whole, Han characters break anywhere; an ellipsis ends a cut label."""
    lines: list[str] = []
    current = ""
    for token in _TOKENS.findall(text):
        if current and text_width((current + token).rstrip(), size) > width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current += token
    if current.strip():
        lines.append(current.rstrip())
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and text_width(last + "…", size) > width:
            last = last[:-1]
        lines = lines[: max_lines - 1] + [last.rstrip() + "…"]
    return lines


@dataclass(frozen=True)
class MapLink:
    """A box of the picture: its label and where it leads (a served URL, relative to the page)."""

    label: str
    href: str


@dataclass(frozen=True)
class MapArticle:
    box: MapLink
    answers: tuple[int, ...]
    """Numbers of the Q&A items that explain the article."""


@dataclass(frozen=True)
class MapPart:
    box: MapLink
    articles: tuple[MapArticle, ...]


@dataclass(frozen=True)
class MapAnswer:
    number: int
    badge: str
    """The short label of the item (问2, Q&A 2) on the narrow picture's badges."""
    box: MapLink


@dataclass
class DocumentMap:
    """The picture's content, in one language; :meth:`svg` draws it."""

    title: str
    description: str
    lang: str
    parts: list[MapPart] = field(default_factory=list)
    answers: dict[int, MapAnswer] = field(default_factory=dict)
    qa: MapLink | None = None
    """The Q&A's own box (its index page): the narrow picture ends with it and every item below it."""

    def html(self) -> str:
        """Both layouts, in a figure (CSS shows the one that fits the screen)."""
        return (
            f'<figure class="doc-map" lang="{attribute(self.lang)}">'
            f"{self.svg_wide()}{self.svg_narrow()}"
            f'<figcaption class="doc-map__caption">{attribute(self.description)}</figcaption></figure>'
        )

    # -- drawing helpers -------------------------------------------------------------

    def _svg(self, layout: str, width: float, height: float, body: Iterable[str]) -> str:
        ident = f"doc-map-{layout}"
        return (
            f'<svg class="doc-map__svg doc-map__svg--{layout}" viewBox="0 0 {width:g} {height:g}" width="{width:g}" height="{height:g}" '
            f'role="group" aria-labelledby="{ident}-title" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{ident}-title">{attribute(self.title)}</title>{"".join(body)}</svg>'
        )

    @staticmethod
    def _box(link: MapLink, x: float, y: float, width: float, lines: list[str], css: str, height: float | None = None) -> str:
        height = height if height is not None else len(lines) * LINE + 2 * PAD
        text_y = y + PAD + FONT
        spans = "".join(
            f'<tspan x="{x + PAD:g}" y="{text_y + index * LINE:g}">{attribute(line)}</tspan>' for index, line in enumerate(lines)
        )
        return (
            f'<a href="{attribute(link.href)}" class="{css}"><rect x="{x:g}" y="{y:g}" width="{width:g}" height="{height:g}" rx="4"/>'
            f"<text>{spans}</text></a>"
        )

    # -- wide: three columns with connectors ------------------------------------------

    def svg_wide(self) -> str:
        (part_x, part_w), (article_x, article_w), (answer_x, answer_w) = WIDE_COLUMNS
        boxes: list[str] = []
        centres: list[tuple[float, tuple[int, ...]]] = []
        y = 0.0
        for part in self.parts:
            top = y
            start = len(boxes)  # the part's box goes before its articles: reading and Tab order follow the document
            for article in part.articles:
                lines = wrap(article.box.label, article_w - 2 * PAD, max_lines=3)
                height = len(lines) * LINE + 2 * PAD
                boxes.append(self._box(article.box, article_x, y, article_w, lines, "doc-map__article"))
                centres.append((y + height / 2, article.answers))
                y += height + GAP
            part_lines = wrap(part.box.label, part_w - 2 * PAD, max_lines=6)
            height = max(y - GAP - top, len(part_lines) * LINE + 2 * PAD)
            boxes.insert(start, self._box(part.box, part_x, top, part_w, part_lines, "doc-map__part", height))
            y = max(y, top + height + GAP) + GAP * 2
        total = max(y - 3 * GAP, 0.0)
        answers, positions = self._wide_answers(answer_x, answer_w, total)
        connectors = self._wide_connectors(article_x + article_w, answer_x, positions, centres)
        height = max([total, *(bottom for _, bottom in positions.values())])
        return self._svg("wide", WIDE_WIDTH, height, [connectors, *boxes, *answers])

    def _wide_answers(self, x: float, width: float, total: float) -> tuple[list[str], dict[int, tuple[float, float]]]:
        """The Q&A boxes spread over the picture's height; returns them and each one's (centre, bottom)."""
        answers = sorted(self.answers.values(), key=lambda answer: answer.number)
        if not answers:
            return [], {}
        wrapped = [wrap(answer.box.label, width - 2 * PAD, max_lines=5) for answer in answers]
        heights = [len(lines) * LINE + 2 * PAD for lines in wrapped]
        spare = max(total - sum(heights), GAP * (len(answers) - 1))
        step = spare / max(len(answers) - 1, 1)
        boxes, positions = [], {}
        y = 0.0
        for answer, lines, height in zip(answers, wrapped, heights):
            boxes.append(self._box(answer.box, x, y, width, lines, "doc-map__answer"))
            positions[answer.number] = (y + height / 2, y + height)
            y += height + step
        return boxes, positions

    @staticmethod
    def _wide_connectors(start: float, end: float, answers: dict[int, tuple[float, float]], boxes_y: list[tuple[float, tuple[int, ...]]]) -> str:
        """One curve from each article to each answer that explains it (decoration: the badges and links carry the meaning)."""
        middle = (start + end) / 2
        paths = [
            f"M{start:g} {y:g}C{middle:g} {y:g} {middle:g} {answers[number][0]:g} {end:g} {answers[number][0]:g}"
            for y, numbers in boxes_y
            for number in numbers
            if number in answers
        ]
        return f'<path class="doc-map__line" aria-hidden="true" d="{" ".join(paths)}"/>' if paths else ""

    # -- narrow: a tree with badges ------------------------------------------------------

    def svg_narrow(self) -> str:
        body: list[str] = []
        indent = 14.0
        y = 0.0
        for part in self.parts:
            lines = wrap(part.box.label, NARROW_WIDTH - 2 * PAD, max_lines=4)
            height = len(lines) * LINE + 2 * PAD
            body.append(self._box(part.box, 0, y, NARROW_WIDTH, lines, "doc-map__part"))
            y += height + GAP
            branch_top = y
            for article in part.articles:
                badges = [self.answers[number] for number in article.answers if number in self.answers]
                badge_widths = [text_width(badge.badge) + 2 * PAD for badge in badges]
                area = min(sum(badge_widths) + GAP * len(badges), 112.0) if badges else 0.0
                text_w = NARROW_WIDTH - indent - area - (GAP if badges else 0)
                lines = wrap(article.box.label, text_w - 2 * PAD, max_lines=4)
                rows = self._badge_rows(badge_widths, area)
                height = max(len(lines) * LINE + 2 * PAD, len(rows) * (LINE + 2 * PAD) + (len(rows) - 1) * 3)
                body.append(f'<path class="doc-map__branch" aria-hidden="true" d="M{indent / 2:g} {branch_top - GAP:g}V{y + height / 2:g}H{indent:g}"/>')
                body.append(self._box(article.box, indent, y, text_w, lines, "doc-map__article", height))
                bx = NARROW_WIDTH - area
                for row_index, row in enumerate(rows):
                    x = bx
                    for index in row:
                        badge = badges[index]
                        top = y + row_index * (LINE + 2 * PAD + 3)
                        link = MapLink(badge.badge, badge.box.href)
                        body.append(self._box(link, x, top, badge_widths[index], [badge.badge], "doc-map__badge", LINE + 2 * PAD))
                        x += badge_widths[index] + GAP
                y += height + GAP
            y += GAP * 2
        if self.qa is not None and self.answers:
            # Then the Q&A, every item: an answer that explains no article is still part of the picture.
            lines = wrap(self.qa.label, NARROW_WIDTH - 2 * PAD, max_lines=2)
            body.append(self._box(self.qa, 0, y, NARROW_WIDTH, lines, "doc-map__qa"))
            y += len(lines) * LINE + 2 * PAD + GAP
            for answer in sorted(self.answers.values(), key=lambda answer: answer.number):
                lines = wrap(answer.box.label, NARROW_WIDTH - indent - 2 * PAD, max_lines=3)
                body.append(self._box(answer.box, indent, y, NARROW_WIDTH - indent, lines, "doc-map__answer"))
                y += len(lines) * LINE + 2 * PAD + GAP
            y += GAP * 2
        return self._svg("narrow", NARROW_WIDTH, max(y - 3 * GAP, 0.0), body)

    @staticmethod
    def _badge_rows(widths: list[float], area: float) -> list[list[int]]:
        rows: list[list[int]] = []
        used = area + 1
        for index, width in enumerate(widths):
            if used + width > area + 0.5:
                rows.append([])
                used = 0.0
            rows[-1].append(index)
            used += width + GAP
        return rows
