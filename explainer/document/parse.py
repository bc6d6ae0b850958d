"""Text → document model.

The grammar of an Opinion as published: issuing bodies and title (with or
without 《》, optionally followed by the issuing number 国办发〔2017〕95号), a
preamble (which may open with the addressees 各省、自治区…：), parts ``一、…``
holding articles numbered across parts in half-width ``(一)`` or full-width
``（一）`` parentheses, an optional closing section (a closing paragraph, the
signers, the date, a ``（此件公开发布）`` note), then an optional press Q&A
(title, ``——`` subtitle, intro, questions marked ``问：`` or ``记者：``).

Article headings stand inline (``(一) 指导思想。以……``) or alone on their line
with the body below (``(三) 主要目标``). Unnumbered paragraphs continue the
article, part or answer above them. Answers start with ``答：`` and run on over
unmarked paragraphs; a Q&A that never uses ``答：`` takes the paragraphs after
each question as its answer.

The copy may come from a web page or a printed layout, so before parsing
structure the parser sets aside the publishing site's furniture (listed in
``Document.dropped`` with line and reason, never silently), repairs page breaks
by rule (a line that does not end a sentence, followed by a line that does not
start a new unit, is joined to it) and applies the recorded corrections beside
the source. Every repair is logged on the model.

Text after the last article is the closing section when it is recognisably one
(see :func:`closing_start`); any other unnumbered text there stays with the last
article and is reported as a notice until a reviewer records a decision in the
corrections file.

Every rule is a line-local regular expression without nested quantifiers or a
plain string test, and lines are joined by accumulation, so parsing time grows
linearly with the size of the text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from .corrections import ClosingDecision, Corrections, TruncationDecision, corrections_path, load_corrections
from ..common.errors import ParseError
from .grammar import (
    ANSWER,
    ARTICLE,
    BOILERPLATE,
    DOC_NUMBER_RE,
    DOCUMENT_DATE_RE,
    END_MARKERS,
    HISTORY_OPEN_RE,
    HISTORY_WORDS,
    ISSUER_RE,
    ITEM,
    LAW,
    LAW_ARTICLE,
    LAW_TITLE_RE,
    NOTE_RE,
    OPINION,
    PART,
    QA_TITLE_RE,
    QUESTION,
    SUBTITLE,
    TITLE_RE,
    TITLE_SUFFIXES,
    TOC_RE,
    Block,
    Form,
    Kind,
    block_match,
    boilerplate_reason,
    detect_form,
    parse_numeral,
    squeeze_heading,
    strip_markup,
)
from .grammar import classify as grammar_classify
from .model import (
    QA,
    Article,
    Document,
    DroppedLine,
    Notice,
    Paragraph,
    Part,
    QAItem,
    Repair,
    Section,
    Segment,
    article_key,
    chinese_numeral,
    parse_chinese_numeral,
)
from .sentences import ends_sentence, split_sentences


PART_RE = PART.pattern
ARTICLE_RE = ARTICLE.pattern
QUESTION_RE = QUESTION.pattern
ANSWER_RE = ANSWER.pattern
SUBTITLE_RE = SUBTITLE.pattern

QA_TITLE_MARKERS = ("答记者问", "回答记者提问", "答问", "记者采访")
"""A line holding one of these, or shaped like …答新华社记者问 (:data:`QA_TITLE_RE`), is the title of a press Q&A."""

CLOSING_FORMULAS = ("贯彻落实", "贯彻执行", "遵照执行", "抓好落实", "认真落实", "之日起施行", "负责解释")
"""Phrases of the paragraph that closes a document (各地区各部门要结合实际认真贯彻落实。)."""

PART_HEADING_MAX = PART.heading_max
"""A part heading is a short phrase; longer lines starting 一、 are prose."""

ARTICLE_HEADING_MAX = 30
"""An inline article heading (指导思想。) is a short phrase without a comma."""

HEADER_SCAN_LINES = 6
"""Without a title-shaped line, how many leading lines may hold issuers and the title."""

HEADER_WINDOW = 80
"""How many lines before the body are searched for the title (reposts put headlines, dates and
study-plan titles above it)."""

FALLBACK_HEADER_LINES = 3
"""Without a recognisable title line, the last of up to this many leading lines is the title."""

BARE_TITLE_MIN = 6
"""A title without 关于 is at least this long (若干意见 alone is the second line of a broken title)."""

HISTORY_LINES_MAX = 8
"""An enactment history block under a law's title spans at most this many lines."""

HEADER_LINE_MAX = 120
SIGNER_LINE_MAX = 80
SIGNER_LINES_MAX = 4
SIGNER_PUNCTUATION = frozenset("，,。；;：:？?！!“”\"《》")
UNIT_ENDS = ("：", ":")
"""A line ending with a colon (addressees, a lead-in) is complete: never joined to the next."""

ENUMERATION_STARTS = (PART, ARTICLE, ITEM, SUBTITLE, LAW_ARTICLE)
"""Lines opening with one of these markers start a paragraph of their own in every form
(an item （二） of a law article, a —— bullet): never joined to the line above."""

ANNOUNCED_PARTS_RE = re.compile(r"(?:从|就|提出|分为|包括)[^。；]{0,8}?([一二三四五六七八九十]+|\d+)个?(?:方面|部分)")
"""A preamble announcing how many parts follow: 现从以下五个方面提出意见."""

ANNOUNCED_QUESTIONS_RE = re.compile(r"(?:就|回答了?|答复了?)[^。；]{0,12}?([一二三四五六七八九十]+|\d+)个(?:方面的)?(?:问题|提问)")
"""A Q&A intro announcing how many questions follow: 就……回答了记者的五个问题."""

LATIN_RE = re.compile(r"[A-Za-z]+(?:\s+[A-Za-z]+)*")
CJK = "\u3400-\u9fff"
CJK_SPACE_RE = re.compile(rf"(?=([{CJK}0-9][ \t\u3000]+(?:[-–—－]\s*)?[{CJK}0-9]))")
"""A space between Chinese characters (group 1). A lookahead, so that matches may overlap: in 加 强 协作
the 强 that ends the first space's match starts the second's."""


@dataclass(frozen=True)
class Line:
    """A non-empty logical line: its 1-based number and stripped text."""

    number: int
    text: str


@dataclass
class _ArticleBuilder:
    number: int
    part: int
    title: str
    """The heading's text ('' for none): its segment is made at assembly, once the keys are final (see _final_keys)."""
    line: int
    label: int = 0
    heading_end: str = ""
    ref: str = ""
    paragraphs: list[Line] = field(default_factory=list)


