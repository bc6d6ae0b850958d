"""Interface wording per language (Traditional Chinese derived from Simplified)."""

from __future__ import annotations

from collections.abc import Callable

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
    "term_card_close": "关闭",
    "term_card_entry": "术语表中的条目",
    "mark_clear": "取消标记",
    "search_more": "显示更多结果",
    "search_shown": "已显示 {shown} / {count} 条",
    "where_article": "第{cn}条",
    "where_part": "第{cn}部分",
    "where_qa": "问{n}",
    "where_glossary": "术语表",
    "explained_line": "答记者问解读",
    "explains_articles": "解读条目",
    "back_to_article": "返回本条",
    "back_to_item": "返回本问",
    "home_key_points": "主要目标",
    "home_parts": "各部分",
    "home_programmes": "重点项目与制度",
    "home_map": "文件结构图",
    "home_map_desc": "各部分、各条及解读它们的答记者问。点击任一方框即可打开该页。",
    "home_start": "从这里开始",
    "home_qa_link": "答记者问",
    "home_glossary_link": "中英术语表",
    "home_in_qa": "答记者问解读",
    "glossary_index": "按拼音索引",
    "glossary_filter": "筛选术语",
    "glossary_filter_none": "没有匹配的术语。",
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
    "term_card_close": "Close",
    "term_card_entry": "Glossary entry",
    "mark_clear": "Clear the highlight",
    "search_more": "Show more results",
    "search_shown": "Showing {shown} of {count}",
    "where_article": "Art. {n}",
    "where_part": "Part {roman}",
    "where_qa": "Q&A {n}",
    "where_glossary": "Glossary",
    "explained_line": "Explained in the Q&A",
    "explains_articles": "Explains",
    "back_to_article": "Back to the article",
    "back_to_item": "Back to the answer",
    "home_key_points": "Targets",
    "home_parts": "Parts",
    "home_programmes": "Key programmes",
    "home_map": "The document at a glance",
    "home_map_desc": "Its parts, their articles and the Q&A answers that explain them. Every box opens its page.",
    "home_start": "Start here",
    "home_qa_link": "Press Q&A",
    "home_glossary_link": "Chinese–English glossary",
    "home_in_qa": "Explained in",
    "glossary_index": "A–Z index",
    "glossary_filter": "Filter terms",
    "glossary_filter_none": "No term matches.",
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




SCRIPT_LABELS = (
    "term_card_close", "term_card_entry", "mark_clear", "search_more", "search_shown", "where_glossary", "glossary_filter_none",
)
"""Interface strings that the page scripts (assets/tools.js, assets/search.js) need, given to every page."""


def script_labels(lang: str) -> dict[str, str]:
    """The interface strings of the page scripts in ``lang``."""
    return {key: labels(lang)[key] for key in SCRIPT_LABELS}


DERIVED: dict[str, tuple[str, Callable[[str], str]]] = {"zh-Hant": ("zh-Hans", to_traditional)}
"""Languages whose hand-written texts can be derived from another's when not written: language → (source, conversion)."""


def derive(texts: dict[str, str], lang: str) -> str:
    """``lang``'s form of a hand-written text derived from its source language's (Traditional from Simplified), or ''."""
    if lang not in DERIVED:
        return ""
    source, convert = DERIVED[lang]
    return convert(texts[source]) if texts.get(source) else ""
