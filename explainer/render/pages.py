"""Model → Markdown pages, one set per language.

Pages carry explicit ASCII ids on headings (``#a05``), paragraphs (``#a05-p1``)
and sentences (``#a05-p1-s1``), identical in every language, so permanent
links reach the same place whichever language a reader follows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from . import markup
from ..config.languages import language, languages
from .i18n import article_heading, article_label, document_labels, labelled, labels, part_heading, part_label, qa_label, section_heading
from ..translation.conversion import convert
from ..document.model import Article, Document, Paragraph, Part, QAItem, Section, Segment
from ..config.project import DocumentConfig
from ..translation.catalog import Rendering, Texts
from .provenance import provenance_block
from .urls import DocumentUrls, relative

STATUS_NOTICE = {"missing": "translation_pending", "machine": "machine_draft", "stale": "stale"}
NOTICE_KIND = {"missing": "warning", "machine": "info", "stale": "warning"}
NOTICES = "{{NOTICES}}"
"""The line of a page where its translation notices go: filled in when the page is complete, from the
statuses of the texts that page used (known only then), never from text found elsewhere on the page."""


@dataclass(frozen=True)
class Page:
    """One Markdown page: its docs-relative path and text."""

    path: str
    markdown: str
    title: str


@dataclass(frozen=True)
class NavItem:
    """A navigation entry; a section has children and its own index page."""

    title: str
    path: str
    children: tuple[NavItem, ...] = ()


@dataclass
class PageExtras:
    """Blocks that other stages (alignment, glossary, sharing) add to pages.

    Keys are page paths; values are Markdown blocks appended in order.
    """

    after_body: dict[str, list[str]] = field(default_factory=dict)
    after_sentence: dict[str, list[str]] = field(default_factory=dict)
    """Keyed by sentence id: inline HTML shown right after that sentence (escaped by the producer)."""
    after_title: dict[str, list[str]] = field(default_factory=dict)
    """Keyed by page path: Markdown shown right under the heading of an article or Q&A page."""
    after_item: dict[str, list[str]] = field(default_factory=dict)
    """Keyed by Q&A item (``q3``): inline HTML after the item in the Q&A index (escaped by the producer)."""

    def add(self, page: str, block: str) -> None:
        self.after_body.setdefault(page, []).append(block)


class DocumentRenderer:
    """Renders one document in one language."""

    def __init__(self, document: Document, config: DocumentConfig, texts: Texts, lang: str, extras: PageExtras | None = None) -> None:
        self.document = document
        self.config = config
        self.texts = texts
        self.lang = lang
        self.urls = DocumentUrls(config.prefix, document)
        self.labels = document_labels(lang, document.form)
        self.extras = extras or PageExtras()
        self._statuses: list[str] = []
        """Translation statuses of the texts used since the page being built began (see :meth:`_begin_page`)."""

    # -- text ------------------------------------------------------------------

    def render(self, segment: Segment) -> Rendering:
        rendering = self.texts.get(segment, self.lang)
        self._statuses.append(rendering.status)
        return rendering

    def plain(self, segment: Segment) -> str:
        """The segment's text in this language, unescaped (for titles and metadata)."""
        return self.render(segment).text

    def sentence(self, segment: Segment) -> str:
        rendering = self.render(segment)
        classes = "s" if rendering.status == "reviewed" else f"s {rendering.status}"
        # A missing translation shows the original text, marked with its language.
        source = languages().source.code
        lang_attribute = f' lang="{source}"' if rendering.status == "missing" and self.lang != source else ""
        after = "".join(self.extras.after_sentence.get(segment.id, []))
        return f'<span class="{classes}" id="{segment.id}"{lang_attribute}>{markup.text(rendering.text)}</span>{after}'

    def paragraph(self, paragraph: Paragraph) -> str:
        separator = language(self.lang).typography.sentence_space
        body = separator.join(self.sentence(segment) for segment in paragraph.segments)
        return f"{body}\n{{: #{paragraph.id} .para }}\n"

    def paragraphs(self, paragraphs: Iterable[Paragraph]) -> str:
        return "\n".join(self.paragraph(paragraph) for paragraph in paragraphs)

    def article_title(self, article: Article) -> str:
        if not article.title:
            return article_label(article, self.lang)
        return article_heading(article, self.plain(article.title), self.lang)

    def part_title(self, part: Part) -> str:
        return part_heading(part, self.plain(part.title), self.lang)

    def qa_title(self, item: QAItem) -> str:
        return self.plain(item.question)

    # -- pages ---------------------------------------------------------------

    def pages(self) -> list[Page]:
        """Every page of the document but its home, which explainer.home draws (it needs the alignment and the glossary)."""
        pages = [self.articles_index()] if self.document.has_text else []
        pages += [self.part_page(part) for part in self.document.parts]
        pages += [self.article_page(article) for article in self.document.articles]
        if self.document.qa:
            pages.append(self.qa_index())
            pages += [self.qa_page(item) for item in self.document.qa.items]
        return pages

    def _begin_page(self) -> None:
        """Start a page: its notices reflect the texts it uses, whatever was rendered before it."""
        self._statuses = []

    def _page(self, path: str, title: str, description: str, lines: list[str]) -> Page:
        """Assemble a page begun with :meth:`_begin_page`; its :data:`NOTICES` line becomes its translation notices."""
        notices = status_notices(self._statuses, self.lang)
        self._statuses = []
        body = "\n".join(notices if line == NOTICES else line for line in lines)
        extras = "\n".join(self.extras.after_body.get(path, []))
        markdown = markup.front_matter(title=title, description=_summary(description)) + body + ("\n" + extras if extras else "")
        provenance = provenance_block(self.config, self.lang)
        return Page(path, markdown + ("\n" + provenance if provenance else ""), title)


    def articles_index(self) -> Page:
        self._begin_page()
        path = self.urls.articles_index
        title = self.plain(self.document.title)
        lines = [f"# {markup.text(title)} {{ #full-text }}", "", NOTICES]
        if self.document.history:
            lines.append(self.paragraphs(self.document.history))
        lines.append(self.paragraphs(self.document.preamble))
        if self.document.loose_articles:
            lines += ["", *self._article_list(path, self.document.loose_articles)]
        for part in self.document.parts:
            lines += ["", f"## {markup.link(self.part_title(part), relative(path, self.urls.part(part.number)))} {{ #part{part.number} }}", ""]
            lines += self._article_list(path, part.articles, part, level=3)
        if self.document.closing:
            # The closing section (closing paragraph, signers, date) ends the full text.
            lines += ["", self.paragraphs(self.document.closing)]
        lines.append("")
        first = self.document.preamble[0].segments[0] if self.document.preamble else self.document.title
        return self._page(path, title, self.plain(first), lines)

    def part_page(self, part: Part) -> Page:
        self._begin_page()
        path = self.urls.part(part.number)
        title = self.part_title(part)
        lines = self._crumbs(
            markup.link(self.labels["full_text"], relative(path, self.urls.articles_index)),
            markup.text(part_label(part, self.lang)),
        )
        lines += [f"# {markup.text(title)} {{ #part{part.number} }}", "", NOTICES]
        lines.append(self.paragraphs(part.intro))
        lines += [f"## {markup.text(self.labels['articles_in_part'])} {{ #articles }}", ""]
        lines += self._article_list(path, part.articles, part, level=3)
        lines.append("")
        return self._page(path, title, title, lines)

    def section_title(self, section: Section) -> str:
        """第一节　职业学校教育 / Section 1 …: a law's section heading inside its chapter."""
        return section_heading(section.number, self.plain(section.title), self.lang)

    def _article_list(self, path: str, numbers: Sequence[int], part: Part | None = None, level: int = 3) -> list[str]:
        """Links to articles, with a law's section headings (第一节) above the first article of each section."""
        starts = self.document.section_starts(part)
        lines: list[str] = []
        for number in numbers:
            if number in starts and part is not None:
                section = starts[number]
                lines += ["", f"{'#' * level} {markup.text(self.section_title(section))} {{ #part{part.number}-sec{section.number} }}", ""]
            article = self.document.article(number)
            lines.append(f"- {markup.link(self.article_title(article), relative(path, self.urls.article(number)))}")
        return lines

    def article_page(self, article: Article) -> Page:
        self._begin_page()
        path = self.urls.article(article.number)
        title = self.article_title(article)
        if article.part:
            part = self.document.part(article.part)
            up = markup.link(f"{part_label(part, self.lang)} {self.plain(part.title)}", relative(path, self.urls.part(part.number)))
        else:
            up = markup.link(self.labels["full_text"], relative(path, self.urls.articles_index))
        lines = self._crumbs(up, markup.text(article_label(article, self.lang)))
        lines += [f"# {markup.text(title)} {{ #a{article.key} }}", "", *self.extras.after_title.get(path, []), NOTICES]
        lines.append(self.paragraphs(article.paragraphs))
        lines.append(self._pager(path, article.number, len(self.document.articles), self.urls.article, self._article_link_title, "previous", "next"))
        description = self.plain(article.paragraphs[0].segments[0]) if article.paragraphs else title
        return self._page(path, title, description, lines)

    @staticmethod
    def _crumbs(*items: str) -> list[str]:
        """A breadcrumb line above the page heading (items are Markdown, already escaped)."""
        return [" · ".join(items), "{: .crumbs }", ""]

    def _article_link_title(self, number: int) -> str:
        return self.article_title(self.document.article(number))

    def _qa_link_title(self, number: int) -> str:
        assert self.document.qa
        return f"{qa_label(number, self.lang)} {self.qa_title(self.document.qa.items[number - 1])}"

    def _pager(
        self,
        path: str,
        number: int,
        count: int,
        url: Callable[[int], str],
        title_of: Callable[[int], str],
        previous_key: str,
        next_key: str,
    ) -> str:
        """Previous/next links between numbered pages (articles, Q&A items)."""
        links = []
        colon = language(self.lang).typography.colon
        if number > 1:
            label = f"← {self.labels[previous_key]}{colon}{title_of(number - 1)}"
            links.append(f"[{markup.text(label)}]({relative(path, url(number - 1))}){{ .prev rel=prev }}")
        if number < count:
            label = f"{self.labels[next_key]}{colon}{title_of(number + 1)} →"
            links.append(f"[{markup.text(label)}]({relative(path, url(number + 1))}){{ .next rel=next }}")
        return "\n" + "\n".join(links) + "\n{: .pager }\n" if links else ""

    def qa_index(self) -> Page:
        self._begin_page()
        assert self.document.qa
        qa = self.document.qa
        path = self.urls.qa_index
        title = self.plain(qa.title)
        lines = [f"# {markup.text(title)} {{ #qa }}", ""]
        if qa.subtitle:
            lines += [f"<span class=\"s\" id=\"{qa.subtitle.id}\">{markup.text(self.plain(qa.subtitle))}</span>", "{: .subtitle #qa-sub-p }", ""]
        lines.append(NOTICES)
        lines.append(self.paragraphs(qa.intro))
        lines.append("")
        for item in qa.items:
            after = "".join(self.extras.after_item.get(f"q{item.number}", []))
            lines.append(f"{item.number}. {markup.link(self.qa_title(item), relative(path, self.urls.qa(item.number)))}{after}")
        lines.append("")
        return self._page(path, title, self.plain(qa.subtitle) if qa.subtitle else title, lines)

    def qa_page(self, item: QAItem) -> Page:
        self._begin_page()
        assert self.document.qa
        qa = self.document.qa
        path = self.urls.qa(item.number)
        title = self.qa_title(item)
        lines = self._crumbs(
            markup.link(self.labels["qa"], relative(path, self.urls.qa_index)),
            markup.text(qa_label(item.number, self.lang)),
        )
        lines += [f"# {markup.text(title)} {{ #q{item.number} }}", "", *self.extras.after_title.get(path, []), NOTICES]
        lines.append(self.paragraphs(item.answer))
        lines.append(self._pager(path, item.number, len(qa.items), self.urls.qa, self._qa_link_title, "previous_item", "next_item"))
        description = self.plain(item.answer[0].segments[0]) if item.answer else title
        return self._page(path, f"{qa_label(item.number, self.lang)} {title}", description, lines)

    # -- navigation ------------------------------------------------------------

    def nav(self) -> list[NavItem]:
        loose = tuple(NavItem(self.article_title(self.document.article(n)), self.urls.article(n)) for n in self.document.loose_articles)
        full_text = NavItem(
            self.labels["full_text"],
            self.urls.articles_index,
            loose
            + tuple(
                NavItem(
                    self.part_title(part),
                    self.urls.part(part.number),
                    tuple(NavItem(self.article_title(self.document.article(n)), self.urls.article(n)) for n in part.articles),
                )
                for part in self.document.parts
            ),
        )
        items = [full_text] if self.document.has_text else []
        if self.document.qa:
            qa = self.document.qa
            items.append(
                NavItem(
                    self.labels["qa"],
                    self.urls.qa_index,
                    tuple(NavItem(f"{item.number}. {self.qa_title(item)}", self.urls.qa(item.number)) for item in qa.items),
                )
            )
        self._statuses = []
        return items


