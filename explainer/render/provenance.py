"""What a translated or converted page is: the statement that the Chinese text prevails, whose
version this is and of when, and where the official Chinese was published.

The wording is interface strings (gettext, see README "Interface strings"), chosen by how the
registry says a language gets its text: a translation (``text: catalog``) says it is the site's
own reviewed translation; a conversion (``text: derive``) says it is converted from the official
text and read through. The language of the documents as published gets no statement. Dates are
written with the language's CLDR pattern (``typography.date_format``) by Babel.
"""

from __future__ import annotations

import datetime
import re

from babel.dates import format_date as babel_format_date

from ..config.languages import language
from ..config.project import DocumentConfig, Publication
from . import markup
from .i18n import N_, NC_, Message, gettext, labelled

PLACEHOLDER = re.compile(r"\{(\w+)\}")

HEADING: dict[str, Message] = {"catalog": N_("About this translation"), "derive": N_("About this version")}
STATEMENT: dict[str, Message] = {
    "catalog": N_(
        "The Chinese text is the official one and prevails. This translation is the site's own, reviewed segment "
        "by segment by a second bilingual reader; it is not an official translation (translated on {date})."
    ),
    "derive": N_(
        "The official text is in Simplified Chinese and prevails. This version is converted from the official text "
        "to Taiwan's standard characters and read through by a reviewer; it is not an official version (reviewed on {date})."
    ),
}
PUBLICATION: dict[str, Message] = {
    "opinion": N_("the Opinions, issued by the {issued_by}, released by {publisher} on {date}"),
    "qa": N_("the Q&A, given by the {issued_by}, published on {publisher} on {date}"),
}
SOURCES = N_("Official Chinese text: {items}.")
JOINER = NC_("between the official publications", "; ")
ABOUT_LEAD = N_("The official Chinese texts:")
"""Leads the list of the official publications in a document's "about" section."""
ABOUT_ITEM: dict[str, Message] = {
    "opinion": N_("{title}: issued by the {issued_by}; released by {publisher} on {date}."),
    "qa": N_("{title}: given by the {issued_by}; published on {publisher} on {date}."),
}


def format_date(iso: str, lang: str) -> str:
    """2021-10-12 → 12 October 2021 / 2021年10月12日, by the language's date pattern."""
    described = language(lang)
    return babel_format_date(datetime.date.fromisoformat(iso), described.typography.date_format, locale=described.locale)


def local_text(texts: dict[str, str], lang: str) -> str:
    """A publication's name in ``lang``: given, derived like the language's text, or the source language's."""
    if lang in texts:
        return texts[lang]
    derivation = language(lang).derive
    if derivation is not None and derivation.source in texts:
        from ..translation.conversion import convert

        return convert(texts[derivation.source], derivation.opencc)
    return next(iter(texts.values()), "")


def fill(template: str, **values: str) -> str:
    """Escape the wording of ``template`` for Markdown and put in ``values`` (Markdown already)."""
    parts = PLACEHOLDER.split(template)
    return "".join(values[part] if index % 2 else markup.text(part) for index, part in enumerate(parts))


def _values(publication: Publication, lang: str) -> dict[str, str]:
    """The Markdown of a publication's issuing body (its publisher when none is named), publisher (linked) and date."""
    issued_by = local_text(publication.issued_by, lang) if publication.issued_by else local_text(publication.publisher, lang)
    return {
        "issued_by": markup.text(issued_by),
        "publisher": markup.link(local_text(publication.publisher, lang), publication.url),
        "date": markup.text(format_date(publication.date, lang)),
    }


def _item(publication: Publication, lang: str) -> str:
    return fill(gettext(PUBLICATION[publication.of], lang), **_values(publication, lang))


def official_texts(config: DocumentConfig, titles: dict[str, str], lang: str) -> str:
    """The Markdown list, in ``lang``, of where the official Chinese texts were published, each with
    its title (``titles``: by ``of``, as cited in ``lang``), issuing body, publisher (linked) and date;
    '' for a document without ``official:`` data. Every language's "about" section shows it."""
    items = [
        "- " + fill(gettext(ABOUT_ITEM[publication.of], lang), title=markup.text(titles[publication.of]), **_values(publication, lang))
        for publication in config.official
        if publication.of in titles  # a Q&A's publication on a document parsed without its Q&A is not listed
    ]
    lead = [markup.text(gettext(ABOUT_LEAD, lang)), "{: .official-texts }", ""]
    return "\n".join([*lead, *items, ""]) if items else ""


def provenance_block(config: DocumentConfig, lang: str, of: str | None = None) -> str:
    """The Markdown of the statement, in ``lang``, about the text in language ``of`` (by default ``lang``
    itself), or '' when that language is the official text."""
    of = of or lang
    kind = language(of).text
    if kind not in STATEMENT:
        return ""
    date = format_date(config.translated[of], lang) if of in config.translated else "—"
    heading = labelled(gettext(HEADING[kind], lang), lang).strip()
    text = f"**{markup.text(heading)}** " + fill(gettext(STATEMENT[kind], lang), date=markup.text(date))
    if config.official:
        items = gettext(JOINER, lang).join(_item(publication, lang) for publication in config.official)
        text += language(lang).typography.sentence_space + fill(gettext(SOURCES, lang), items=items)
    return text + "\n{: .provenance }\n"
