"""The document grammar: which blocks a Chinese official text can have, and how each is recognised.

This module is data. It names every kind of line the parser knows (headings
of parts, chapters, sections, articles and items; Q&A questions and answers;
titles; the furniture a publishing site adds) with the pattern that
recognises it, and every *form* of document as the blocks that make up its
numbered body:

========  ==============================  ==========================  =============================
form      division                        unit                        numbering of the unit
========  ==============================  ==========================  =============================
opinion   part ``一、``                   article ``(一)`` ``（一）``   across parts, or restarting in each
items     part ``一、``                   item ``1．`` ``1.`` ``1、``   restarting in each part, or across
law       chapter ``第一章`` (section      article ``第一条``           across chapters
          ``第一节``; chapters optional)
qa        (none: a press Q&A alone)       question ``问：`` ``记者：``  in order
========  ==============================  ==========================  =============================

Inside a unit, lines of a *lower* rank are the unit's own paragraphs: a law
article's items ``（一）（二）`` and an article's ``1．`` items stay in it.
:func:`detect_form` reads the whole text once and picks the form whose unit
lines it holds; :func:`classify` then judges each line against that form only,
so ``（一）`` is an article in an Opinion and an enumerated item inside a law
article, and ``第十二条`` is an article in a law and prose in a Q&A that cites it.

Every pattern is line-local and free of nested quantifiers (linear time).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

NUMERAL = "[一二三四五六七八九十百零〇]+"
"""Chinese numerals as they number parts, chapters and articles (一 … 一百二十三)."""

WHITESPACE = " \t\u3000\u00a0"


class Kind(Enum):
    """What a line is, judged on the line alone within a form."""

    PROSE = "prose"
    TITLE = "title"
    PART = "part"
    CHAPTER = "chapter"
    SECTION = "section"
    ARTICLE = "article"
    LAW_ARTICLE = "law-article"
    ITEM = "item"
    QUESTION = "question"
    ANSWER = "answer"
    SUBTITLE = "subtitle"


@dataclass(frozen=True)
class Block:
    """One kind of numbered or marked line: its pattern and what a match must satisfy.

    ``pattern`` has two groups: the number (or marker) and the rest of the line.
    ``heading_max`` bounds the rest when the block is a heading (0: no bound);
    ``heading_ends_sentence`` says whether a heading may end with 。 (a part
    heading may not: a line 一、……。 is prose).
    """

    kind: Kind
    pattern: re.Pattern[str]
    numerals: str
    """'chinese', 'arabic' or '' (a marker without a number)."""
    shown: str
    """How the block is named in messages: 'article (一)', 'chapter 第一章'."""
    heading_max: int = 0
    heading_ends_sentence: bool = True


PART = Block(Kind.PART, re.compile(rf"^({NUMERAL})、\s*(\S.*)$"), "chinese", "part 一、", heading_max=40, heading_ends_sentence=False)
CHAPTER = Block(Kind.CHAPTER, re.compile(rf"^第({NUMERAL})章(?:[{WHITESPACE}]*)(.*)$"), "chinese", "chapter 第一章", heading_max=40, heading_ends_sentence=False)
SECTION = Block(Kind.SECTION, re.compile(rf"^第({NUMERAL})节(?:[{WHITESPACE}]*)(.*)$"), "chinese", "section 第一节", heading_max=40, heading_ends_sentence=False)
ARTICLE = Block(Kind.ARTICLE, re.compile(rf"^[(（]({NUMERAL})[)）]\s*(.*)$"), "chinese", "article (一)")
LAW_ARTICLE = Block(Kind.LAW_ARTICLE, re.compile(rf"^第({NUMERAL})条(?![之第款项])(.*)$"), "chinese", "article 第一条")
ITEM = Block(Kind.ITEM, re.compile(r"^(\d{1,3})(?:．|、|\.(?!\d))\s*(\S.*)$"), "arabic", "item 1．")
QUESTION = Block(Kind.QUESTION, re.compile(r"^(问|問|记者|記者)\s*[：:]\s*(.*)$"), "", "question 问：")
ANSWER = Block(Kind.ANSWER, re.compile(r"^(答)\s*[：:]\s*(.*)$"), "", "answer 答：")
QUESTION_LINE = Block(
    Kind.QUESTION,
    re.compile(rf"^((?:{NUMERAL}、|\d{{1,2}}[．.、]|[(（]{NUMERAL}[)）])?)\s*(\S.{{0,98}}[？?][”’」』）)]?)$"),
    "",
    "question ……？",
)
"""A question set as a heading of its own (一、为什么要修订《条例》？), in a Q&A that never writes 问：."""
SUBTITLE = Block(Kind.SUBTITLE, re.compile(r"^(——|－－|--)\s*(\S.*)$"), "", "subtitle ——")

TITLE_RE = re.compile(r"^《[^《》]+》$")


@dataclass(frozen=True)
class Form:
    """A form of document: the blocks of its numbered body, from the largest down.

    ``division`` holds units (a part, a chapter), ``subdivision`` groups units
    inside a division (a law's sections), ``unit`` is what gets an article page.
    ``restart`` allows the unit numbers to start again at 1 in each division.
    ``divisions_required``: without a division the text is not this form
    (an Opinion's articles need parts; a regulation may have articles only).
    """

    name: str
    division: Block | None
    subdivision: Block | None
    unit: Block | None
    unit_kind: str
    """The ``kind`` of the model's articles: 'article', 'law-article', 'item'."""
    division_kind: str
    """The ``kind`` of the model's parts: 'part' or 'chapter'."""
    restart: bool = False
    divisions_required: bool = True
    question: Block = QUESTION
    """How the form's Q&A marks a question: 问：/记者：, or a line of its own ending with ？."""

    @property
    def blocks(self) -> tuple[Block, ...]:
        """The structural blocks of the body, in the order :func:`classify` tries them."""
        return tuple(block for block in (self.division, self.subdivision, self.unit, self.question, ANSWER, SUBTITLE) if block)


OPINION = Form("opinion", PART, None, ARTICLE, "article", "part", restart=True)
ITEMS = Form("items", PART, None, ITEM, "item", "part", restart=True)
LAW = Form("law", CHAPTER, SECTION, LAW_ARTICLE, "law-article", "chapter", divisions_required=False)
QA_ONLY = Form("qa", None, None, None, "article", "part", divisions_required=False)
QA_HEADINGS = Form("qa", None, None, None, "article", "part", divisions_required=False, question=QUESTION_LINE)
"""A press Q&A published alone whose questions are headings of their own (…？), answered below."""
FORMS: tuple[Form, ...] = (OPINION, ITEMS, LAW, QA_ONLY, QA_HEADINGS)

QA_TITLE_SCAN = 15
"""A Q&A without 问： shows its title (……答记者问) among this many leading lines."""

LAW_ARTICLES_MIN = 2
"""A text is a law when at least this many lines open with 第X条 and the first is 第一条."""

ITEMS_MIN = 2
"""A text numbers its units 1．2． when it has parts, no (一) articles and at least this many item lines."""

QUESTIONS_MIN = 2
"""A Q&A without 问： needs at least this many question lines of its own."""


def block_match(block: Block, text: str) -> re.Match[str] | None:
    """The match of ``text`` against ``block``, honouring the heading bounds."""
    match = block.pattern.match(text)
    if match is None:
        return None
    rest = match.group(2).strip()
    if block.numerals == "chinese" and parse_numeral(match.group(1)) is None:
        return None
    if block.heading_max and len(rest) > block.heading_max:
        return None
    if not block.heading_ends_sentence and ends_with_sentence_mark(rest):
        return None
    if block.kind is Kind.PART and not rest:
        return None
    return match


def ends_with_sentence_mark(text: str) -> bool:
    stripped = text.rstrip().rstrip("”’」』）》)")
    return bool(stripped) and stripped[-1] in "。？！?!；;"


def classify(text: str, form: Form = OPINION) -> Kind:
    """The structural kind of a (stripped) line within ``form``."""
    if TITLE_RE.match(text):
        return Kind.TITLE
    for block in form.blocks:
        if block_match(block, text):
            return block.kind
    return Kind.PROSE


def detect_form(lines: Iterable[str]) -> Form:
    """The form of a text, from the unit lines it holds (see the module's table)."""
    counts = {kind: 0 for kind in Kind}
    first_law_article: int | None = None
    question_lines = 0
    qa_title = False
    for index, text in enumerate(lines):
        question_lines += bool(block_match(QUESTION_LINE, text))
        qa_title = qa_title or (index < QA_TITLE_SCAN and QA_TITLE_RE.search(text) is not None and not ends_with_sentence_mark(text))
        for block in (PART, CHAPTER, ARTICLE, LAW_ARTICLE, ITEM, QUESTION):
            match = block_match(block, text)
            if match:
                counts[block.kind] += 1
                if block is LAW_ARTICLE and first_law_article is None:
                    first_law_article = parse_numeral(match.group(1))
    if counts[Kind.LAW_ARTICLE] >= LAW_ARTICLES_MIN and first_law_article == 1:
        return LAW
    if counts[Kind.PART] and not counts[Kind.ARTICLE] and counts[Kind.ITEM] >= ITEMS_MIN:
        return ITEMS
    if counts[Kind.PART] or counts[Kind.ARTICLE]:
        return OPINION
    if counts[Kind.QUESTION]:
        return QA_ONLY
    if qa_title and question_lines >= QUESTIONS_MIN:
        return QA_HEADINGS
    return OPINION


# -- numbers ---------------------------------------------------------------------------------

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def parse_numeral(text: str) -> int | None:
    """一 → 1, 十二 → 12, 一百零三 → 103, 3 → 3; None when ``text`` is not a number as documents write them."""
    if text.isdigit():
        return int(text) or None
    from .model import parse_chinese_numeral

    return parse_chinese_numeral(text)


# -- titles and the lines around them ------------------------------------------------------------

TITLE_SUFFIXES = ("意见", "决定", "通知", "办法", "规定", "方案", "纲要", "规划", "计划", "指南")
"""How the title of a policy document ends when it is not set in 《》 (国务院关于……的意见)."""

LAW_TITLE_RE = re.compile(
    r"^[\u4e00-\u9fff（）()、·]{2,60}(?:法|条例|规定|办法|细则|规则|章程|准则|决定)(?:[（(][^（()）]{1,20}[)）])?$"
)
"""A law or regulation named without 关于: 中华人民共和国职业教育法, 职业学校校企合作促进办法（试行）."""

QA_TITLE_RE = re.compile(r"答[^，。；！？\s]{0,12}[记記]者(?:[问問]|提[问問])|回答[记記]者提[问問]|答[问問]|[记記]者采[访訪]|接受[^，。；]{0,12}采[访訪]|专访|專訪")
"""The title of a press Q&A: …答记者问, …答新华社记者问, …回答记者提问, …答问 (or in Traditional characters, as reposted)."""

ISSUER_RE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,24}(?:办公厅|国务院|中央|委员会|部|局|署|院|厅|政府|办公室|常委会|中心|协会|联合会|银行|小组|党组|学校|大学)[ \u3000]*)+$"
)
"""A line of issuing bodies above a title: 中共中央办公厅 国务院办公厅, 教育部 财政部."""

