"""Python-Markdown extension: a paragraph of inline HTML costs time linear in its length.

Why
===
Our pages write each sentence as ``<span class="s" id="…">…</span>`` inside a
Markdown paragraph. Python-Markdown's inline processor replaces each raw HTML
tag it finds by a placeholder and rebuilds the whole paragraph string after
every match, so a paragraph of *n* sentences costs O(n²): a source line of 10,000
sentences took 17 s, one of 50,000 never finished.

What
====
Before the inline processor (priority 20) runs, a paragraph whose only inline
syntax is raw HTML tags gets all its tags stashed in one pass (the same
``htmlStash`` placeholders the inline processor would make) and its text marked
atomic, so the inline processor leaves it alone; right after it, the text is
made ordinary again, so later treeprocessors (attr_list, the glossary links,
toc) see exactly what they saw before. Our text is escaped with character
references (explainer.render.markup), so outside the tags there is nothing for
an inline pattern to do: the output is byte for byte the same. Any paragraph
with other inline syntax (backticks, emphasis, links, a hard line break), or a
Markdown set up with inline patterns this extension does not know (another
extension's), takes Python-Markdown's own path.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

import markdown
from markdown import Extension, Markdown
from markdown.inlinepatterns import AUTOLINK_RE, AUTOMAIL_RE, HTML_RE
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

HTML_TAG = re.compile(HTML_RE)
"""Python-Markdown's own pattern for raw inline HTML (its ``html`` inline pattern)."""

BLOCK_ATTRIBUTES = re.compile(r"\n[ ]*\{\:?[ ]*([^\}\n ][^\n]*)\}[ ]*$")
"""attr_list's ``{: #id .class }`` line at the end of a paragraph (its BLOCK_RE): attr_list reads it later."""

INLINE_SYNTAX = re.compile(r"[\\`\[\]!*_]|  \n")
"""What starts one of Python-Markdown's default inline patterns other than raw HTML, anywhere in the
paragraph, tags included (code, escapes, links and images, emphasis, hard line breaks); ``&``
(entities) is left out: an entity is written out unchanged either way."""

AUTOLINKS = re.compile(f"{AUTOLINK_RE}|{AUTOMAIL_RE}")
"""``<https://…>`` and ``<name@host>``: the autolink patterns run before the raw HTML one."""

DEFAULT_INLINE_PATTERNS = frozenset(item.name for item in markdown.Markdown().inlinePatterns._priority)
"""The inline patterns whose syntax :data:`INLINE_SYNTAX` covers."""

BEFORE_INLINE, AFTER_INLINE = 21, 19
"""Around Python-Markdown's inline processor (20); before attr_list (8), the glossary links (6) and toc (5)."""


class _StashTags(Treeprocessor):
    """Stash every tag of a plain paragraph of inline HTML at once and hide the paragraph from the inline processor."""

    def __init__(self, md: Markdown, hidden: list[etree.Element]) -> None:
        super().__init__(md)
        self.hidden = hidden

    def run(self, root: etree.Element) -> None:
        self.hidden.clear()
        if not _only_default_patterns(self.md):
            return
        for paragraph in root.iter("p"):
            text = paragraph.text
            if len(paragraph) or not text or isinstance(text, AtomicString) or "<" not in text:
                continue
            attributes = BLOCK_ATTRIBUTES.search(text)
            body = text[: attributes.start()] if attributes else text
            if INLINE_SYNTAX.search(body) or AUTOLINKS.search(body) or "<" in HTML_TAG.sub("", body):
                continue  # other inline syntax: Python-Markdown's own path
            stashed = HTML_TAG.sub(lambda tag: self.md.htmlStash.store(tag.group(1)), body)
            paragraph.text = AtomicString(stashed + (attributes.group(0) if attributes else ""))
            self.hidden.append(paragraph)


class _ShowAgain(Treeprocessor):
    """Make the hidden paragraphs' text ordinary again, for the treeprocessors after the inline processor."""

    def __init__(self, md: Markdown, hidden: list[etree.Element]) -> None:
        super().__init__(md)
        self.hidden = hidden

    def run(self, root: etree.Element) -> None:
        for paragraph in self.hidden:
            paragraph.text = str(paragraph.text)
        self.hidden.clear()


def _only_default_patterns(md: Markdown) -> bool:
    return len(md.inlinePatterns) == len(DEFAULT_INLINE_PATTERNS) and all(name in md.inlinePatterns for name in DEFAULT_INLINE_PATTERNS)


class LinearInlineHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API name
        hidden: list[etree.Element] = []
        md.treeprocessors.register(_StashTags(md, hidden), "explainer-stash-inline-html", BEFORE_INLINE)
        md.treeprocessors.register(_ShowAgain(md, hidden), "explainer-show-inline-html", AFTER_INLINE)


def makeExtension(**kwargs: Any) -> LinearInlineHtmlExtension:  # noqa: N802 - Python-Markdown's entry point name
    return LinearInlineHtmlExtension(**kwargs)
