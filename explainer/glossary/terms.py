"""The Chinese–English term base: loading, validation, derived forms and matching.

``glossary/terms.yml`` is the source of truth. Traditional forms (OpenCC s2t)
and pinyin with tone marks (pypinyin) are derived, with per-term overrides
where a library is wrong. Matching is CJK-aware: no ``\\b`` exists between
Chinese characters, so Chinese forms match anywhere, longest first; English
forms match case-insensitively at word boundaries.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from pypinyin import Style, lazy_pinyin

from ..common.errors import InputError
from ..config.languages import language, languages
from ..translation.conversion import to_traditional
from ..common.yamlfile import LineDict, load_yaml, reject_unknown_keys

FILE_KEYS = ("categories", "terms")
CATEGORY_KEYS = ("id", "zh-Hans", "en")
TERM_KEYS = ("id", "zh-Hans", "zh-Hant", "pinyin", "en", "en_variants", "en_avoid", "category", "definition", "related", "note")
DEFINITION_KEYS = ("zh-Hans", "en")
"""The keys of glossary/terms.yml, the only place they are listed, besides the code of every other
published language (a term's rendering in it): a key not here is an error that suggests the nearest
(add a new field here, then read it in _term)."""

TERM_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CHINESE, TRADITIONAL, ENGLISH = "zh-Hans", "zh-Hant", "en"
"""The languages of the term base's fields (terms.yml: zh-Hans, zh-Hant, en …): a Chinese–English term base.
A term or category may also carry a rendering (and a definition) in any other language of the site, in a
field named by its code (``fr: Plan Double Haut Niveau``); a language without one takes its partner's."""


def _other_languages() -> tuple[str, ...]:
    """The site's languages beyond the term base's own fields."""
    return tuple(code for code in languages().codes if code not in (CHINESE, TRADITIONAL, ENGLISH))


def _covered(lang: str, available: dict[str, Any]) -> str:
    """``lang`` if the term base has it, else the first of its partners (then the source language) that it has."""
    registry = languages()
    seen: set[str] = set()
    while lang not in available and lang in registry and lang not in seen:
        seen.add(lang)
        lang = registry[lang].partner
    return lang if lang in available else CHINESE


@dataclass(frozen=True)
class Category:
    id: str
    names: dict[str, str]

    def name(self, lang: str) -> str:
        return self.names[_covered(lang, self.names)]


@dataclass(frozen=True)
class AvoidedRendering:
    """An English rendering translators must not use for a term, and why."""

    en: str
    why: str
    line: int


FUNCTION_WORDS = frozenset(
    "a an the of in on at to for with by as and or from into its their his her our this that these those is are be".split()
)
"""Words that carry no content of a term: a variant made of them and one other word is a fragment."""


def content_words(text: str) -> list[str]:
    """The words of ``text`` outside :data:`FUNCTION_WORDS` (a hyphenated compound is one word)."""
    return [word for word in re.findall(r"[\w'’+-]+", text) if word.lower() not in FUNCTION_WORDS]


def loose_variant_reason(variant: str, preferred: str) -> str | None:
    """Why ``variant`` is too loose to count as a rendering of a term, or None.

    The rule: a variant must hold at least two content words (words outside
    :data:`FUNCTION_WORDS`; a hyphenated compound is one word), so that it names
    the thing and what it is about ("vertical pathways", not "in parallel" or
    "aptitude"). A single word is accepted only as a proper name or acronym,
    written with a capital (WorldSkills, NQF), or as an inflection of a one-word
    preferred rendering (apprenticeships for apprenticeship).
    """
    words = content_words(variant)
    if len(words) >= 2:
        return None
    if len(words) == 1 and words[0][:1].isupper():
        return None
    own = content_words(preferred)
    if len(words) == 1 and len(own) == 1 and (words[0].lower().startswith(own[0].lower()[:-1]) or own[0].lower().startswith(words[0].lower()[:-1])):
        return None
    return "a variant needs at least two content words (or one capitalised proper name), so that a fragment cannot pass for the term"


@dataclass(frozen=True)
class Term:
    id: str
    zh: str
    zh_hant: str
    pinyin: str
    en: str
    en_variants: tuple[str, ...]
    category: str
    definition: dict[str, str]
    related: tuple[str, ...]
    note: str
    line: int
    other_renderings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Renderings in the site's other languages (fields named by their codes)."""
    en_avoid: tuple[AvoidedRendering, ...] = ()

    @property
    def renderings(self) -> dict[str, tuple[str, ...]]:
        """The term's forms per language of the term base, preferred first."""
        return {CHINESE: (self.zh,), TRADITIONAL: (self.zh_hant,), ENGLISH: (self.en, *self.en_variants), **self.other_renderings}

    @property
    def english_language(self) -> str:
        """The language of the renderings, variants and notes (the term base's second language)."""
        return ENGLISH

    def forms(self, lang: str) -> tuple[str, ...]:
        """The surface forms matched on pages of ``lang`` (none in a language the term base does not cover)."""
        return self.renderings.get(lang, ())

    def name(self, lang: str) -> str:
        """The term as a page in ``lang`` names it (a language the term base lacks takes its partner's)."""
        return self.renderings[_covered(lang, self.renderings)][0]

    def definition_in(self, lang: str) -> str:
        return self.definition[_covered(lang, self.definition)]


@dataclass(frozen=True)
class Glossary:
    path: str
    categories: tuple[Category, ...]
    terms: tuple[Term, ...]

    def term(self, term_id: str) -> Term:
        return self._by_id[term_id]

    @cached_property
    def _by_id(self) -> dict[str, Term]:
        # Built once: pages look terms up by id for every link and every term list.
        return {term.id: term for term in self.terms}

    def in_category(self, category: str) -> list[Term]:
        return [term for term in self.terms if term.category == category]


# -- loading ----------------------------------------------------------------


def load_glossary(path: str) -> Glossary:
    """Load and validate the term base; errors name the file, line, entry and field.

    Loaded once per version of the file: the cache key holds its modification
    time and size, so a long-running ``make serve`` sees an edited term base.
    """
    try:
        stat = os.stat(path)
        version = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = (0, 0)  # reported below as a missing file
    return _load_glossary(path, version)


@lru_cache(maxsize=8)
def _load_glossary(path: str, version: tuple[int, int]) -> Glossary:
    data = load_yaml(path, missing="the term base")
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list) or not isinstance(data.get("categories"), list):
        raise InputError(path, 1, "expected 'categories:' and 'terms:' lists")
    reject_unknown_keys(path, data, FILE_KEYS)
    categories = tuple(_category(path, entry, line) for entry, line in zip(data["categories"], data["categories"].lines))
    category_ids = {category.id for category in categories}
    terms = tuple(_term(path, entry, category_ids, line) for entry, line in zip(data["terms"], data["terms"].lines))
    _check_references(path, terms, categories)
    return Glossary(path, categories, terms)


