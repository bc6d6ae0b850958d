"""The glossary page per language with its back-links, and the term lists on articles and answers."""

from __future__ import annotations

import unicodedata

from . import markup
from ..glossary.occurrences import Occurrence
from ..glossary.terms import HAN_SCRIPTS, Glossary, Term, term_card_data
from ..config.languages import language, languages
from .i18n import N_, article_label, gettext, labelled, labels, qa_label
from ..document.model import Document
from .urls import GLOSSARY_PAGE, relative, served_relative

DOWNLOADS = ("glossary.json", "glossary.csv", "glossary.tbx")
INTRO = N_(
    "This glossary lists the terms of art used in the Opinions and the press Q&A, with their preferred English rendering, "
    "pinyin and a short definition, and links to every article and answer where each term occurs. On every page, the first "
    "occurrence of a term is underlined with dots: tap or click it to see its definition on a card that links here."
)


def terms_by_page(found: dict[str, list[Occurrence]], glossary: Glossary) -> dict[str, list[Term]]:
    """Page path → the terms used on it, in glossary order."""
    pages: dict[str, list[Term]] = {}
    for term in glossary.terms:
        for occurrence in found[term.id]:
            pages.setdefault(occurrence.page, []).append(term)
    return pages


def terms_used_block(page: str, terms: list[Term], lang: str, prefix: str) -> str:
    """The 'terms used on this page' list shown under an article or answer."""
    if "qa/" in page:
        heading = gettext(N_("Terms in this answer"), lang)
    else:
        heading = gettext(N_("Terms in this article"), lang)
    items = []
    for term in terms:
        label = term.name(lang)
        # Raw HTML: MkDocs does not rewrite these links, so they must be served URLs (…/glossary/#id).
        target = served_relative(page, prefix + GLOSSARY_PAGE) + f"#{term.id}"
        card = "".join(f' {name}="{markup.attribute(value)}"' for name, value in term_card_data(term, lang).items())
        items.append(f'<a class="term-chip" href="{markup.attribute(target)}"{card}>{markup.attribute(label)}</a>')
    return f'<nav class="terms-used no-terms" aria-label="{markup.attribute(heading)}">\n<h2 id="terms">{markup.attribute(heading)}</h2>\n{" ".join(items)}\n</nav>\n'


def glossary_page(
    glossary: Glossary,
    found: dict[str, list[Occurrence]],
    titles: dict[tuple[str, str, int], str],
    lang: str,
    lang_root: str,
) -> str:
    """The glossary page: categories, one anchored entry per term, back-links, downloads.

    ``titles`` maps (doc, kind, number) to the link title in this language;
    ``lang_root`` is the path prefix of this language ('' or 'en/').
    """
    text = labels(lang)
    page = GLOSSARY_PAGE
    heading = text["glossary"]
    intro = gettext(INTRO, lang)
    lines = [markup.front_matter(title=heading, description=intro[:150]), f"# {markup.text(heading)} {{ #glossary }}", ""]
    lines += [markup.text(intro), "{: .no-terms }", ""]
    download_label = gettext(N_("Download the glossary"), lang)
    links = " · ".join(
        f'<a href="{markup.attribute(relative(lang_root + page, "data/" + name))}" download>{name.rsplit(".", 1)[1].upper()}</a>' for name in DOWNLOADS
    )
    lines += [f'<p class="downloads no-terms">{markup.attribute(labelled(download_label, lang))}{links} <small>(TBX: ISO 30042)</small></p>', ""]
    lines += [_filter(text), "", _index(glossary, lang, text), ""]
    for category in glossary.categories:
        lines += [f"## {markup.text(category.name(lang))} {{ #cat-{category.id} }}", ""]
        for term in glossary.in_category(category.id):
            lines.append(_entry(glossary, term, found[term.id], titles, lang))
    return "\n".join(lines)


