"""Tools for teachers and partners on the reading pages: citations, a share panel with a QR code,
links to the side-by-side and printable pages.

Everything here is added to pages through :class:`~explainer.render.pages.PageExtras`:

- under the heading of each article and Q&A page, a line of links (side by side,
  cite and share) and the page's citation, which only print shows;
- at the end of each article and Q&A page, the share panel: citation, permanent
  link (absolute, from ``site_url``), QR code (a separate SVG file beside the page,
  loaded lazily) and links to the whole-document pages;
- on every page holding numbered paragraphs, the citation data that
  ``docs/assets/tools.js`` turns into a permalink and a "copy citation" button
  on each paragraph.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from .citation import PARAGRAPH_FORMAT, Citations, CitationUnit
from ..config.project import Publication
from .i18n import N_, gettext
from .markup import attribute
from ..document.model import Document
from .qr import qr_code
from .pages import PageExtras
from ..translation.catalog import Texts
from .urls import DocumentUrls, absolute_url, lang_prefix, qr_image, served_relative

QR_DISPLAY_PIXELS = 144
"""Width and height of the QR code in the share panel (CSS pixels): scannable from a phone held near the screen."""

SHARE_LABELS: dict[str, str] = {
    "side_by_side": N_("Chinese and English side by side"),
    "whole_side_by_side": N_("Whole document side by side"),
    "printable": N_("Printable full text"),
    "cite_and_share": N_("Cite and share"),
    "cite_short": N_("Cite · QR code"),
    "cite_as": N_("Cite as"),
    "permanent_link": N_("Permanent link"),
    "qr_alt": N_("QR code linking to {url}"),
    "download_qr": N_("Download the QR code (SVG)"),
    "for_teachers": N_("For teaching and printing"),
    "pending_cell": N_("Translation pending"),
    "pending_notice": N_("Some sentences have no English translation yet; they are marked “Translation pending”."),
    "columns_label": N_("Original and translation"),
    "online_at": N_("Online at"),
    "js_link": N_("Link to paragraph {n}"),
    "js_copy": N_("Copy the citation of paragraph {n}"),
    "js_copy_unit": N_("Copy citation"),
    "js_copied": N_("Citation copied: "),
    "js_failed": N_("Could not copy automatically; copy this by hand:"),
}
"""Interface strings of the sharing tools, by key; ``js_`` ones are handed to tools.js."""


def label(key: str, lang: str) -> str:
    """Interface text of the sharing tools in ``lang``."""
    return gettext(SHARE_LABELS[key], lang)


def citation_data(units: Iterable[CitationUnit], lang: str, base_url: str) -> str:
    """The JSON that tools.js reads: paragraph format, units (citation, URL) and its labels."""
    data = {
        "p": gettext(PARAGRAPH_FORMAT, lang),
        "u": {unit.key: [unit.text, absolute_url(base_url, unit.page, lang)] for unit in units},
        "l": {key.removeprefix("js_"): label(key, lang) for key in SHARE_LABELS if key.startswith("js_")},
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def citation_block(units: Iterable[CitationUnit], lang: str, base_url: str) -> str:
    """A hidden element carrying the citation data of a page without a share panel."""
    return f'<div class="cite-data" hidden data-cite="{attribute(citation_data(units, lang, base_url))}"></div>\n'


def page_tools(page: str, parallel_page: str, unit: CitationUnit, lang: str, base_url: str) -> str:
    """Links under the heading (side by side; cite and share) and the citation that print puts on top."""
    url = absolute_url(base_url, unit.page, lang)
    return (
        f'<p class="page-tools no-terms"><a class="to-parallel" href="{attribute(served_relative(page, parallel_page))}">'
        f'<span aria-hidden="true">⇆ </span>{attribute(label("side_by_side", lang))}</a> '
        f'<a class="to-share" href="#share">{attribute(label("cite_short", lang))}</a></p>\n'
        f'<p class="print-cite no-terms">{attribute(unit.text)}<br>{attribute(url)}</p>\n'
    )


def share_panel(page: str, parallel_page: str, urls: DocumentUrls, unit: CitationUnit, lang: str, base_url: str, slug: str) -> str:
    """The share panel at the end of an article or Q&A page."""
    url = absolute_url(base_url, unit.page, lang)
    data = citation_data([unit], lang, base_url)
    qr_name = f"{slug}-{unit.key}-{lang}-qr.svg"
    links = " · ".join(
        [
            f'<a href="qr.svg" download="{attribute(qr_name)}">{attribute(label("download_qr", lang))}</a>',
            f'<a href="{attribute(served_relative(page, parallel_page))}">{attribute(label("side_by_side", lang))}</a>',
            f'<a href="{attribute(served_relative(page, urls.parallel_document, unit.key))}">{attribute(label("whole_side_by_side", lang))}</a>',
            f'<a href="{attribute(served_relative(page, urls.print_document, unit.key))}">{attribute(label("printable", lang))}</a>',
        ]
    )
    return (
        f'<aside class="share no-terms" aria-labelledby="share" data-cite="{attribute(data)}">\n'
        f'<h2 id="share">{attribute(label("cite_and_share", lang))}</h2>\n'
        f'<div class="share-body">\n'
        f'<img class="share-qr" src="qr.svg" width="{QR_DISPLAY_PIXELS}" height="{QR_DISPLAY_PIXELS}" loading="lazy" '
        f'alt="{attribute(label("qr_alt", lang).format(url=url))}">\n'
        f'<div class="share-text">\n'
        f'<p class="share-cite" data-unit="{attribute(unit.key)}"><span class="share-label">{attribute(label("cite_as", lang))}</span> '
        f'<span class="cite-text">{attribute(unit.text)}</span></p>\n'
        f'<p class="share-url"><span class="share-label">{attribute(label("permanent_link", lang))}</span> '
        f'<a href="{attribute(url)}">{attribute(url)}</a></p>\n'
        f'<p class="share-links">{links}</p>\n'
        f"</div>\n</div>\n</aside>\n"
    )


def teaching_links(page: str, urls: DocumentUrls, lang: str) -> str:
    """Links to the whole-document side-by-side and printable pages (home and full-text pages)."""
    links = " · ".join(
        [
            f'<a href="{attribute(served_relative(page, urls.parallel_document))}"><span aria-hidden="true">⇆ </span>{attribute(label("whole_side_by_side", lang))}</a>',
            f'<a href="{attribute(served_relative(page, urls.print_document))}">{attribute(label("printable", lang))}</a>',
        ]
    )
    return f'<p class="teaching-links no-terms"><span class="share-label">{attribute(label("for_teachers", lang))}</span> {links}</p>\n'


def add_sharing(
    extras: PageExtras, document: Document, texts: Texts, urls: DocumentUrls, lang: str, base_url: str, official: Sequence[Publication] = ()
) -> None:
    """Add the citation data, tools line and share panel to the document's reading pages in ``lang``
    (``official``: the document's official publications, which its citations name)."""
    citations = Citations(document, texts, urls, lang, official)
    for article in document.articles:
        page = urls.article(article.number)
        unit = citations.article(article.number)
        extras.after_title.setdefault(page, []).append(page_tools(page, urls.parallel_article(article.number), unit, lang, base_url))
        extras.add(page, share_panel(page, urls.parallel_article(article.number), urls, unit, lang, base_url, document.slug))
    if document.qa:
        for item in document.qa.items:
            page = urls.qa(item.number)
            unit = citations.qa_item(item.number)
            extras.after_title.setdefault(page, []).append(page_tools(page, urls.parallel_qa(item.number), unit, lang, base_url))
            extras.add(page, share_panel(page, urls.parallel_qa(item.number), urls, unit, lang, base_url, document.slug))
        if document.qa.intro:
            extras.add(urls.qa_index, citation_block([citations.qa_intro()], lang, base_url))
    full_text_units = ([citations.preamble()] if document.preamble else []) + ([citations.closing()] if document.closing else [])
    if full_text_units:
        extras.add(urls.articles_index, citation_block(full_text_units, lang, base_url))
    for part in document.parts:
        if part.intro:
            extras.add(urls.part(part.number), citation_block([citations.part(part.number)], lang, base_url))
    for page in (urls.home, urls.articles_index):
        extras.add(page, teaching_links(page, urls, lang))


def qr_files(document: Document, urls: DocumentUrls, lang: str, base_url: str) -> dict[str, str]:
    """One QR code SVG per article and Q&A item, keyed by its path in the built site."""
    pages = [urls.article(article.number) for article in document.articles]
    if document.qa:
        pages += [urls.qa(item.number) for item in document.qa.items]
    return {lang_prefix(lang) + qr_image(page): qr_code(absolute_url(base_url, page, lang)).svg for page in pages}