def _require_str(path: str, entry: LineDict, what: str, field: str, optional: bool = False, line: int | None = None) -> str:
    value = entry.get(field)
    if value is None and optional:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise InputError(path, line or entry.line, f"{what}: field '{field}' must be a non-empty string, found {value!r}")
    return value.strip()


def _category(path: str, entry: Any, line: int) -> Category:
    if not isinstance(entry, dict):
        raise InputError(path, line, "each category must be a mapping with id, zh-Hans and en")
    category_id = _require_str(path, entry, "category", "id")
    reject_unknown_keys(path, entry, (*CATEGORY_KEYS, *_other_languages()), f"category '{category_id}'")
    what = f"category '{category_id}'"
    names = {CHINESE: _require_str(path, entry, what, CHINESE), ENGLISH: _require_str(path, entry, what, ENGLISH)}
    names[TRADITIONAL] = to_traditional(names[CHINESE])
    names |= {code: _require_str(path, entry, what, code) for code in _other_languages() if code in entry}
    return Category(category_id, names)


def _term(path: str, entry: Any, categories: set[str], line: int) -> Term:
    if not isinstance(entry, dict):
        raise InputError(path, line, "each term must be a mapping")
    term_id = _require_str(path, entry, "term", "id")
    what = f"term '{term_id}'"
    reject_unknown_keys(path, entry, (*TERM_KEYS, *_other_languages()), what)
    if not TERM_ID_RE.match(term_id):
        raise InputError(path, entry.line, f"{what}: field 'id' must be lowercase ASCII letters, digits and hyphens")
    zh = _require_str(path, entry, what, CHINESE)
    en = _require_str(path, entry, what, ENGLISH)
    variants = entry.get("en_variants") or []
    if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip() for v in variants):
        raise InputError(path, entry.line, f"{what}: field 'en_variants' must be a list of strings")
    for variant in variants:
        reason = loose_variant_reason(variant, en)
        if reason:
            raise InputError(path, entry.line_of("en_variants"), f"{what}: variant '{variant}' is too loose: {reason}")
    avoid = _avoided(path, entry, what, [en, *variants])
    category = _require_str(path, entry, what, "category")
    if category not in categories:
        raise InputError(path, entry.line, f"{what}: field 'category' names unknown category '{category}'")
    definition = entry.get("definition")
    if not isinstance(definition, dict):
        raise InputError(path, entry.line_of("definition"), f"{what}: field 'definition' must map zh-Hans and en to text")
    reject_unknown_keys(path, definition, (*DEFINITION_KEYS, *_other_languages()), f"{what}: definition")
    definitions = {lang: _require_str(path, definition, what, lang, line=entry.line) for lang in (CHINESE, ENGLISH)}
    definitions[TRADITIONAL] = to_traditional(definitions[CHINESE])
    definitions |= {code: _require_str(path, definition, what, code, line=entry.line) for code in _other_languages() if code in definition}
    related = entry.get("related") or []
    if not isinstance(related, list) or not all(isinstance(r, str) for r in related):
        raise InputError(path, entry.line, f"{what}: field 'related' must be a list of term ids")
    if variants and not entry.get("note"):
        raise InputError(path, entry.line, f"{what}: field 'note' must say why '{en}' was chosen over its variants")
    return Term(
        id=term_id,
        zh=zh,
        zh_hant=_require_str(path, entry, what, TRADITIONAL, optional=True) or to_traditional(zh),
        pinyin=_require_str(path, entry, what, "pinyin", optional=True) or derive_pinyin(zh),
        en=en,
        en_variants=tuple(v.strip() for v in variants),
        category=category,
        definition=definitions,
        related=tuple(related),
        note=_require_str(path, entry, what, "note", optional=True),
        line=entry.line,
        other_renderings={code: (_require_str(path, entry, what, code),) for code in _other_languages() if code in entry},
        en_avoid=avoid,
    )


