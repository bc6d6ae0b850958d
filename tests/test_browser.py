"""Browser tests: Playwright driving Debian's chromium against the built site on loopback."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def search(page, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type a query into the header search (fill + keyup: keyboard.type leaves Chinese empty)."""
    if page.is_visible("label[for='__search']"):
        page.click("label[for='__search']", timeout=5000)
    field = page.locator("input.md-search__input")
    field.fill(query)
    field.dispatch_event("keyup")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.getAttribute('href'))")


def test_chinese_search_finds_article_5(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/")
    results = search(page, "双高计划")
    assert any("articles/05/" in href for href in results[:5]), results
