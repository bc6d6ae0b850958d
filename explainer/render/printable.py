"""The printable full text: the whole document in one language on one page (``print/``).

Headings and paragraphs keep the ids of the reading pages (``#part2``,
``#a05``, ``#a05-p1``, ``#q3``), so a link to one article of the printable text
is the reading page's anchor with ``print/`` in front. The print stylesheet
(``docs/assets/tools.css``) removes the navigation and shows link URLs.
"""

from __future__ import annotations

from . import markup
from .citation import Citations
from .i18n import labelled, labels, qa_label
from ..document.model import Document
from .parallel import special_page_front_matter
from ..config.project import DocumentConfig
from .pages import DocumentRenderer, Page, PageExtras, issuer_lines, status_notices
from .share import citation_block, label
from ..translation.catalog import Texts
from .urls import DocumentUrls, absolute_url, relative


def print_page(document: Document, config: DocumentConfig, texts: Texts, lang: str, base_url: str) -> Page:
    """The whole document in ``lang``, with the permanent address of its reading pages on top."""
    urls = DocumentUrls(config.prefix, document)
    path = urls.print_document
    # A renderer without extras: the printed text carries no cross-link boxes or share panels.
    renderer = DocumentRenderer(document, config, texts, lang, PageExtras())
    title = renderer.plain(document.title)
    home = absolute_url(base_url, urls.home, lang)
    lines = [
        special_page_front_matter(f"{title} · {label('printable', lang)}", title),
        " · ".join(
            [
                markup.link(labels(lang)["home"], relative(path, urls.home)),
                markup.link(label("whole_side_by_side", lang), relative(path, urls.parallel_document)),
            ]
        ),
        "{: .crumbs }",
        "",
        f"# {markup.text(title)} {{ #full-text }}",
        "",
    ]
    lines += issuer_lines(document, renderer.plain, lang)
    lines += [f"{markup.text(labelled(label('online_at', lang), lang))}<{home}>", "{: .print-source .no-terms }", ""]
    # The reading pages' notices, for every state found in the document.
    lines.append(status_notices((texts.get(segment, lang).status for segment in document.segments()), lang))
    if document.history:
        lines.append(renderer.paragraphs(document.history))
    lines.append(renderer.paragraphs(document.preamble))
    for part, numbers in document.divisions():
        if part is not None:
            lines += ["", f"## {markup.text(renderer.part_title(part))} {{ #part{part.number} }}", ""]
            lines.append(renderer.paragraphs(part.intro))
        sections = document.section_starts(part)
        for number in numbers:
            if number in sections and part is not None:
                section = sections[number]
                lines += ["", f"### {markup.text(renderer.section_title(section))} {{ #part{part.number}-sec{section.number} }}", ""]
            article = document.article(number)
            lines += ["", f"### {markup.text(renderer.article_title(article))} {{ #a{article.key} }}", ""]
            lines.append(renderer.paragraphs(article.paragraphs))
    if document.closing:
        lines += ["", renderer.paragraphs(document.closing)]
    if document.qa:
        qa = document.qa
        if qa.title is not document.title:
            lines += ["", f"## {markup.text(renderer.plain(qa.title))} {{ #qa }}", ""]
        if qa.subtitle:
            lines += [f"{markup.text(renderer.plain(qa.subtitle))}", "{: .subtitle }", ""]
        lines.append(renderer.paragraphs(qa.intro))
        for item in qa.items:
            heading = f"{qa_label(item.number, lang)} {renderer.plain(item.question)}"
            lines += ["", f"### {markup.text(heading)} {{ #q{item.number} }}", ""]
            lines.append(renderer.paragraphs(item.answer))
    lines += ["", citation_block(Citations(document, texts, urls, lang, config.official).all_units(), lang, base_url)]
    return Page(path, "\n".join(lines), title)

