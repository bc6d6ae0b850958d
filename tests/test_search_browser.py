"""Search in chromium: the query table (tests/data/search_queries.yml), nothing downloaded before
search opens and at most 200 KB to run a query, snippets and paragraph links, the keyboard, a phone,
and zero axe-core violations with the dialog open.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from explainer.config.languages import languages
from explainer.backend.search import bigrams, site_records
from search_bench import (
    FIELD,
    PAYLOAD_LIMIT_KB,
    RESULT_LINKS,
    QueryRun,
    SearchQuery,
    ask,
    cold_query,
    compressed_size,
    load_queries,
    open_search,
    page_load_search_requests,
    run_table,
)
from explainer.render.urls import lang_prefix

LANGUAGES = languages().codes  # the generator's default languages, which the bundled project publishes


pytestmark = pytest.mark.browser

QUERIES = load_queries()
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def table_runs(browser, site_url: str) -> dict[SearchQuery, QueryRun]:  # type: ignore[no-untyped-def]
    """Every query of the table, typed into the search of its language's site."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        runs = run_table(context.new_page(), site_url, QUERIES)
    finally:
        context.close()
    return {run.query: run for run in runs}


@pytest.mark.parametrize("query", QUERIES, ids=lambda query: f"{query.lang}:{query.query}->{query.expect}")
def test_query_finds_its_page_in_the_top_five(table_runs: dict[SearchQuery, QueryRun], query: SearchQuery) -> None:
    run = table_runs[query]
    assert run.hit, f"{query.query!r} on {query.lang} ({query.why}): expected {query.expect} in the top 5, got {run.results[:5]}"


