"""Python-Markdown extension: link the first occurrence of each term on a page.

Shaped like Python-Markdown's ``abbr`` Treeprocessor (one longest-first regex,
AtomicString skipped), but CJK-aware: Chinese terms match without word
boundaries (职教高考制度, 实施好双高计划集中力量), English terms at word
boundaries, case-insensitively. Headings, links, code and existing terms are
never touched. Each link carries what the term card shows (``data-term``,
``data-other``, ``data-pinyin``, ``data-def``; ``assets/tools.js`` opens the card
on a tap, a click or Enter), and leads to the glossary entry without script.

Configuration (``markdown_extensions`` in mkdocs.yml)::

    - explainer.glossary_ext:
        terms: glossary/terms.yml   # the term base
        lang: en                    # zh-Hans | zh-Hant | en
        url: /glossary/index.md     # the glossary page; MkDocs turns it into a relative link
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .terms import Glossary, TermMatcher, load_glossary, term_card_data

SKIPPED_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "script", "style", "abbr", "dfn", "button", "title"})
NO_TERMS_CLASS = "no-terms"
TERM_CLASS = "term"
PRIORITY = 6
"""After inline patterns (20) and abbr (7), before MkDocs rewrites and validates links (0)."""


class GlossaryTreeprocessor(Treeprocessor):
    """Wraps the first occurrence of every term in a link to its glossary entry."""

    def __init__(self, md: Markdown, glossary: Glossary, lang: str, url: str, matcher: TermMatcher | None = None) -> None:
        super().__init__(md)
        self.glossary = glossary
        self.lang = lang
        self.url = url
        self.matcher = matcher or TermMatcher(glossary, lang)

    def run(self, root: etree.Element) -> None:
        self._linked: set[str] = set()
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in SKIPPED_TAGS or NO_TERMS_CLASS in (element.get("class") or "").split():
            return
        if element.text and not isinstance(element.text, AtomicString):
            element.text, new = self._link_text(element.text)
            for index, child in enumerate(new):
                element.insert(index, child)
        for child in list(element):
            self._walk(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail, new = self._link_text(child.tail)
                position = list(element).index(child) + 1
                for offset, new_child in enumerate(new):
                    element.insert(position + offset, new_child)

    def _link_text(self, text: str) -> tuple[str, list[etree.Element]]:
        """Split ``text`` around first occurrences of terms: the text before them and the new links."""
        head = text
        links: list[etree.Element] = []
        previous_end = 0
        for match in self.matcher.find(text):
            if match.term.id in self._linked:
                continue
            self._linked.add(match.term.id)
            if links:
                links[-1].tail = text[previous_end : match.start]
            else:
                head = text[: match.start]
            links.append(self._link(text[match.start : match.end], match.term.id))
            previous_end = match.end
        if links:
            links[-1].tail = text[previous_end:]
        return head, links

    def _link(self, label: str, term_id: str) -> etree.Element:
        term = self.glossary.term(term_id)
        link = etree.Element("a")
        link.set("href", f"{self.url}#{term.id}")
        link.set("class", TERM_CLASS)
        for name, value in term_card_data(term, self.lang).items():
            link.set(name, value)
        link.text = AtomicString(label)
        return link


class GlossaryExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "terms": ["glossary/terms.yml", "Path of the term base (YAML)"],
            "lang": ["", "Language of the pages, a code of the language registry (default: the site's default language)"],
            "url": ["/glossary/index.md", "URL (or docs path) of the glossary page"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        lang = str(self.getConfig("lang")) or languages().default.code
        glossary = load_glossary(str(self.getConfig("terms")))
        processor = GlossaryTreeprocessor(md, glossary, lang, str(self.getConfig("url")), _matcher(glossary, lang))
        md.treeprocessors.register(processor, "explainer-glossary", PRIORITY)


_MATCHERS: dict[tuple[int, str], tuple[Glossary, TermMatcher]] = {}


def _matcher(glossary: Glossary, lang: str) -> TermMatcher:
    """One matcher per term base version and language.

    MkDocs makes a new Markdown instance, so calls extendMarkdown, for every
    page; compiling the pattern each time cost a third of a second per language.
    load_glossary returns the same object until the file changes. (A Glossary
    holds dicts, so it cannot be a cache key: the entry keeps the object itself,
    which makes its id a safe key.)
    """
    key = (id(glossary), lang)
    cached = _MATCHERS.get(key)
    if cached is None or cached[0] is not glossary:
        if len(_MATCHERS) >= 8:
            _MATCHERS.clear()
        cached = _MATCHERS[key] = (glossary, TermMatcher(glossary, lang))
    return cached[1]


def makeExtension(**kwargs: Any) -> GlossaryExtension:  # noqa: N802 - Python-Markdown's entry point name
    return GlossaryExtension(**kwargs)
