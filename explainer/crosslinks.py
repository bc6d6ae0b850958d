"""Show the alignment both ways: "Explained in the Q&A" on articles, article links on answers."""

from __future__ import annotations

from typing import Any

from . import markup
from .align import Alignment
from .i18n import article_label, article_short, part_label, qa_label, to_traditional
from .model import Document
from .render import PageExtras
from .translations import Texts
from .urls import DocumentUrls, relative

HEADING = {"zh-Hans": "解读", "en": "Explained in the Q&A", "zh-Hant": "解讀"}
NONE = {
    "zh-Hans": "答记者问中没有专门解读本条。",
    "en": "The press Q&A does not discuss this article specifically.",
    "zh-Hant": to_traditional("答记者问中没有专门解读本条。"),
}
EXPLAINS = {"zh-Hans": "解读", "en": "Explains", "zh-Hant": "解讀"}
MENTIONS = {"zh-Hans": "提及", "en": "Mentions", "zh-Hant": "提及"}


def add_crosslinks(extras: PageExtras, document: Document, alignment: Alignment, urls: DocumentUrls, texts: Texts, lang: str) -> None:
    """Add the explanation box to every article page and article links after answer paragraphs."""
    if document.qa is None:
        return
    for article in document.articles:
        page = urls.article(article.number)
        extras.add(page, _explained_box(page, article.number, alignment, urls, texts, lang, document))
    for item in document.qa.items:
        page = urls.qa(item.number)
        for paragraph in item.answer:
            for segment in paragraph.segments:
                inline = _sentence_links(page, segment.id, alignment, urls, lang)
                if inline:
                    extras.after_sentence.setdefault(segment.id, []).append(inline)


def _explained_box(page: str, number: int, alignment: Alignment, urls: DocumentUrls, texts: Texts, lang: str, document: Document) -> str:
    links = alignment.explained_by(number)
    lines = [f'<aside class="explained no-terms" aria-labelledby="explained">', f'<h2 id="explained">{HEADING[lang]}</h2>']
    if not links:
        lines.append(f'<p class="explained-none">{NONE[lang]}</p>')
    assert document.qa is not None
    for link in links:
        item = document.qa.items[link.qa - 1]
        target = _url(page, urls.qa(link.qa), link.segment.id)
        rendering = texts.get(link.segment, lang)
        text_lang = ' lang="zh-Hans"' if rendering.status == "missing" and lang != "zh-Hans" else ""
        source = f"{qa_label(link.qa, lang)} {texts.text(item.question, lang)}"
        lines.append(
            f'<blockquote class="explained-quote"><p{text_lang}>{markup.attribute(rendering.text)}</p>'
            f'<p class="explained-source"><a href="{markup.attribute(target)}">{markup.attribute(source)}</a></p></blockquote>'
        )
    lines.append("</aside>\n")
    return "\n".join(lines)


def _sentence_links(page: str, segment_id: str, alignment: Alignment, urls: DocumentUrls, lang: str) -> str:
    """Inline links after an answer sentence: → （四） to the articles it explains, and its parts."""
    link = alignment.links.get(segment_id)
    if link is None or not (link.articles or link.parts):
        return ""
    items = []
    for number in link.articles:
        target = _url(page, urls.article(number))
        items.append(f'<a href="{markup.attribute(target)}" title="{markup.attribute(article_label(number, lang))}">{markup.attribute(article_short(number, lang))}</a>')
    for number in link.parts:
        items.append(f'<a href="{markup.attribute(_url(page, urls.part(number)))}">{markup.attribute(part_label(number, lang))}</a>')
    label = EXPLAINS[lang] if link.articles else MENTIONS[lang]
    return f'<span class="explains no-terms"><span class="visually-hidden">{label}: </span><span aria-hidden="true">→</span>{" ".join(items)}</span>'


def _url(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative URL between pages as served with directory URLs."""
    target = relative(from_page, to_page).removesuffix("index.md") or "./"
    return target + (f"#{anchor}" if anchor else "")


def alignment_export(alignment: Alignment) -> dict[str, Any]:
    """Per answer segment: {"links": [...], "part_links": [...]}; per article: explained_by."""
    segments = {segment_id: {"links": list(link.articles), "part_links": list(link.parts)} for segment_id, link in alignment.links.items()}
    explained: dict[int, list[dict[str, Any]]] = {}
    for segment_id, link in alignment.links.items():
        for number in link.articles:
            explained.setdefault(number, []).append({"qa": link.qa, "segment": segment_id})
    return {"segments": segments, "explained_by": explained}
