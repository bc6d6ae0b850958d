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
from ..document.model import chinese_numeral
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
    "home_programmes": N_("Key programmes"),
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


def article_label(number: int, lang: str) -> str:
    """第（五）条 / Article 5."""
    return message(N_("Article {number}"), lang, number)


def article_short(number: int, lang: str) -> str:
    """（五） / Art. 5 — for compact lists and link labels."""
    return message(N_("Art. {number}"), lang, number)


def article_heading(number: int, title: str, lang: str) -> str:
    """（五）总体要求 / Article 5: General requirements — an article named by its number and title."""
    return message(N_("Article {number}: {title}"), lang, number, title=title)


def part_label(number: int, lang: str) -> str:
    """第二部分 / Part II."""
    return message(N_("Part {roman}"), lang, number)


def part_prefix(number: int, lang: str) -> str:
    """二、 / II. — as part headings are numbered."""
    return message(N_("{roman}."), lang, number)


def part_heading(number: int, title: str, lang: str) -> str:
    """二、总体要求 / II. General requirements."""
    return message(N_("{roman}. {title}"), lang, number, title=title)


def qa_label(number: int, lang: str) -> str:
    """问题三 / Question 3."""
    return message(N_("Question {number}"), lang, number)
