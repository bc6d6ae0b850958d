"""Several documents in one site: a strict build of the two-document fixture project.

``tests/fixtures/multi/`` holds only what differs from the bundled project (its
documents.yml and the second document's source); :func:`assemble` copies the
bundled project's shared files into a temporary folder and lays the fixture over
them. The second document has no translation, on purpose.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import polib
import pytest
from project_copy import SEED, SEED_FILES, FakeEngine, copy_files

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "multi"
SECOND = "double-high-plan-2019"
LANG_PREFIXES = ("", "en/", "zh-Hant/")


def assemble(target: Path) -> Path:
    """The fixture project: the bundled project's shared files with tests/fixtures/multi laid over them."""
    return copy_files(target, SEED_FILES, over=FIXTURE)


@pytest.fixture(scope="module")
def multi_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from explainer.backend.build import build_site

    project = assemble(tmp_path_factory.mktemp("multi") / "project")
    output = project.parent / "site"
    build_site(project, strict=True, output=output)
    return output


def page_paths(site: Path) -> list[str]:
    """Every page and data file of a built site (not assets, search indexes or compressed siblings)."""
    paths = [path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()]
    return sorted(path for path in paths if path.endswith(".html") or (path.startswith("data/") and not path.endswith((".gz", ".br"))))


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_output_paths_match_golden(multi_site: Path, golden) -> None:  # type: ignore[no-untyped-def]
    golden("multi-site-pages.txt", "\n".join(page_paths(multi_site)) + "\n")


def test_default_document_urls_do_not_change(multi_site: Path, built_site: Path) -> None:
    """Every page of the one-document site is still there, at the same path, in the two-document site."""
    single = set(page_paths(built_site))
    assert single - set(page_paths(multi_site)) == set()
    data = json.loads(read(multi_site, f"data/{SEED}.json"))
    assert {lang: data["url"][lang] for lang in ("zh-Hans", "en", "zh-Hant")} == {"zh-Hans": "/", "en": "/en/", "zh-Hant": "/zh-Hant/"}
    assert data["articles"][4]["url"]["en"] == "/en/articles/05/"


def test_second_document_lives_under_its_slug(multi_site: Path) -> None:
    for prefix in LANG_PREFIXES:
        assert (multi_site / f"{prefix}{SECOND}/index.html").is_file()
        for number in range(1, 12):
            assert (multi_site / f"{prefix}{SECOND}/articles/{number:02d}/index.html").is_file()
        for number in (1, 2, 3):
            assert (multi_site / f"{prefix}{SECOND}/parts/{number}/index.html").is_file()
            assert (multi_site / f"{prefix}{SECOND}/qa/{number}/index.html").is_file()
    data = json.loads(read(multi_site, f"data/{SECOND}.json"))
    assert data["url"]["zh-Hant"] == f"/zh-Hant/{SECOND}/"
    assert data["articles"][0]["url"]["zh-Hans"] == f"/{SECOND}/articles/01/"
    assert data["doc_number"]["zh-Hans"] == "教职成〔2019〕5号"
    assert [paragraph[0]["zh-Hans"] for paragraph in data["closing"]] == ["教育部 财政部", "2019年3月29日"]
    documents = json.loads(read(multi_site, "data/documents.json"))
    assert [(item["slug"], item["url"]["zh-Hans"]) for item in documents] == [(SEED, "/"), (SECOND, f"/{SECOND}/")]


def test_home_lists_every_document(multi_site: Path) -> None:
    home = read(multi_site, "index.html")
    assert '<h1 id="top">政策解读<a class="headerlink"' in home
    assert re.search(r'<h2 id="doc-vocational-education-2021"><a href="articles/">关于推动现代职业教育高质量发展的意见</a>', home)
    assert re.search(rf'<h2 id="doc-{SECOND}"><a href="{SECOND}/">教育部 财政部关于实施中国特色高水平高职学校和专业建设计划的意见</a>', home)
    assert home.index(f'id="doc-{SEED}"') < home.index(f'id="doc-{SECOND}"')
    assert "教职成〔2019〕5号" in home
    english = read(multi_site, "en/index.html")
    assert '<h1 id="top">Policy Explainer<a class="headerlink"' in english
    assert '<a href="articles/">Opinions on Promoting the High-Quality Development of Modern Vocational Education</a>' in english
    assert f'<a href="{SECOND}/">' in english and "Translation pending" in english
    assert "雙高計劃" in read(multi_site, "zh-Hant/index.html")