def _entry(glossary: Glossary, term: Term, found: list[Occurrence], titles: dict[tuple[str, str, int], str], lang: str) -> str:
    page = GLOSSARY_PAGE
    # The term in the Chinese of this site (Traditional on the Traditional site) with its pinyin, and its
    # English rendering; the entry leads with the one the page's language writes, in a <dfn>.
    chinese = languages().original_script(lang).code
    english = term.english_language
    chinese_html = (
        f'<span class="gloss-zh" lang="{chinese}">{markup.attribute(term.name(chinese))}</span>'
        f' <span class="pinyin" lang="zh-Latn-pinyin">{markup.attribute(term.pinyin)}</span>'
    )
    english_html = f'<span class="gloss-en" lang="{english}">{markup.attribute(term.en)}</span>'
    names = f"<dfn>{chinese_html}</dfn> {english_html}" if language(lang).script in HAN_SCRIPTS else f"<dfn>{english_html}</dfn> {chinese_html}"
    variants = "; ".join(form for forms in term.renderings.values() for form in forms)
    parts = [
        f'<div class="gloss-entry no-terms" id="{term.id}" data-variants="{markup.attribute(variants)}">',
        f'<p class="gloss-head">{names} <a class="headerlink" href="#{term.id}" aria-label="¶ {markup.attribute(term.en)}">¶</a></p>',
        f'<p class="gloss-def">{_prose(term.definition_in(lang), lang)}</p>',
    ]
    if lang != english:
        parts.append(f'<p class="gloss-def" lang="{english}">{_prose(term.definition_in(english), english)}</p>')
    if term.en_variants:
        label = markup.attribute(labelled(gettext(N_("Also rendered as"), lang), lang))
        parts.append(f'<p class="gloss-variants">{label}<span lang="{english}">{_prose("; ".join(term.en_variants), english)}</span></p>')
    if term.note:
        label = markup.attribute(labelled(gettext(N_("Note on the rendering"), lang), lang))
        parts.append(f'<p class="gloss-note">{label}<span lang="{english}">{_prose(term.note, english)}</span></p>')
    if term.related:
        label = markup.attribute(gettext(N_("Related"), lang))
        related = ", ".join(
            f'<a href="#{other}">{markup.attribute(glossary.term(other).name(lang))}</a>' for other in term.related
        )
        parts.append(f'<p class="gloss-related">{labelled(label, lang)}{related}</p>')
    if found:
        label = markup.attribute(gettext(N_("Occurs in"), lang))
        links = []
        for occurrence in found:
            title = titles.get((occurrence.doc, occurrence.kind, occurrence.number), "")
            links.append(f'<li><a href="{markup.attribute(served_relative(page, occurrence.page))}">{markup.attribute(title)}</a></li>')
        parts.append(f'<details class="gloss-occurrences"><summary>{label} ({len(found)})</summary><ul>{"".join(links)}</ul></details>')
    parts.append("</div>\n")
    return "\n".join(parts)


def _filter(text: dict[str, str]) -> str:
    """The filter box (hidden until assets/tools.js makes it work)."""
    return (
        f'<div class="gloss-filter no-terms" hidden><label><span class="visually-hidden">{markup.attribute(text["glossary_filter"])}</span>'
        f'<input type="search" placeholder="{markup.attribute(text["glossary_filter"])}" autocomplete="off"></label>'
        f'<p class="gloss-filter-status" role="status"></p></div>'
    )


def index_key(term: Term, lang: str) -> str:
    """The letter a term is listed under: its pinyin's first letter on Chinese pages, its English's on English ones."""
    source = _index_form(term, lang)
    letters = [char for char in source.upper() if char.isalpha()]
    first = letters[0] if letters else "#"
    return unicodedata.normalize("NFKD", first)[0]


def _index_form(term: Term, lang: str) -> str:
    """What the index orders a term by: its pinyin on pages in Han script, else the page's own form."""
    return term.pinyin if language(lang).script in HAN_SCRIPTS else term.name(lang)


def _index(glossary: Glossary, lang: str, text: dict[str, str]) -> str:
    """Every term by letter (pinyin on Chinese pages, A–Z on English ones), each linked to its entry."""
    by_letter: dict[str, list[Term]] = {}
    for term in sorted(glossary.terms, key=lambda term: (index_key(term, lang), _index_form(term, lang).lower())):
        by_letter.setdefault(index_key(term, lang), []).append(term)
    bar = " ".join(f'<a href="#idx-{letter.lower()}">{letter}</a>' for letter in by_letter)
    rows = "".join(
        f'<p class="gloss-index-row" id="idx-{letter.lower()}"><strong>{letter}</strong> '
        + language(lang).typography.list_separator.join(f'<a href="#{term.id}">{markup.attribute(term.name(lang))}</a>' for term in terms)
        + "</p>"
        for letter, terms in by_letter.items()
    )
    return (
        f'<nav class="gloss-index-nav no-terms" aria-label="{markup.attribute(text["glossary_index"])}">'
        f'<p class="gloss-index">{bar}</p><div class="gloss-index-all">{rows}</div></nav>'
    )


def _prose(text: str, lang: str) -> str:
    """Escaped text; in a language of another script, the Chinese it quotes gets its own lang attribute."""
    if languages().original_script(lang).code == lang:  # the page is in Chinese itself
        return markup.attribute(text)
    return markup.html_with_chinese(text, languages().source.code)


def occurrence_titles(document: Document, lang: str, text_of) -> dict[tuple[str, str, int], str]:  # type: ignore[no-untyped-def]
    """Link titles of every article and Q&A item in ``lang``."""
    titles: dict[tuple[str, str, int], str] = {}
    for article in document.articles:
        title = text_of(article.title) if article.title else ""
        titles[(document.slug, "article", article.number)] = f"{article_label(article.number, lang)} {title}".strip()
    if document.qa:
        for item in document.qa.items:
            titles[(document.slug, "qa", item.number)] = f"{qa_label(item.number, lang)} {text_of(item.question)}"
    return titles
