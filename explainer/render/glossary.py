"""The glossary page per language with its back-links, and the term lists on articles and answers."""

from __future__ import annotations

from . import markup
from ..glossary.occurrences import Occurrence
from ..glossary.terms import Glossary, Term
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
        items.append(f'<a class="term-chip" href="{markup.attribute(target)}" title="{markup.attribute(term.definition[lang])}">{markup.attribute(label)}</a>')
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
        "zh-Hans": "本表收录《意见》及答记者问中的专业术语，给出英文译名、拼音和释义，并列出每个术语出现的条目和答问。页面正文中术语首次出现处链接到本表，鼠标悬停可查看释义。",
        "en": "This glossary lists the terms of art used in the Opinions and the press Q&A, with their preferred English rendering, pinyin and a short definition, and links to every article and answer where each term occurs. On every page, the first occurrence of a term links here and shows its definition when you point at it.",
    }
    intro["zh-Hant"] = _traditional(intro["zh-Hans"])
    lines = [markup.front_matter(title=heading, description=intro[lang][:150]), f"# {markup.text(heading)} {{ #glossary }}", ""]
    lines += [markup.text(intro[lang]), "{: .no-terms }", ""]
    download_label = {"zh-Hans": "下载术语表", "en": "Download the glossary", "zh-Hant": "下載術語表"}[lang]
    links = " · ".join(
        f'<a href="{markup.attribute(relative(lang_root + page, "data/" + name))}" download>{name.rsplit(".", 1)[1].upper()}</a>' for name in DOWNLOADS
    )
    lines += [f'<p class="downloads no-terms">{markup.attribute(download_label)}: {links} <small>(TBX: ISO 30042)</small></p>', ""]
    for category in glossary.categories:
        lines += [f"## {markup.text(category.names[lang])} {{ #cat-{category.id} }}", ""]
        for term in glossary.in_category(category.id):
            lines.append(_entry(glossary, term, found[term.id], titles, lang))
    return "\n".join(lines)


def _entry(glossary: Glossary, term: Term, found: list[Occurrence], titles: dict[tuple[str, str, int], str], lang: str) -> str:
    page = GLOSSARY_PAGE
    zh_form = term.zh_hant if lang == "zh-Hant" else term.zh
    names = f'<dfn lang="{"zh-Hant" if lang == "zh-Hant" else "zh-Hans"}">{markup.attribute(zh_form)}</dfn>'
    parts = [
        f'<div class="gloss-entry no-terms" id="{term.id}">',
        f'<p class="gloss-head">{names} <span class="pinyin" lang="zh-Latn-pinyin">{markup.attribute(term.pinyin)}</span> '
        f'<span class="gloss-en" lang="en">{markup.attribute(term.en)}</span> <a class="headerlink" href="#{term.id}" aria-label="¶ {markup.attribute(term.en)}">¶</a></p>',
        f'<p class="gloss-def">{_prose(term.definition[lang], lang)}</p>',
    ]
    if lang != "en":
        parts.append(f'<p class="gloss-def" lang="en">{_prose(term.definition["en"], "en")}</p>')
    if term.en_variants:
        label = {"en": "Also rendered as", "zh-Hans": "其他译法", "zh-Hant": "其他譯法"}[lang]
        parts.append(f'<p class="gloss-variants">{label}: <span lang="en">{_prose("; ".join(term.en_variants), "en")}</span></p>')
    if term.note:
        label = {"en": "Note on the rendering", "zh-Hans": "译名说明", "zh-Hant": "譯名說明"}[lang]
        parts.append(f'<p class="gloss-note">{label}: <span lang="en">{_prose(term.note, "en")}</span></p>')
    if term.related:
        label = {"en": "Related", "zh-Hans": "相关术语", "zh-Hant": "相關術語"}[lang]
        related = ", ".join(
            f'<a href="#{other}">{markup.attribute(_form(glossary.term(other), lang))}</a>' for other in term.related
        )
        parts.append(f'<p class="gloss-related">{label}: {related}</p>')
    if found:
        label = {"en": "Occurs in", "zh-Hans": "出现于", "zh-Hant": "出現於"}[lang]
        links = []
        for occurrence in found:
            title = titles.get((occurrence.doc, occurrence.kind, occurrence.number), "")
            links.append(f'<li><a href="{markup.attribute(_directory_url(page, occurrence.page))}">{markup.attribute(title)}</a></li>')
        parts.append(f'<details class="gloss-occurrences"><summary>{label} ({len(found)})</summary><ul>{"".join(links)}</ul></details>')
    parts.append("</div>\n")
    return "\n".join(parts)


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
