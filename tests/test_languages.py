"""Three languages: PO store and review state, OpenCC, fallbacks and notices, switcher, exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import polib
import pytest

from explainer.check import run_check
from explainer.translation.conversion import to_traditional
from explainer.document.model import Segment
from explainer.document.parse import parse_file, parse_text
from explainer.config.project import DocumentConfig
from explainer.translation.checks import numbers_missing, stray_chinese, translation_problems
from explainer.render.pages import DocumentRenderer
from explainer.glossary.checks import term_problems
from explainer.translation.catalog import Catalog, Texts, load_catalog, po_path, synchronise, template

ROOT = Path(__file__).resolve().parent.parent
SLUG = "vocational-education-2021"


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    return parse_file(ROOT / "sources" / f"{SLUG}.txt", SLUG)


def test_character_level_traditional_keeps_official_vocabulary() -> None:
    assert to_traditional("配套文件") == "配套文件"  # s2twp would say 配套檔案
    assert to_traditional("职业教育") == "職業教育"
    assert to_traditional("双高计划") == "雙高計劃"


def test_english_is_complete_reviewed_and_consistent(seed) -> None:  # type: ignore[no-untyped-def]
    assert translation_problems(ROOT, seed) == []
    assert term_problems(ROOT, seed) == []
    catalog = load_catalog(po_path(ROOT, "en", SLUG))
    assert len(catalog.entries) == sum(1 for _ in seed.segments()) == 222
    statuses = {catalog.render(segment).status for segment in seed.segments()}
    assert statuses == {"reviewed"}


def test_official_english_names_are_used(seed) -> None:  # type: ignore[no-untyped-def]
    texts = Texts(seed, {"en": load_catalog(po_path(ROOT, "en", SLUG))})
    english = " ".join(texts.text(segment, "en") for segment in seed.segments())
    for name in ("WorldSkills", "Luban Workshop", "National Vocational Education Conference", "National Vocational College Skills Competition"):
        assert name in english


def test_stale_entries_are_detected_when_the_source_changes() -> None:
    old = parse_text("《意见》\n一、总体要求\n(一) 指导思想。坚持立德树人。\n", "t.txt", "t")
    new = parse_text("《意见》\n一、总体要求\n(一) 指导思想。坚持立德树人，德技并修。\n", "t.txt", "t")
    catalog = Catalog(Path("t.po"), {})
    po = synchronise(old, catalog, "en")
    for entry in po:
        entry.msgstr = f"EN {entry.msgid}"
    updated = synchronise(new, Catalog(Path("t.po"), {e.msgctxt: e for e in po}), "en")
    entries = {entry.msgctxt: entry for entry in updated}
    assert "fuzzy" in entries["a01-p1-s1"].flags
    assert entries["a01-p1-s1"].previous_msgid == "坚持立德树人。"
    assert "fuzzy" not in entries["a01-t"].flags
    texts = Texts(new, {"en": Catalog(Path("t.po"), entries)})
    assert texts.get(new.article(1).paragraphs[0].segments[0], "en").status == "stale"


def test_orphan_and_duplicate_entries(tmp_path: Path, seed) -> None:  # type: ignore[no-untyped-def]
    po = polib.POFile(wrapwidth=0)
    po.append(polib.POEntry(msgctxt="title", msgid=seed.title.zh, msgstr="Opinions"))
    po.append(polib.POEntry(msgctxt="a99-p1-s1", msgid="不存在。", msgstr="Does not exist."))
    path = po_path(tmp_path, "en", SLUG)
    path.parent.mkdir(parents=True)
    po.save(str(path))
    problems = translation_problems(tmp_path, seed)
    assert f"{path}:9: a99-p1-s1: orphan entry, no such segment in {seed.source}" in problems
    assert sum("translation missing" in problem for problem in problems) == 221
    po.append(polib.POEntry(msgctxt="title", msgid=seed.title.zh, msgstr="Again"))
    po.save(str(path))
    with pytest.raises(Exception) as raised:
        load_catalog(path)
    assert str(raised.value) == f"{path}:13: duplicate entry for msgctxt 'title' (first at line 5)"


def test_machine_qa_rules() -> None:
    assert numbers_missing("到2025年，不低于10%", "by 2025, no less than 10%") == []
    assert numbers_missing("到2035年", "by 2030") == ["2035"]
    assert numbers_missing("今年4月", "in April this year") == []
    assert stray_chinese("the 双高 plan") == ["双", "高"]
    assert stray_chinese("the Double High-Level Plan (双高计划)") == []


def _render_article(status_text: dict[str, tuple[str, list[str], str]]):  # type: ignore[no-untyped-def]
    document = parse_text("《意见》\n一、总体要求\n(一) 指导思想。坚持立德树人。加强领导。\n", "t.txt", "t")
    entries = {}
    for segment_id, (msgstr, flags, comment) in status_text.items():
        segment = next(s for s in document.segments() if s.id == segment_id)
        entry = polib.POEntry(msgctxt=segment_id, msgid=segment.zh, msgstr=msgstr, flags=flags)
        entry.comment = comment
        entries[segment_id] = entry
    texts = Texts(document, {"en": Catalog(Path("t.po"), entries)})
    renderer = DocumentRenderer(document, DocumentConfig("t", Path("t.txt"), is_default=True), texts, "en")
    return next(page for page in renderer.pages() if page.path == "articles/01/index.md").markdown


def test_missing_translation_falls_back_to_chinese_with_a_notice() -> None:
    markdown = _render_article({"a01-t": ("Guiding Thinking", [], ""), "a01-p1-s1": ("Uphold virtue.", [], "")})
    assert '<span class="s missing" id="a01-p1-s2" lang="zh-Hans">加强领导。</span>' in markdown
    assert "Translation pending: parts of this page are shown in the original Chinese" in markdown
    assert "machine-translation drafts" not in markdown


def test_machine_draft_shows_a_notice() -> None:
    markdown = _render_article(
        {
            "part1-t": ("General Requirements", [], ""),
            "a01-t": ("Guiding Thinking", [], ""),
            "a01-p1-s1": ("Uphold virtue.", [], ""),
            "a01-p1-s2": ("Strengthen leadership.", ["fuzzy"], "machine draft (google)"),
        }
    )
    assert '<span class="s machine" id="a01-p1-s2">Strengthen leadership.</span>' in markdown
    assert "Parts of this page are machine-translation drafts that have not yet been reviewed." in markdown
    assert "Translation pending" not in markdown


def test_check_writes_a_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "t.pot"
    assert run_check(ROOT, ROOT / "sources" / f"{SLUG}.txt", target) == 0
    pot = polib.pofile(str(target))
    assert len(pot) == 222 and all(entry.msgstr == "" for entry in pot)
    assert f"  wrote template {target}" in capsys.readouterr().out


def test_pages_in_three_languages(built_site: Path) -> None:
    langs = {"": "zh-Hans", "en/": "en", "zh-Hant/": "zh-Hant"}
    for prefix, lang in langs.items():
        html = (built_site / f"{prefix}articles/05/index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        for other_prefix, other in langs.items():
            assert f'<link rel="alternate" hreflang="{other}" href="https://policy-explainer.github.io/{other_prefix}articles/05/">' in html
    english = (built_site / "en/articles/05/index.html").read_text(encoding="utf-8")
    assert "Double High-Level Plan" in english and "双高计划" not in re.sub(r'(title|data-other|data-variants)="[^"]*"', "", english)
    traditional = (built_site / "zh-Hant/qa/1/index.html").read_text(encoding="utf-8")
    assert "配套文件" in traditional and "職業教育" in traditional


def test_export_has_all_languages(built_site: Path) -> None:
    data = json.loads((built_site / f"data/{SLUG}.json").read_text(encoding="utf-8"))
    segment = data["articles"][4]["paragraphs"][0][2]
    assert segment["id"] == "a05-p1-s3"
    assert segment["zh-Hant"].startswith("推進高等職業教育提質培優")
    assert segment["en"].startswith("China will press ahead with improving quality")
    assert segment["en_status"] == "reviewed"
    assert {lang: data["qa"][0]["url"][lang] for lang in ("zh-Hans", "en", "zh-Hant")} == {"zh-Hans": "/qa/1/", "en": "/en/qa/1/", "zh-Hant": "/zh-Hant/qa/1/"}


def test_template_has_every_segment(seed) -> None:  # type: ignore[no-untyped-def]
    entries = list(template(seed))
    assert [entry.msgctxt for entry in entries] == [segment.id for segment in seed.segments()]
    assert [(entry.msgid, entry.msgstr, entry.occurrences) for entry in entries] == [
        (segment.zh, "", [(Path(seed.source).name, str(segment.line))]) for segment in seed.segments()
    ]
