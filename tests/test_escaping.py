"""Every input is hostile: payloads in every field of every input file never run and never reach site/ unescaped.

A copy of the project gets a numbered payload (<script>, <img onerror>, "><svg onload>,
a javascript: link, Jinja syntax) in every free-text field: every line of the source,
every msgstr, every string of terms.yml, documents.yml, the corrections and alignment
files, and the mkdocs.yml strings that reach pages. The build must succeed; every text
file of site/ is scanned for a payload that was not escaped; chromium opens every page
and the search, and the global flag the payloads set must stay unset.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile import RAW_MARKERS, copy_project, plant_everywhere

from explainer.backend.build import build_site

TEXT_SUFFIXES = (".html", ".xml", ".svg", ".tbx", ".js", ".css", ".json", ".txt", ".webmanifest")
"""Files a browser may render or run. CSV is data served as text/csv: its fields hold the payload verbatim, as they must."""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    project = copy_project(tmp_path_factory.mktemp("hostile"), second_document=True)
    fields = plant_everywhere(project)
    build_site(project, strict=True)
    return project / "site", fields


def test_payloads_were_planted_in_every_kind_of_field(hostile_site: tuple[Path, list[str]]) -> None:
    _, fields = hostile_site
    kinds = {re.sub(r"\[\d+\]", "", field.split(":")[0] if ":" in field else field) for field in fields}
    assert {"vocational-education-2021.txt", "double-high-plan-2019.txt", "vocational-education-2021.po", "interface.po"} <= kinds
    assert any(field.startswith("terms.yml.terms") for field in fields) and any(field.startswith("terms.yml.categories") for field in fields)
    assert any(".short_title." in field for field in fields) and any(".about." in field for field in fields)
    assert any(field.startswith("vocational-education-2021.alignment.yml") for field in fields)
    assert any(field.startswith("vocational-education-2021.corrections.yml") for field in fields)
    assert {f"mkdocs.yml.{key}" for key in ("site_description", "copyright", "markdown_extensions.toc.title")} <= set(fields)
    # the source: the title, every part heading, every article, every question
    source_lines = {int(field.rsplit(":", 1)[1]) for field in fields if field.startswith("vocational-education-2021.txt:")}
    assert len(source_lines) >= 55


def test_short_titles_of_several_documents_are_shown_escaped(hostile_site: tuple[Path, list[str]]) -> None:
    """A second document puts each document's short_title into the navigation and the home page."""
    site, _ = hostile_site
    html = (site / "double-high-plan-2019" / "index.html").read_text(encoding="utf-8")
    navigation = html[html.index('class="md-nav md-nav--primary"') : html.index('class="md-nav md-nav--secondary"')]
    assert re.search(r"双高计划意见（2019）&lt;script&gt;window.__xss=\d+&lt;/script&gt;", navigation)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"双高计划意见（2019）&lt;script&gt;window.__xss=\d+&lt;/script&gt;", home)


def test_no_file_of_the_site_holds_an_unescaped_payload(hostile_site: tuple[Path, list[str]]) -> None:
    site, _ = hostile_site
    leaks = []
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in TEXT_SUFFIXES:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for marker in RAW_MARKERS:
            for match in marker.finditer(text):
                leaks.append(f"{path.relative_to(site)}: {text[max(0, match.start() - 60) : match.end() + 20]!r}")
    assert leaks == []


def test_the_payloads_reach_the_pages_as_visible_text(hostile_site: tuple[Path, list[str]]) -> None:
    """Escaped exactly once: readers see the characters as written, never &amp;lt; or a vanished title."""
    site, _ = hostile_site
    html = (site / "en" / "parts" / "2" / "index.html").read_text(encoding="utf-8")
    shown = "Strengthening the Distinctive Features of Vocational Education as a Type of Education&lt;script&gt;window.__xss="
    navigation = html[html.index('class="md-nav md-nav--primary"') : html.index('class="md-nav md-nav--secondary"')]
    assert shown in navigation
    assert re.search(r"R&amp;D(&#x27;|&#39;)s", navigation), "an & and a quote in a title show as written"
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title is not None and shown in title.group(1)
    footer = html[html.index('<footer class="md-footer">') :]
    assert re.search(r'aria-label="Next: Article 4: [^"]*&lt;script&gt;window.__xss=\d+&lt;/script&gt;', footer)
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "&amp;lt;" not in text and "&amp;quot;" not in text and "&amp;#" not in text and "&amp;amp;" not in text, page


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature from the base class
        pass


@pytest.fixture(scope="module")
def hostile_url(hostile_site: tuple[Path, list[str]]) -> Iterator[str]:
    site, _ = hostile_site
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.browser
def test_no_script_runs_on_any_page(browser, hostile_site: tuple[Path, list[str]], hostile_url: str) -> None:  # type: ignore[no-untyped-def]
    from search_bench import ask, open_search

    site, _ = hostile_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    ran: list[str] = []
    pages = sorted(path.relative_to(site).parent.as_posix() for path in site.rglob("index.html"))
    assert len(pages) > 200
    for path in pages:
        page.goto(f"{hostile_url}/{'' if path == '.' else path + '/'}", wait_until="load")
        if page.evaluate("window.__xss") is not None:
            ran.append(f"{path}: payload {page.evaluate('window.__xss')}")
    # Material shows a title as a tooltip on hover (content.tooltips): hover the terms, whose titles are definitions.
    for path in ("en/articles/05/", "articles/05/", "glossary/"):
        page.goto(f"{hostile_url}/{path}", wait_until="load")
        for index in range(min(5, page.locator("a.term, a[title]").count())):
            page.locator("a.term, a[title]").nth(index).hover(force=True)
            page.wait_for_timeout(100)
        if page.evaluate("window.__xss") is not None:
            ran.append(f"{path} tooltips: payload {page.evaluate('window.__xss')}")
    for prefix in ("", "en/", "zh-Hant/"):
        open_search(page, f"{hostile_url}/{prefix}")
        assert ask(page, "onerror"), f"{prefix}: search found no page with the planted text"
        page.wait_for_timeout(300)
        if page.evaluate("window.__xss") is not None:
            ran.append(f"{prefix} search results: payload {page.evaluate('window.__xss')}")
    context.close()
    assert ran == [] and dialogs == []


def test_materials_title_tooltips_show_text(built_site: Path) -> None:
    """The hook patched Material's bundle: a title becomes a tooltip's text, never its markup."""
    from explainer.backend.hooks import HOVER_PATCHED, HOVER_TOOLTIP, PATCHED, TITLE_TOOLTIP

    for bundle in built_site.rglob("assets/javascripts/bundle.*.min.js"):
        code = bundle.read_text(encoding="utf-8")
        assert PATCHED.search(code) and not TITLE_TOOLTIP.search(code), bundle
        assert HOVER_PATCHED.search(code) and not HOVER_TOOLTIP.search(code), bundle
