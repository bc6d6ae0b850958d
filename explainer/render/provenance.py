"""What a translated page is: the statement that the Chinese text prevails, whose
translation this is and of when, and where the official Chinese was published.

The wording is data per language (:data:`WORDING`); a language without wording
(Simplified Chinese, the official text itself) gets no statement.
"""

from __future__ import annotations

import re

from ..config.project import DocumentConfig, Publication
from . import markup

PLACEHOLDER = re.compile(r"\{(\w+)\}")

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")

WORDING: dict[str, dict[str, str]] = {
    "en": {
        "heading": "About this translation. ",
        "statement": (
            "The Chinese text is the official one and prevails. This English translation is the site's own, "
            "reviewed segment by segment by a second bilingual reader; it is not an official translation (translation of {date})."
        ),
        "opinion": "the Opinions, issued by {issued_by}, released by {publisher} on {date}",
        "qa": "the Q&A, given by {issued_by}, published on {publisher} on {date}",
        "sources": "Official Chinese text: {items}.",
        "joiner": "; ",
        "gap": " ",
    },
    "zh-Hant": {
        "heading": "關於繁體中文版：",
        "statement": "官方文本為簡體中文，以簡體中文文本為準。本頁繁體中文由簡體中文官方文本依臺灣標準字形轉換，經人工通讀校訂，並非官方版本（校訂日期：{date}）。",
        "opinion": "《意見》由{issued_by}印發，{publisher}於{date}發布",
        "qa": "答記者問由{issued_by}於{date}發布於{publisher}",
        "sources": "官方中文文本：{items}。",
        "joiner": "；",
        "gap": "",
    },
}


def format_date(iso: str, lang: str) -> str:
    """2021-10-12 → 12 October 2021 / 2021年10月12日."""
    year, month, day = (int(part) for part in iso.split("-"))
    if lang == "en":
        return f"{day} {MONTHS_EN[month - 1]} {year}"
    return f"{year}年{month}月{day}日"


def _local(texts: dict[str, str], lang: str) -> str:
    """A publication's name in ``lang``; Traditional falls back to the Simplified, converted."""
    if lang in texts:
        return texts[lang]
    from ..translation.conversion import to_traditional

    return to_traditional(texts.get("zh-Hans", "")) if lang == "zh-Hant" else texts.get("en", texts.get("zh-Hans", ""))


def fill(template: str, **values: str) -> str:
    """Escape the wording of ``template`` for Markdown and put in ``values`` (Markdown already)."""
    parts = PLACEHOLDER.split(template)
    return "".join(values[part] if index % 2 else markup.text(part) for index, part in enumerate(parts))


def _item(publication: Publication, lang: str, wording: dict[str, str]) -> str:
    issued_by = _local(publication.issued_by, lang) if publication.issued_by else _local(publication.publisher, lang)
    return fill(
        wording[publication.of],
        issued_by=markup.text(issued_by),
        publisher=markup.link(_local(publication.publisher, lang), publication.url),
        date=format_date(publication.date, lang),
    )


def provenance_block(config: DocumentConfig, lang: str) -> str:
    """The Markdown of the statement for pages in ``lang``, or '' when the language is the official text."""
    wording = WORDING.get(lang)
    if wording is None:
        return ""
    date = format_date(config.translated[lang], lang) if lang in config.translated else "—"
    text = f"**{markup.text(wording['heading'].strip())}** " + fill(wording["statement"], date=date)
    if config.official:
        items = wording["joiner"].join(_item(publication, lang, wording) for publication in config.official)
        text += wording["gap"] + fill(wording["sources"], items=items)
    return text + "\n{: .provenance }\n"
