"""The glossary page per language with its back-links, and the term lists on articles and answers."""

from __future__ import annotations

from . import markup
from ..glossary.occurrences import Occurrence
from ..glossary.terms import Glossary, Term
from ..config.languages import languages
from .i18n import N_, article_label, gettext, labels, qa_label
from ..document.model import Document
from .urls import GLOSSARY_PAGE, relative, served_relative

DOWNLOADS = ("glossary.json", "glossary.csv", "glossary.tbx")
INTRO = N_(
    "This glossary lists the terms of art used in the Opinions and the press Q&A, with their preferred English rendering, "
    "pinyin and a short definition, and links to every article and answer where each term occurs. On every page, the first "
    "occurrence of a term links here and shows its definition when you point at it."
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
        items.append(f'<a class="term-chip" href="{markup.attribute(target)}" title="{markup.attribute(term.definition_in(lang))}">{markup.attribute(label)}</a>')
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
    lines += [f'<p class="downloads no-terms">{markup.attribute(download_label)}: {links} <small>(TBX: ISO 30042)</small></p>', ""]
    for category in glossary.categories:
        lines += [f"## {markup.text(category.name(lang))} {{ #cat-{category.id} }}", ""]
        for term in glossary.in_category(category.id):
            lines.append(_entry(glossary, term, found[term.id], titles, lang))
    return "\n".join(lines)


def _entry(glossary: Glossary, term: Term, found: list[Occurrence], titles: dict[tuple[str, str, int], str], lang: str) -> str:
    page = GLOSSARY_PAGE
    # The term in the Chinese of this site (Traditional on the Traditional site), its pinyin and its English rendering.
    chinese = languages().original_script(lang).code
    english = term.english_language
    names = f'<dfn lang="{chinese}">{markup.attribute(term.name(chinese))}</dfn>'
    parts = [
        f'<div class="gloss-entry no-terms" id="{term.id}">',
        f'<p class="gloss-head">{names} <span class="pinyin" lang="zh-Latn-pinyin">{markup.attribute(term.pinyin)}</span> '
        f'<span class="gloss-en" lang="{english}">{markup.attribute(term.en)}</span> <a class="headerlink" href="#{term.id}" aria-label="¶ {markup.attribute(term.en)}">¶</a></p>',
        f'<p class="gloss-def">{_prose(term.definition_in(lang), lang)}</p>',
    ]
    if lang != english:
        parts.append(f'<p class="gloss-def" lang="{english}">{_prose(term.definition_in(english), english)}</p>')
    if term.en_variants:
        label = markup.attribute(gettext(N_("Also rendered as"), lang))
        parts.append(f'<p class="gloss-variants">{label}: <span lang="{english}">{_prose("; ".join(term.en_variants), english)}</span></p>')
    if term.note:
        label = markup.attribute(gettext(N_("Note on the rendering"), lang))
        parts.append(f'<p class="gloss-note">{label}: <span lang="{english}">{_prose(term.note, english)}</span></p>')
    if term.related:
        label = markup.attribute(gettext(N_("Related"), lang))
        related = ", ".join(
            f'<a href="#{other}">{markup.attribute(glossary.term(other).name(lang))}</a>' for other in term.related
        )
        parts.append(f'<p class="gloss-related">{label}: {related}</p>')
    if found:
        label = markup.attribute(gettext(N_("Occurs in"), lang))
        links = []
        for occurrence in found:
            title = titles.get((occurrence.doc, occurrence.kind, occurrence.number), "")
            links.append(f'<li><a href="{markup.attribute(served_relative(page, occurrence.page))}">{markup.attribute(title)}</a></li>')
        parts.append(f'<details class="gloss-occurrences"><summary>{label} ({len(found)})</summary><ul>{"".join(links)}</ul></details>')
    parts.append("</div>\n")
    return "\n".join(parts)


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
