"""Show the alignment both ways: "Explained in the Q&A" on articles (a compact line under the
heading, the quotes at the end), article links on answers and in the Q&A index."""

from __future__ import annotations

from itertools import groupby

from . import markup
from ..align.aligner import Alignment
from ..config.languages import language, languages
from .i18n import N_, article_label, article_short, gettext, labelled, labels, part_label, qa_label
from ..document.model import Document, QAItem
from .pages import PageExtras
from .search_aliases import where_label
from ..translation.catalog import Rendering, Texts
from .urls import DocumentUrls, served_relative

HEADING = N_("Explained in the Q&A")
NONE = N_("The press Q&A does not discuss this article specifically.")
EXPLAINS = N_("Explains")
MENTIONS = N_("Mentions")


def add_crosslinks(extras: PageExtras, document: Document, alignment: Alignment, urls: DocumentUrls, texts: Texts, lang: str) -> None:
    """Add the explanation box to every article page and article links after answer paragraphs."""
    if document.qa is None:
        return
    for article in document.articles:
        page = urls.article(article.number)
        extras.after_title.setdefault(page, []).append(_explained_line(page, article.number, alignment, urls, texts, lang, document))
        extras.add(page, _explained_box(page, article.number, alignment, urls, texts, lang, document))
    for item in document.qa.items:
        extras.after_item.setdefault(f"q{item.number}", []).append(_index_links(urls.qa_index, item.number, alignment, urls, lang))
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


def _explained_line(page: str, number: int, alignment: Alignment, urls: DocumentUrls, texts: Texts, lang: str, document: Document) -> str:
    """The compact line under an article's heading: each Q&A item that explains it, linked to its first explaining sentence."""
    first: dict[int, str] = {}
    for link in alignment.explained_by(number):
        first.setdefault(link.qa, link.segment.id)
    label = f'<span class="explained-line__label">{markup.attribute(labelled(gettext(HEADING, lang), lang))}</span>'
    if not first:
        return f'<p class="explained-line no-terms">{label}<span class="explained-none">{markup.attribute(gettext(NONE, lang))}</span></p>\n'
    items = []
    for qa, segment_id in sorted(first.items()):
        question = texts.text(document.qa.items[qa - 1].question, lang) if document.qa else ""
        items.append(
            f'<a href="{markup.attribute(served_relative(page, urls.qa(qa), segment_id))}">{markup.attribute(where_label("qa", qa, lang))}'
            f'<span class="visually-hidden"> {markup.attribute(question)}</span></a>'
        )
    more = f' <a class="explained-line__more" href="#explained" aria-label="{markup.inline_attribute(gettext(HEADING, lang))}">↓</a>'
    return f'<p class="explained-line no-terms">{label}{" ".join(items)}{more}</p>\n'


def _index_links(page: str, qa: int, alignment: Alignment, urls: DocumentUrls, lang: str) -> str:
    """After an item of the Q&A index: the articles its answer explains."""
    numbers = sorted({number for link in alignment.links.values() if link.qa == qa for number in link.articles})
    if not numbers:
        return ""
    links = " ".join(
        f'<a href="{markup.attribute(served_relative(page, urls.article(number)))}" title="{markup.attribute(article_label(number, lang))}">{markup.attribute(where_label("article", number, lang))}</a>'
        for number in numbers
    )
    return f' <span class="qa-explains no-terms"><span class="visually-hidden">{markup.text(labelled(gettext(EXPLAINS, lang), lang))}</span><span aria-hidden="true">→ </span>{links}</span>'


def _explained_box(page: str, number: int, alignment: Alignment, urls: DocumentUrls, texts: Texts, lang: str, document: Document) -> str:
    lines = [f'<aside class="explained no-terms" aria-labelledby="explained">', f'<h2 id="explained">{markup.attribute(gettext(HEADING, lang))}</h2>']
    if not alignment.explained_by(number):
        lines.append(f'<p class="explained-none">{markup.attribute(gettext(NONE, lang))}</p>')
    assert document.qa is not None
    for item in document.qa.items:
        for paragraph in item.answer:
            # Consecutive explaining sentences make one quote, linked to the first one's anchor.
            for run in _runs([segment.id for segment in paragraph.segments], alignment, article=number):
                renderings = [(segment_id, texts.get(alignment.links[segment_id].segment, lang)) for segment_id in run]
                # A sentence still untranslated shows the original: it starts a quote of its own, marked with its language.
                for missing, group in groupby(renderings, key=lambda pair: pair[1].status == "missing"):
                    lines.append(_quote(page, item, list(group), missing, urls, texts, lang))
    lines.append("</aside>\n")
    return "\n".join(lines)


def _quote(page: str, item: QAItem, renderings: list[tuple[str, Rendering]], missing: bool, urls: DocumentUrls, texts: Texts, lang: str) -> str:
    source = languages().source
    text_lang = f' lang="{source.code}"' if missing and lang != source.code else ""
    separator = (source if missing else language(lang)).typography.sentence_space
    quote = separator.join(rendering.text for _, rendering in renderings)
    target = served_relative(page, urls.qa(item.number), renderings[0][0])
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
        target = served_relative(page, urls.article(number))
        # Inline HTML inside a Markdown paragraph: its text is Markdown text, its attributes inline attributes.
        items.append(f'<a href="{markup.attribute(target)}" title="{markup.inline_attribute(article_label(number, lang))}">{markup.text(article_short(number, lang))}</a>')
    for number in link.parts:
        items.append(f'<a href="{markup.attribute(served_relative(page, urls.part(number)))}">{markup.text(part_label(number, lang))}</a>')
    label = markup.text(labelled(gettext(EXPLAINS if link.articles else MENTIONS, lang), lang))
    return f'<span class="explains no-terms"><span class="visually-hidden">{label}</span><span aria-hidden="true">→</span>{" ".join(items)}</span>'