@dataclass
class _SectionBuilder:
    number: int
    title: Segment
    line: int
    articles: list[int] = field(default_factory=list)


@dataclass
class _PartBuilder:
    number: int
    title: Segment
    line: int
    intro: list[Line] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)
    sections: list[_SectionBuilder] = field(default_factory=list)


@dataclass
class _ItemBuilder:
    number: int
    question: Segment
    line: int
    marker: str
    answer: list[Line] = field(default_factory=list)


@dataclass
class Header:
    """The lines before the body: issuers, title, issuing number, date or history, and lines set aside."""

    issuers: list[Line]
    title: Line
    doc_number: Line | None
    dropped: list[DroppedLine]
    body: list[Line]
    history: list[Line] = field(default_factory=list)


def parse_file(path: Path, slug: str | None = None) -> Document:
    """Parse a source file with the corrections file beside it."""
    text = read_source(path)
    corrections = load_corrections(corrections_path(path))
    return parse_text(text, str(path), slug or path.stem, corrections, str(corrections_path(path)))


def read_source(path: Path) -> str:
    """Read a source as UTF-8, naming the line of the first undecodable byte."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ParseError(str(path), 0, f"cannot read the file: {error.strerror}") from None
    # A byte order mark is not text; the positions of a decoding error count from after it.
    text = data.removeprefix(codecs.BOM_UTF8)
    try:
        return text.decode("utf-8")
    except UnicodeDecodeError as error:
        before = text[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - before.rfind(b"\n")
        raise ParseError(
            str(path), line, f"not valid UTF-8 (byte 0x{text[error.start]:02x} at column {column}): expected a UTF-8 text file"
        ) from None


def parse_text(
    text: str,
    source: str,
    slug: str,
    corrections: Corrections | None = None,
    corrections_file: str = "",
) -> Document:
    """Parse the text of a policy document (and optional Q&A), or of a press Q&A alone, into a :class:`Document`."""
    corrections = corrections or Corrections()
    # A CRLF file's "\r" is trailing whitespace: it goes when a line is stripped, and no rule looks at a line's end.
    raw_lines = text.split("\n")
    if not any(line.strip() for line in raw_lines):
        raise ParseError(source, 1, "empty file: expected the text of an Opinion (a title, then parts 一、… holding articles (一)…)")
    corrected, correction_repairs = apply_corrections(raw_lines, corrections, source, corrections_file)
    lines, dropped = drop_boilerplate(corrected)
    form = detect_form(line.text for line in lines)
    header = split_header(lines, source, form)
    body, trailer = cut_trailer(header.body, form)
    set_aside = {line.line for line in dropped + header.dropped + trailer} | {line.number for line in header.history}
    notices = [notice for notice in find_suspicious(raw_lines, corrections, form) if notice.line not in set_aside]
    answers_marked = any(classify(line.text, form) is Kind.ANSWER for line in body)
    joined, join_repairs = join_page_breaks(body, answers_marked, form)
    builder = _DocumentBuilder(source, corrections, corrections_file, answers_marked, form)
    issuers, title, doc_number = builder.header(header)
    builder.body(joined)
    return builder.document(
        slug=slug,
        issuers=issuers,
        title=title,
        doc_number=doc_number,
        history=builder.history(header.history),
        title_quoted=bool(TITLE_RE.match(header.title.text)),
        form=form.name,
        dropped=tuple(sorted(dropped + header.dropped + trailer, key=lambda line: line.line)),
        repairs=tuple(sorted(correction_repairs + join_repairs + builder.repairs, key=lambda repair: repair.line)),
        notices=tuple(sorted(notices + builder.notices, key=lambda notice: (notice.line, notice.column))),
    )


# -- repairs -----------------------------------------------------------------


def apply_corrections(
    raw_lines: list[str], corrections: Corrections, source: str, corrections_file: str
) -> tuple[list[str], list[Repair]]:
    """Apply each recorded correction to its line; a correction that no longer fits is an error."""
    lines = list(raw_lines)
    repairs: list[Repair] = []
    for correction in corrections.corrections:
        index = correction.line - 1
        if index >= len(lines) or correction.original not in lines[index]:
            raise ParseError(
                corrections_file or source,
                correction.entry_line,
                f"correction expects '{correction.original}' on line {correction.line} of {source}, but that line does not contain it",
            )
        lines[index] = lines[index].replace(correction.original, correction.corrected, 1)
        repairs.append(
            Repair("correction", correction.line, f"'{correction.original}' → '{correction.corrected}' ({correction.why})")
        )
    return lines, repairs


def drop_boilerplate(lines: list[str]) -> tuple[list[Line], list[DroppedLine]]:
    """Keep non-empty lines; set publishing-site boilerplate aside, listed with its reason.

    Full-width indentation is layout, and a Markdown source's heading marks are markup:
    both go before a line is judged.
    """
    kept: list[Line] = []
    dropped: list[DroppedLine] = []
    for number, raw in enumerate(lines, start=1):
        text = strip_markup(raw.strip().replace("\u3000", " ").strip()).strip()
        if not text:
            continue
        reason = boilerplate_reason(text)
        if reason and not END_MARKERS.match(text):
            # End markers stay for cut_trailer: what follows them is set aside too.
            dropped.append(DroppedLine(number, text, reason))
        else:
            kept.append(Line(number, text))
    return kept, dropped


def classify(text: str, form: Form = OPINION) -> Kind:
    """The structural kind of a line within ``form``, judged on the line alone (see :mod:`explainer.document.grammar`)."""
    return grammar_classify(text, form)


def has_qa_marker(text: str) -> bool:
    return any(marker in text for marker in QA_TITLE_MARKERS) or QA_TITLE_RE.search(text) is not None


def starts_enumeration(text: str) -> bool:
    """Does the line open with a marker that starts a paragraph of its own ((二) 1． —— 第三条)?"""
    return any(block_match(block, text) for block in ENUMERATION_STARTS)


def _may_continue(text: str, answers_marked: bool, form: Form = OPINION) -> bool:
    """Could this line be the first half of a sentence broken at a page end?"""
    if ends_sentence(text) or text.endswith(UNIT_ENDS) or has_qa_marker(text):
        return False
    kind = classify(text, form)
    if kind is Kind.QUESTION:
        # Without 答： the line after a question is its answer, never the rest of it.
        return answers_marked
    if kind in (Kind.PROSE, Kind.ANSWER):
        return not text.endswith(("；", ";"))
    if kind is Kind.LAW_ARTICLE:
        return bool(LAW_ARTICLE.pattern.match(text).group(2).strip())  # type: ignore[union-attr]
    if kind in (Kind.ARTICLE, Kind.ITEM):
        # An article line whose body already holds a sentence is prose that ran on;
        # a bare heading such as "(三) 主要目标" is not.
        block = ARTICLE if kind is Kind.ARTICLE else ITEM
        body = block.pattern.match(text).group(2)  # type: ignore[union-attr]
        return any(mark in body for mark in "。？！")
    return False


def _stands_alone(text: str) -> bool:
    """Lines that are complete units whatever comes before them."""
    return bool(DOCUMENT_DATE_RE.match(text) or NOTE_RE.match(text) or DOC_NUMBER_RE.match(text))


def is_signer_line(text: str, form: Form = OPINION) -> bool:
    """A short line naming issuing bodies, as above a document's date (教育部 财政部)."""
    return (
        len(text) <= SIGNER_LINE_MAX
        and not any(character in SIGNER_PUNCTUATION for character in text)
        and re.search(f"[{CJK}]", text) is not None
        and classify(text, form) is Kind.PROSE
        and not has_qa_marker(text)
    )


