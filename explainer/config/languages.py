"""The language registry: every published language described as data, in one place.

Code asks the registry what a language does (where its text comes from, its
typography, its partner on side-by-side pages, how search segments it) and never
branches on a language's name. The descriptions are read from configuration:
``explainer/config/languages.yml`` holds the languages the generator knows, and a
project lists the ones it publishes under ``languages:`` in ``documents.yml``, by code
or as a full description (a new language needs no code)::

    languages:
      - zh-Hans                 # the first is the default: its pages sit at the site root
      - en
      - zh-Hant
      - code: fr                # a language the generator does not know yet
        name: Français
        script: Latn
        text: catalog           # translations/fr/<slug>.po
        interface: catalog      # translations/fr/interface.po
        partner: zh-Hans
        material: fr
        locale: fr_FR
        search: words
        typography: {sentence_space: " ", word_space: " ", colon: " : ", numerals: arabic}

:func:`load_languages` reads and validates that section (errors name the file and
line); :func:`use_languages` makes a project's registry the one the renderers consult,
and :func:`languages` returns it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from ..common.errors import InputError
from ..common.yamlfile import LineDict, load_yaml

KNOWN_FILE = Path(__file__).with_name("languages.yml")
PACKAGE_CATALOGS = Path(__file__).resolve().parent.parent / "render" / "locale"
"""The interface catalogs shipped with the generator: <code>/LC_MESSAGES/interface.po."""
PROJECT_CATALOG = "translations/{code}/interface.po"
"""A project's own interface catalog of a language, which takes precedence over the generator's."""
CODE_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
TextSource = Literal["source", "catalog", "derive"]
InterfaceSource = Literal["msgids", "catalog", "derive"]
NUMERALS = ("chinese", "arabic")
DEFAULT_COUNT = 3
"""Without a ``languages:`` section, a project publishes the first three languages of languages.yml."""


@dataclass(frozen=True)
class Typography:
    """How a language sets text: spaces, colons, title quotes and numbers."""

    sentence_space: str
    """Between two sentences of a paragraph ("" in Chinese, " " in English)."""
    word_space: str
    """Between a number or label and the title that follows it."""
    colon: str
    """After a label ("：" in Chinese, ": " in English)."""
    title_quotes: tuple[str, str] = ("", "")
    """Around a cited title (《》 in Chinese; nothing in English, whose citations name the title as is)."""
    inner_title_quotes: tuple[str, str] = ("", "")
    """Around a title quoted inside a quoted title (〈〉 in Chinese)."""
    numerals: str = "arabic"
    """How ``{number}`` is written in interface strings: ``chinese`` (五) or ``arabic`` (5)."""
    list_separator: str = ", "
    """Between the items of a run-in list (第五条、第六条 / Art. 5, Art. 6)."""
    date_format: str = "y-MM-dd"
    """A CLDR date pattern, formatted by Babel in the language's locale (d MMMM y: 12 October 2021)."""


@dataclass(frozen=True)
class Derivation:
    """A language whose text is converted from another's with OpenCC."""

    source: str
    opencc: str
    back: str
    """The inverse conversion (a search query typed in the other script)."""


@dataclass(frozen=True)
class Language:
    """One published language."""

    code: str
    """BCP 47 tag: ``html lang``, URL prefix, PO paths, export keys."""
    name: str
    script: str
    text: TextSource
    interface: InterfaceSource
    partner: str
    material: str
    locale: str
    """The Open Graph locale (``og:locale``): zh_CN, en_US …"""
    search: Literal["bigrams", "words"]
    typography: Typography
    derive: Derivation | None = None
    interface_catalog: Path | None = None
    """The interface catalog in use (``interface: catalog``): the project's, else the generator's."""

    @property
    def translated(self) -> bool:
        """Whether its text comes from translators' PO catalogs (and so may be missing, drafted or stale)."""
        return self.text == "catalog"