def status_notices(statuses: Iterable[str], lang: str, pending: str | None = None) -> str:
    """Admonitions in ``lang`` for every translation status other than reviewed among ``statuses``;
    ``pending`` replaces the notice of missing translations (side-by-side pages mark each sentence)."""
    seen = set(statuses)
    texts = labels(lang)
    blocks = []
    for status in ("missing", "machine", "stale"):
        if status in seen:
            text = pending if status == "missing" and pending is not None else texts[STATUS_NOTICE[status]]
            blocks.append(f'!!! {NOTICE_KIND[status]} ""\n    {markup.text(text)}\n')
    return "\n".join(blocks)


def issuer_lines(document: Document, plain: Callable[[Segment], str], lang: str) -> list[str]:
    """The issuing bodies and the issuing number under a document's title (``plain`` renders a segment)."""
    lines = []
    if document.issuers:
        lines += [f"{markup.text(labelled(labels(lang)['issued_by'], lang))}{markup.text(plain(document.issuers))}", "{: .issuers }", ""]
    if document.doc_number:
        lines += [markup.text(plain(document.doc_number)), "{: .doc-number }", ""]
    return lines


def about_paragraphs(config: DocumentConfig, lang: str) -> tuple[Sequence[str], str]:
    """A document's 'about' paragraphs in ``lang``, and their lang attribute when they fall back.

    A derived language converts those of the language it is derived from; a translated
    language that has none yet shows the source language's, marked with its code (the
    caller adds the pending notice).
    """
    own = config.about.get(lang, ())
    source = languages().source.code
    original = config.about.get(source, ())
    if own or not original:
        return own, ""
    derive = language(lang).derive
    if derive is not None:
        return [convert(text, derive.opencc) for text in about_paragraphs(config, derive.source)[0]], ""
    return original, source


def _summary(text: str, limit: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