def _signature_lines(lines: list[Line], form: Form) -> set[int]:
    """Indices of the signer lines above a date: each a unit of its own, never joined."""
    # The date itself stands alone (see _stands_alone): only the signers above it are marked.
    marked: set[int] = set()
    for index, line in enumerate(lines):
        if DOCUMENT_DATE_RE.match(line.text):
            above = index - 1
            while above >= 0 and index - above <= SIGNER_LINES_MAX and is_signer_line(lines[above].text, form):
                marked.add(above)
                above -= 1
    return marked


def join_page_breaks(lines: list[Line], answers_marked: bool = True, form: Form = OPINION) -> tuple[list[Line], list[Repair]]:
    """Join sentences broken across lines: a line that does not end a sentence,
    followed by one that does not start a new unit, continues on that line."""
    signature = _signature_lines(lines, form)
    # Each output line: its first source line and the pieces joined to it (kept as a list: linear time).
    groups: list[tuple[Line, list[str]]] = []
    repairs: list[Repair] = []
    # The pieces of the last output line while it is open for the next line to join, else None.
    open_pieces: list[str] | None = None
    for index, line in enumerate(lines):
        if open_pieces is not None and index not in signature and _may_be_continuation(line, form):
            first = groups[-1][0]
            repairs.append(
                Repair(
                    "join",
                    first.number,
                    f"joined line {first.number} and line {line.number}, broken mid-sentence: '…{open_pieces[-1][-8:]}' + '{line.text[:8]}…'",
                )
            )
            open_pieces.append(line.text)
            # A joined line holding a Q&A marker ends a sentence (else it would start the Q&A, not join).
            if ends_sentence(line.text) or line.text.endswith(UNIT_ENDS):
                open_pieces = None
        else:
            pieces = [line.text]
            groups.append((line, pieces))
            continues = index not in signature and not _stands_alone(line.text) and _may_continue(line.text, answers_marked, form)
            open_pieces = pieces if continues else None
    return [Line(first.number, "".join(pieces)) for first, pieces in groups], repairs


def _may_be_continuation(line: Line, form: Form) -> bool:
    """Could this line be the second half of a sentence broken at a page end (plain prose, no new unit)?"""
    return (
        not _stands_alone(line.text)
        and classify(line.text, form) is Kind.PROSE
        and not starts_enumeration(line.text)
        and not _starts_qa(line)
    )


def _starts_qa(line: Line) -> bool:
    return has_qa_marker(line.text) and not ends_sentence(line.text)


def _structural(text: str, form: Form) -> bool:
    return classify(text, form) is not Kind.PROSE or _starts_qa(Line(0, text))


def cut_trailer(body: list[Line], form: Form) -> tuple[list[Line], list[DroppedLine]]:
    """Set aside what a page shows after the text: from the first end marker (延伸阅读, 相关新闻,
    上一篇…) that follows the last numbered unit or question, every line is another story or navigation."""
    last_structural = max((index for index, line in enumerate(body) if _structural(line.text, form)), default=-1)
    end = next((index for index in range(last_structural + 1, len(body)) if END_MARKERS.match(body[index].text)), len(body))
    why = f"after the end of the text, below '{body[end].text[:12]}' on line {body[end].number}" if end < len(body) else ""
    kept = [line for line in body[:end] if not END_MARKERS.match(line.text)]
    dropped = [DroppedLine(line.number, line.text, boilerplate_reason(line.text) or "site control") for line in body[:end] if END_MARKERS.match(line.text)]
    dropped += [DroppedLine(line.number, line.text, boilerplate_reason(line.text) or why) for line in body[end:]]
    return kept, dropped


def is_title_line(text: str, form: Form = OPINION) -> bool:
    """《关于……的意见》, a bare title such as 国务院办公厅关于深化产教融合的若干意见, a law's name
    (中华人民共和国职业教育法), or in a Q&A published alone its title (……答新华社记者问)."""
    if TITLE_RE.match(text):
        return True
    if len(text) > HEADER_LINE_MAX or ends_sentence(text) or "，" in text or _stands_alone(text):
        return False
    if form.name == "qa":
        return has_qa_marker(text)
    if form is LAW and LAW_TITLE_RE.match(text) and not ISSUER_RE.match(text):
        return True
    bare = _without_trailing_parenthetical(text)
    if "关于" not in text:
        # 国家职业教育改革实施方案: a title may name its subject without 关于, never as a clause.
        return len(bare) >= BARE_TITLE_MIN and bare.endswith(TITLE_SUFFIXES) and not any(mark in text for mark in "，。；：:！？")
    return bare.endswith(TITLE_SUFFIXES)


TRAILING_PARENTHETICAL_RE = re.compile(r"[（(][^（()）]*[)）]$")


def _without_trailing_parenthetical(text: str) -> str:
    """``……行动计划（2020—2023年）`` → ``……行动计划``; ``……意见（试行）`` → ``……意见``."""
    match = TRAILING_PARENTHETICAL_RE.search(text)
    return text[: match.start()] if match else text


def _header_like(text: str, form: Form = OPINION) -> bool:
    return (
        classify(text, form) in (Kind.PROSE, Kind.TITLE)
        and not ends_sentence(text)
        and not text.endswith(UNIT_ENDS)
        and len(text) <= HEADER_LINE_MAX
        and not has_qa_marker(text)
    )


