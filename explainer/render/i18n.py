"""Interface strings: English msgids in the code, one gettext catalog per language.

Every string a reader sees that is not the document itself is written in English in
the code, marked with :func:`N_` (or :func:`NC_` with a context when one English
text needs two renderings), and translated by the language's catalog
``explainer/render/locale/<lang>/LC_MESSAGES/interface.po`` (or a project's own
``translations/<lang>/interface.po``, which takes precedence), read strictly (translation/pofile.py). The
language registry says where a language's interface comes from: the msgids
themselves (English), its catalog, or the catalog of another language converted
with OpenCC (Traditional Chinese from Simplified). A string missing from a catalog
(or fuzzy there) shows its English msgid, and ``python -m explainer check`` names it.

Placeholders are Python format fields: ``{number}`` is written in the language's
numerals (五 or 5), ``{roman}`` in Roman numerals (II), others as given. README
"Interface strings" says how to add a string and update the catalogs (pybabel).
"""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path


from ..common.errors import InputError
from ..config.languages import Languages, language, languages
from ..document.model import Article, Part, chinese_numeral
from ..translation.conversion import convert
from ..translation.pofile import read_po

ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]


def N_(msgid: str) -> str:  # noqa: N802 - gettext's name for a marked, not yet translated string
    """Mark ``msgid`` as an interface string (for Babel's extraction); translated later by :func:`gettext`."""
    return msgid


def NC_(context: str, msgid: str) -> tuple[str, str]:  # noqa: N802 - gettext's pgettext marker
    """Mark ``msgid`` with a context that tells two uses of one English text apart."""
    return (context, msgid)


Message = str | tuple[str, str]
"""A msgid, or (context, msgid)."""


LABELS: dict[str, str] = {
    "site_name": N_("Policy Explainer"),
    "home": N_("Home"),
    "full_text": N_("Full text"),
    "qa": N_("Press Q&A"),
    "glossary": N_("Glossary"),
    "previous": N_("Previous article"),
    "next": N_("Next article"),
    "previous_item": N_("Previous question"),
    "next_item": N_("Next question"),
    "articles_in_part": N_("Articles in this part"),
    "issued_by": N_("Issued by"),
    "translation_pending": N_("Translation pending: parts of this page are shown in the original Chinese until their English translation is ready."),
    "machine_draft": N_("Parts of this page are machine-translation drafts that have not yet been reviewed."),
    "stale": N_("The Chinese text has changed since parts of this translation were reviewed; they are being updated."),
    "contents": N_("Contents"),
    "about": N_("About this site"),
    "term_card_close": N_("Close"),
    "term_card_entry": N_("Glossary entry"),
    "mark_clear": N_("Clear the highlight"),
    "search_more": N_("Show more results"),
    "search_shown": N_("Showing {shown} of {count}"),
    "where_glossary": NC_("where a search result is", "Glossary"),
    "back_to_article": N_("Back to the article"),
    "back_to_item": N_("Back to the answer"),
    "home_key_points": N_("Targets"),
    "home_parts": N_("Parts"),
    "home_programmes": N_("Key programmes and systems"),
    "home_map": N_("The document at a glance"),
    "home_map_desc": N_("Its parts, their articles and the Q&A answers that explain them. Every box opens its page."),
    "home_start": N_("Start here"),
    "home_glossary_link": N_("Chinese–English glossary"),
    "glossary_index": N_("A–Z index"),
    "glossary_filter": N_("Filter terms"),
    "glossary_filter_none": N_("No term matches."),
}
"""The page furniture, by the key the renderers use."""


# -- catalogs ----------------------------------------------------------------------------------


def catalog(path: Path | None) -> dict[tuple[str | None, str], str]:
    """The translated, reviewed entries of an interface catalog, by (context, msgid); none for a missing file.

    Read once per version of the file: ``make serve`` rebuilds when a project's catalog is saved."""
    if path is None or not path.exists():
        return {}
    return _read_catalog(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=16)
