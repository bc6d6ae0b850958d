"""Show the alignment both ways: "Explained in the Q&A" on articles, article links on answers."""

from __future__ import annotations

from itertools import groupby

from . import markup
from ..align.aligner import Alignment
from .i18n import article_label, article_short, part_label, qa_label
from ..translation.conversion import to_traditional
from ..document.model import Document, QAItem
from .pages import PageExtras
from ..translation.catalog import Rendering, Texts
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
            for run in _runs([segment.id for segment in paragraph.segments], alignment):
                # One link after a run of sentences that explain the same articles, not one per sentence.
                inline = _sentence_links(page, run[-1], alignment, urls, lang)
                if inline:
                    extras.after_sentence.setdefault(run[-1], []).append(inline)


def _runs(segment_ids: list[str], alignment: Alignment, article: int | None = None) -> list[list[str]]:
    """Consecutive sentences grouped while they link the same articles and parts (or, given
    ``article``, while they all explain it); sentences that link nothing are left out."""

    def key(segment_id: str) -> object:
        link = alignment.links.get(segment_id)
        if link is None:
            return None
        if article is not None:
            return True if article in link.articles else None
        return (link.articles, link.parts) if (link.articles or link.parts) else None

    runs: list[list[str]] = []
    previous: object = None
    for segment_id in segment_ids:
        current = key(segment_id)
        if current is not None and current == previous:
            runs[-1].append(segment_id)
        elif current is not None:
            runs.append([segment_id])
        previous = current
    return runs


def _explained_box(page: str, number: int, alignment: Alignment, urls: DocumentUrls, texts: Texts, lang: str, document: Document) -> str:
    lines = [f'<aside class="explained no-terms" aria-labelledby="explained">', f'<h2 id="explained">{HEADING[lang]}</h2>']
    if not alignment.explained_by(number):
        lines.append(f'<p class="explained-none">{NONE[lang]}</p>')
    assert document.qa is not None
    for item in document.qa.items:
        for paragraph in item.answer:
            # Consecutive explaining sentences make one quote, linked to the first one's anchor.
            for run in _runs([segment.id for segment in paragraph.segments], alignment, article=number):
                renderings = [(segment_id, texts.get(alignment.links[segment_id].segment, lang)) for segment_id in run]
                # A sentence still untranslated shows the Chinese: it starts a quote of its own, marked zh-Hans.
                for missing, group in groupby(renderings, key=lambda pair: pair[1].status == "missing"):
                    lines.append(_quote(page, item, list(group), missing, urls, texts, lang))
    lines.append("</aside>\n")
    return "\n".join(lines)


def _quote(page: str, item: QAItem, renderings: list[tuple[str, Rendering]], missing: bool, urls: DocumentUrls, texts: Texts, lang: str) -> str:
    text_lang = ' lang="zh-Hans"' if missing and lang != "zh-Hans" else ""
    separator = " " if lang == "en" and not missing else ""
    quote = separator.join(rendering.text for _, rendering in renderings)
    target = _url(page, urls.qa(item.number), renderings[0][0])
    source = f"{qa_label(item.number, lang)} {texts.text(item.question, lang)}"
    return (
        f'<blockquote class="explained-quote"><p{text_lang}>{markup.attribute(quote)}</p>'
        f'<p class="explained-source"><a href="{markup.attribute(target)}">{markup.attribute(source)}</a></p></blockquote>'
    )


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
