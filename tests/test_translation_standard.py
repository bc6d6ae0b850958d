"""The translation held to its standard: each kind of defect the second reading found must come back as a `check` line."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from explainer.common.errors import InputError
from explainer.config.project import load_project
from explainer.document.parse import parse_file
from explainer.glossary.terms import load_glossary, loose_variant_reason
from explainer.translation.conversion import (
    ConversionOverride,
    apply_overrides,
    load_conversion_table,
    opencc_traditional,
    taiwan_quotes,
    to_traditional,
)
from explainer.render.provenance import official_texts, provenance_block
from explainer.translation.review import fingerprint, review_line, review_state

ROOT = Path(__file__).resolve().parents[1]
PO = Path("translations/en/vocational-education-2021.po")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of the project's sources of truth, to break one thing at a time."""
    for folder in ("sources", "translations", "glossary"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    for name in ("documents.yml", "mkdocs.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def check(root: Path) -> list[str]:
    result = subprocess.run([sys.executable, "-m", "explainer", "--root", str(root), "check"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode in (0, 1), result.stderr
    return [line.strip() for line in result.stdout.splitlines()]


def set_english(root: Path, segment_id: str, english: str) -> int:
    """Give a segment new English; returns the PO line of its entry."""
    po = polib.pofile(str(root / PO), wrapwidth=0)
    entry = next(entry for entry in po if entry.msgctxt == segment_id)
    entry.msgstr = english
    po.save()
    return next(entry for entry in polib.pofile(str(root / PO), wrapwidth=0) if entry.msgctxt == segment_id).linenum


def test_the_project_is_clean_and_fully_reviewed() -> None:
    lines = check(ROOT)
    assert lines[-1] == "check: clean"
    summary = next(line for line in lines if "second reading" in line)
    assert "222 of 222 segments reviewed" in summary and "grade 2: 0" in summary


def test_an_avoided_rendering_is_reported(project: Path) -> None:
    english = "Vocational schools will be encouraged to work with social capital to build vocational education infrastructure and practical training bases, and to build and share public training bases jointly."
    line = set_english(project, "a08-p1-s4", english)
    lines = check(project)
    assert (
        f"{project / PO}:{line}: a08-p1-s4: 'social capital' is a rendering to avoid (社会资本, private-capital): "
        "in English the networks and trust a person or community has (sociology), not money invested"
    ) in lines


@pytest.mark.parametrize(
    ("segment_id", "english", "expected"),
    [
        ("a21-p1-s4", "Using tuition fees or income from social services to offset per-student funding is strictly prohibited, and a differentiated per-student funding system for vocational education based on broad programme categories will be explored and established.",
         ["style explore-made-firm 'explored and established'", "style social-services 'social services'"]),
        ("q7-p1-s3", "Next, in line with the overall requirement of \"a high starting point, high standards and high quality\", we will gradually improve the standards for setting up schools and programmes, the programme catalogue, and the mechanisms for awarding degrees and for evaluation; guide schools to operate in accordance with the laws of vocational education; and focus on getting three relationships right.",
         ["style laws-for-guilu 'laws of vocational '"]),
        ("q4-p1-s7", "Focusing on better aligning supply with the needs of industry, it dynamically adjusts the level structure and programme structure of vocational education, improves the diversified system of provision, and deepens industry-education integration.",
         ["style document-as-actor 'it dynamically adjusts'"]),
        ("a19-p1-s2", "To serve international cooperation on production capacity, vocational schools will be encouraged to go global alongside Chinese enterprises.",
         ["style encourage-for-push 'encouraged'"]),
        ("a16-p1-s2", "The teaching diagnosis and improvement system in vocational schools will be organized in every program.",
         ["style american-spelling 'organized'", "style american-spelling 'program'"]),
    ],
)
def test_style_patterns_are_reported(project: Path, segment_id: str, english: str, expected: list[str]) -> None:
    line = set_english(project, segment_id, english)
    found = [entry for entry in check(project) if entry.startswith(f"{project / PO}:{line}: {segment_id}: style ")]
    assert [entry.split(": ", 2)[2].split(":")[0] for entry in found] == expected


def test_the_fixed_english_of_the_named_defects_passes_the_patterns(project: Path) -> None:
    lines = check(project)
    assert not [line for line in lines if ": style " in line]


@pytest.mark.parametrize(
    ("variant", "preferred", "loose"),
    [
        ("in parallel", "parallel development of vocational and general education", True),
        ("aptitude", "teaching students according to their aptitude", True),
        ("order-based", "order-based training", True),
        ("vertical pathways", "vertical progression", False),
        ("WorldSkills", "WorldSkills International", False),
        ("NQF", "national qualifications framework", False),
        ("apprenticeships", "apprenticeship", False),
    ],
)
def test_loose_variant_rule(variant: str, preferred: str, loose: bool) -> None:
    assert (loose_variant_reason(variant, preferred) is not None) is loose


def test_a_loose_variant_in_the_term_base_is_refused(project: Path) -> None:
    path = project / "glossary/terms.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('"vocational and general education in parallel", ', '"vocational and general education in parallel", "in parallel", ', 1)
    path.write_text(text, encoding="utf-8")
    line = next(number for number, content in enumerate(text.splitlines(), 1) if '"in parallel", ' in content)
    with pytest.raises(InputError) as error:
        load_glossary(str(path))
    assert str(error.value) == (
        f"{path}:{line}: term 'vocational-general-parallel': variant 'in parallel' is too loose: a variant needs at least two "
        "content words (or one capitalised proper name), so that a fragment cannot pass for the term"
    )
    result = subprocess.run([sys.executable, "-m", "explainer", "--root", str(project), "check"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith(f"{path}:{line}: term 'vocational-general-parallel': variant 'in parallel' is too loose")


def test_a_rendering_both_accepted_and_avoided_is_refused(project: Path) -> None:
    path = project / "glossary/terms.yml"
    text = path.read_text(encoding="utf-8").replace('"private investment", ', '"private investment", "social capital", ', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="term 'private-capital': 'social capital' is both accepted and to be avoided"):
        load_glossary(str(path))


def test_known_bad_zh_hant_conversions_are_overridden_and_checked() -> None:
    cases = {
        "完善职业教育教师资格认定制度": ("認定製度", "認定制度"),
        "在全面建设社会主义现代化国家新征程中": ("新徵程", "新征程"),
        "严禁以学费、社会服务收入冲抵生均拨款": ("衝抵", "沖抵"),
        "印发了《意见》，并发出通知": ("併發出", "並發出"),
    }
    for simplified, (wrong, right) in cases.items():
        assert wrong in opencc_traditional(simplified), simplified  # OpenCC alone gets it wrong
        assert right in to_traditional(simplified) and wrong not in to_traditional(simplified)


def test_a_known_bad_conversion_is_reported_without_its_override(project: Path) -> None:
    overrides = project / "translations/zh-Hant/overrides.yml"
    table = load_conversion_table(overrides)
    kept = [override for override in table.overrides if override.simplified != "认定制度"]
    text = overrides.read_text(encoding="utf-8")
    start = text.index("  - zh-Hans: 认定制度")
    end = text.index("  - zh-Hans: 新征程")
    overrides.write_text(text[:start] + text[end:], encoding="utf-8")
    assert len(load_conversion_table(overrides).overrides) == len(kept)
    document = parse_file(project / "sources/vocational-education-2021.txt", "vocational-education-2021")
    segment = next(segment for segment in document.segments() if segment.id == "a13-p1-s2")
    assert (
        f"{project / 'sources/vocational-education-2021.txt'}:{segment.line}: a13-p1-s2: zh-Hant conversion writes 製度: "
        f"制度 (system) is never 製度. (add a reviewed override to {overrides})"
    ) in check(project)


def test_overrides_apply_where_the_phrase_occurs() -> None:
    override = ConversionOverride("认定制度", "認定製度", "認定制度", "test", 1)
    simplified = "认定制度和认定制度"
    assert apply_overrides(simplified, opencc_traditional(simplified), (override,)) == "認定制度和認定制度"


def test_taiwan_quotes_nest() -> None:
    assert taiwan_quotes("他说“要坚持‘守正’与“创新”的关系”。") == "他说「要坚持『守正』与『创新』的关系」。"
    assert to_traditional("第一部分“总体要求”。") == "第一部分「總體要求」。"


def test_mainland_quotes_never_reach_a_traditional_page(tmp_path: Path) -> None:
    from explainer.render.pages import DocumentRenderer
    from explainer.translation.catalog import load_texts

    document = parse_file(ROOT / "sources/vocational-education-2021.txt", "vocational-education-2021")
    config = load_project(ROOT).default
    renderer = DocumentRenderer(document, config, load_texts(ROOT, document), "zh-Hant")
    pages = renderer.pages()
    qa4 = next(page for page in pages if page.path.endswith("qa/4/index.md"))
    assert "第一部分「總體要求」。" in qa4.markdown
    for page in pages:
        body = page.markdown.split("{: .provenance }")[0]
        assert not set("“”‘’") & set(body), page.path


def test_unbalanced_mainland_quotes_are_reported(project: Path) -> None:
    source = project / "sources/vocational-education-2021.txt"
    text = source.read_text(encoding="utf-8").replace("第一部分“总体要求”。", "第一部分”总体要求”。", 1)
    source.write_text(text, encoding="utf-8")
    assert any("q4-p1-s2: zh-Hant text keeps mainland quotation marks ”" in line for line in check(project))


def test_review_falls_back_to_unreviewed_when_the_chinese_or_english_changes(project: Path) -> None:
    po = polib.pofile(str(project / PO), wrapwidth=0)
    entry = next(entry for entry in po if entry.msgctxt == "a05-p1-s6")
    document = parse_file(project / "sources/vocational-education-2021.txt", "vocational-education-2021")
    segment = next(segment for segment in document.segments() if segment.id == "a05-p1-s6")
    assert review_state(entry, segment).state == "reviewed"
    entry.msgstr += " "
    assert review_state(entry, segment).state == "en-revised"
    entry.msgstr = entry.msgstr[:-1]
    entry.msgid = segment.zh + "。"
    assert review_state(entry, dataclasses.replace(segment, zh=segment.zh + "。")).state == "zh-changed"


def test_an_unreviewed_segment_is_reported(project: Path) -> None:
    line = set_english(project, "a05-p1-s6", "Application-oriented undergraduate institutions will be encouraged to provide vocational undergraduate education.")
    lines = check(project)
    assert f"{project / PO}:{line}: a05-p1-s6: unreviewed: the English was revised after the reading of 2026-11-30 (grade 0)" in lines
    assert lines[-1] == "check: 1 problem(s)"
    po = polib.pofile(str(project / PO), wrapwidth=0)
    entry = next(entry for entry in po if entry.msgctxt == "a05-p1-s6")
    entry.tcomment = "\n".join(line for line in entry.tcomment.splitlines() if not line.startswith("review:"))
    po.save()
    assert f"{project / PO}:{line}: a05-p1-s6: unreviewed: no second reading recorded" in check(project)


def test_a_changed_chinese_source_makes_its_segment_unreviewed(project: Path) -> None:
    source = project / "sources/vocational-education-2021.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("鼓励应用型本科学校开展职业本科教育。", "鼓励应用型本科学校积极开展职业本科教育。", 1), encoding="utf-8")
    lines = check(project)
    assert any(line.endswith("a05-p1-s6: unreviewed: the Chinese changed after the reading of 2026-11-30") for line in lines)


def test_review_line_format() -> None:
    assert review_line("2026-11-30", "reviewer-2", 1, 1, "fluency", "中文", "English") == (
        f"review: 2026-11-30 reviewer-2 round 1 grade 1 fluency zh:{fingerprint('中文')} en:{fingerprint('English')}"
    )
    with pytest.raises(ValueError):
        review_line("2026-11-30", "reviewer-2", 1, 3, "", "中文", "English")


def test_provenance_on_translated_pages_only() -> None:
    config = load_project(ROOT).default
    english = provenance_block(config, "en")
    assert english.startswith("**About this translation:** The Chinese text is the official one and prevails.")
    assert "not an official translation (translated on 30 November 2026)" in english
    assert "[Xinhua News Agency](https://www.news.cn/) on 12 October 2021" in english
    assert "[the Ministry of Education's website](http://www.moe.gov.cn/) on 13 October 2021" in english
    assert "issued by the General Office of the CPC Central Committee and General Office of the State Council" in english
    assert "given by the Ministry of Education" in english
    assert "以簡體中文文本為準" in provenance_block(config, "zh-Hant")
    assert provenance_block(config, "zh-Hans") == ""


def test_about_sections_list_the_official_texts_with_issuing_bodies_dates_and_links() -> None:
    config = load_project(ROOT).default
    titles = {
        "zh-Hans": {"opinion": "《意见》", "qa": "《答记者问》"},
        "en": {"opinion": "Opinions", "qa": "Q&A"},
        "zh-Hant": {"opinion": "《意見》", "qa": "《答記者問》"},
    }
    assert official_texts(config, titles["zh-Hans"], "zh-Hans") == (
        "官方中文文本：\n{: .official-texts }\n\n"
        "- 《意见》：中共中央办公厅、国务院办公厅印发，[新华社](https://www.news.cn/)于2021年10月12日发布。\n"
        "- 《答记者问》：教育部，2021年10月13日发布于[教育部网站](http://www.moe.gov.cn/)。\n"
    )
    assert official_texts(config, titles["en"], "en") == (
        "The official Chinese texts:\n{: .official-texts }\n\n"
        "- Opinions: issued by the General Office of the CPC Central Committee and General Office of the State Council; "
        "released by [Xinhua News Agency](https://www.news.cn/) on 12 October 2021.\n"
        "- Q&amp;A: given by the Ministry of Education; published on [the Ministry of Education's website](http://www.moe.gov.cn/) on 13 October 2021.\n"
    )
    assert official_texts(config, titles["zh-Hant"], "zh-Hant") == (
        "官方中文文本：\n{: .official-texts }\n\n"
        "- 《意見》：中共中央辦公廳、國務院辦公廳印發，[新華社](https://www.news.cn/)於2021年10月12日發布。\n"
        "- 《答記者問》：教育部，2021年10月13日發布於[教育部網站](http://www.moe.gov.cn/)。\n"
    )
    # A document without its Q&A lists the Opinion only; one without official data lists nothing.
    assert "教育部网站" not in official_texts(config, {"opinion": "《意见》"}, "zh-Hans")
    assert official_texts(dataclasses.replace(config, official=()), titles["en"], "en") == ""


def test_bad_provenance_input_is_refused(project: Path) -> None:
    path = project / "documents.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("url: https://www.news.cn/", "url: javascript:alert(1)"), encoding="utf-8")
    line = next(number for number, content in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "javascript:" in content)
    with pytest.raises(InputError) as error:
        load_project(project)
    assert str(error.value) == f"{path}:{line}: 'url' must be an http(s) address without spaces or quotes, found 'javascript:alert(1)'"


def test_unknown_document_key_is_refused(project: Path) -> None:
    path = project / "documents.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    translated:\n", "    translater:\n"), encoding="utf-8")
    with pytest.raises(InputError, match=r"document: unknown key 'translater': did you mean 'translated'\?"):
        load_project(project)


def test_a_bad_conversion_in_the_term_base_is_reported(project: Path) -> None:
    overrides = project / "translations/zh-Hant/overrides.yml"
    text = overrides.read_text(encoding="utf-8")
    start = text.index("  - zh-Hans: 其向应用型")
    end = text.index("\n\n", start)
    overrides.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    term = next(term for term in load_glossary(str(project / "glossary/terms.yml")).terms if term.id == "application-oriented-undergraduate-institutions")
    assert (
        f"{project / 'glossary/terms.yml'}:{term.line}: term 'application-oriented-undergraduate-institutions': zh-Hant conversion writes 嚮應: "
        f"向 (towards) before a noun is 向. (add a reviewed override to {overrides})"
    ) in check(project)