def _bare_title(text: str) -> str:
    return text[1:-1] if TITLE_RE.match(text) else text


def split_header(lines: list[Line], source: str, form: Form = OPINION) -> Header:
    """The lines that name the issuers and the title, the issuing number and date, then the rest.

    The title is the title-shaped line (《……》, ……关于……的意见, a law's name, a Q&A's
    ……答记者问) nearest above the body among the lines before the first numbered
    unit; what a reposting site put above it (headlines, recommendation and
    study-plan lines, dates, cover notes) is set aside, listed, except the issuing
    bodies right above it. Without a title-shaped line, the last of up to three
    leading lines is the title. Under the title: the site's copy of it (set aside),
    the issuing number, the date or enactment history （……通过 ……修订）, a law's
    table of contents (set aside: the chapters follow in the text).
    """
    if not lines:
        raise ParseError(source, 1, "no text left once the publishing site's lines were set aside: expected a title line, then parts 一、…")
    found = _find_title_in_window(lines, form)
    if found is None:
        return _split_header_by_position(lines, source, form)
    title_index, span = found
    dropped: list[DroppedLine] = []
    issuers: list[Line] = []
    above = title_index
    while above > 0 and ISSUER_RE.match(lines[above - 1].text) and title_index - above < SIGNER_LINES_MAX:
        above -= 1
    issuers = lines[above:title_index]
    for line in lines[:above]:
        reason = "publication date" if DOCUMENT_DATE_RE.match(line.text) else "before the title"
        dropped.append(DroppedLine(line.number, line.text, reason))
    parts = lines[title_index : title_index + span]
    title = Line(parts[0].number, "".join(line.text for line in parts))
    return _after_title(lines, title_index + span, title, issuers, dropped, form)


def _split_header_by_position(lines: list[Line], source: str, form: Form) -> Header:
    """The header of a text without a title-shaped line: up to six leading header-like lines (a
    table of contents ends them, as it ends the search for a title); the last of the first three
    that is not a date or a number is the title, the lines above it issuers (a date among them
    is set aside)."""
    candidates: list[Line] = []
    for line in lines[:HEADER_SCAN_LINES]:
        if not _header_like(line.text, form) or TOC_RE.match(line.text):
            break
        candidates.append(line)
    if not candidates:
        first = lines[0]
        raise ParseError(source, first.number, f"expected a title line before the text, found '{first.text[:20]}'")
    fallback = [line for line in candidates[:FALLBACK_HEADER_LINES] if not _stands_alone(line.text)] or candidates[:1]
    title_index = candidates.index(fallback[-1])
    dropped: list[DroppedLine] = []
    issuers: list[Line] = []
    for line in candidates[:title_index]:
        if DOCUMENT_DATE_RE.match(line.text):
            dropped.append(DroppedLine(line.number, line.text, "publication date"))
        else:
            issuers.append(line)
    return _after_title(lines, title_index + 1, candidates[title_index], issuers, dropped, form)


def _after_title(lines: list[Line], index: int, title: Line, issuers: list[Line], dropped: list[DroppedLine], form: Form) -> Header:
    doc_number: Line | None = None
    history: list[Line] = []
    while index < len(lines):
        line = lines[index]
        if _bare_title(line.text) == _bare_title(title.text):
            dropped.append(DroppedLine(line.number, line.text, "title repeated by the publishing site"))
        elif doc_number is None and DOC_NUMBER_RE.match(line.text):
            doc_number = line
        elif not history and doc_number is None and ISSUER_RE.match(line.text) and len(issuers) < SIGNER_LINES_MAX:
            issuers.append(line)
        elif not history and _opens_history(line.text):
            block = _history_block(lines, index)
            # One bracketed block is one paragraph, however the site broke its lines.
            history.append(Line(block[0].number, " ".join(part.text for part in block)))
            index += len(block)
            continue
        elif TOC_RE.match(line.text):
            index = _skip_contents(lines, index, form, dropped)
            continue
        else:
            break
        index += 1
    return Header(issuers, title, doc_number, dropped, lines[index:], history)


def _opens_history(text: str) -> bool:
    """（2021年5月20日）, （2013年……通过, or 2022年4月20日……修订 under a title."""
    if HISTORY_OPEN_RE.match(text):
        return True
    return bool(re.match(r"^\d{4}\s*年", text)) and any(word in text for word in HISTORY_WORDS) and not ends_sentence(text)


def _history_block(lines: list[Line], index: int) -> list[Line]:
    """The lines of a date or enactment history block, up to its closing bracket."""
    opened = lines[index].text.startswith(("（", "("))
    block: list[Line] = []
    for line in lines[index : index + HISTORY_LINES_MAX]:
        block.append(line)
        if not opened or line.text.endswith(("）", ")")):
            return block
    return block[:1]


def _skip_contents(lines: list[Line], index: int, form: Form, dropped: list[DroppedLine]) -> int:
    """Set aside a table of contents (目录 and the headings it lists) up to where the first heading returns."""
    why = "table of contents: the headings follow in the text"
    dropped.append(DroppedLine(lines[index].number, lines[index].text, why))
    index += 1
    first = None
    while index < len(lines):
        text = lines[index].text
        heading = classify(text, form) in (Kind.CHAPTER, Kind.SECTION, Kind.PART) or (len(text) <= 30 and not ends_sentence(text))
        if not heading or (first is not None and squeeze_heading(text) == first):
            break
        if first is None:
            first = squeeze_heading(text)
        dropped.append(DroppedLine(lines[index].number, text, why))
        index += 1
    return index


def _find_title_in_window(lines: list[Line], form: Form) -> tuple[int, int] | None:
    """The title-shaped line nearest above the body (a repeat of an earlier one counts as that one), and its span."""
    window: list[Line] = []
    for line in lines[:HEADER_WINDOW]:
        if classify(line.text, form) not in (Kind.PROSE, Kind.TITLE) or TOC_RE.match(line.text):
            break
        window.append(line)
    found: tuple[int, int] | None = None
    for index, line in enumerate(window):
        if found is not None and found[1] == 2 and index == found[0] + 1:
            continue
        if is_title_line(line.text, form):
            found = (index, 1)
        elif index + 1 < len(window) and is_title_line(line.text + window[index + 1].text, form) and not is_title_line(window[index + 1].text, form):
            found = (index, 2)
    if found is None and form.name == "qa":
        found = next(((index, 1) for index, line in enumerate(window) if has_qa_marker(line.text) and not ends_sentence(line.text)), None)
    if found is None or found[1] == 2:
        return found
    # The first of the copies a site shows (its page heading, the title, an issuer line between them).
    title = _bare_title(window[found[0]].text)
    index = found[0]
    while index > 0:
        if _bare_title(window[index - 1].text) == title:
            index -= 1
        elif ISSUER_RE.match(window[index - 1].text) and index >= 2 and _bare_title(window[index - 2].text) == title:
            index -= 2
        else:
            break
    return index, 1


