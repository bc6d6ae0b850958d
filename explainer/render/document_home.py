"""A document's home page, in each language: what readers meet first.

Top to bottom: the title; what the document is and why it matters (two
sentences); labelled ways in (full text, press Q&A, glossary, side by side); the
dated targets; the picture of the document (:mod:`explainer.docmap`); the parts
with a one-line summary and their articles; cards for the key programmes, each
linking to its article and to the Q&A passage that explains it; and the longer
"about" text.

What is written by hand (the summary, the targets, the part lines, the choice
of programmes) comes from ``documents.yml`` (``home:``, see
:class:`explainer.project.HomeConfig`); each has a fallback generated from the
model, so a document without it still gets a useful home page: the first
"about" paragraph, the sentences that set a date (到2025年…), each part's opening
sentence, and the terms used both in the articles and in the Q&A.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from . import markup
from ..align.aligner import Alignment
from ..common.errors import InputError
from ..config.languages import language
from ..document.model import Document, Segment
from ..glossary.terms import Glossary, Term, TermMatcher
from .docmap import DocumentMap, MapAnswer, MapArticle, MapLink, MapPart
from .i18n import N_, article_label, derive, document_labels, labelled, labels, message, qa_label
from .citation import Citations
from .pages import NOTICES, DocumentRenderer, Page, about_paragraphs, issuer_lines
from .provenance import official_texts
from .share import label as share_label
from .search_aliases import where_label
from .urls import GLOSSARY_PAGE, DocumentUrls, served_relative

TARGET_SENTENCE = re.compile(r"^到(\d{4})年")
"""A sentence of the source that sets a dated goal (到2025年，…): the targets' fallback. Sources are Chinese."""

FALLBACK_PROGRAMMES = 6
EXPLAINED_IN = N_("Explained in {item}")
"""A programme card's link to the Q&A passage on it ({item}: Question 6)."""


@dataclass(frozen=True)
class Localised:
    """A hand-written text in the page's language, or in the language it falls back to (``lang`` then says which)."""

    text: str
    lang: str = ""


def localised(texts: dict[str, str], lang: str) -> Localised | None:
    """``texts`` (language → text) in ``lang``: its own, derived (Traditional from Simplified), or the Chinese, marked."""
    if texts.get(lang):
        return Localised(texts[lang])
    derived = derive(texts, lang)
    if derived:
        return Localised(derived)
    for fallback in ("zh-Hans", *texts):
        if texts.get(fallback):
            return Localised(texts[fallback], fallback)
    return None