@dataclass(frozen=True)
class Languages:
    """The languages of one site, in order; the first is the default (served at the site root)."""

    all: tuple[Language, ...]
    _by_code: dict[str, Language] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {language.code: language for language in self.all})

    def __getitem__(self, code: str) -> Language:
        return self._by_code[code]

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[Language]:
        return iter(self.all)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.all)

    @property
    def default(self) -> Language:
        return self.all[0]

    @property
    def source(self) -> Language:
        """The language the documents are published in (its text is the model's)."""
        return next(language for language in self.all if language.text == "source")

    def translated(self) -> tuple[Language, ...]:
        """Languages kept in PO catalogs, in site order."""
        return tuple(language for language in self.all if language.translated)

    def in_export_order(self) -> tuple[Language, ...]:
        """The source first, then derived, then translated languages: the key order of the data exports."""
        rank = {"source": 0, "derive": 1, "catalog": 2}
        return tuple(sorted(self.all, key=lambda language: rank[language.text]))

    def original_script(self, code: str) -> Language:
        """The language whose Chinese a page in ``code`` shows where it shows the original:
        the language itself when its text is the source or derived from it, else the source."""
        language = self[code]
        return language if language.text in ("source", "derive") else self.source

    def other_script_conversion(self, code: str) -> str | None:
        """The OpenCC configuration that turns this language's script into the other script of the same
        text (Simplified ↔ Traditional), for search queries typed in the other one; None when there is none."""
        language = self[code]
        if language.derive is not None:
            return language.derive.back
        derived = next((other for other in self.all if other.derive and other.derive.source == code), None)
        return derived.derive.opencc if derived and derived.derive else None

    def prefix(self, code: str) -> str:
        """URL path prefix of a language: '' for the default, '<code>/' for the others."""
        return "" if code == self.default.code else f"{code}/"


# -- reading ---------------------------------------------------------------------------------


def known_languages() -> dict[str, tuple[LineDict, str]]:
    """The descriptions in explainer/config/languages.yml, by code, with the file they come from."""
    data = load_yaml(KNOWN_FILE)
    return {entry["code"]: (entry, str(KNOWN_FILE)) for entry in data["languages"]}


def default_languages() -> Languages:
    """The languages a project publishes when documents.yml has no ``languages:``: the first three known."""
    known = list(known_languages().values())
    return Languages(tuple(_language(entry, file) for entry, file in known[:DEFAULT_COUNT]))


def load_languages(path: Path, section: Any) -> Languages:
    """The registry from a ``languages:`` section of ``path`` (None: the first three known languages)."""
    known = known_languages()
    if section is None:
        return _with_catalogs(default_languages(), path.parent)
    if not isinstance(section, list) or not section:
        raise InputError(str(path), getattr(section, "line", 1), "expected 'languages:' with a list of language codes or descriptions")
    languages: list[Language] = []
    for item, line in zip(section, section.lines):
        if isinstance(item, str):
            if item not in known:
                names = ", ".join(known)
                raise InputError(str(path), line, f"unknown language '{item}': describe it (code, name, script, text, …) or use one of {names}")
            entry, file = known[item]
            languages.append(_language(entry, file))
        elif isinstance(item, dict):
            code = item.get("code")
            base = known.get(code, (LineDict(), ""))[0] if isinstance(code, str) else LineDict()
            merged = _merge(base, item)
            languages.append(_language(merged, str(path)))
        else:
            raise InputError(str(path), line, f"expected a language code or a mapping with 'code', found {item!r}")
    registry = Languages(tuple(languages))
    _check_registry(registry, path, section)
    return _with_catalogs(registry, path.parent)


def _with_catalogs(registry: Languages, root: Path | None) -> Languages:
    """Each language with the interface catalog it reads: ``translations/<code>/interface.po`` of the
    project when there is one, else the generator's ``explainer/render/locale/<code>/LC_MESSAGES/interface.po``."""

    def located(language: Language) -> Language:
        if language.interface != "catalog":
            return language
        own = root / PROJECT_CATALOG.format(code=language.code) if root is not None else None
        return replace(language, interface_catalog=own if own is not None and own.is_file() else PACKAGE_CATALOGS / language.code / "LC_MESSAGES" / "interface.po")

    return Languages(tuple(located(language) for language in registry))


def _merge(base: LineDict, override: LineDict) -> LineDict:
    merged = LineDict({**base, **override})
    merged.line = override.line
    merged.lines = {**{key: override.line for key in base}, **override.lines}
    merged.key_lines = {**{key: override.line for key in base}, **override.key_lines}
    return merged