DOC_NUMBER_RE = re.compile(r"^[\u4e00-\u9fff]{1,10}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号$")
"""The issuing number under a title: 国办发〔2017〕95号, 教职成〔2019〕5号."""

DOCUMENT_DATE_RE = re.compile(
    r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月\s*[0-9一二三四五六七八九十]{1,3}\s*日$"
)
"""A date alone on its line: the date of the document under its signers (2017年12月5日)."""

HISTORY_OPEN_RE = re.compile(r"^[（(]\s*(?:(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年|[^（()）]{0,12}(?:草案|试行|暂行|修订|修正|征求意见稿|送审稿)[^（()）]{0,12}[)）]$)")
"""The date, enactment history or status under a title: （2021年5月20日）, （2013年…通过 …修订）, （修正草案·二审稿）."""

HISTORY_WORDS = ("通过", "修正", "修订", "公布", "施行", "发布", "批准", "印发", "根据")

TOC_RE = re.compile(rf"^目[{WHITESPACE}]*录$")
"""The table of contents of a law (目　　录), followed by its chapter and section headings."""

NOTE_RE = re.compile(r"^[（(]\s*此件[^（()）]{1,16}[)）]$")
"""The publication note at the very end: （此件公开发布）, （此件有删减）."""

MARKDOWN_HEADING_RE = re.compile(r"^#{1,6}[ \t]+")
"""A Markdown source's heading marks (``# 标题``, ``## 第一章 总则``): markup, not text."""