class HomeRenderer:
    """The home page of one document in one language."""

    def __init__(self, renderer: DocumentRenderer, alignment: Alignment, glossary: Glossary) -> None:
        self.renderer = renderer
        self.document: Document = renderer.document
        self.config = renderer.config
        self.home = renderer.config.home
        self.lang = renderer.lang
        self.urls: DocumentUrls = renderer.urls
        self.path = self.urls.home
        self.labels = document_labels(self.lang, renderer.document.form)
        self.alignment = alignment
        self.glossary = glossary
        self.matcher = TermMatcher(glossary, "zh-Hans")

    def link(self, page: str, anchor: str = "") -> str:
        """A served URL from the home page (raw HTML: MkDocs rewrites only Markdown links)."""
        return served_relative(self.path, page, anchor)

    def _text(self, value: Localised, tag: str, css: str) -> str:
        lang = f' lang="{value.lang}"' if value.lang else ""
        if value.lang:
            self.renderer._statuses.append("missing")
        return f'<{tag} class="{css}"{lang}>{markup.attribute(value.text)}</{tag}>'

    # -- the page --------------------------------------------------------------------

    def page(self) -> Page:
        self.renderer._begin_page()
        title = self.renderer.plain(self.document.title)
        blocks = [
            f"# {markup.text(title)} {{ #top }}",
            "",
            NOTICES,
            *self._issuers(),
            self._summary(),
            self._ways_in(),
            self._targets(),
            self._map(),
            self._parts(),
            self._programmes(),
            self._about(),
        ]
        summary = localised(self.home.summary, self.lang)
        description = summary.text if summary else title
        return self.renderer._page(self.path, title, description, [block for block in blocks if block is not None] + [""])

    def _issuers(self) -> list[str]:
        history = [self.renderer.paragraphs(self.document.history), ""] if self.document.history else []
        return issuer_lines(self.document, self.renderer.plain, self.lang) + history

    def _summary(self) -> str:
        summary = localised(self.home.summary, self.lang)
        if summary is None:
            about, about_lang = about_paragraphs(self.config, self.lang)
            if not about:
                return ""
            summary = Localised(about[0], about_lang)
        return self._text(summary, "p", "home-summary") + "\n"

    def _ways_in(self) -> str:
        # A press Q&A published alone has no full text to link to.
        links = [(self.labels["full_text"], self.link(self.urls.articles_index), "full-text")] if self.document.has_text else []
        if self.document.qa:
            links.append((self.labels["qa"], self.link(self.urls.qa_index), "qa"))
        links.append((self.labels["home_glossary_link"], self.link(GLOSSARY_PAGE), "glossary"))
        links.append((self._side_by_side(), self.link(self.urls.parallel_document), "parallel"))
        items = "".join(f'<li><a class="home-way home-way--{css}" href="{markup.attribute(href)}">{markup.attribute(text)}</a></li>' for text, href, css in links)
        return f'<nav class="home-ways no-terms" aria-label="{markup.attribute(self.labels["home_start"])}"><ul>{items}</ul></nav>\n'

    def _side_by_side(self) -> str:
        return share_label("whole_side_by_side", self.lang)  # the sharing tools own this wording

    # -- targets -----------------------------------------------------------------------

    def _target_sentences(self) -> dict[int, tuple[Segment, int]]:
        """The sentences that set a dated goal, by year, with their article."""
        found: dict[int, tuple[Segment, int]] = {}
        for article in self.document.articles:
            for paragraph in article.paragraphs:
                for segment in paragraph.segments:
                    match = TARGET_SENTENCE.match(segment.zh)
                    if match:
                        found.setdefault(int(match.group(1)), (segment, article.number))
        return found

    def _targets(self) -> str | None:
        sentences = self._target_sentences()
        targets: list[tuple[int, Localised]] = []
        for target in self.home.targets:
            text = localised(target.texts, self.lang)
            if text:
                targets.append((target.year, text))
        if not targets:
            # Generated: the sentences themselves, in this language.
            targets = [(year, Localised(self.renderer.plain(segment))) for year, (segment, _) in sorted(sentences.items())]
        if not targets:
            return None
        cards = []
        for year, text in targets:
            where = sentences.get(year)
            body = self._text(text, "span", "home-target__text")
            year_label = f'<span class="home-target__year">{year}</span>'
            if where:
                segment, number = where
                href = self.link(self.urls.article(number), segment.id)
                cards.append(f'<li><a class="home-target" href="{markup.attribute(href)}">{year_label}{body}</a></li>')
            else:
                cards.append(f'<li><span class="home-target">{year_label}{body}</span></li>')
        return f"## {markup.text(self.labels['home_key_points'])} {{ #targets }}\n\n<ul class=\"home-targets no-terms\">{''.join(cards)}</ul>\n"

    # -- the picture -------------------------------------------------------------------

    def document_map(self) -> DocumentMap:
        picture = DocumentMap(self.labels["home_map"], self.labels["home_map_desc"], self.lang)
        first_sentence: dict[tuple[int, int], str] = {}
        for link in self.alignment.links.values():
            for number in link.articles:
                first_sentence.setdefault((number, link.qa), link.segment.id)
        for part in self.document.parts:
            articles = []
            for number in part.articles:
                article = self.document.article(number)
                answers = tuple(sorted({qa for (article_number, qa) in first_sentence if article_number == number}))
                articles.append(MapArticle(MapLink(self.renderer.article_title(article), self.link(self.urls.article(number))), answers))
            picture.parts.append(MapPart(MapLink(self.renderer.part_title(part), self.link(self.urls.part(part.number))), tuple(articles)))
        if self.document.qa:
            picture.qa = MapLink(self.labels["qa"], self.link(self.urls.qa_index))
            for item in self.document.qa.items:
                label = f"{where_label('qa', item.number, self.lang)} {self.renderer.qa_title(item)}"
                picture.answers[item.number] = MapAnswer(item.number, where_label("qa", item.number, self.lang), MapLink(label, self.link(self.urls.qa(item.number))))
        return picture

    def _map(self) -> str:
        return f"## {markup.text(self.labels['home_map'])} {{ #map }}\n\n{self.document_map().html()}\n"

    # -- parts ---------------------------------------------------------------------------

    def _part_line(self, number: int) -> Localised | None:
        line = localised(self.home.parts.get(number, {}), self.lang)
        if line:
            return line
        part = self.document.part(number)
        if part.intro and part.intro[0].segments:
            return Localised(self.renderer.plain(part.intro[0].segments[0]))
        return None

    def _parts(self) -> str:
        items = []
        separator = language(self.lang).typography.list_separator
        for part in self.document.parts:
            line = self._part_line(part.number)
            articles = separator.join(
                f'<a href="{markup.attribute(self.link(self.urls.article(number)))}" title="{markup.attribute(self.renderer.article_title(self.document.article(number)))}">'
                f"{markup.attribute(where_label('article', number, self.lang))}</a>"
                for number in part.articles
            )
            items.append(
                f'<li><a class="home-part__title" href="{markup.attribute(self.link(self.urls.part(part.number)))}">{markup.attribute(self.renderer.part_title(part))}</a>'
                + (self._text(line, "p", "home-part__line") if line else "")
                + f'<p class="home-part__articles">{articles}</p></li>'
            )
        return f"## {markup.text(self.labels['home_parts'])} {{ #parts }}\n\n<ol class=\"home-parts no-terms\">{''.join(items)}</ol>\n"

    # -- programme cards ---------------------------------------------------------------

    def _programme_terms(self) -> list[Term]:
        if self.home.programmes:
            terms = []
            for term_id, line in zip(self.home.programmes, self.home.programme_lines):
                try:
                    terms.append(self.glossary.term(term_id))
                except KeyError:
                    raise InputError(self.home.path, line, f"'home: programmes' names '{term_id}', which is not a term of the glossary") from None
            return terms
        # Generated: the terms the articles and the Q&A both use, the most used first.
        in_articles = Counter(term.id for article in self.document.articles for term in self.matcher.terms_in(_text_of(article.paragraphs)))
        in_answers = {term.id for item in (self.document.qa.items if self.document.qa else ()) for term in self.matcher.terms_in(_text_of(item.answer))}
        ranked = [term_id for term_id, _ in in_articles.most_common() if term_id in in_answers]
        return [self.glossary.term(term_id) for term_id in ranked[:FALLBACK_PROGRAMMES]]

    def _first_article(self, term: Term) -> int | None:
        for article in self.document.articles:
            if term in self.matcher.terms_in(_text_of(article.paragraphs)):
                return article.number
        return None

    def _first_passage(self, term: Term, article: int | None) -> tuple[int, str] | None:
        """The Q&A sentence that explains ``term`` best: one naming it that explains its article, else one naming it,
        else the first that explains its article."""
        if not self.document.qa:
            return None
        naming = [
            (item.number, segment)
            for item in self.document.qa.items
            for paragraph in item.answer
            for segment in paragraph.segments
            if term in self.matcher.terms_in(segment.zh)
        ]
        for number, segment in naming:
            link = self.alignment.links.get(segment.id)
            if link and article in link.articles:
                return number, segment.id
        if naming:
            return naming[0][0], naming[0][1].id
        # The Q&A does not name the term: the passage that explains its article.
        explaining = self.alignment.explained_by(article) if article is not None else []
        return (explaining[0].qa, explaining[0].segment.id) if explaining else None

    def _programmes(self) -> str | None:
        cards = []
        for term in self._programme_terms():
            article = self._first_article(term)
            passage = self._first_passage(term, article)
            links = []
            if article is not None:
                links.append(f'<a href="{markup.attribute(self.link(self.urls.article(article)))}">{markup.attribute(article_label(article, self.lang))}</a>')
            if passage is not None:
                number, segment_id = passage
                links.append(f'<a href="{markup.attribute(self.link(self.urls.qa(number), segment_id))}">{markup.attribute(message(EXPLAINED_IN, self.lang, item=qa_label(number, self.lang)))}</a>')
            counterpart = language(self.lang).partner
            cards.append(
                f'<li class="home-card"><p class="home-card__term">{markup.attribute(term.name(self.lang))}</p>'
                f'<p class="home-card__other" lang="{counterpart}">{markup.attribute(term.name(counterpart))}</p>'
                f'<p class="home-card__def">{markup.attribute(term.definition_in(self.lang))}</p>'
                f'<p class="home-card__links">{" · ".join(links)}</p></li>'
            )
        if not cards:
            return None
        return f"## {markup.text(self.labels['home_programmes'])} {{ #programmes }}\n\n<ul class=\"home-cards no-terms\">{''.join(cards)}</ul>\n"

    # -- about ---------------------------------------------------------------------------

    def _about(self) -> str | None:
        about, about_lang = about_paragraphs(self.config, self.lang)
        official = official_texts(self.config, self._cited_titles(), self.lang)
        if not about and not official:
            return None
        if about_lang:
            self.renderer._statuses.append("missing")
        lines = [f"## {markup.text(self.labels['about'])} {{ #about }}", ""]
        for paragraph in about:
            lines += [markup.text(paragraph), *([f'{{: lang="{about_lang}" }}'] if about_lang else []), ""]
        # Who issued the texts, when and where: from documents.yml, the same in every language.
        return "\n".join(lines + ([official] if official else []))

    def _cited_titles(self) -> dict[str, str]:
        """The titles of the document and of its Q&A as this language cites them, by what they are (``of``)."""
        citations = Citations(self.document, self.renderer.texts, self.urls, self.lang)
        return {"opinion": citations.document_title, **({"qa": citations.qa_title} if self.document.qa else {})}


def _text_of(paragraphs: Sequence) -> str:  # type: ignore[type-arg]
    return "".join(segment.zh for paragraph in paragraphs for segment in paragraph.segments)


def home_page(renderer: DocumentRenderer, alignment: Alignment, glossary: Glossary) -> Page:
    """The home page of the renderer's document in its language."""
    return HomeRenderer(renderer, alignment, glossary).page()