@pytest.fixture
def phone(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def with_module(page, function: str, argument: object) -> object:  # type: ignore[no-untyped-def]
    """Run ``function(search, argument)`` in the page, ``search`` being the module assets/search.js."""
    return page.evaluate(
        f"""async argument => {{
              const dialog = document.querySelector('.md-search');
              const search = await import(new URL(dialog.dataset.module, document.baseURI).href);
              return ({function})(search, argument);
            }}""",
        argument,
    )


SAMPLES = ["学徒制", "实施好“双高计划”，集中力量", "1+X证书 and 2025年", "（十一）拓展校企合作", "税", "𠀀𠀁字", "apprenticeships, dual-qualified"]


def test_the_script_encodes_chinese_as_the_indexer_does(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/")
    encoded = with_module(page, "(search, texts) => texts.map(text => search.bigrams(text).join(' '))", SAMPLES)
    assert encoded == [bigrams(text) for text in SAMPLES]


def test_queries_become_bigrams_at_most_four_per_word(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/")
    queries = [["学徒制", "zh-Hans"], ["税", "zh-Hant"], ["1+X证书 学分银行", "zh-Hans"], ["推进不同层次职业教育", "zh-Hans"], ["Luban Workshops", "en"], ["“”，", "zh-Hans"]]
    terms = with_module(page, "(search, queries) => queries.map(([query, lang]) => search.queryTerms(query, lang))", queries)
    assert terms == ["学徒 徒制", "税", "1+X 证书 学分 分银 银行", "推进 同层 次职 教育", "Luban Workshops", ""]


def test_a_query_is_rewritten_in_the_index_s_script(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/zh-Hant/")
    rewritten = with_module(page, "(search, map) => ['学徒制 1+X', '學徒制', 'Luban'].map(q => search.toIndexScript(q, map))", {"学": "學"})
    assert rewritten == ["學徒制 1+X", "學徒制", "Luban"]


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_decoding_the_index_gives_back_every_paragraph(page, site_url: str, built_site: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The snippets are the text as published: decode(bigrams(text)) == text for every indexed paragraph."""
    texts = [paragraph.text for record in site_records(built_site, lang) for paragraph in record.paragraphs if " " not in paragraph.text]
    assert len(texts) > 50
    page.goto(f"{site_url}/{lang_prefix(lang)}")
    decoded = with_module(page, "(search, all) => all.map(words => search.decode(words, true).chars.join(''))", [bigrams(text).split(" ") for text in texts])
    assert [pair for pair in zip(texts, decoded) if pair[0] != pair[1]] == []  # type: ignore[arg-type]


def test_a_page_downloads_nothing_for_search_until_it_opens(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    for lang in LANGUAGES:
        assert page_load_search_requests(browser, f"{site_url}/{lang_prefix(lang)}articles/05/") == []


@pytest.mark.parametrize("query", [SearchQuery("zh-Hans", "国家资历框架 学分银行", ""), SearchQuery("zh-Hant", "職業本科", ""), SearchQuery("en", "industry-education integration", "")])
def test_one_query_costs_at_most_200_kb_compressed(browser, site_url: str, built_site: Path, query: SearchQuery) -> None:  # type: ignore[no-untyped-def]
    run = cold_query(browser, site_url, query, lambda response: compressed_size(built_site, response.url))
    fetched = {urlparse(url).path for url in run.requests}
    assert any(path.endswith(".pf_index") for path in fetched) and any(path.endswith(".pf_fragment") for path in fetched)
    assert run.bytes <= PAYLOAD_LIMIT_KB * 1024, f"{run.bytes / 1024:.0f} KB: {sorted(fetched)}"


def result_items(page) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(  # type: ignore[no-any-return]
        RESULT_LINKS,
        "links => links.map(link => ({href: link.getAttribute('href'), title: link.querySelector('h1').innerHTML,"
        " snippet: (link.querySelector('p') || {}).innerHTML || ''}))",
    )


def test_results_point_at_the_paragraph_and_highlight_the_match(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    open_search(page, f"{site_url}/")
    ask(page, "学徒制")
    [article] = [item for item in result_items(page) if urlparse(item["href"]).path == "/articles/11/"]
    assert urlparse(article["href"]).fragment == "a11-p1"
    assert "中国特色<mark>学徒制</mark>" in article["snippet"]
    assert article["title"] == "（十一）拓展校企合作形式内容"
    [entry] = [item for item in result_items(page) if urlparse(item["href"]).fragment == "apprenticeship-chinese-characteristics"]
    assert entry["title"] == "中国特色<mark>学徒制</mark>（apprenticeship system with Chinese characteristics）"


def test_english_results_are_stemmed_and_highlighted(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    open_search(page, f"{site_url}/en/")
    ask(page, "apprenticeships")
    [article] = [item for item in result_items(page) if urlparse(item["href"]).path == "/en/articles/11/"]
    assert "<mark>apprenticeship</mark>" in article["snippet"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_results_stay_in_the_page_language(page, site_url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    open_search(page, f"{site_url}/{lang_prefix(lang)}")
    ask(page, {"en": "teachers", "zh-Hans": "教师", "zh-Hant": "教師"}[lang])
    paths = [urlparse(item["href"]).path for item in result_items(page)]
    assert len(paths) >= 5
    others = [lang_prefix(other) for other in LANGUAGES if other != lang and lang_prefix(other)]
    assert [path for path in paths if not path.startswith("/" + lang_prefix(lang)) or any(path.startswith("/" + other) for other in others)] == []


def test_a_query_without_results_says_so(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    open_search(page, f"{site_url}/en/")
    assert ask(page, "zyzzyva") == []
    assert page.text_content(".md-search-result__meta").strip() == "No matching documents"


def test_keyboard_opens_moves_through_and_closes_search(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/articles/05/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    assert page.is_checked("#__search")
    links = ask(page, "鲁班工坊")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == links[0]
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('input.md-search__input')")
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    page.keyboard.press("s")
    assert page.is_checked("#__search") and page.input_value(FIELD) == "鲁班工坊"
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/#luban-workshop")


def test_the_clear_button_empties_the_results(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    open_search(page, f"{site_url}/en/")
    assert ask(page, "credit bank")
    page.click("button[type=reset]")
    assert page.input_value(FIELD) == "" and result_items(page) == []
    assert page.text_content(".md-search-result__meta").strip() == "Type to start searching"
    assert ask(page, "credit bank")


def test_search_works_on_a_phone(phone, site_url: str) -> None:  # type: ignore[no-untyped-def]
    phone.goto(f"{site_url}/zh-Hant/articles/05/")
    assert not phone.is_checked("#__search")
    phone.click("label.md-header__button[for=__search]")
    assert phone.is_checked("#__search") and phone.evaluate("document.activeElement.matches('input.md-search__input')")
    ask(phone, "學徒制")
    first = phone.locator(RESULT_LINKS).first
    assert first.is_visible() and first.bounding_box()["width"] >= PHONE["width"] - 40  # type: ignore[index]
    phone.click("label.md-search__icon[for=__search]")
    assert not phone.is_checked("#__search")


def axe_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes'][:3]]}" for v in results.response["violations"]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_search_with_results_has_no_axe_violations(page, site_url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    open_search(page, f"{site_url}/{lang_prefix(lang)}articles/05/")
    ask(page, {"en": "apprenticeship", "zh-Hans": "学徒制", "zh-Hant": "學徒制"}[lang])
    assert axe_violations(page) == []


def test_open_search_on_a_phone_has_no_axe_violations(phone, site_url: str) -> None:  # type: ignore[no-untyped-def]
    phone.goto(f"{site_url}/articles/05/")
    phone.click("label.md-header__button[for=__search]")
    ask(phone, "经费")
    assert axe_violations(phone) == []
