"""Interface wording per language (Traditional Chinese derived from Simplified)."""

from __future__ import annotations

from ..document.model import Article, Part, chinese_numeral
from ..translation.conversion import to_traditional

ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]

_ZH: dict[str, str] = {
    "site_name": "政策解读",
    "home": "首页",
    "full_text": "意见全文",
    "full_text_plain": "全文",
    "articles_in_chapter": "本章条文",
    "overview": "总览",
    "parts_and_articles": "各部分与条目",
    "qa": "答记者问",
    "qa_overview": "问答总览",
    "glossary": "术语表",
    "previous": "上一条",
    "next": "下一条",
    "previous_item": "上一问",
    "next_item": "下一问",
    "part": "部分",
    "articles_in_part": "本部分条目",
    "question": "问",
    "answer": "答",
    "issued_by": "发布机关",
    "translation_pending": "本页部分内容尚待翻译，暂以中文原文显示。",
    "machine_draft": "本页部分译文为机器翻译草稿，尚未经人工审校。",
    "stale": "原文已修改，本页部分译文需要更新。",
    "in_part": "所属部分",
    "contents": "目录",
    "about": "关于本站",
    "documents": "文件",
    "dropped": "删除的行",
    "read_article": "阅读条目",
    "read_answer": "阅读答问",
}

_EN: dict[str, str] = {
    "site_name": "Policy Explainer",
    "home": "Home",
    "full_text": "Full text",
    "full_text_plain": "Full text",
    "articles_in_chapter": "Articles in this chapter",
    "overview": "Overview",
    "parts_and_articles": "Parts and articles",
    "qa": "Press Q&A",
    "qa_overview": "Q&A overview",
    "glossary": "Glossary",
    "previous": "Previous article",
    "next": "Next article",
    "previous_item": "Previous question",
    "next_item": "Next question",
    "part": "Part",
    "articles_in_part": "Articles in this part",
    "question": "Q",
    "answer": "A",
    "issued_by": "Issued by",
    "translation_pending": "Translation pending: parts of this page are shown in the original Chinese until their English translation is ready.",
    "machine_draft": "Parts of this page are machine-translation drafts that have not yet been reviewed.",
    "stale": "The Chinese text has changed since parts of this translation were reviewed; they are being updated.",
    "in_part": "Part",
    "contents": "Contents",
    "about": "About this site",
    "documents": "Documents",
    "dropped": "Dropped lines",
    "read_article": "Read the article",
    "read_answer": "Read the answer",
}


def labels(lang: str) -> dict[str, str]:
    """Interface strings for ``lang`` (zh-Hant derived from zh-Hans)."""
    if lang == "en":
        return _EN
    if lang == "zh-Hant":
        return {key: to_traditional(value) for key, value in _ZH.items()}
    return _ZH


UNIT_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "article": {"en": ("Article {n}", "Art. {n}"), "zh": ("第（{cn}）条", "（{cn}）")},
    "law-article": {"en": ("Article {n}", "Art. {n}"), "zh": ("第{cn}条", "第{cn}条")},
    "item": {"en": ("Item {n}", "Item {n}"), "zh": ("第{n}项", "{n}．")},
    "part-item": {"en": ("Part {roman}, item {n}", "{part}.{n}"), "zh": ("第{part_cn}部分第{n}项", "{part_cn}、{n}．")},
    "part-article": {"en": ("Part {roman}, article {n}", "{part}.{n}"), "zh": ("第{part_cn}部分第（{cn}）条", "{part_cn}（{cn}）")},
}
"""How each kind of unit is named, full and short, per script: {n} the printed number, {cn} in
Chinese numerals, {part}/{roman}/{part_cn} its part (items restarting in each part)."""

DIVISION_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "part": {"en": ("Part {roman}", "{roman}."), "zh": ("第{cn}部分", "{cn}、")},
    "chapter": {"en": ("Chapter {n}", "Chapter {n}"), "zh": ("第{cn}章", "第{cn}章 ")},
}
"""How parts (一、) and a law's chapters (第一章) are named, full and as the prefix of their heading."""


def _roman(number: int) -> str:
    return ROMAN[number] if number < len(ROMAN) else str(number)


def _script(lang: str) -> str:
    return "en" if lang == "en" else "zh"


def _unit_text(unit: int | Article, lang: str, short: bool) -> str:
    if isinstance(unit, Article):
        kind = f"part-{unit.kind}" if unit.ref else unit.kind
        number, part = unit.printed, unit.part
    else:
        kind, number, part = "article", unit, 0
    template = UNIT_LABELS[kind][_script(lang)][1 if short else 0]
    text = template.format(n=number, cn=_numeral(number), part=part, roman=_roman(part), part_cn=_numeral(part))
    return to_traditional(text) if lang == "zh-Hant" else text


def _division_text(division: int | Part, lang: str, prefix: bool) -> str:
    kind, number = (division.kind, division.number) if isinstance(division, Part) else ("part", division)
    template = DIVISION_LABELS[kind][_script(lang)][1 if prefix else 0]
    text = template.format(n=number, cn=_numeral(number), roman=_roman(number))
    return to_traditional(text) if lang == "zh-Hant" and not prefix else text


def _numeral(number: int) -> str:
    try:
        return chinese_numeral(number)
    except ValueError:
        return str(number)


FORM_LABELS: dict[str, dict[str, str]] = {
    "items": {"full_text": "full_text_plain"},
    "law": {"full_text": "full_text_plain", "articles_in_part": "articles_in_chapter"},
    "qa": {"full_text": "full_text_plain"},
}
"""Interface strings that depend on the form of the document (a law's text is not an Opinion's)."""


def document_labels(lang: str, form: str) -> dict[str, str]:
    """Interface strings for ``lang`` as they read for a document of ``form``."""
    strings = labels(lang)
    overrides = FORM_LABELS.get(form, {})
    return strings | {key: strings[replacement] for key, replacement in overrides.items()} if overrides else strings


def article_label(number: int | Article, lang: str) -> str:
    """第（五）条 / Article 5; a law's 第五条; an item 第3项 / Item 3 (Part II, item 3 where items restart)."""
    return _unit_text(number, lang, short=False)


def article_short(number: int | Article, lang: str) -> str:
    """（五） / Art. 5 — for compact lists and link labels; 第五条; 3．"""
    return _unit_text(number, lang, short=True)


def part_label(number: int | Part, lang: str) -> str:
    """第二部分 / Part II; a law's 第二章 / Chapter 2."""
    return _division_text(number, lang, prefix=False)


def part_prefix(number: int | Part, lang: str) -> str:
    """二、 / II. — as part headings are numbered; 第二章 / Chapter 2 for a law's chapters."""
    return _division_text(number, lang, prefix=True)


SECTION_LABELS: dict[str, str] = {"en": "Section {n}", "zh": "第{cn}节"}
"""How a law's sections (第一节) are named."""


def section_label(number: int, lang: str) -> str:
    """第一节 / Section 1."""
    text = SECTION_LABELS[_script(lang)].format(n=number, cn=_numeral(number))
    return to_traditional(text) if lang == "zh-Hant" else text


def qa_label(number: int, lang: str) -> str:
    """问题三 / Question 3."""
    if lang == "en":
        return f"Question {number}"
    label = f"问题{chinese_numeral(number)}"
    return to_traditional(label) if lang == "zh-Hant" else label