MARKDOWN_STRONG_RE = re.compile(r"^\*\*(.+)\*\*$")
MARKDOWN_STRONG_START_RE = re.compile(r"^\*\*([^*]{1,30})\*\*")
"""``**第一条** 为……``: a Markdown source sets the article's number in bold."""


# -- furniture: lines a publishing site adds ------------------------------------------------------

BOILERPLATE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^[（(【\[]?\s*责任编辑\s*[：:].*$"), "editor line"),
    (re.compile(r"^(?:编辑|责编|校对|审核|审校|监制|作者)\s*[：:]\s*\S{0,12}$"), "editor line"),
    (re.compile(r"^(?:信息|文章|稿件)?来源\s*[：:].*$"), "source line"),
    (re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+来源\s*[：:].*)?$"), "date line"),
    (re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日\s+(?:\d{1,2}:\d{2}|来源\s*[：:]).*$"), "date line"),
    (re.compile(r"^(?:发布|发稿|更新)?(?:时间|日期)\s*[：:]\s*\d{4}.*$"), "date line"),
    (
        re.compile(
            r"^(?:索引号|主题分类|发文机关|成文日期|标\s*题|发文字号|发布日期|主\s*题\s*词|信息名称|信息索引|生成日期|发文机构|信息类别|内容概述|公文种类)\s*[：:].*$"
        ),
        "metadata table",
    ),
    (re.compile(r"^【(?:纠错|我要纠错|字号|字体|打印|关闭|收藏|分享)[^】]*】.*$"), "site control"),
    (re.compile(r"^(?:【[^【】]{0,12}】\s*)+$"), "site control"),
    (
        re.compile(r"^(?:扫一扫|分享到|打印本页|关闭窗口|\[打印本页\]|\[关闭窗口\]|返回顶部|上一篇|下一篇|相关链接|相关新闻|相关阅读|浏览次数|阅读次数).*$"),
        "site control",
    ),
    (re.compile(r"^(?:首页|(?:当前|您的|您现在的)位置\s*[：:])\s*[^>＞»›]{0,60}[>＞»›]"), "breadcrumb"),
    (re.compile(r"^(?:下载地址|附件下载|点击下载|点击此处下载)\s*[：:]?.{0,30}$"), "download link"),
    (re.compile(r"^[（(]完[)）]$"), "end-of-story mark"),
    (re.compile(r"^(?:版权所有|Copyright\b|©|网站标识码|京ICP备|京公网安备)"), "copyright line"),
    (re.compile(r"^(?:\S{1,12}\s*[：:]\s*\S{0,30}\s+){1,6}(?:点击数|点击|浏览量|浏览|阅读量|阅读)\s*[：:]?\s*\S{0,10}$"), "meta line"),
    (re.compile(r"^(?:点击数|浏览量|阅读量|所属栏目|栏目)\s*[：:].{0,40}$"), "meta line"),
    (re.compile(r"^(?:相关)?附件\s*\d{0,2}\s*[：:]?.{0,80}\.(?:pdf|PDF|docx?|DOCX?|xlsx?|XLSX?|wps|WPS|zip|rar|ofd|OFD)\)?$"), "attachment link"),
    (re.compile(r"^(?:延伸阅读|【?打印正文】?|附件下载)\s*[：:]?$"), "site control"),
    (re.compile(r"^(?:字号|字体)\s*[：:]\s*[大中小默认\s|｜]{1,16}$"), "site control"),
    (re.compile(r"^\[?(?:打印|关闭|收藏|返回|分享|TOP)\]?(?:\s+\[?(?:打印|关闭|收藏|返回|分享)\]?)*$"), "site control"),
)
"""Lines a publishing site adds around a document (gov.cn, Xinhua, moe.gov.cn, school and Party
sites): set aside into ``Document.dropped`` with their reason. A bare date (2017年12月5日) is not
among them: under the signers it is part of the document."""

END_MARKERS = re.compile(r"^(?:【?延伸阅读】?|相关新闻|相关阅读|相关链接|相关文章|推荐阅读|上一篇|下一篇|【?打印正文】?|打印本页|关闭窗口|返回顶部|扫一扫)")
"""Lines after which a page holds only other stories and site navigation: once the numbered
body is over, everything from the first of these on is set aside (never before the body's last unit)."""


def boilerplate_reason(text: str) -> str | None:
    """Why a (stripped) line is publishing-site furniture, or None when it is text."""
    return next((why for pattern, why in BOILERPLATE if pattern.match(text)), None)


def strip_markup(text: str) -> str:
    """A Markdown source's line without its heading marks and a whole-line ``**strong**``."""
    text = MARKDOWN_HEADING_RE.sub("", text)
    strong = MARKDOWN_STRONG_RE.match(text)
    if strong and "**" not in strong.group(1):
        return strong.group(1)
    return MARKDOWN_STRONG_START_RE.sub(lambda match: match.group(1) + " ", text)


def squeeze_heading(text: str) -> str:
    """``总　　则`` → ``总则``: spaces inside a short Chinese heading are typesetting, not words."""
    return re.sub(rf"(?<=[\u4e00-\u9fff])[{WHITESPACE}]+(?=[\u4e00-\u9fff])", "", text) if len(text) <= 12 else text