def _read_catalog(path: Path, version: int) -> dict[tuple[str | None, str], str]:
    po = read_po(path)  # strict: a syntax error is file:line, never a silently changed string
    entries = [entry for entry in po if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags]
    for entry in entries:
        # A translation is filled in with the msgid's values: any other placeholder would fail the build later.
        expected, found = format_fields(entry.msgid), format_fields(entry.msgstr)
        if found is None or (expected is not None and found != expected):
            shown = "none" if not expected else ", ".join("{" + name + "}" for name in sorted(expected))
            raise InputError(str(path), entry.linenum, f'interface string "{entry.msgid}": expected a translation with the placeholders {shown}, found "{entry.msgstr}"')
    return {(entry.msgctxt, entry.msgid): entry.msgstr for entry in entries}


def format_fields(text: str) -> set[str] | None:
    """The placeholders of ``text`` ({roman} counts as {number}: both write the number); None if its braces are malformed."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None
    return {"number" if name == "roman" else name for name in names}


_translated: dict[tuple[str, Message], str] = {}
_translated_for: list[Languages] = []
"""Translations already looked up, valid while the same registry is in use (loading a project, as each
``make serve`` rebuild does, puts a new one in use, and the catalogs are read again if they changed)."""


def gettext(message: Message, lang: str) -> str:
    """``message`` in ``lang``: its catalog's translation, the converted translation of the language it is
    derived from, or the English msgid itself."""
    registry = languages()
    if not _translated_for or _translated_for[0] is not registry:
        _translated.clear()
        _translated_for[:] = [registry]
    key = (lang, message)
    if key not in _translated:
        _translated[key] = _translate(message, lang)
    return _translated[key]


def _translate(message: Message, lang: str) -> str:
    context, msgid = message if isinstance(message, tuple) else (None, message)
    described = language(lang)
    if described.interface == "derive" and described.derive is not None:
        return convert(gettext(message, described.derive.source), described.derive.opencc)
    if described.interface == "catalog":
        return catalog(described.interface_catalog).get((context, msgid), msgid)
    return msgid


def message(text: Message, lang: str, number: int | None = None, **values: object) -> str:
    """A translated string with its placeholders filled: ``{number}`` in the language's numerals,
    ``{roman}`` in Roman numerals, the other ``values`` as they are."""
    translated = gettext(text, lang)
    if number is not None:
        values["number"] = chinese_numeral(number) if language(lang).typography.numerals == "chinese" else str(number)
        values["roman"] = ROMAN[number] if number < len(ROMAN) else str(number)
    return translated.format(**values) if values else translated


SCRIPT_LABELS = (
    "term_card_close", "term_card_entry", "mark_clear", "search_more", "search_shown", "where_glossary", "glossary_filter_none",
)
"""The labels the page scripts (assets/tools.js, assets/search.js) need, given to every page as JSON (overrides/main.html)."""


def script_labels(lang: str) -> dict[str, str]:
    """The interface strings of the page scripts in ``lang``."""
    text = labels(lang)
    return {key: text[key] for key in SCRIPT_LABELS}


def labelled(label: str, lang: str) -> str:
    """``label`` followed by the language's colon: 其他译法： / Also rendered as: ."""
    return label + language(lang).typography.colon


def derive(texts: dict[str, str], lang: str) -> str:
    """``lang``'s form of a hand-written text (by language) derived from its source language's
    (Traditional converted from Simplified, as the registry says), or '' if it is not derived."""
    derivation = language(lang).derive
    if derivation is None or not texts.get(derivation.source):
        return ""
    return convert(texts[derivation.source], derivation.opencc)


def labels(lang: str) -> dict[str, str]:
    """The page furniture in ``lang``, by key."""
    return {key: gettext(msgid, lang) for key, msgid in LABELS.items()}


