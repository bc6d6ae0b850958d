"""The term base's rules on small files (explainer/glossary/terms.py): what a loaded term holds, every
validation error with its file and line, derived pinyin, and how terms are found in text.

Each test loads its own file: the term base is cached per file version, and a test that read
another test's cached copy would not run the loading code at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from explainer.common.errors import InputError
from explainer.config.languages import Languages, languages, use_languages
from explainer.glossary.terms import (
    AvoidedRendering, Category, Glossary, Term, TermMatch, TermMatcher, derive_pinyin, load_glossary, loose_variant_reason,
)

BASE = """categories:
  - id: programmes
    zh-Hans: 计划
    en: Programmes
terms:
  - id: double-high-plan
    zh-Hans: 双高计划
    en: Double High-Level Plan
    category: programmes
    definition:
      zh-Hans: 计划。
      en: A plan.
"""
"""One category (line 2) and one term (line 6)."""

SECOND = """  - id: certificates
    zh-Hans: 1+X证书
    en: 1+X certificates
    en_variants: ["  1+X certificate system "]
    category: programmes
    definition:
      zh-Hans: 证书制度。
      en: A certificate system.
    related: [double-high-plan]
    note: The pilot's own English name.
"""
"""A second term (line 13), with variants, a note and a related term."""


def _load(tmp_path: Path, text: str) -> Glossary:
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return load_glossary(str(path))


def _error(tmp_path: Path, text: str) -> str:
    with pytest.raises(InputError) as raised:
        _load(tmp_path, text)
    return str(raised.value).removeprefix(f"{tmp_path}/")


# -- what a loaded term holds ------------------------------------------------------------


def test_a_term_holds_its_fields_with_traditional_forms_and_pinyin_derived(tmp_path: Path) -> None:
    glossary = _load(tmp_path, BASE + SECOND)
    assert glossary.categories == (Category("programmes", {"zh-Hans": "计划", "en": "Programmes", "zh-Hant": "計劃"}),)
    assert glossary.terms == (
        Term(
            id="double-high-plan", zh="双高计划", zh_hant="雙高計劃", pinyin="shuāng gāo jì huà", en="Double High-Level Plan",
            en_variants=(), category="programmes", definition={"zh-Hans": "计划。", "en": "A plan.", "zh-Hant": "計劃。"},
            related=(), note="", line=6,
        ),
        Term(
            id="certificates", zh="1+X证书", zh_hant="1+X證書", pinyin="1 + X zhèng shū", en="1+X certificates",
            en_variants=("1+X certificate system",), category="programmes",
            definition={"zh-Hans": "证书制度。", "en": "A certificate system.", "zh-Hant": "證書制度。"},
            related=("double-high-plan",), note="The pilot's own English name.", line=13,
        ),
    )
    assert glossary.categories[0].name("zh-Hant") == "計劃"


def test_written_traditional_form_and_pinyin_override_the_derived_ones(tmp_path: Path) -> None:
    text = BASE.replace("    en: Double High-Level Plan\n", "    en: Double High-Level Plan\n    zh-Hant: 雙高計畫\n    pinyin: shuāng gāo jì huá\n")
    [term] = _load(tmp_path, text).terms
    assert (term.zh_hant, term.pinyin) == ("雙高計畫", "shuāng gāo jì huá")


def test_an_edited_term_base_is_read_again(tmp_path: Path) -> None:
    # `make serve` runs for hours: the cache must not keep the version it read first.
    assert [term.en for term in _load(tmp_path, BASE).terms] == ["Double High-Level Plan"]
    assert [term.en for term in _load(tmp_path, BASE.replace("Double High-Level Plan", "Double High Plan")).terms] == ["Double High Plan"]


# -- validation: one line, file:line, the entry and the field ------------------------------------

DUPLICATE_CHINESE = SECOND.replace("id: certificates", "id: plan-again").replace("1+X证书", "双高计划")

BAD = [
    ("category without id", BASE.replace("  - id: programmes\n    zh-Hans: 计划", "  - zh-Hans: 计划"), "glossary.yml:2: category: field 'id' must be a non-empty string, found None"),
    ("category without Chinese", BASE.replace("    zh-Hans: 计划\n", ""), "glossary.yml:2: category 'programmes': field 'zh-Hans' must be a non-empty string, found None"),
    ("category without English", BASE.replace("    en: Programmes\n", ""), "glossary.yml:2: category 'programmes': field 'en' must be a non-empty string, found None"),
    ("category without terms", BASE.replace("terms:", "  - id: unused\n    zh-Hans: 未用\n    en: Unused\nterms:"), "glossary.yml:1: category 'unused' has no terms"),
    ("term without id", BASE.replace("  - id: double-high-plan\n    zh-Hans", "  - zh-Hans"), "glossary.yml:6: term: field 'id' must be a non-empty string, found None"),
    ("term without Chinese", BASE.replace("    zh-Hans: 双高计划\n", ""), "glossary.yml:6: term 'double-high-plan': field 'zh-Hans' must be a non-empty string, found None"),
    ("term without category", BASE.replace("    category: programmes\n", ""), "glossary.yml:6: term 'double-high-plan': field 'category' must be a non-empty string, found None"),
    ("blank traditional form", BASE.replace("    category:", "    zh-Hant: ''\n    category:"), "glossary.yml:6: term 'double-high-plan': field 'zh-Hant' must be a non-empty string, found ''"),
    ("blank pinyin", BASE.replace("    category:", "    pinyin: ' '\n    category:"), "glossary.yml:6: term 'double-high-plan': field 'pinyin' must be a non-empty string, found ' '"),
    ("blank note", BASE.replace("    category:", "    note: ''\n    category:"), "glossary.yml:6: term 'double-high-plan': field 'note' must be a non-empty string, found ''"),
    ("variants not a list", BASE.replace("    category:", "    en_variants: 7\n    category:"), "glossary.yml:6: term 'double-high-plan': field 'en_variants' must be a list of strings"),
    ("a blank variant", BASE.replace("    category:", "    en_variants: ['  ']\n    category:"), "glossary.yml:6: term 'double-high-plan': field 'en_variants' must be a list of strings"),
    ("related not a list", BASE + "    related: double-high-plan\n", "glossary.yml:6: term 'double-high-plan': field 'related' must be a list of term ids"),
    ("Chinese form of another term", BASE + DUPLICATE_CHINESE, "glossary.yml:13: term 'plan-again': field 'zh-Hans' repeats term 'double-high-plan'"),
    ("id not lowercase ASCII", BASE.replace("id: double-high-plan", "id: Double High"), "glossary.yml:6: term 'Double High': field 'id' must be lowercase ASCII letters, digits and hyphens"),
    ("term without English", BASE.replace("    en: Double High-Level Plan\n", ""), "glossary.yml:6: term 'double-high-plan': field 'en' must be a non-empty string, found None"),
    ("unknown category", BASE.replace("category: programmes", "category: nope"), "glossary.yml:6: term 'double-high-plan': field 'category' names unknown category 'nope'"),
    ("definition without English", BASE.replace("      en: A plan.\n", ""), "glossary.yml:6: term 'double-high-plan': field 'en' must be a non-empty string, found None"),
    ("variants need a note", BASE.replace("    category: programmes", "    en_variants: [Double High Plan]\n    category: programmes"), "glossary.yml:6: term 'double-high-plan': field 'note' must say why 'Double High-Level Plan' was chosen over its variants"),
    ("unknown related term", BASE + "    related: [nowhere]\n", "glossary.yml:6: term 'double-high-plan': field 'related' names unknown term 'nowhere'"),
    ("repeated id", BASE + BASE.split("terms:\n")[1], "glossary.yml:13: term 'double-high-plan': field 'id' is used by another term"),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD, ids=[case[0] for case in BAD])
def test_a_bad_entry_is_named_with_its_line_and_field(tmp_path: Path, name: str, text: str, message: str) -> None:
    assert _error(tmp_path, text) == message


def test_variants_with_a_note_are_accepted(tmp_path: Path) -> None:
    [_, term] = _load(tmp_path, BASE + SECOND).terms
    assert (term.en_variants, term.note) == (("1+X certificate system",), "The pilot's own English name.")


# -- derived pinyin -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("chinese", "pinyin"),
    [
        ("职教20条", "zhí jiào 20 tiáo"),  # a number is one word, read as a number
        ("中国教育现代化2035", "zhōng guó jiào yù xiàn dài huà 2035"),
        ("1+X证书", "1 + X zhèng shū"),  # a joining sign stands apart
        ("中文+职业技能", "zhōng wén + zhí yè jì néng"),
        ("中国—东盟", "zhōng guó — dōng méng"),
        ("A 股", "A gǔ"),  # one space between words, none at the ends
    ],
)
def test_derived_pinyin_spaces_syllables_and_keeps_other_runs_whole(chinese: str, pinyin: str) -> None:
    assert derive_pinyin(chinese) == pinyin


# -- finding terms in text --------------------------------------------------------------------


def test_english_forms_match_whole_words_in_any_case(tmp_path: Path) -> None:
    glossary = _load(tmp_path, BASE + SECOND)
    [plan, certificates] = glossary.terms
    matcher = TermMatcher(glossary, "en")
    text = "the double high-level plan, a non-Double High-Level Plan, and the 1+X CERTIFICATE SYSTEM"
    assert list(matcher.find(text)) == [TermMatch(4, 26, plan), TermMatch(66, 88, certificates)]
    assert matcher.terms_in(text + " and the Double High-Level Plan") == [plan, certificates]


def test_chinese_forms_match_anywhere_exactly_as_written(tmp_path: Path) -> None:
    glossary = _load(tmp_path, BASE + SECOND)
    [plan, certificates] = glossary.terms
    matcher = TermMatcher(glossary, "zh-Hans")
    assert list(matcher.find("实施双高计划和1+X证书制度，不是1+x证书")) == [TermMatch(2, 6, plan), TermMatch(7, 12, certificates)]


def test_a_language_the_term_base_does_not_cover_has_no_terms(tmp_path: Path) -> None:
    glossary = _load(tmp_path, BASE)
    assert glossary.terms[0].forms("fr") == ()
    assert TermMatcher(glossary, "fr").terms_in("le Double High-Level Plan, 双高计划, x") == []


# -- variants and renderings to avoid ------------------------------------------------------------


@pytest.mark.parametrize(
    ("variant", "preferred", "accepted"),
    [
        ("vertical pathways", "vertical mobility pathways", True),  # two content words
        ("in parallel", "parallel development", False),  # a function word and one other: a fragment
        ("of the", "Double High-Level Plan", False),  # no content word at all
        ("aptitude", "vocational aptitude", False),  # one common word
        ("WorldSkills", "World Skills Organization", True),  # one proper name, capitalised
        ("apprenticeships", "apprenticeship", True),  # an inflection of a one-word rendering
        ("apprenticeship", "apprenticeships", True),
        ("studies", "study", True),  # the preferred rendering less its last letter starts the variant
        ("study", "studies", True),  # or the variant less its last letter starts the preferred one
        ("credential", "credit", False),  # a different word that merely begins alike
        ("credit", "credential", False),
    ],
)
def test_a_variant_needs_two_content_words_a_proper_name_or_an_inflection(variant: str, preferred: str, accepted: bool) -> None:
    assert (loose_variant_reason(variant, preferred) is None) == accepted


def test_a_loose_variant_is_named_at_its_line(tmp_path: Path) -> None:
    text = BASE.replace("    category:", "    en_variants: [plan]\n    note: n\n    category:")
    assert _error(tmp_path, text) == (
        "glossary.yml:9: term 'double-high-plan': variant 'plan' is too loose: a variant needs at least two content words"
        " (or one capitalised proper name), so that a fragment cannot pass for the term"
    )
    inflected = BASE.replace("en: Double High-Level Plan", "en: apprenticeship").replace("    category:", "    en_variants: [apprenticeships]\n    note: n\n    category:")
    assert _load(tmp_path, inflected).terms[0].en_variants == ("apprenticeships",)


AVOID = "    en_avoid:\n      - en: ' Double High Plan '\n        why: ' the Ministry says High-Level '\n      - en: Double Plan\n        why: half the name\n    category:"


def test_renderings_to_avoid_are_kept_with_their_reason_and_line(tmp_path: Path) -> None:
    [term] = _load(tmp_path, BASE.replace("    category:", AVOID)).terms
    assert term.en_avoid == (AvoidedRendering("Double High Plan", "the Ministry says High-Level", 10), AvoidedRendering("Double Plan", "half the name", 12))


ENTRY_NEEDS = "term 'double-high-plan': each 'en_avoid' entry needs 'en' (the rendering) and 'why' (the reason)"
BAD_AVOID = [
    ("not a list", "    en_avoid: Double Plan\n", "glossary.yml:9: term 'double-high-plan': field 'en_avoid' must be a list of {en, why} mappings"),
    ("an item not a mapping", "    en_avoid: [Double Plan]\n", f"glossary.yml:9: {ENTRY_NEEDS}"),
    ("no en", "    en_avoid:\n      - why: half the name\n", f"glossary.yml:10: {ENTRY_NEEDS}"),
    ("a blank en", "    en_avoid:\n      - en: ' '\n        why: half the name\n", f"glossary.yml:10: {ENTRY_NEEDS}"),
    ("no why", "    en_avoid:\n      - en: Double Plan\n", f"glossary.yml:10: {ENTRY_NEEDS}"),
    ("a blank why, second item", "    en_avoid:\n      - en: Double High Plan\n        why: x\n      - en: Double Plan\n        why: '  '\n", f"glossary.yml:12: {ENTRY_NEEDS}"),
    ("accepted in another case", "    en_avoid:\n      - en: double high-level PLAN\n        why: x\n", "glossary.yml:10: term 'double-high-plan': 'double high-level PLAN' is both accepted and to be avoided"),
]


@pytest.mark.parametrize(("name", "avoid", "message"), BAD_AVOID, ids=[case[0] for case in BAD_AVOID])
def test_a_bad_rendering_to_avoid_is_named_at_its_line(tmp_path: Path, name: str, avoid: str, message: str) -> None:
    assert _error(tmp_path, BASE.replace("    category:", avoid + "    category:")) == message


# -- unknown keys ---------------------------------------------------------------------------------

UNKNOWN = [
    ("in a category", BASE.replace("    en: Programmes\n", "    en: Programmes\n    eng: x\n"), "glossary.yml:5: category 'programmes': unknown key 'eng': did you mean 'en'?"),
    ("in a term", BASE.replace("    category: programmes\n", "    category: programmes\n    notes: x\n"), "glossary.yml:10: term 'double-high-plan': unknown key 'notes': did you mean 'note'?"),
    ("in a definition", BASE + "      zh-hant: x\n", "glossary.yml:13: term 'double-high-plan': definition: unknown key 'zh-hant': did you mean 'zh-Hans'?"),
]


@pytest.mark.parametrize(("name", "text", "message"), UNKNOWN, ids=[case[0] for case in UNKNOWN])
def test_an_unknown_key_is_named_with_its_entry_and_the_nearest_key(tmp_path: Path, name: str, text: str, message: str) -> None:
    assert _error(tmp_path, text) == message


# -- the site's other languages ----------------------------------------------------------------------


@pytest.fixture
def more_languages() -> Iterator[None]:
    """French beside English (its partner), and two languages partnered with each other that the term base lacks."""
    before = languages()
    english = before["en"]
    added = (replace(english, code="fr", partner="en"), replace(english, code="de", partner="it"), replace(english, code="it", partner="de"))
    use_languages(Languages((*before.all, *added)))
    yield
    use_languages(before)


FRENCH = (
    BASE.replace("    en: Programmes\n", "    en: Programmes\n    fr: Programmes (fr)\n")
    .replace("    category: programmes\n", "    fr: Plan Double Haut Niveau\n    category: programmes\n")
    .replace("      en: A plan.\n", "      en: A plan.\n      fr: Un plan.\n")
    + SECOND
)


def test_another_language_takes_its_own_rendering_else_its_partners_else_the_chinese(tmp_path: Path, more_languages: None) -> None:
    glossary = _load(tmp_path, FRENCH)
    [category] = glossary.categories
    [plan, certificates] = glossary.terms
    assert (category.name("fr"), plan.name("fr"), plan.forms("fr"), plan.definition_in("fr")) == ("Programmes (fr)", "Plan Double Haut Niveau", ("Plan Double Haut Niveau",), "Un plan.")
    assert (certificates.name("fr"), certificates.forms("fr"), certificates.definition_in("fr")) == ("1+X certificates", (), "A certificate system.")
    assert (plan.name("de"), plan.definition_in("it"), category.name("de")) == ("双高计划", "计划。", "计划")


BAD_OTHER = [
    ("category", FRENCH.replace("fr: Programmes (fr)", "fr: ''"), "glossary.yml:2: category 'programmes': field 'fr' must be a non-empty string, found ''"),
    ("term", FRENCH.replace("fr: Plan Double Haut Niveau", "fr: ''"), "glossary.yml:7: term 'double-high-plan': field 'fr' must be a non-empty string, found ''"),
    ("definition", FRENCH.replace("fr: Un plan.", "fr: ''"), "glossary.yml:7: term 'double-high-plan': field 'fr' must be a non-empty string, found ''"),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD_OTHER, ids=[case[0] for case in BAD_OTHER])
def test_a_blank_rendering_in_another_language_is_an_error(tmp_path: Path, more_languages: None, name: str, text: str, message: str) -> None:
    assert _error(tmp_path, text) == message
