"""What search knows beyond the full-text index: where each page is, numbers as readers type them, terms.

Written at build time, one file per site language (``data/search/<lang>.json``),
fetched by ``assets/search.js`` when search first opens (never at page load):

- ``pages``: each page's address → [where it is, its title] (``Art. 5``, ``Q&A 4``,
  ``Part II`` on English pages; ``第五条``, ``问4``, ``第二部分`` on Chinese ones), shown on results;
- ``goto``: article, part and Q&A numbers as readers type them, in any of the
  site's languages (第五条, 第5条, 第（五）条, (五), Article 5, Art. 5, Part II, Q&A 4,
  问4 …), normalised by :func:`normalise` → the addresses they name; a query that
  is one of them puts that page first;
- ``terms``: every form of a glossary term in any language (its renderings and
  variants, Simplified and Traditional) → the form this language's text uses, so
  that "vocational gaokao" finds the articles that say "vocational college
  entrance examination" and 职教高考 finds them on English pages too.

The forms are data (:data:`NUMBER_FORMS`): a language adds its own rows there.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable

from ..document.model import Document, chinese_numeral
from ..glossary.terms import Glossary
from ..config.languages import languages
from ..translation.conversion import convert
from .i18n import NC_, N_, ROMAN, message
from .urls import DocumentUrls, site_path

NUMBER_FORMS: dict[str, tuple[str, ...]] = {
    "article": (
        "第{cn}条", "第{n}条", "第（{cn}）条", "（{cn}）", "{cn}条",
        "article {n}", "art. {n}", "art {n}", "a{n}",
    ),
    "part": ("第{cn}部分", "第{n}部分", "{cn}、", "part {roman}", "part {n}"),
    "qa": (
        "问{n}", "问{cn}", "问题{cn}", "问题{n}", "第{n}问", "第{cn}问",
        "q&a {n}", "q&a{n}", "question {n}", "q{n}",
    ),
}
"""How readers write the number of an article, a part and a Q&A item, in every language of the site.
``{n}`` is the number in digits, ``{cn}`` in Chinese numerals, ``{roman}`` in Roman numerals.
Full-width and half-width forms, spaces, dots and letter case are alike after :func:`normalise`;
the forms of derived languages (Traditional) are converted as their text is."""

WHERE = {
    "article": NC_("where a search result is", "Art. {number}"),
    "part": N_("Part {roman}"),
    "qa": N_("Q&A {digits}"),
}
"""How a search result says where it is, per kind of page ({digits}: the number in digits in every language)."""

_IGNORED = re.compile(r"[\s.·]+")


def normalise(text: str) -> str:
    """A typed form → its comparison key (NFKC, lower case, no spaces or dots): keep in step with assets/search.js."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", text).lower())


def _numbers(number: int) -> dict[str, str]:
    return {"n": str(number), "cn": chinese_numeral(number), "roman": ROMAN[number] if number < len(ROMAN) else str(number)}


def number_forms(kind: str, number: int) -> set[str]:
    """Every normalised way of writing ``kind`` number ``number`` (Simplified and Traditional)."""
    values = _numbers(number)
    forms = {template.format(**values) for template in NUMBER_FORMS[kind]}
    derived = {convert(form, language.derive.opencc) for language in languages() if language.derive for form in forms}
    return {normalise(form) for form in forms | derived}


def where_label(kind: str, number: int, lang: str) -> str:
    """Where a page is, as a result says it: Art. 5 / 第五条 / Q&A 4 / 问4 / Part II / 第二部分."""
    return message(WHERE[kind], lang, number, digits=number)


class SearchAliases:
    """The search data of one language of the site (see the module docstring)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.pages: dict[str, list[str]] = {}
        self.goto: dict[str, list[str]] = {}
        self.terms: dict[str, str] = {}

    def add_page(self, kind: str, number: int, page: str, title: str) -> None:
        path = site_path(page, self.lang)
        self.pages[path] = [where_label(kind, number, self.lang), title]
        for form in sorted(number_forms(kind, number)):
            targets = self.goto.setdefault(form, [])
            if path not in targets:
                targets.append(path)

    def add_document(self, document: Document, urls: DocumentUrls, titles: dict[tuple[str, int], str]) -> None:
        """Every part, article and Q&A item of a document; ``titles`` maps (kind, number) to its title in this language."""
        for part in document.parts:
            self.add_page("part", part.number, urls.part(part.number), titles[("part", part.number)])
        for article in document.articles:
            self.add_page("article", article.number, urls.article(article.number), titles[("article", article.number)])
        if document.qa:
            for item in document.qa.items:
                self.add_page("qa", item.number, urls.qa(item.number), titles[("qa", item.number)])

    def add_glossary(self, glossary: Glossary) -> None:
        """Every form of every term, in every language → the form this language's text uses."""
        for term in glossary.terms:
            used = term.name(self.lang)
            forms: Iterable[str] = [form for variants in term.renderings.values() for form in variants]
            for form in forms:
                key = normalise(form)
                if key and key != normalise(used):
                    self.terms.setdefault(key, used)

    def json(self) -> str:
        data = {"pages": self.pages, "goto": dict(sorted(self.goto.items())), "terms": dict(sorted(self.terms.items()))}
        # < > & as \u escapes, as in every JSON export: no file of the site carries raw markup.
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def aliases_path(lang: str) -> str:
    """Where a language's search data is written, from the site's root."""
    return f"data/search/{lang}.json"