def test_navigation_has_a_section_per_document(multi_site: Path) -> None:
    html = read(multi_site, f"{SECOND}/articles/01/index.html")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    assert nav.index("推动现代职业教育高质量发展的意见（2021）") < nav.index("双高计划意见（2019）")


def test_untranslated_document_shows_chinese_with_a_pending_notice(multi_site: Path) -> None:
    html = read(multi_site, f"en/{SECOND}/articles/05/index.html")
    assert "Translation pending" in html
    assert '<span class="s missing" id="a05-p1-s1" lang="zh-Hans">将立德树人融入思想道德、文化知识、技术技能培养全过程' in html
    home = read(multi_site, f"en/{SECOND}/index.html")
    assert "Translation pending" in home
    assert '<p lang="zh-Hans">2019年3月，教育部、财政部印发' in home
    assert "Translation pending" not in read(multi_site, "en/articles/05/index.html")


def test_glossary_back_links_reach_pages_of_every_document(multi_site: Path) -> None:
    for prefix in LANG_PREFIXES:
        page = f"{prefix}glossary/index.html"
        html = read(multi_site, page)
        entry = html[html.index('id="double-high-plan"') :]
        entry = entry[: entry.index("</div>")]
        links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', entry)
        targets = [posixpath.normpath(posixpath.join(posixpath.dirname(page), href)) for href, _ in links]
        assert f"{prefix}{SECOND}/articles/01".rstrip("/") not in targets  # 双高计划 is not in article 1
        assert f"{prefix}{SECOND}/qa/1" in targets and f"{prefix}articles/05" in targets
        for target in targets:
            assert (multi_site / target / "index.html").is_file(), target
    english = read(multi_site, "en/glossary/index.html")
    assert f'<a href="../{SECOND}/qa/1/">双高计划意见（2019） · Question 1 ' in english
    assert '<a href="../articles/05/">Opinions on Modern Vocational Education (2021) · Article 5 ' in english


def test_search_spans_documents(multi_site: Path) -> None:
    """One search index per language holds the reading text of every document."""
    from explainer.backend.search import site_records

    for lang, prefix in (("zh-Hans", ""), ("en", "en/"), ("zh-Hant", "zh-Hant/")):
        records = {record.url: record for record in site_records(multi_site, lang)}
        assert f"/{prefix}articles/05/" in records
        second = records[f"/{prefix}{SECOND}/articles/05/"]
        assert second.paragraphs[0].id == "a05-p1"
        assert second.paragraphs[0].text.startswith(("将立德树人融入", "將立德樹人融入"))


def test_translate_drafts_every_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from explainer.translation.machine import translate_project

    project = assemble(tmp_path / "project")
    seed_po = (project / f"translations/en/{SEED}.po").read_text(encoding="utf-8")
    assert translate_project(project, "en", "fake", 5.0, engine=FakeEngine()) == 0
    drafted = polib.pofile(str(project / f"translations/en/{SECOND}.po"))
    entries = {entry.msgctxt: entry for entry in drafted}
    assert entries["docno"].msgstr == "EN[教职成〔2019〕5号]" and "fuzzy" in entries["docno"].flags
    assert entries["end-p2-s1"].msgid == "2019年3月29日"
    assert all(entry.msgstr.startswith("EN[") for entry in drafted)
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith(f"translations/en/{SEED}.po: 0 machine draft(s) added, 222 existing translation(s) kept; file unchanged")
    assert out[1].endswith(f"translations/en/{SECOND}.po: {len(drafted)} machine draft(s) added, 0 existing translation(s) kept")
    assert polib.pofile(str(project / f"translations/en/{SEED}.po")).percent_translated() == 100
    assert "EN[" not in (project / f"translations/en/{SEED}.po").read_text(encoding="utf-8")
    assert (project / f"translations/en/{SEED}.po").read_text(encoding="utf-8") == seed_po