def _avoided(path: str, entry: LineDict, what: str, accepted: list[str]) -> tuple[AvoidedRendering, ...]:
    """The term's ``en_avoid`` list: each rendering with the reason to avoid it, none of them accepted too."""
    items = entry.get("en_avoid") or []
    if not isinstance(items, list):
        raise InputError(path, entry.line_of("en_avoid"), f"{what}: field 'en_avoid' must be a list of {{en, why}} mappings")
    avoided = []
    for item, line in zip(items, getattr(items, "lines", [entry.line] * len(items))):
        if not isinstance(item, dict) or not isinstance(item.get("en"), str) or not item["en"].strip() or not isinstance(item.get("why"), str) or not item["why"].strip():
            raise InputError(path, line, f"{what}: each 'en_avoid' entry needs 'en' (the rendering) and 'why' (the reason)")
        text = item["en"].strip()
        if any(text.lower() == form.lower() for form in accepted):
            raise InputError(path, line, f"{what}: '{text}' is both accepted and to be avoided")
        avoided.append(AvoidedRendering(text, item["why"].strip(), line))
    return tuple(avoided)


def _check_references(path: str, terms: tuple[Term, ...], categories: tuple[Category, ...]) -> None:
    ids: set[str] = set()
    forms: dict[str, str] = {}
    for term in terms:
        if term.id in ids:
            raise InputError(path, term.line, f"term '{term.id}': field 'id' is used by another term")
        ids.add(term.id)
        if term.zh in forms:
            raise InputError(path, term.line, f"term '{term.id}': field 'zh-Hans' repeats term '{forms[term.zh]}'")
        forms[term.zh] = term.id
    for term in terms:
        for related in term.related:
            if related not in ids:
                raise InputError(path, term.line, f"term '{term.id}': field 'related' names unknown term '{related}'")
    used = {term.category for term in terms}
    for category in categories:
        if category.id not in used:
            raise InputError(path, 1, f"category '{category.id}' has no terms")