def find_suspicious(raw_lines: list[str], corrections: Corrections, form: Form = OPINION) -> list[Notice]:
    """Spots a human should look at: Latin letters or stray spaces inside Chinese prose.

    Spaces that are a law's typesetting are not suspicious: after 第一条 and inside a
    chapter or section heading (第一章　总　　则).
    """
    notices: list[Notice] = []
    for number, text in enumerate(raw_lines, start=1):
        if not re.search(f"[{CJK}]", text):
            continue
        for match in LATIN_RE.finditer(text):
            notices.append(_review(number, match.start() + 1, "Latin letters in Chinese text", match.group(), corrections))
        layout_end = _layout_end(text, form)
        for match in CJK_SPACE_RE.finditer(text):
            if match.start() >= layout_end:
                notices.append(_review(number, match.start() + 2, "space inside Chinese text", match.group(1), corrections))
    return notices


LAW_MARKER_RE = re.compile(r"^(?:#{1,6}[ \t]+)?(?:\*\*)?第[一二三四五六七八九十百零〇]+([章节条])(?:\*\*)?[ \t\u3000]*")


def _layout_end(text: str, form: Form) -> int:
    """The column up to which a line's spaces are typesetting: the whole of a law's heading, its article marker."""
    if form is not LAW:
        return 0
    stripped = text.lstrip(" \t\u3000")
    match = LAW_MARKER_RE.match(stripped)
    if not match:
        return 0
    offset = len(text) - len(stripped)
    return len(text) if match.group(1) in "章节" else offset + match.end()


def _review(line: int, column: int, kind: str, text: str, corrections: Corrections) -> Notice:
    for correction in corrections.corrections:
        if correction.line == line and text.strip() in correction.original:
            return Notice(line, column, kind, text, "corrected", correction.why)
    for accepted in corrections.accepted:
        if accepted.line == line and text.strip() in accepted.text:
            return Notice(line, column, kind, text, "accepted", accepted.why)
    return Notice(line, column, kind, text, "open")


# -- the closing section -------------------------------------------------------


def _is_closing_paragraph(text: str) -> bool:
    """A paragraph addressed to everyone that closes the document, or a commencement clause."""
    if any(formula in text for formula in ("之日起施行", "负责解释")):
        return True
    return text.startswith("各") and any(formula in text for formula in CLOSING_FORMULAS)


def closing_start(lines: list[Line]) -> tuple[int, list[str]]:
    """Where the closing section starts among the paragraphs after the last article.

    ``lines`` are the last article's paragraphs (or, when the last part has no
    articles, its text). Read from the end: publication notes （此件公开发布）;
    a date alone on its line with the signers above it; closing paragraphs
    (各地区各部门要……认真贯彻落实。, ……自印发之日起施行。). The first paragraph
    always stays: it is the article's own text. Anything else stays with the
    article. Returns the index and what was recognised.
    """
    index = len(lines)
    found: list[str] = []
    while index > 1 and NOTE_RE.match(lines[index - 1].text):
        index -= 1
        if "note" not in found:
            found.append("note")
    if index > 1 and DOCUMENT_DATE_RE.match(lines[index - 1].text):
        index -= 1
        signers = 0
        # Signers may reach the first paragraph: an article whose line held only its heading
        # (2．加强实践教学。) has no text of its own before them.
        while index > 0 and signers < SIGNER_LINES_MAX and is_signer_line(lines[index - 1].text):
            index -= 1
            signers += 1
        found.append("signers and date" if signers else "date")
    while index > 1 and _is_closing_paragraph(lines[index - 1].text):
        index -= 1
        if "closing paragraph" not in found:
            found.append("closing paragraph")
    return index, list(reversed(found))


# -- structure ---------------------------------------------------------------


def _numeral(number: int) -> str:
    """The Chinese numeral for messages; digits beyond what numerals cover."""
    try:
        return chinese_numeral(number)
    except ValueError:
        return str(number)


def _shown(block: Block, number: int | str) -> str:
    """How a numbered line is written, for messages: (五), 第五条, 第二章, 3．, 二、."""
    numeral = number if isinstance(number, str) else (str(number) if block.numerals == "arabic" else _numeral(number))
    if block is ARTICLE:
        return f"({numeral})"
    if block is ITEM:
        return f"{numeral}．"
    if block is PART:
        return f"{numeral}、"
    unit = {Kind.CHAPTER: "章", Kind.SECTION: "节", Kind.LAW_ARTICLE: "条"}[block.kind]
    return f"第{numeral}{unit}"


def _division_number(match: re.Match[str]) -> int:
    """The number of a part, chapter or section heading (block_match accepted only Chinese numerals that parse)."""
    number = parse_numeral(match.group(1))
    assert number is not None
    return number