def not_found_texts(lang: str) -> dict[str, str]:
    """The "page not found" page's texts in ``lang`` (overrides/404.html shows every language's on the root one)."""
    text = labels(lang)
    body = N_(
        "The address may be mistyped, or the page has moved. Every article and question on this site has an address "
        "built from its number: Article 5 is at {prefix}articles/05/, Question 3 at {prefix}qa/3/."
    )
    return {
        "title": gettext(N_("Page not found"), lang),
        "body": message(body, lang, prefix=languages().prefix(lang)),
        "home": text["home"],
        "full_text": text["full_text"],
        "qa": text["qa"],
        "glossary": text["glossary"],
    }


# -- numbered units ------------------------------------------------------------------------------


def article_label(number: int | Article, lang: str) -> str:
    """第（五）条 / Article 5 (and every other kind of unit: see :func:`unit_label`)."""
    return unit_label(number, lang)


def article_short(number: int | Article, lang: str) -> str:
    """（五） / Art. 5 — for compact lists and link labels (see :func:`unit_short`)."""
    return unit_short(number, lang)


def article_heading(number: int | Article, title: str, lang: str) -> str:
    """（五）总体要求 / Article 5: General requirements — an article named by its number and title."""
    return unit_heading(number, title, lang)


def part_label(number: int | Part, lang: str) -> str:
    """第二部分 / Part II (a law's chapter: 第二章 / Chapter 2)."""
    return division_label(number, lang)


def part_prefix(number: int | Part, lang: str) -> str:
    """二、 / II. — as part headings are numbered (第二章 / Chapter 2)."""
    return division_prefix(number, lang)


def part_heading(number: int | Part, title: str, lang: str) -> str:
    """二、总体要求 / II. General requirements (第二章　总则 / Chapter 2 …)."""
    return division_heading(number, title, lang)


def qa_label(number: int, lang: str) -> str:
    """问题三 / Question 3."""
    return message(N_("Question {number}"), lang, number)


# -- the units and divisions of every form (explainer.document.grammar) ------------------------------

UNIT_MESSAGES: dict[str, tuple[Message, Message, Message]] = {
    "article": (N_("Article {number}"), N_("Art. {number}"), N_("Article {number}: {title}")),
    "law-article": (NC_("law", "Article {number}"), NC_("law", "Art. {number}"), NC_("law", "Article {number}: {title}")),
    "item": (N_("Item {item}"), NC_("short", "Item {item}"), N_("Item {item}: {title}")),
    "part-item": (N_("Part {roman}, item {item}"), NC_("item", "{number}.{item}"), N_("Part {roman}, item {item}: {title}")),
    "part-article": (N_("Part {roman}, article {item}"), NC_("article", "{number}.{item}"), N_("Part {roman}, article {item}: {title}")),
}
"""How each kind of unit is named (label, short label, with its title): an Opinion's article (五),
a law's 第五条, an item 3．, and units numbered again in each part (part II, item 1)."""

DIVISION_MESSAGES: dict[str, tuple[Message, Message, Message]] = {
    "part": (N_("Part {roman}"), N_("{roman}."), N_("{roman}. {title}")),
    "chapter": (N_("Chapter {number}"), NC_("prefix", "Chapter {number}"), N_("Chapter {number} {title}")),
}
"""How an Opinion's parts (一、) and a law's chapters (第一章) are named (label, prefix, with its title)."""

FORM_LABELS: dict[str, dict[str, Message]] = {
    "items": {"full_text": NC_("any document", "Full text")},
    "law": {"full_text": NC_("any document", "Full text"), "articles_in_part": N_("Articles in this chapter")},
    "qa": {"full_text": NC_("any document", "Full text")},
}
"""Page furniture that reads differently for a document of another form (a law's text is not an Opinion's)."""