def _language(entry: LineDict, file: str) -> Language:
    def need(key: str, kind: type = str, choices: tuple[str, ...] | None = None) -> Any:
        value = entry.get(key)
        if not isinstance(value, kind) or (choices and value not in choices):
            expected = f"one of {', '.join(choices)}" if choices else ("a text" if kind is str else "a mapping")
            raise InputError(file, entry.line_of(key), f"language '{entry.get('code', '?')}': '{key}' must be {expected}, found {value!r}")
        return value

    code = need("code")
    if not CODE_RE.match(code):
        raise InputError(file, entry.line_of("code"), f"language code must be a BCP 47 tag such as 'fr' or 'zh-Hant', found '{code}'")
    text = need("text", choices=("source", "catalog", "derive"))
    derive = None
    if text == "derive" or entry.get("interface") == "derive":
        rule = need("derive", LineDict)
        for key in ("from", "opencc", "back"):
            if not isinstance(rule.get(key), str):
                raise InputError(file, rule.line_of(key), f"language '{code}': 'derive' needs '{key}' (a language code or an OpenCC configuration)")
        derive = Derivation(rule["from"], rule["opencc"], rule["back"])
    return Language(
        code=code,
        name=need("name"),
        script=need("script"),
        text=text,
        interface=need("interface", choices=("msgids", "catalog", "derive")),
        partner=need("partner"),
        material=need("material"),
        locale=need("locale"),
        search=need("search", choices=("bigrams", "words")),
        typography=_typography(need("typography", LineDict), file, code),
        derive=derive,
    )


def _typography(entry: LineDict, file: str, code: str) -> Typography:
    values: dict[str, Any] = {}
    for key in ("sentence_space", "word_space", "colon"):
        if not isinstance(entry.get(key), str):
            raise InputError(file, entry.line_of(key), f"language '{code}': typography needs '{key}' (a text, possibly empty)")
        values[key] = entry[key]
    for key in ("title_quotes", "inner_title_quotes"):
        if key in entry:
            pair = entry[key]
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(mark, str) for mark in pair)):
                raise InputError(file, entry.line_of(key), f"language '{code}': typography '{key}' must be two texts, opening and closing")
            values[key] = (pair[0], pair[1])
    for key in ("list_separator", "date_format"):
        if key in entry:
            if not isinstance(entry[key], str) or (key == "date_format" and not entry[key].strip()):
                raise InputError(file, entry.line_of(key), f"language '{code}': typography '{key}' must be a text")
            values[key] = entry[key]
    numerals = entry.get("numerals", "arabic")
    if numerals not in NUMERALS:
        raise InputError(file, entry.line_of("numerals"), f"language '{code}': typography 'numerals' must be one of {', '.join(NUMERALS)}, found {numerals!r}")
    return replace(Typography(**values), numerals=numerals)


def _check_registry(registry: Languages, path: Path, section: Any) -> None:
    lines = dict(zip(registry.codes, section.lines))
    seen: set[str] = set()
    for language in registry:
        line = lines[language.code]
        if language.code in seen:
            raise InputError(str(path), line, f"language '{language.code}' is listed twice")
        seen.add(language.code)
        if language.partner not in registry or language.partner == language.code:
            raise InputError(str(path), line, f"language '{language.code}': partner '{language.partner}' must be another language of the site")
        if language.derive and language.derive.source not in registry:
            raise InputError(str(path), line, f"language '{language.code}' is derived from '{language.derive.source}', which the site does not publish")
    sources = [language.code for language in registry if language.text == "source"]
    if len(sources) != 1:
        raise InputError(str(path), section.line, f"exactly one language must have 'text: source' (the documents' language), found {len(sources)}")


# -- the registry in use ------------------------------------------------------------------------

_active: list[Languages] = []


def use_languages(registry: Languages) -> None:
    """Make ``registry`` the one the renderers consult (loading a project does this)."""
    _active[:] = [registry]


def languages() -> Languages:
    """The registry of the project loaded last (before any: the generator's three default languages)."""
    if not _active:
        _active.append(_with_catalogs(default_languages(), None))
    return _active[0]


def language(code: str) -> Language:
    """One language of the registry in use."""
    return languages()[code]