class _DocumentBuilder:
    """A small state machine over logical lines: preamble → divisions and units → closing → Q&A.

    Which lines are divisions and units comes from the document's form
    (:mod:`explainer.document.grammar`); the builder only checks their order.
    """

    def __init__(self, source: str, corrections: Corrections, corrections_file: str, answers_marked: bool, form: Form = OPINION) -> None:
        self.source = source
        self.corrections = corrections
        self.corrections_file = corrections_file or source
        self.answers_marked = answers_marked
        self.form = form
        self.preamble: list[Line] = []
        self.parts: list[_PartBuilder] = []
        self.articles: list[_ArticleBuilder] = []
        self.closing: list[Line] = []
        self.qa_title: Segment | None = None
        self.qa_subtitle: Segment | None = None
        self.qa_intro: list[Line] = []
        self.items: list[_ItemBuilder] = []
        # Whether unit numbers start again in each part (decided by the first part after the first).
        self.restarts: bool | None = None
        self.repairs: list[Repair] = []
        self.notices: list[Notice] = []

    def error(self, line: Line, message: str) -> ParseError:
        return ParseError(self.source, line.number, message)

    def header(self, header: Header) -> tuple[Segment | None, Segment, Segment | None]:
        issuers = None
        if header.issuers:
            issuers = Segment("issuers", " ".join(line.text for line in header.issuers), header.issuers[0].number)
        title = Segment("title", _bare_title(header.title.text), header.title.number)
        number = Segment("docno", header.doc_number.text, header.doc_number.number) if header.doc_number else None
        if self.form.name == "qa":
            # A press Q&A published alone: its title is the document's title.
            self.qa_title = title
        return issuers, title, number

    @property
    def in_qa(self) -> bool:
        """Past the Q&A's title: every line from here on belongs to the Q&A."""
        return self.qa_title is not None

    def history(self, lines: list[Line]) -> tuple[Paragraph, ...]:
        return self._paragraphs("hist", lines)

    def body(self, lines: list[Line]) -> None:
        index = 0
        while index < len(lines):
            line = lines[index]
            following = lines[index + 1] if index + 1 < len(lines) else None
            if not self.in_qa and self._qa_begins(line, following):
                self._begin_qa(line)
            elif self.in_qa:
                self._qa_line(line)
            else:
                self._opinion_line(line)
            index += 1
        self._finish()

    # The numbered body ---------------------------------------------------------

    def _qa_begins(self, line: Line, following: Line | None) -> bool:
        """Is this line the title of the Q&A that follows the text? (A question first is an error.)"""
        kind = classify(line.text, self.form)
        if kind is Kind.QUESTION:
            raise self.error(line, "question before a Q&A title: expected a title line (such as '…答记者问') before the first 问：")
        if ends_sentence(line.text) or kind is not Kind.PROSE:
            return False
        if _starts_qa(line):
            return True
        # A title over a —— subtitle that names the Q&A (……答记者问); other —— lines are bullets.
        return following is not None and classify(following.text, self.form) is Kind.SUBTITLE and has_qa_marker(following.text)

    def _begin_qa(self, line: Line) -> None:
        """The Q&A's title: a —— subtitle under it is the first line of the Q&A (see _qa_line)."""
        self._close_opinion()
        self.qa_title = Segment("qa-t", line.text, line.number)

    def _opinion_line(self, line: Line) -> None:
        kind = classify(line.text, self.form)
        if self.form.division and kind is self.form.division.kind:
            self._part(line)
        elif self.form.subdivision and kind is self.form.subdivision.kind:
            self._section(line)
        elif self.form.unit and kind is self.form.unit.kind and not self._is_citation(line):
            self._article(line)
        elif kind is Kind.ANSWER:
            raise self.error(line, "答： outside a Q&A: expected a 问： line before it")
        elif self.articles and (not self.parts or self.parts[-1].articles):
            self.articles[-1].paragraphs.append(line)
        elif self.parts:
            self.parts[-1].intro.append(line)
        else:
            self.preamble.append(line)

    def _is_citation(self, line: Line) -> bool:
        """第十二条规定的…… at the start of a law's paragraph cites an article; 第十二条　…… opens one.
        A marker glued to its text is an article only where the numbering expects it."""
        if self.form.unit is not LAW_ARTICLE:
            return False
        match = LAW_ARTICLE.pattern.match(line.text)
        assert match
        glued = bool(match.group(2)) and match.group(2)[0] not in " \t"
        return glued and parse_numeral(match.group(1)) != len(self.articles) + 1

    def _part(self, line: Line) -> None:
        block = self.form.division
        assert block
        match = block_match(block, line.text)
        assert match
        number = _division_number(match)
        expected = len(self.parts) + 1
        if number != expected:
            if block is PART:
                raise self.error(line, f"expected part {_numeral(expected)}、, found {match.group(1)}、 (parts are numbered 一、二、… without gaps)")
            raise self.error(
                line, f"expected chapter {_shown(block, expected)}, found {_shown(block, match.group(1))} (chapters are numbered 第一章、第二章… without gaps)"
            )
        title = squeeze_heading(match.group(2).strip())
        self.parts.append(_PartBuilder(number, Segment(f"part{number}-t", title, line.number), line.number))

    def _section(self, line: Line) -> None:
        block = self.form.subdivision
        assert block
        match = block_match(block, line.text)
        assert match
        if not self.parts:
            raise self.error(line, f"section {_shown(block, match.group(1))} comes before any chapter: expected a chapter heading such as 第一章 总则 first")
        part = self.parts[-1]
        number = _division_number(match)
        expected = len(part.sections) + 1
        if number != expected:
            raise self.error(line, f"expected section {_shown(block, expected)} in chapter {_shown(self.form.division, part.number)}, found {_shown(block, match.group(1))}")  # type: ignore[arg-type]
        if part.sections and not part.sections[-1].articles:
            raise self.error(line, f"section {_shown(block, expected - 1)} is empty: expected articles after its heading")
        title = Segment(f"part{part.number}-sec{number}-t", squeeze_heading(match.group(2).strip()), line.number)
        part.sections.append(_SectionBuilder(number, title, line.number))

    def _article(self, line: Line) -> None:
        block = self.form.unit
        assert block
        match = block.pattern.match(line.text)
        assert match
        written, body = match.group(1), match.group(2).strip()
        printed = parse_numeral(written) or 0
        if not self.parts and self.form.divisions_required:
            division = "part heading such as 一、…"
            raise self.error(line, f"{block.shown.split()[0]} {_shown(block, written)} comes before any part: expected a {division} first")
        part = self.parts[-1] if self.parts else None
        label, ref = self._check_number(line, block, printed, written, part)
        number = len(self.articles) + 1
        if block is LAW_ARTICLE:
            title_text, heading_end, rest = "", "", body
        else:
            title_text, heading_end, rest = split_heading(body)
        article = _ArticleBuilder(number, part.number if part else 0, title_text, line.number, label, heading_end, ref)
        if rest:
            article.paragraphs.append(Line(line.number, rest))
        self.articles.append(article)
        if part:
            part.articles.append(number)
            if part.sections:
                part.sections[-1].articles.append(number)

    def _check_number(self, line: Line, block: Block, printed: int, written: str, part: _PartBuilder | None) -> tuple[int, str]:
        """The label and key of a unit whose number is right; an error when it skips or repeats."""
        across = len(self.articles) + 1
        if not self.form.restart or part is None:
            self._require_number(line, block, "article", across, printed, written)
            return 0, ""
        in_part = len(part.articles) + 1
        if self.restarts is None and not part.articles and across > 1:
            # The first unit of a later part says how the document numbers them: 1 again, or on.
            self.restarts = printed == 1
        where = f" in part {_numeral(part.number)}、" if self.restarts else ""
        self._require_number(line, block, "item" if block is ITEM else "article", in_part if self.restarts else across, printed, written, where)
        if self.restarts:
            return printed, f"{part.number}-{printed}"
        return 0, ""

    def _require_number(self, line: Line, block: Block, noun: str, expected: int, printed: int, written: str, where: str = "") -> None:
        expected_found = f"expected {noun} {_shown(block, expected)}{where}, found {_shown(block, written)}"
        if printed < expected:
            raise self.error(line, f"{expected_found}, which repeats an earlier {noun}")
        if printed > expected:
            raise self.error(line, f"{expected_found}, which skips a number")

    def _final_keys(self) -> None:
        """Items numbered again in each part are keyed part-item everywhere, the first part's
        included (which was read before the second part showed the numbering restarts)."""
        if not self.restarts:
            return
        for article in self.articles:
            if not article.ref:
                article.label = article.number
                article.ref = f"{article.part}-{article.number}"

    def _close_opinion(self) -> None:
        """Separate the closing section from the text after the last article (once: where the Q&A
        begins, or at the end of a text without one)."""
        if not (self.parts or self.articles):
            return
        if self.articles and (not self.parts or self.parts[-1].articles):
            article = self.articles[-1]
            tail, owner = article.paragraphs, f"article {self._unit_shown(article)}"
        else:
            tail, owner = self.parts[-1].intro, f"part {_numeral(self.parts[-1].number)}、"
        decision = self.corrections.closing
        start, found = (self._decided_start(tail, decision), []) if decision else closing_start(tail)
        self.closing = tail[start:]
        del tail[start:]
        if self.closing:
            first, last = self.closing[0].number, self.closing[-1].number
            lines = f"line {first} after the last article forms" if first == last else f"lines {first}–{last} after the last article form"
            why = f"recorded decision: {decision.why}" if decision else ", ".join(found)
            self.repairs.append(Repair("structure", first, f"{lines} the closing section ({why}), not part of {owner}"))
        if len(tail) > 1 and decision is None and self.form is not LAW:
            kept = tail[1]
            self.notices.append(
                _review(kept.number, 1, f"unnumbered text at the end kept in {owner}", kept.text[:16], self.corrections)
            )

    def _unit_shown(self, article: _ArticleBuilder) -> str:
        block = self.form.unit or ARTICLE
        return _shown(block, article.label or article.number)

    def _decided_start(self, tail: list[Line], decision: ClosingDecision) -> int:
        if decision.line == 0:
            return len(tail)
        for index, line in enumerate(tail):
            if line.number == decision.line:
                return index
        starts = ", ".join(str(line.number) for line in tail) or "none"
        raise ParseError(
            self.corrections_file,
            decision.entry_line,
            f"closing expects a paragraph after the last article to start on line {decision.line} of {self.source}, "
            f"but the paragraphs there start on lines: {starts}",
        )

    # Q&A ---------------------------------------------------------------------

    def _qa_line(self, line: Line) -> None:
        # The blocks of a text's own body (一、 (一) 1． 第一条) never start as 问： 答： —— do: judged
        # within the text's form, a Q&A line is what it would be in a Q&A published alone.
        kind = classify(line.text, self.form)
        if kind is Kind.QUESTION:
            self._require_answer()
            match = self.form.question.pattern.match(line.text)
            assert match
            number = len(self.items) + 1
            if not match.group(2).strip():
                raise self.error(line, f"empty question: expected text after {match.group(1)}：")
            self._check_question_number(line, match.group(1), number)
            question = Segment(f"q{number}-q", match.group(2).strip(), line.number)
            self.items.append(_ItemBuilder(number, question, line.number, match.group(1)))
        elif kind is Kind.ANSWER:
            if not self.items:
                raise self.error(line, "答： before any question: expected a 问： line first")
            text = ANSWER_RE.match(line.text).group(2)  # type: ignore[union-attr]
            self._answer_paragraph(line, text)
        elif not self.items:
            if kind is Kind.SUBTITLE and self.qa_subtitle is None and not self.qa_intro:
                self.qa_subtitle = Segment("qa-sub", SUBTITLE_RE.match(line.text).group(2), line.number)  # type: ignore[union-attr]
            else:
                self.qa_intro.append(line)
        else:
            item = self.items[-1]
            if self.answers_marked and not item.answer:
                raise self.error(
                    line,
                    f"question {item.number} has no answer: expected a line starting with 答： after the {item.marker}： on line {item.line}",
                )
            self._answer_paragraph(line, line.text)

    def _check_question_number(self, line: Line, marker: str, expected: int) -> None:
        """Questions set as numbered headings (一、 1． （一）) are numbered without gaps."""
        written = marker.strip("、．.()（）")
        if not written or written in ("问", "問", "记者", "記者"):
            return
        number = parse_numeral(written) or 0
        if number < expected:
            raise self.error(line, f"expected question {expected}, found {marker}, which repeats an earlier question")
        if number > expected:
            raise self.error(line, f"expected question {expected}, found {marker}, which skips a number")

    def _answer_paragraph(self, line: Line, text: str) -> None:
        if not text.strip():
            raise self.error(line, "empty answer: expected text after 答：")
        self.items[-1].answer.append(Line(line.number, text.strip()))

    def _require_answer(self) -> None:
        if self.items and not self.items[-1].answer:
            item = self.items[-1]
            expected = "a line starting with 答： after it" if self.answers_marked else "the paragraphs of its answer after it"
            raise ParseError(self.source, item.line, f"question {item.number} has no answer: expected {expected}")

    def _finish(self) -> None:
        self._require_answer()
        if self.form.name != "qa":
            self._finish_divisions()
        if self.qa_title is not None and not self.items:
            raise ParseError(self.source, self.qa_title.line, "Q&A has no questions: expected lines starting with 问： or 记者：")
        self._check_complete()

    def _finish_divisions(self) -> None:
        """Parts and articles are all there and none is empty; the closing is set apart (where no Q&A did it)."""
        # (A form that requires parts has refused an article before any part already.)
        if not self.parts and not self.articles:
            raise ParseError(self.source, 1, "no parts found: expected part headings such as 一、总体要求")
        if not self.in_qa:
            self._close_opinion()
        self._final_keys()
        for part in self.parts:
            if not part.articles and not part.intro:
                what = "articles (…)" if self.form.division is PART else "articles 第…条"
                raise ParseError(self.source, part.line, f"{self.form.division_kind} {_shown(self.form.division, part.number)} is empty: expected {what} or text after it")  # type: ignore[arg-type]
            if part.sections and not part.sections[-1].articles:
                section = part.sections[-1]
                raise ParseError(self.source, section.line, f"section {_shown(SECTION_BLOCK, section.number)} is empty: expected articles after its heading")

    # Truncation ----------------------------------------------------------------

    def _check_complete(self) -> None:
        """A text cut off in the middle is an error, unless the corrections file accepts it (``truncated``)."""
        problem = self._truncation()
        decision = self.corrections.truncated
        if problem is None:
            if decision is not None:
                raise ParseError(
                    self.corrections_file,
                    decision.entry_line,
                    f"truncated accepts an incomplete text at line {decision.line} of {self.source}, but the text is complete: remove the entry",
                )
            return
        line, what = problem
        if decision is not None and decision.line == line:
            self.notices.append(Notice(line, 1, f"incomplete text: {what}", "", "accepted", decision.why))
            return
        raise ParseError(
            self.source,
            line,
            f"{what}: expected the rest of the text, or a 'truncated' entry (line: {line}, why: …) in {self.corrections_file} if the source really ends here",
        )

    def _truncation(self) -> tuple[int, str] | None:
        """Where and how the text stops short: mid-sentence, or before the parts or questions it announced."""
        last = self._last_text_line()
        if last is not None and not _ends_complete(last.text, self.form):
            return last.number, f"the text ends inside a sentence ('…{last.text[-12:]}')"
        if self.parts and self.form.division is PART:
            announced = _announced(ANNOUNCED_PARTS_RE, self.preamble)
            if announced and announced[0] > len(self.parts) and last is not None:
                return last.number, f"the preamble announces {announced[0]} parts (line {announced[1]}), but the text ends in part {_numeral(len(self.parts))}、"
        if self.items:
            announced = _announced(ANNOUNCED_QUESTIONS_RE, self.qa_intro + ([Line(self.qa_title.line, self.qa_title.zh)] if self.qa_title else []))
            if announced and announced[0] > len(self.items) and last is not None:
                return last.number, f"the Q&A announces {announced[0]} questions (line {announced[1]}), but the text ends in question {len(self.items)}"
        return None

    def _last_text_line(self) -> Line | None:
        if self.items:
            item = self.items[-1]
            return item.answer[-1] if item.answer else None
        if self.closing:
            return self.closing[-1]
        if self.articles and (not self.parts or self.parts[-1].articles):
            article = self.articles[-1]
            return article.paragraphs[-1] if article.paragraphs else Line(article.line, "")
        if self.parts and self.parts[-1].intro:
            return self.parts[-1].intro[-1]
        return None

    # Assembly ----------------------------------------------------------------

    @staticmethod
    def _paragraph(prefix: str, line: Line) -> Paragraph:
        sentences = split_sentences(line.text)
        segments = tuple(Segment(f"{prefix}-s{index}", sentence, line.number) for index, sentence in enumerate(sentences, 1))
        return Paragraph(prefix, segments, line.number)

    def _paragraphs(self, unit: str, lines: list[Line]) -> tuple[Paragraph, ...]:
        return tuple(self._paragraph(f"{unit}-p{index}", line) for index, line in enumerate(lines, 1))

    def document(self, **fields: object) -> Document:
        qa = None
        if self.qa_title is not None:
            qa = QA(
                title=self.qa_title,
                subtitle=self.qa_subtitle,
                intro=self._paragraphs("qa-intro", self.qa_intro),
                items=tuple(
                    QAItem(item.number, item.question, self._paragraphs(f"q{item.number}", item.answer), item.line) for item in self.items
                ),
            )
        return Document(
            source=self.source,
            preamble=self._paragraphs("pre", self.preamble),
            parts=tuple(
                Part(
                    part.number,
                    part.title,
                    self._paragraphs(f"part{part.number}", part.intro),
                    tuple(part.articles),
                    part.line,
                    self.form.division_kind,
                    tuple(Section(section.number, section.title, tuple(section.articles), section.line) for section in part.sections),
                )
                for part in self.parts
            ),
            articles=tuple(
                Article(
                    article.number,
                    article.part,
                    Segment(f"a{article.ref or article_key(article.number)}-t", article.title, article.line) if article.title else None,
                    self._paragraphs(f"a{article.ref or article_key(article.number)}", article.paragraphs),
                    article.line,
                    self.form.unit_kind,
                    article.label,
                    article.heading_end,
                    article.ref,
                )
                for article in self.articles
            ),
            closing=self._paragraphs("end", self.closing),
            qa=qa,
            **fields,  # type: ignore[arg-type]
        )