def document_labels(lang: str, form: str) -> dict[str, str]:
    """The page furniture in ``lang`` as it reads for a document of ``form``."""
    return labels(lang) | {key: gettext(msgid, lang) for key, msgid in FORM_LABELS.get(form, {}).items()}


CITATION_MESSAGES: dict[str, Message] = {
    "article": NC_("citation", "Art. {number}"),
    "law-article": NC_("law citation", "Art. {number}"),
    "item": NC_("citation", "Item {item}"),
    "part-item": NC_("citation", "Part {roman}, item {item}"),
    "part-article": NC_("citation", "Part {roman}, art. {item}"),
}
"""How a citation names a unit: Art. 5 / 第（五）条; a law's Art. 48 / 第四十八条; Part II, item 1 / 第二部分第1项."""


def _unit_message(unit: int | Article, lang: str, which: int, title: str = "") -> str:
    if not isinstance(unit, Article):
        return message(UNIT_MESSAGES["article"][which], lang, unit, title=title)
    kind = f"part-{unit.kind}" if unit.ref else unit.kind
    return _fill(UNIT_MESSAGES[kind][which], unit, lang, title)


def unit_citation(unit: Article, lang: str) -> str:
    """The unit as a citation names it (Art. 48 / 第四十八条)."""
    return _fill(CITATION_MESSAGES[f"part-{unit.kind}" if unit.ref else unit.kind], unit, lang, "")


def _fill(template: Message, unit: Article, lang: str, title: str) -> str:
    if unit.ref:
        # Numbered again in each part: {number}/{roman} name the part, {item} the unit within it.
        item = _numeral(unit.printed, lang) if unit.kind == "article" else str(unit.printed)
        return message(template, lang, unit.part, item=item, title=title)
    if unit.kind == "item":
        return message(template, lang, item=str(unit.printed), title=title)
    return message(template, lang, unit.printed, title=title)


def _numeral(number: int, lang: str) -> str:
    return chinese_numeral(number) if language(lang).typography.numerals == "chinese" else str(number)


def unit_label(unit: int | Article, lang: str) -> str:
    """第（五）条 / Article 5; a law's 第五条; an item 第3项 / Item 3; Part II, item 1 where items restart."""
    return _unit_message(unit, lang, 0)


def unit_short(unit: int | Article, lang: str) -> str:
    """（五） / Art. 5; 第五条 / Art. 5; 3． / Item 3 — for compact lists and link labels."""
    return _unit_message(unit, lang, 1)


def unit_heading(unit: int | Article, title: str, lang: str) -> str:
    """（五）总体要求 / Article 5: General requirements; 3．指导思想 / Item 3: …"""
    return _unit_message(unit, lang, 2, title)


def division_label(division: int | Part, lang: str) -> str:
    """第二部分 / Part II; 第二章 / Chapter 2."""
    kind, number = (division.kind, division.number) if isinstance(division, Part) else ("part", division)
    return message(DIVISION_MESSAGES[kind][0], lang, number)


def division_prefix(division: int | Part, lang: str) -> str:
    """二、 / II.; 第二章 / Chapter 2 — as the heading is numbered."""
    kind, number = (division.kind, division.number) if isinstance(division, Part) else ("part", division)
    return message(DIVISION_MESSAGES[kind][1], lang, number)


def division_heading(division: int | Part, title: str, lang: str) -> str:
    """二、总体要求 / II. General requirements; 第二章　职业教育体系 / Chapter 2 Vocational education system."""
    kind, number = (division.kind, division.number) if isinstance(division, Part) else ("part", division)
    return message(DIVISION_MESSAGES[kind][2], lang, number, title=title)


def section_label(number: int, lang: str) -> str:
    """第一节 / Section 1: a section of a law's chapter."""
    return message(N_("Section {number}"), lang, number)


def section_heading(number: int, title: str, lang: str) -> str:
    """第一节　职业学校教育 / Section 1 Vocational schools."""
    return message(N_("Section {number} {title}"), lang, number, title=title)
