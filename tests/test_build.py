"""A strict build of the bundled project: the exact output paths, data export, no third-party hosts."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

from explainer.config.site import site_url

ROOT = Path(__file__).resolve().parent.parent
THEME_ASSETS = ("assets/javascripts/", "assets/stylesheets/", "assets/images/")


def site_paths(site: Path) -> list[str]:
    """Every output file except Material's own theme assets (versioned by the pinned theme).

    Precompressed siblings (.gz, .br) and the content hashes in our asset names
    are left out: tests/test_publish.py checks those, and an edit of a stylesheet
    must not change this list.
    """
    paths = [path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()]
    paths = [HASHED_ASSET.sub(r".\1", path) for path in paths if not path.endswith((".gz", ".br")) and not SEARCH_CHUNK.search(path)]
    return sorted(path for path in paths if not any(f"{prefix}" in path for prefix in THEME_ASSETS))


HASHED_ASSET = re.compile(r"\.[0-9a-f]{8}\.(css|js)$")
SEARCH_CHUNK = re.compile(r"(^|/)pagefind/(index/|fragment/|filter/|pagefind\..+\.pf_meta$)")
"""Pagefind's index chunks, named by content hash: any text edit renames them (tests/test_search.py checks the bundle)."""


def test_output_paths_match_golden(built_site: Path, golden) -> None:  # type: ignore[no-untyped-def]
    golden("site-paths.txt", "\n".join(site_paths(built_site)) + "\n")


def test_every_page_exists_in_three_languages(built_site: Path) -> None:
    for prefix in ("", "en/", "zh-Hant/"):
        for number in range(1, 23):
            assert (built_site / f"{prefix}articles/{number:02d}/index.html").is_file()
        for number in range(1, 8):
            assert (built_site / f"{prefix}parts/{number}/index.html").is_file()
        for number in range(1, 9):
            assert (built_site / f"{prefix}qa/{number}/index.html").is_file()


def test_article_page_content(built_site: Path) -> None:
    html = (built_site / "articles/05/index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans"' in html
    assert 'id="a05"' in html and 'id="a05-p1"' in html and 'id="a05-p1-s3"' in html
    assert re.search(r'实施好“<a class="term" [^>]*href="../../glossary/#double-high-plan"', html)
    assert 'href="../04/"' in html and 'href="../06/"' in html  # previous / next article
    assert 'href="../../parts/2/"' in html  # its part


def test_headings_have_ascii_ids(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        for heading_id in re.findall(r'<h[1-6][^>]* id="([^"]*)"', path.read_text(encoding="utf-8")):
            assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", heading_id), f"{path}: heading id {heading_id!r}"
            assert not re.fullmatch(r"_\d+", heading_id), f"{path}: slugified heading id {heading_id!r}"


def test_data_export_shape(built_site: Path) -> None:
    documents = json.loads((built_site / "data/documents.json").read_text(encoding="utf-8"))
    assert documents[0]["slug"] == "vocational-education-2021"
    assert documents[0]["title"] == "关于推动现代职业教育高质量发展的意见"
    data = json.loads((built_site / "data/vocational-education-2021.json").read_text(encoding="utf-8"))
    assert set(data) >= {"slug", "title", "preamble", "parts", "articles", "qa_title", "qa_intro", "qa", "url", "dropped"}
    assert {lang: data["url"][lang] for lang in ("zh-Hans", "en", "zh-Hant")} == {"zh-Hans": "/", "en": "/en/", "zh-Hant": "/zh-Hant/"}
    article = data["articles"][4]
    assert article["number"] == 5 and article["part"] == 2
    assert {lang: article["url"][lang] for lang in ("zh-Hans", "en", "zh-Hant")} == {"zh-Hans": "/articles/05/", "en": "/en/articles/05/", "zh-Hant": "/zh-Hant/articles/05/"}
    assert article["title"]["id"] == "a05-t" and article["title"]["zh-Hans"] == "推进不同层次职业教育纵向贯通"
    assert article["paragraphs"][0][0]["id"] == "a05-p1-s1"
    assert data["parts"][1] | {"title": None} == {"number": 2, "title": None, "articles": [4, 5, 6], "url": {"zh-Hans": "/parts/2/", "en": "/en/parts/2/", "zh-Hant": "/zh-Hant/parts/2/"}}
    item = data["qa"][0]
    assert item["number"] == 1 and item["question"]["zh-Hans"] == "请介绍一下《意见》出台的背景和过程。"
    assert item["url"]["en"] == "/en/qa/1/"
    assert len(item["answer"]) == 2


OWN_HOST = urlparse(site_url(ROOT)).netloc
RESOURCE_ATTRIBUTES = re.compile(r'<(?:script|img|iframe|source|link|video|audio)\b[^>]*?\b(?:src|href|srcset)="([^"]+)"', re.I)
CSS_URLS = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])(https?:)?//([^/'\")\s]+)", re.I)


def test_every_file_is_readable_by_a_web_server(built_site: Path) -> None:
    # Atomic writes go through private temporary files; a server running as another user must still read them.
    private = [path.relative_to(built_site).as_posix() for path in built_site.rglob("*") if path.stat().st_mode & 0o444 != 0o444]
    assert private == []


def test_no_third_party_requests(built_site: Path) -> None:
    """Nothing a page loads comes from another host (no Google Fonts, no CDN)."""
    offenders = []
    for path in built_site.rglob("*.html"):
        for url in RESOURCE_ATTRIBUTES.findall(path.read_text(encoding="utf-8")):
            host = urlparse(url).netloc
            if host and host != OWN_HOST:
                offenders.append(f"{path.relative_to(built_site)}: {url}")
    for path in built_site.rglob("*.css"):
        for _, host in CSS_URLS.findall(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(built_site)}: {host}")
    assert offenders == []
    assert "fonts.googleapis.com" not in (built_site / "index.html").read_text(encoding="utf-8")


def test_folders_of_killed_builds_are_removed(tmp_path: Path) -> None:
    import os

    from explainer.backend.build import remove_abandoned

    dead = tmp_path / "work-999999999-abc"  # above Linux's pid_max: no such process
    alive = tmp_path / f"work-{os.getpid()}-abc"
    unrelated = tmp_path / "work-notapid"
    for folder in (dead, alive, unrelated):
        folder.mkdir()
    remove_abandoned(tmp_path, "work-")
    assert not dead.exists() and alive.exists() and unrelated.exists()


def test_materials_own_search_code_is_not_published(built_site: Path) -> None:
    # Pagefind is the site's search: lunr and Material's search worker would be 1.2 MB of dead files per language.
    for prefix in ("", "en/", "zh-Hant/"):
        assets = built_site / prefix / "assets" / "javascripts"
        assert sorted(path.name for path in assets.iterdir() if path.is_dir()) == []
        assert any(assets.glob("bundle.*.min.js"))
