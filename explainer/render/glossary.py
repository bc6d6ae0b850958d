"""The glossary page per language with its back-links, and the term lists on articles and answers."""

from __future__ import annotations

import unicodedata

from . import markup
from ..config.typography import labelled, typography
from ..glossary.occurrences import Occurrence
from ..glossary.terms import Glossary, Term, term_card_data
from .i18n import article_label, labels, qa_label
from ..document.model import Document
from .urls import GLOSSARY_PAGE, DocumentUrls, relative

DOWNLOADS = ("glossary.json", "glossary.csv", "glossary.tbx")


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
        heading = {"en": "Terms in this answer", "zh-Hans": "本问术语", "zh-Hant": "本問術語"}[lang]
    else:
        heading = {"en": "Terms in this article", "zh-Hans": "本条术语", "zh-Hant": "本條術語"}[lang]
    items = []
    for term in terms:
        label = term.en if lang == "en" else (term.zh_hant if lang == "zh-Hant" else term.zh)
        # Raw HTML: MkDocs does not rewrite these links, so they must be served URLs (…/glossary/#id).
        target = _directory_url(page, prefix + GLOSSARY_PAGE) + f"#{term.id}"
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
    intro = {
        "zh-Hans": "本表收录《意见》及答记者问中的专业术语，给出英文译名、拼音和释义，并列出每个术语出现的条目和答问。页面正文中术语首次出现处带有虚线下划线，点按或点击即可看到释义卡片，卡片链接到本表。",
        "en": "This glossary lists the terms of art used in the Opinions and the press Q&A, with their preferred English rendering, pinyin and a short definition, and links to every article and answer where each term occurs. On every page, the first occurrence of a term is underlined with dots: tap or click it to see its definition on a card that links here.",
    }
    intro["zh-Hant"] = _traditional(intro["zh-Hans"])
    lines = [markup.front_matter(title=heading, description=intro[lang][:150]), f"# {markup.text(heading)} {{ #glossary }}", ""]
    lines += [markup.text(intro[lang]), "{: .no-terms }", ""]
    download_label = {"zh-Hans": "下载术语表", "en": "Download the glossary", "zh-Hant": "下載術語表"}[lang]
    links = " · ".join(
        f'<a href="{markup.attribute(relative(lang_root + page, "data/" + name))}" download>{name.rsplit(".", 1)[1].upper()}</a>' for name in DOWNLOADS
    )
    lines += [f'<p class="downloads no-terms">{markup.attribute(labelled(download_label, lang))}{links} <small>(TBX: ISO 30042)</small></p>', ""]
    lines += [_filter(text), "", _index(glossary, lang, text), ""]
    for category in glossary.categories:
        lines += [f"## {markup.text(category.names[lang])} {{ #cat-{category.id} }}", ""]
        for term in glossary.in_category(category.id):
            lines.append(_entry(glossary, term, found[term.id], titles, lang))
    return "\n".join(lines)