def derive_pinyin(text: str) -> str:
    """Pinyin with tone marks, syllables separated by spaces (pypinyin, phrase-aware).

    A run of other characters stays one word, as it is read (职教20条: zhí jiào 20 tiáo,
    not 2 0), and a joining +, — or - stands apart (中文+职业技能: zhōng wén + zhí yè jì néng).
    """
    spaced = re.sub(r"([+—-])", r" \1 ", " ".join(lazy_pinyin(text, style=Style.TONE)))
    return " ".join(spaced.split())


# -- matching ----------------------------------------------------------------


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    term: Term


class TermMatcher:
    """Finds terms in text of one language: leftmost, then longest, never overlapping."""

    def __init__(self, glossary: Glossary, lang: str) -> None:
        self.lang = lang
        self._by_form: dict[str, Term] = {}
        for term in glossary.terms:
            for form in term.forms(lang):
                self._by_form.setdefault(_fold(form, lang), term)
        alternation = trie_pattern(self._by_form) or r"(?!x)x"
        if _spaced(lang):
            # Word boundaries that also treat hyphens as part of a word, so
            # "industry-education" is not found inside "non-industry-education".
            self._pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)
        else:
            self._pattern = re.compile(alternation)

    def find(self, text: str) -> Iterator[TermMatch]:
        for match in self._pattern.finditer(text):
            yield TermMatch(match.start(), match.end(), self._by_form[_fold(match.group(), self.lang)])

    def terms_in(self, text: str) -> list[Term]:
        seen: dict[str, Term] = {}
        for match in self.find(text):
            seen.setdefault(match.term.id, match.term)
        return list(seen.values())


def trie_pattern(forms: Iterable[str]) -> str:
    """A regex matching any of ``forms``, longest first at each position, built as a prefix tree.

    Equivalent to the alternation of the forms sorted longest first, but the
    regex engine follows one branch per character instead of trying every form
    at every position (a tenth of the time with the 300 forms of the term base).
    """
    trie: dict[str, Any] = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}  # a form ends here
    return _node_pattern(trie)


def _node_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a form may end here: the longer forms are tried first (a greedy optional group)
        return f"(?:{body})?"
    return body


def _spaced(lang: str) -> bool:
    """Whether ``lang`` writes words apart (and in cases): terms match whole words, ignoring case."""
    return lang in languages() and languages()[lang].search == "words"


def _fold(form: str, lang: str) -> str:
    return form.casefold() if _spaced(lang) else form


def has_rendering(term: Term, translation: str, lang: str) -> bool:
    """Does ``translation`` contain the term's preferred rendering in ``lang`` or a variant (whole words)?"""
    for form in term.forms(lang):
        if re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", translation, re.IGNORECASE):
            return True
    return False


HAN_SCRIPTS = frozenset({"Hans", "Hant", "Hani"})
"""Scripts written in Han characters: their pages show a term's pinyin."""


def term_card_data(term: Term, lang: str) -> dict[str, str]:
    """The attributes a term card is made from (unescaped: the serialiser escapes them once).

    The term as the page's language writes it, its partner language's form (the
    registry's side-by-side partner), pinyin on pages in Han script, and the definition.
    """
    described = language(lang)
    partner = described.partner
    data = {
        "data-term": term.name(lang),
        "data-other": term.name(partner),
        "data-other-lang": partner,
        "data-def": term.definition_in(lang),
    }
    if described.script in HAN_SCRIPTS:
        data["data-pinyin"] = term.pinyin
    return data