SECTION_BLOCK = LAW.subdivision


def _ends_complete(text: str, form: Form) -> bool:
    """Does a document's last line end as a text ends: a sentence, the date under the signers, a note （此件公开发布）?"""
    if not text:
        return False
    return bool(ends_sentence(text) or DOCUMENT_DATE_RE.match(text) or NOTE_RE.match(text))


def _announced(pattern: re.Pattern[str], lines: list[Line]) -> tuple[int, int] | None:
    """The count a lead paragraph announces (五个方面, 三个问题) and its line."""
    for line in lines:
        match = pattern.search(line.text)
        if match:
            count = parse_numeral(match.group(1))
            if count:
                return count, line.number
    return None


def split_article_heading(body: str) -> tuple[str, str]:
    """``指导思想。以……`` → (``指导思想``, ``以……``); a bare heading has no rest.

    A heading is a short first phrase with no comma; otherwise the article has
    no heading and the whole body is text.
    """
    title, _, rest = split_heading(body)
    return title, rest


def split_heading(body: str) -> tuple[str, str, str]:
    """``指导思想。以……`` → (``指导思想``, ``。``, ``以……``): the heading, the punctuation
    that closed it (kept in the model: nothing of the source is lost), and the rest."""
    if not body:
        return "", "", ""
    if not any(mark in body for mark in "。？！"):
        return (body, "", "") if len(body) <= ARTICLE_HEADING_MAX else ("", "", body)
    first = split_sentences(body)[0]
    phrase = first.rstrip("。")
    if phrase and len(phrase) <= ARTICLE_HEADING_MAX and not any(mark in phrase for mark in "，,；;？！"):
        return phrase, first[len(phrase) :].strip(), body[len(first) :].strip()
    return "", "", body