def _entry(glossary: Glossary, term: Term, found: list[Occurrence], titles: dict[tuple[str, str, int], str], lang: str) -> str:
    page = GLOSSARY_PAGE
    chinese_lang = "zh-Hant" if lang == "zh-Hant" else "zh-Hans"
    chinese = (f'<span class="gloss-zh" lang="{chinese_lang}">{markup.attribute(_form(term, chinese_lang))}</span>'
               f' <span class="pinyin" lang="zh-Latn-pinyin">{markup.attribute(term.pinyin)}</span>')
    english = f'<span class="gloss-en" lang="en">{markup.attribute(term.en)}</span>'
    # The entry leads with the term as the page's language writes it, in a <dfn>.
    names = f"<dfn>{english}</dfn> {chinese}" if typography(lang)["index"] == "latin" else f"<dfn>{chinese}</dfn> {english}"
    variants = "; ".join((term.zh, term.zh_hant, *term.en_variants))
    parts = [
        f'<div class="gloss-entry no-terms" id="{term.id}" data-variants="{markup.attribute(variants)}">',
        f'<p class="gloss-head">{names} <a class="headerlink" href="#{term.id}" aria-label="¶ {markup.attribute(term.en)}">¶</a></p>',
        f'<p class="gloss-def">{_prose(term.definition[lang], lang)}</p>',
    ]
    if lang != "en":
        parts.append(f'<p class="gloss-def" lang="en">{_prose(term.definition["en"], "en")}</p>')
    if term.en_variants:
        label = {"en": "Also rendered as", "zh-Hans": "其他译法", "zh-Hant": "其他譯法"}[lang]
        parts.append(f'<p class="gloss-variants">{labelled(label, lang)}<span lang="en">{_prose("; ".join(term.en_variants), "en")}</span></p>')
    if term.note:
        label = {"en": "Note on the rendering", "zh-Hans": "译名说明", "zh-Hant": "譯名說明"}[lang]
        parts.append(f'<p class="gloss-note">{labelled(label, lang)}<span lang="en">{_prose(term.note, "en")}</span></p>')
    if term.related:
        label = {"en": "Related", "zh-Hans": "相关术语", "zh-Hant": "相關術語"}[lang]
        related = ", ".join(
            f'<a href="#{other}">{markup.attribute(_form(glossary.term(other), lang))}</a>' for other in term.related
        )
        parts.append(f'<p class="gloss-related">{labelled(label, lang)}{related}</p>')
    if found:
        label = {"en": "Occurs in", "zh-Hans": "出现于", "zh-Hant": "出現於"}[lang]
        links = []
        for occurrence in found:
            title = titles.get((occurrence.doc, occurrence.kind, occurrence.number), "")
            links.append(f'<li><a href="{markup.attribute(_directory_url(page, occurrence.page))}">{markup.attribute(title)}</a></li>')
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
    source = term.pinyin if typography(lang)["index"] == "pinyin" else term.en
    letters = [char for char in source.upper() if char.isalpha()]
    first = letters[0] if letters else "#"
    return unicodedata.normalize("NFKD", first)[0]


def _index(glossary: Glossary, lang: str, text: dict[str, str]) -> str:
    """Every term by letter (pinyin on Chinese pages, A–Z on English ones), each linked to its entry."""
    by_letter: dict[str, list[Term]] = {}
    for term in sorted(glossary.terms, key=lambda term: (index_key(term, lang), (term.pinyin if typography(lang)["index"] == "pinyin" else term.en).lower())):
        by_letter.setdefault(index_key(term, lang), []).append(term)
    bar = " ".join(f'<a href="#idx-{letter.lower()}">{letter}</a>' for letter in by_letter)
    rows = "".join(
        f'<p class="gloss-index-row" id="idx-{letter.lower()}"><strong>{letter}</strong> '
        + typography(lang)["list"].join(f'<a href="#{term.id}">{markup.attribute(_form(term, lang))}</a>' for term in terms)
        + "</p>"
        for letter, terms in by_letter.items()
    )
    return (
        f'<nav class="gloss-index-nav no-terms" aria-label="{markup.attribute(text["glossary_index"])}">'
        f'<p class="gloss-index">{bar}</p><div class="gloss-index-all">{rows}</div></nav>'
    )


def _directory_url(from_page: str, to_page: str) -> str:
    """Relative URL between two pages as served with directory URLs (…/index.md → …/)."""
    target = relative(from_page, to_page)
    return target.removesuffix("index.md") or "./"


def _prose(text: str, lang: str) -> str:
    """Escaped text; in English, the Chinese it quotes gets its own lang attribute."""
    return markup.html_with_chinese(text) if lang == "en" else markup.attribute(text)


def _form(term: Term, lang: str) -> str:
    return term.en if lang == "en" else (term.zh_hant if lang == "zh-Hant" else term.zh)


def _traditional(text: str) -> str:
    from ..translation.conversion import to_traditional

    return to_traditional(text)


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
