"""Interface wording per language (Traditional Chinese derived from Simplified)."""

from __future__ import annotations

from ..document.model import chinese_numeral
from ..translation.conversion import to_traditional

ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]

_ZH: dict[str, str] = {
    "site_name": "政策解读",
    "home": "首页",
    "full_text": "意见全文",
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


def article_label(number: int, lang: str) -> str:
    """第（五）条 / Article 5."""
    if lang == "en":
        return f"Article {number}"
    label = f"第（{chinese_numeral(number)}）条"
    return to_traditional(label) if lang == "zh-Hant" else label


def article_short(number: int, lang: str) -> str:
    """（五） / Art. 5 — for compact lists and link labels."""
    if lang == "en":
        return f"Art. {number}"
    return f"（{chinese_numeral(number)}）"


def part_label(number: int, lang: str) -> str:
    """第二部分 / Part II."""
    if lang == "en":
        return f"Part {ROMAN[number] if number < len(ROMAN) else number}"
    label = f"第{chinese_numeral(number)}部分"
    return to_traditional(label) if lang == "zh-Hant" else label


def part_prefix(number: int, lang: str) -> str:
    """二、 / II. — as part headings are numbered."""
    if lang == "en":
        return f"{ROMAN[number] if number < len(ROMAN) else number}."
    return f"{chinese_numeral(number)}、"


def qa_label(number: int, lang: str) -> str:
    """问题三 / Question 3."""
    if lang == "en":
        return f"Question {number}"
    label = f"问题{chinese_numeral(number)}"
    return to_traditional(label) if lang == "zh-Hant" else label
