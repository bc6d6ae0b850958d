"""Search quality and payload, measured in a browser: the query table, recall@5, bytes per query.

``tests/data/search_queries.yml`` lists what readers type on each language's
site and the page that must come among the first five results. The browser test
(tests/test_search.py) requires every row to pass; ``make bench`` prints
recall@5 per language and the bytes a reader downloads to run one query from a
cold cache (:func:`search_section`, registered in scripts/bench.py).

Bytes are counted as a static server with precompressed files sends them
(nginx ``gzip_static``, as the bench serves the site): a file's ``.gz`` sibling
when the build wrote one, else the file itself (Pagefind's index files are
compressed already). :func:`compressed_size` does that from the built files, so
the test needs no compressing server.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from explainer.common.errors import InputError
from explainer.config.languages import languages
from explainer.backend.search import BUNDLE_DIR, index_language, language_root
from explainer.render.urls import lang_prefix
from explainer.common.yamlfile import load_yaml

LANGUAGES = languages().codes  # the generator's default languages, which the bundled project publishes


QUERIES = Path(__file__).resolve().parent.parent / "tests" / "data" / "search_queries.yml"
TOP = 5
PAYLOAD_LIMIT_KB = 200
"""Issue 8: at most this much (compressed) to run one query."""

FIELD = "input.md-search__input"
RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"


@dataclass(frozen=True)
class SearchQuery:
    """One row of the query table."""

    lang: str
    query: str
    expect: str
    why: str = ""


@dataclass
class QueryRun:
    """What one query returned in the browser, and what it downloaded."""

    query: SearchQuery
    results: list[str]
    bytes: int = 0
    requests: list[str] = field(default_factory=list)

    @property
    def hit(self) -> bool:
        return self.query.expect in self.results[:TOP]


def load_queries(path: Path = QUERIES) -> list[SearchQuery]:
    """The query table; a malformed row is reported as ``file:line: message``."""
    table = load_yaml(path)
    if not isinstance(table, dict):
        raise InputError(str(path), 1, "expected a mapping of languages to lists of queries")
    queries = []
    for lang, rows in table.items():
        if lang not in LANGUAGES:
            raise InputError(str(path), table.key_line(lang), f"unknown language {lang!r}, expected one of {', '.join(LANGUAGES)}")
        if not isinstance(rows, list):
            raise InputError(str(path), table.key_line(lang), f"expected a list of queries for {lang}")
        for row, line in zip(rows, rows.lines):
            if not isinstance(row, dict) or not row.get("query") or not row.get("expect"):
                raise InputError(str(path), line, "expected a row with a query and the page it must find (expect)")
            queries.append(SearchQuery(lang, str(row["query"]), str(row["expect"]), str(row.get("why", ""))))
    return queries


def result_path(href: str, lang: str) -> str:
    """A result link → the page path the table uses: ``/en/articles/05/#a05-p1`` → ``articles/05/``.

    Glossary entries keep their anchor (``glossary/#double-high-plan``): the entry is the result.
    """
    parsed = urlparse(href)
    path = unquote(parsed.path)
    prefix = "/" + lang_prefix(lang)
    path = path[len(prefix):] if path.startswith(prefix) else path.lstrip("/")
    if path.endswith("glossary/") and parsed.fragment:
        return f"{path}#{parsed.fragment}"
    return path


def compressed_size(site_dir: Path, url: str) -> int:
    """Bytes a precompressing static server sends for ``url`` (its ``.gz`` sibling if the build wrote one)."""
    path = unquote(urlparse(url).path)
    target = site_dir / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    for candidate in (target.with_name(target.name + ".gz"), target):
        if candidate.is_file():
            return candidate.stat().st_size
    return 0


def open_search(page: Any, url: str | None = None) -> None:
    """Open the search field of the page at ``url`` (or of the page already loaded), as a click on it does."""
    if url is not None:
        page.goto(url)
    page.focus(FIELD)
    page.wait_for_function(
        "() => { const meta = document.querySelector('.md-search-result__meta');"
        " return meta && document.querySelector('.md-search-result__list').dataset.query !== undefined; }",
        timeout=15000,
    )


def ask(page: Any, text: str) -> list[str]:
    """Type ``text`` into the open search field; the result links once the results for it are shown.

    fill() then an input event: typing Chinese with keyboard.type leaves the field empty.
    """
    page.fill(FIELD, text)
    page.dispatch_event(FIELD, "input")
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__list').dataset.query === text", arg=text, timeout=15000
    )
    return page.eval_on_selector_all(RESULT_LINKS, "links => links.map(link => link.getAttribute('href'))")  # type: ignore[no-any-return]


def run_table(page: Any, site_url: str, queries: list[SearchQuery]) -> list[QueryRun]:
    """Every query in one page per language (a warm cache: for result quality, not for bytes)."""
    runs = []
    opened = ""
    for query in queries:
        if opened != query.lang:
            open_search(page, f"{site_url.rstrip('/')}/{lang_prefix(query.lang)}")
            opened = query.lang
        hrefs = ask(page, query.query)
        runs.append(QueryRun(query, [result_path(href, query.lang) for href in hrefs]))
    return runs


def cold_query(browser: Any, site_url: str, query: SearchQuery, size: Callable[[Any], int]) -> QueryRun:
    """One query from a cold cache: load the page, then count everything fetched from opening search to the results."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{site_url.rstrip('/')}/{lang_prefix(query.lang)}")
        page.wait_for_load_state("networkidle")
        responses: list[Any] = []
        page.on("response", lambda response: responses.append(response))
        open_search(page)
        hrefs = ask(page, query.query)
        page.wait_for_load_state("networkidle")
        return QueryRun(query, [result_path(href, query.lang) for href in hrefs], sum(size(response) for response in responses),
                        [response.url for response in responses])
    finally:
        context.close()


