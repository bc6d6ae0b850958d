"""The term base: validation with exact errors, coverage, derived forms, pages, exports."""

from __future__ import annotations

import re

import csv
import io
import json
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest

from explainer.document.parse import parse_file

from explainer.glossary.terms import TermMatcher, derive_pinyin, load_glossary

ROOT = Path(__file__).resolve().parent.parent
TERMS = ROOT / "glossary" / "terms.yml"
REQUIRED = (
    "双高计划 职教高考 中文+职业技能 鲁班工坊 产教融合 校企合作 双师型教师 岗课赛证 职业技能等级证书 学分银行 国家资历框架 "
    "职业本科教育 中国特色学徒制 技能型社会 工匠精神 立德树人 德技并修 职教20条 世界技能组织 全国职业院校技能大赛 产教融合型企业 生均拨款"
).split()


@pytest.fixture(scope="module")
def glossary():  # type: ignore[no-untyped-def]
    return load_glossary(str(TERMS))


def test_coverage(glossary) -> None:  # type: ignore[no-untyped-def]
    forms = {term.zh for term in glossary.terms}
    assert len(glossary.terms) >= 60
    assert [term for term in REQUIRED if term not in forms] == []


def test_every_term_occurs_in_the_seed_or_explains_one_that_does(glossary) -> None:  # type: ignore[no-untyped-def]
    """A term not in the text (1+X证书制度) is there because a term of the text needs it: it is related from one."""
    # The parsed text: page-break joins and recorded corrections (中国 - 东盟 → 中国—东盟) applied.
    seed = parse_file(ROOT / "sources" / "vocational-education-2021.txt")
    joined = "".join(segment.zh for segment in seed.segments())
    in_text = {term.id for term in glossary.terms if term.zh in joined}
    needed = {related for term in glossary.terms if term.id in in_text for related in term.related}
    for term in glossary.terms:
        assert term.id in in_text or term.id in needed, term.id
        assert term.definition["zh-Hans"] and term.definition["en"] and term.definition["zh-Hant"]


def test_derived_forms(glossary) -> None:  # type: ignore[no-untyped-def]
    term = next(term for term in glossary.terms if term.zh == "双高计划")
    assert term.zh_hant == "雙高計劃"
    assert term.pinyin == "shuāng gāo jì huà"
    assert derive_pinyin("中文+职业技能") == "zhōng wén + zhí yè jì néng"
    assert derive_pinyin("行业") == "háng yè"


def test_matching_is_longest_first(glossary) -> None:  # type: ignore[no-untyped-def]
    matcher = TermMatcher(glossary, "zh-Hans")
    found = [match.term.zh for match in matcher.find("探索中国特色学徒制，培育产教融合型企业，实施好双高计划集中力量")]
    assert found[:3] == ["中国特色学徒制", "产教融合型企业", "双高计划"]


def test_glossary_pages_and_back_links(built_site: Path) -> None:
    for prefix, form, occurs in (("", "双高计划", "出现于"), ("en/", "Double High-Level Plan", "Occurs in"), ("zh-Hant/", "雙高計劃", "出現於")):
        html = (built_site / f"{prefix}glossary/index.html").read_text(encoding="utf-8")
        entry = html.split('id="double-high-plan"')[1].split("</div>")[0]
        assert form in entry
        assert 'href="../articles/05/"' in entry
        entry = html.split('id="vocational-gaokao"')[1].split("</div>")[0]
        assert occurs in entry
        assert 'href="../articles/04/"' in entry and 'href="../qa/5/"' in entry
        assert 'href="../../data/glossary.tbx"' in html if prefix else 'href="../data/glossary.tbx"' in html


def test_terms_link_with_their_card_in_every_language(built_site: Path) -> None:
    cards = (
        ("", "双高计划", 'data-other="Double High-Level Plan" data-other-lang="en" data-pinyin="shuāng gāo jì huà" data-term="双高计划"'),
        ("en/", "Double High-Level Plan", 'data-other="双高计划" data-other-lang="zh-Hans" data-term="Double High-Level Plan"'),
        ("zh-Hant/", "雙高計劃", 'data-other="Double High-Level Plan" data-other-lang="en" data-pinyin="shuāng gāo jì huà" data-term="雙高計劃"'),
    )
    for prefix, form, card in cards:
        html = (built_site / f"{prefix}articles/05/index.html").read_text(encoding="utf-8")
        [link] = re.findall(r'<a class="term" data-def="[^"]+" ([^>]*) href="../../glossary/#double-high-plan">', html)[:1]
        assert link == card
        assert f">{form}</a>" in html


def test_exports(built_site: Path, glossary) -> None:  # type: ignore[no-untyped-def]
    data = json.loads((built_site / "data/glossary.json").read_text(encoding="utf-8"))
    assert len(data) == len(glossary.terms)
    entry = next(item for item in data if item["zh-Hans"] == "双高计划")
    assert set(entry) >= {"id", "zh-Hans", "zh-Hant", "pinyin", "en", "en_variants", "definition", "occurrences"}
    assert {"doc": "vocational-education-2021", "kind": "article", "number": 5} in entry["occurrences"]
    assert set(entry["definition"]) == {"zh-Hans", "en", "zh-Hant"}
    rows = list(csv.DictReader(io.StringIO((built_site / "data/glossary.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(glossary.terms) and rows[0]["id"] == glossary.terms[0].id
    tbx = etree.parse(built_site / "data/glossary.tbx").getroot()
    namespace = "{urn:iso:std:iso:30042:ed-2}"
    assert tbx.tag == f"{namespace}tbx" and tbx.get("type") == "TBX-Basic"
    concepts = tbx.findall(f".//{namespace}conceptEntry")
    assert len(concepts) == len(glossary.terms)
    first = concepts[0]
    languages = [section.get("{http://www.w3.org/XML/1998/namespace}lang") for section in first.findall(f"{namespace}langSec")]
    assert languages == ["zh-Hans", "zh-Hant", "en"]
    assert first.find(f".//{namespace}descrip[@type='definition']").text


def test_the_prefix_tree_pattern_matches_as_the_longest_first_alternation() -> None:
    import re

    from explainer.glossary.terms import load_glossary, trie_pattern

    glossary = load_glossary(str(ROOT / "glossary" / "terms.yml"))
    texts = {lang: (ROOT / "sources" / "vocational-education-2021.txt").read_text(encoding="utf-8") for lang in ("zh-Hans",)}
    texts["en"] = (ROOT / "translations" / "en" / "vocational-education-2021.po").read_text(encoding="utf-8").casefold()
    for lang, text in texts.items():
        forms = {form.casefold() if lang == "en" else form for term in glossary.terms for form in term.forms(lang)}
        alternation = re.compile("|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True)))
        tree = re.compile(trie_pattern(forms))
        expected = [(m.start(), m.group()) for m in alternation.finditer(text)]
        assert [(m.start(), m.group()) for m in tree.finditer(text)] == expected
        assert len(expected) > 100
    # A shorter form inside a longer one, and a longer one that fails part-way.
    assert re.findall(trie_pattern(["双高", "双高计划", "高计"]), "双高计划 双高计 高计划") == ["双高计划", "双高", "高计"]
