"""Side-by-side pages: the original beside a translation, sentence by sentence.

Every article and Q&A item gets a parallel page (``parallel/articles/05/``,
``parallel/qa/3/``) and the whole document one more (``parallel/``), for
printing. Each language's site has its own copies: the interface is in that
language; the left column holds the original in the script of the site (Traditional
characters on the zh-Hant site, Simplified elsewhere) and the right one the
translation: the site's own language when it is translated, else its partner in
the language registry. Rows are the document's sentence segments, so the alignment
is exact; a sentence whose translation is still missing shows a "translation
pending" marker in the translation column, never a gap.

Paragraphs keep their ids (``a05-p1``) and rows their sentence ids
(``a05-p1-s1``), so links and citations work as on the reading pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from . import markup
from .citation import Citations, CitationUnit
from ..config.project import Publication
from ..config.languages import language, languages
from .i18n import article_heading, article_label, article_short, labels, part_prefix, qa_label, section_label
from ..document.model import Article, Document, Paragraph, QAItem, Segment
from .pages import Page, status_notices
from .share import citation_block, label
from ..translation.catalog import Texts
from .urls import DocumentUrls, relative

def special_page_front_matter(title: str, description: str) -> str:
    """Front matter of a generated view: no sidebars (the width goes to the text), not in search results.

    These pages repeat text that the reading pages already hold, so search
    leaves them out instead of listing every sentence twice.
    """
    return markup.front_matter(title=title, description=description, search={"exclude": True}, hide=["navigation", "toc"])


class ParallelRenderer:
    """Renders the parallel pages of one document for one language's site."""

    def __init__(self, document: Document, texts: Texts, urls: DocumentUrls, lang: str, base_url: str, official: Sequence[Publication] = ()) -> None:
        self.document = document
        self.texts = texts
        self.urls = urls
        self.lang = lang
        self.base_url = base_url
        self.zh = languages().original_script(lang).code
        """The language of the left column: the original, in the site's script."""
        self.en = lang if language(lang).translated else language(lang).partner
        """The language of the right column: the translation."""
        self.citations = Citations(document, texts, urls, lang, official)
        self._statuses: set[str] = set()

    # -- cells and rows --------------------------------------------------------------

    def _english(self, segment: Segment) -> tuple[str, str]:
        """(escaped HTML of the translation, status) of a segment; a missing translation is marked, not left blank."""
        rendering = self.texts.get(segment, self.en)
        self._statuses.add(rendering.status)
        if rendering.status == "missing":
            return f'<span class="pending" lang="{self.lang}">{markup.attribute(label("pending_cell", self.lang))}</span>', "missing"
        return markup.attribute(rendering.text), rendering.status

    def _cells(self, tag: str, zh_prefix: str, segment: Segment, en_prefix: str) -> str:
        """The original's cell and the translation's cell of one segment (``tag`` is p or span)."""
        zh = markup.attribute(zh_prefix + self.texts.text(segment, self.zh))
        english, status = self._english(segment)
        css = f' class="{status}"' if status in ("machine", "stale") else ""
        return f'<{tag} lang="{self.zh}">{zh}</{tag}><{tag} lang="{self.en}"{css}>{markup.attribute(en_prefix)}{english}</{tag}>'

    def row(self, segment: Segment, css: str = "par-row", zh_prefix: str = "", en_prefix: str = "") -> str:
        return f'<div class="{css}" id="{segment.id}">{self._cells("p", zh_prefix, segment, en_prefix)}</div>'

    def heading_row(self, level: int, anchor: str, segment: Segment, zh_prefix: str, en_prefix: str) -> str:
        """A heading holding both languages (whole-document page), anchored like the reading pages."""
        return f'<h{level} class="par-row par-title" id="{anchor}">{self._cells("span", zh_prefix, segment, en_prefix)}</h{level}>'

    def paragraph(self, paragraph: Paragraph) -> str:
        rows = "\n".join(self.row(segment) for segment in paragraph.segments)
        return f'<div class="para par-para" id="{paragraph.id}">\n{rows}\n</div>'

    def paragraphs(self, paragraphs: Iterable[Paragraph]) -> list[str]:
        return [self.paragraph(paragraph) for paragraph in paragraphs]

    def columns(self) -> str:
        """Column headings; on a phone the columns stack and the headings hide."""
        return (
            f'<div class="par-row par-head" aria-hidden="true"><p lang="{self.zh}">{markup.attribute(language(self.zh).name)}</p>'
            f'<p lang="{self.en}">{markup.attribute(language(self.en).name)}</p></div>'
        )

    def _table(self, rows: list[str]) -> str:
        return f'<div class="parallel no-terms" role="group" aria-label="{markup.attribute(label("columns_label", self.lang))}">\n' + "\n".join([self.columns(), *rows]) + "\n</div>\n"

    # -- titles --------------------------------------------------------------------

    def _article_prefixes(self, article: Article) -> tuple[str, str]:
        if article.title:
            return article_short(article, self.zh), article_label(article, self.en) + language(self.en).typography.colon
        return article_label(article, self.zh), article_label(article, self.en)

    def _pager(self, path: str, number: int, count: int, url: Callable[[int], str], title_of: Callable[[int], str], back: tuple[str, str], keys: tuple[str, str]) -> str:
        """Previous and next side-by-side pages, and the way back to the reading page, at the end of the page."""
        text = labels(self.lang)
        colon = language(self.lang).typography.colon
        links = [f"[{markup.text(back[1])}]({relative(path, back[0])}){{ .back }}"]
        if number > 1:
            links.insert(0, f"[{markup.text('← ' + text[keys[0]] + colon + title_of(number - 1))}]({relative(path, url(number - 1))}){{ .prev rel=prev }}")
        if number < count:
            links.append(f"[{markup.text(text[keys[1]] + colon + title_of(number + 1) + ' →')}]({relative(path, url(number + 1))}){{ .next rel=next }}")
        return "\n".join(links) + "\n{: .pager .par-pager }\n"

    def _page(self, path: str, title: str, description: str, crumbs: list[str], rows: list[str], units: list[CitationUnit], pager: str = "") -> Page:
        """Assemble a page; ``rows`` were rendered since the last page, so their translation states are known."""
        table = self._table(rows)
        found, self._statuses = self._statuses, set()
        body = [
            special_page_front_matter(title, description),
            " · ".join(crumbs),
            "{: .crumbs }",
            "",
            f"# {markup.text(title)} {{ #parallel }}",
            "",
            status_notices(found, self.lang, pending=label("pending_notice", self.lang)),
            table,
            pager,
            citation_block(units, self.lang, self.base_url),
        ]
        return Page(path, "\n".join(body), title)

    # -- pages -----------------------------------------------------------------------

    def pages(self) -> list[Page]:
        pages = [self.article_page(article) for article in self.document.articles]
        if self.document.qa:
            pages += [self.qa_page(item) for item in self.document.qa.items]
        pages.append(self.document_page())
        return pages

    def _side_by_side(self, title: str) -> str:
        return f"{title} · {label('side_by_side', self.lang)}"

    def _translated(self, segment: Segment) -> str | None:
        """The segment in the page's language; None while its translation is pending (no Chinese in an English title)."""
        rendering = self.texts.get(segment, self.lang)
        return None if rendering.status == "missing" else rendering.text

    def _article_title(self, article: Article) -> str:
        label_text = article_label(article, self.lang)
        title = self._translated(article.title) if article.title else None
        if title is None:
            return label_text
        return article_heading(article, title, self.lang)

    def _qa_title(self, item: QAItem) -> str:
        question = self._translated(item.question)
        return qa_label(item.number, self.lang) + (f" {question}" if question else "")

    def article_page(self, article: Article) -> Page:
        path = self.urls.parallel_article(article.number)
        title = self._side_by_side(self._article_title(article))
        crumbs = [
            markup.link(article_label(article, self.lang), relative(path, self.urls.article(article.number))),
            markup.link(label("whole_side_by_side", self.lang), relative(path, self.urls.parallel_document, f"a{article.key}")),
        ]
        rows = []
        if article.title:
            zh_prefix, en_prefix = self._article_prefixes(article)
            rows.append(self.row(article.title, "par-row par-title", zh_prefix, en_prefix))
        rows += self.paragraphs(article.paragraphs)
        description = title
        pager = self._pager(path, article.number, len(self.document.articles), self.urls.parallel_article,
            lambda number: self._article_title(self.document.article(number)),
            (self.urls.article(article.number), labels(self.lang)["back_to_article"]),
            ("previous", "next"),
        )
        return self._page(path, title, description, crumbs, rows, [self.citations.article(article.number)], pager)

    def qa_page(self, item: QAItem) -> Page:
        path = self.urls.parallel_qa(item.number)
        title = self._side_by_side(self._qa_title(item))
        crumbs = [
            markup.link(qa_label(item.number, self.lang), relative(path, self.urls.qa(item.number))),
            markup.link(label("whole_side_by_side", self.lang), relative(path, self.urls.parallel_document, f"q{item.number}")),
        ]
        rows = [self.row(item.question, "par-row par-title", f"{qa_label(item.number, self.zh)} ", qa_label(item.number, self.en) + language(self.en).typography.colon)]
        rows += self.paragraphs(item.answer)
        description = title
        assert self.document.qa is not None
        pager = self._pager(path, item.number, len(self.document.qa.items), self.urls.parallel_qa,
            lambda number: qa_label(number, self.lang),
            (self.urls.qa(item.number), labels(self.lang)["back_to_item"]),
            ("previous_item", "next_item"),
        )
        return self._page(path, title, description, crumbs, rows, [self.citations.qa_item(item.number)], pager)

    def document_page(self) -> Page:
        """The whole document side by side, headings anchored as on the reading pages (#part2, #a05, #q3)."""
        document = self.document
        path = self.urls.parallel_document
        document_title = self._translated(document.title) or self.citations.document_title
        title = f"{document_title} · {label('whole_side_by_side', self.lang)}"
        crumbs = [
            markup.link(labels(self.lang)["home"], relative(path, self.urls.home)),
            markup.link(label("printable", self.lang), relative(path, self.urls.print_document)),
        ]
        rows: list[str] = []
        if document.issuers:
            rows.append(self.row(document.issuers, "par-row par-issuers"))
        rows.append(self.heading_row(2, "full-text", document.title, "", ""))
        if document.doc_number:
            rows.append(self.row(document.doc_number, "par-row par-doc-number"))
        rows += self.paragraphs(document.history)
        rows += self.paragraphs(document.preamble)
        for part, numbers in document.divisions():
            if part is not None:
                rows.append(self.heading_row(2, f"part{part.number}", part.title, part_prefix(part, self.zh), part_prefix(part, self.en) + language(self.en).typography.word_space))
                rows += self.paragraphs(part.intro)
            sections = document.section_starts(part)
            for number in numbers:
                if number in sections and part is not None:
                    section = sections[number]
                    prefixes = section_label(section.number, self.zh) + language(self.zh).typography.word_space, section_label(section.number, self.en) + language(self.en).typography.word_space
                    rows.append(self.heading_row(3, f"part{part.number}-sec{section.number}", section.title, *prefixes))
                article = document.article(number)
                if article.title:
                    zh_prefix, en_prefix = self._article_prefixes(article)
                    rows.append(self.heading_row(3, f"a{article.key}", article.title, zh_prefix, en_prefix))
                else:
                    rows.append(f'<h3 class="par-label" id="a{article.key}">{markup.attribute(article_label(article, self.lang))}</h3>')
                rows += self.paragraphs(article.paragraphs)
        rows += self.paragraphs(document.closing)
        if document.qa:
            qa = document.qa
            if qa.title is not document.title:
                rows.append(self.heading_row(2, "qa", qa.title, "", ""))
            if qa.subtitle:
                rows.append(self.row(qa.subtitle, "par-row par-subtitle"))
            rows += self.paragraphs(qa.intro)
            for item in qa.items:
                rows.append(self.heading_row(3, f"q{item.number}", item.question, f"{qa_label(item.number, self.zh)} ", qa_label(item.number, self.en) + language(self.en).typography.colon))
                rows += self.paragraphs(item.answer)
        description = title
        return self._page(path, title, description, crumbs, rows, self.citations.all_units())