def page_load_search_requests(browser: Any, url: str) -> list[str]:
    """Requests for search made while a page loads and the reader does not touch search (there must be none)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        return [request for request in requests if "pagefind" in request or "search" in urlparse(request).path]
    finally:
        context.close()


def recall(runs: list[QueryRun], lang: str) -> float:
    """Share of a language's queries whose expected page is in the top five."""
    own = [run for run in runs if run.query.lang == lang]
    return sum(run.hit for run in own) / len(own) if own else 0.0


# --- make bench ------------------------------------------------------------------------------------


def search_section(bench: Any) -> list[Any]:
    """``make bench``: recall@5 per language, bytes per query from a cold cache (gzip, as nginx sends them)."""
    import sys

    row = sys.modules[type(bench).__module__].Row  # scripts/bench.py's table row, beside its Bench
    from playwright.sync_api import sync_playwright

    site_url = bench.served_url()
    queries = load_queries()
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_context().new_page()
            start = time.perf_counter()
            runs = run_table(page, site_url, queries)
            seconds = (time.perf_counter() - start) / len(queries)
            for lang in LANGUAGES:
                own = [run for run in runs if run.query.lang == lang]
                missed = [f"{run.query.query}→{run.query.expect}" for run in own if not run.hit]
                value = recall(runs, lang)
                rows.append(row("search", f"{lang}: recall@5 ({len(own)} queries)", value, "", limit=1.0, at_least=True,
                                ok=value >= 1.0, note=("missed: " + ", ".join(missed)) if missed else ""))
            rows.append(row("search", "time per query, warm (type → results shown)", seconds * 1000, "ms"))
            transferred = lambda response: response.request.sizes()["responseBodySize"]  # noqa: E731 - what came over the wire
            cold = [cold_query(browser, site_url, query, transferred) for query in queries]
            for lang in LANGUAGES:
                sizes = [run.bytes / 1024 for run in cold if run.query.lang == lang]
                worst = max(sizes)
                rows.append(row("search", f"{lang}: KB fetched per query, cold cache (median / max)", f"{statistics.median(sizes):.0f} / {worst:.0f}",
                                limit=PAYLOAD_LIMIT_KB, ok=worst <= PAYLOAD_LIMIT_KB, note="from opening search to the results"))
            site = bench.built_site()
            for lang in LANGUAGES:
                chunks = list((language_root(site, lang) / BUNDLE_DIR / "index").glob(index_language(lang).lower() + "_*"))
                size = sum(chunk.stat().st_size for chunk in chunks) / 1024
                rows.append(row("search", f"{lang}: whole index, compressed", size, "KB", note=f"{len(chunks)} chunks; a query loads those its words fall in"))
            loading = page_load_search_requests(browser, site_url + "articles/05/")
            rows.append(row("search", "search requests while a page loads", len(loading), "", limit=0, ok=not loading, note=", ".join(loading)))
        finally:
            browser.close()
    return rows
