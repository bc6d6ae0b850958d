"""For teachers and partners, in chromium: copying citations, keyboard use, the language switch,
side-by-side pages on a phone and a desktop, QR codes, print, and zero axe-core
violations on every page type in every language.

Screenshots of the main page types are kept in tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from explainer.render.citation import Citations
from explainer.config.languages import languages
from explainer.config.project import load_project
from explainer.document.parse import parse_file
from explainer.config.site import site_url as public_site_url
from explainer.translation.catalog import Texts, load_catalog, po_path
from explainer.render.urls import DocumentUrls

LANGUAGES = languages().codes  # the generator's default languages, which the bundled project publishes

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SLUG = "vocational-education-2021"
BASE = public_site_url(ROOT)
PREFIXES = {"zh-Hans": "", "en": "en/", "zh-Hant": "zh-Hant/"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def citations() -> dict[str, Citations]:
    document = parse_file(ROOT / "sources" / f"{SLUG}.txt", SLUG)
    texts = Texts(document, {"en": load_catalog(po_path(ROOT, "en", SLUG))})
    official = load_project(ROOT).default.official  # the built site's citations name the issuing bodies and dates
    return {lang: Citations(document, texts, DocumentUrls(""), lang, official) for lang in LANGUAGES}


@pytest.fixture
def clipboard_page(browser, site_url: str) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A desktop page allowed to write and read the clipboard."""
    context = browser.new_context(viewport=DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str, full_page: bool = False) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def wait_until_opaque(page, selector: str) -> None:  # type: ignore[no-untyped-def]
    """The paragraph tools fade in (a short transition): wait until fully shown."""
    page.wait_for_function("s => getComputedStyle(document.querySelector(s)).opacity === '1'", arg=selector, timeout=3000)


def clipboard(page) -> str:  # type: ignore[no-untyped-def]
    return page.evaluate("navigator.clipboard.readText()")


# -- permalinks and citations -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_copy_citation_of_a_paragraph(clipboard_page, site_url: str, citations, lang: str) -> None:  # type: ignore[no-untyped-def]
    page = clipboard_page
    page.goto(f"{site_url}/{PREFIXES[lang]}articles/03/")
    paragraph = page.locator("#a03-p2")
    assert paragraph.locator(".para-tools").evaluate("el => getComputedStyle(el).opacity") == "0"  # until pointed at
    paragraph.hover()
    wait_until_opaque(page, "#a03-p2 .para-tools")
    screenshot(page, f"article-paragraph-tools-{lang}")
    paragraph.locator(".para-cite").click()
    expected = citations[lang].paragraph("a03-p2", BASE)
    page.wait_for_function("text => document.querySelector('.cite-status').textContent.includes(text)", arg=expected)
    assert clipboard(page) == expected


def test_copy_citation_from_the_share_panel(clipboard_page, site_url: str, citations) -> None:  # type: ignore[no-untyped-def]
    page = clipboard_page
    page.goto(f"{site_url}/en/qa/1/")
    page.locator(".share-copy").click()
    page.wait_for_function("() => document.querySelector('.cite-status').textContent.startsWith('Citation copied')")
    unit = citations["en"].qa_item(1)
    assert clipboard(page) == f"{unit.text} {BASE}en/qa/1/"


def test_citation_copied_on_a_side_by_side_page_points_to_the_reading_page(clipboard_page, site_url: str, citations) -> None:  # type: ignore[no-untyped-def]
    page = clipboard_page
    page.goto(f"{site_url}/zh-Hant/parallel/qa/1/")
    page.locator("#q1-p2").hover()
    page.locator("#q1-p2 .para-cite").click()
    page.wait_for_function("() => document.querySelector('.cite-status').textContent.length > 0")
    assert clipboard(page) == citations["zh-Hant"].paragraph("q1-p2", BASE)
    assert clipboard(page).endswith(" https://policy-explainer.github.io/zh-Hant/qa/1/#q1-p2")


def test_permalink_targets_the_paragraph(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/en/articles/03/")
    page.locator("#a03-p2").hover()
    page.locator("#a03-p2 .para-link").click()
    assert page.url.endswith("/en/articles/03/#a03-p2")
    assert page.locator("#a03-p2 .para-link").get_attribute("aria-label") == "Link to paragraph 2"


def test_permalink_and_copy_work_by_keyboard(clipboard_page, site_url: str, citations) -> None:  # type: ignore[no-untyped-def]
    page = clipboard_page
    page.goto(f"{site_url}/en/articles/03/")
    # Start from the paragraph's last link and move on with Tab, as a keyboard user would.
    page.locator("#a03-p1 > .s a").last.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.classList.contains('para-link'), document.activeElement.getAttribute('href')]")
    assert focused == [True, "#a03-p1"]
    style = page.evaluate("() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth] }")
    assert style == ["solid", "2px"]  # a visible focus ring
    wait_until_opaque(page, "#a03-p1 .para-tools")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Copy the citation of paragraph 1"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.cite-status').textContent.length > 0")
    assert clipboard(page) == citations["en"].paragraph("a03-p1", BASE)
    assert page.evaluate("() => document.querySelector('.cite-status').getAttribute('role')") == "status"


# -- language switch and glossary tooltips -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "target_lang", "expected"),
    [
        ("articles/05/", "en", "en/articles/05/"),
        ("en/qa/3/", "zh-Hant", "zh-Hant/qa/3/"),
        ("zh-Hant/parallel/articles/05/", "zh-Hans", "parallel/articles/05/"),
        ("en/print/", "zh-Hans", "print/"),
    ],
)

def test_language_switch_stays_on_the_same_page(page, site_url: str, start: str, target_lang: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{start}")
    page.hover(".md-select")
    page.click(f'a.md-select__link[hreflang="{target_lang}"]')
    page.wait_for_load_state()
    assert page.url == f"{site_url}/{expected}"
    assert page.evaluate("document.documentElement.lang") == target_lang


# -- side-by-side pages ------------------------------------------------------------------------------------


def row_boxes(page, row: str) -> tuple[dict, dict]:  # type: ignore[no-untyped-def, type-arg]
    cells = page.locator(f"#{row} > p")
    return cells.nth(0).bounding_box(), cells.nth(1).bounding_box()


def test_side_by_side_on_a_desktop(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/parallel/articles/05/")
    chinese, english = row_boxes(page, "a05-p1-s3")
    assert abs(chinese["y"] - english["y"]) < 2  # same row
    assert english["x"] >= chinese["x"] + chinese["width"]  # English to the right
    assert page.locator("#a05-p1-s3 > p").nth(1).get_attribute("lang") == "en"
    assert page.locator(".par-head").is_visible()
    screenshot(page, "parallel-article-zh-Hans-desktop")
    page.goto(f"{site_url}/en/parallel/")
    assert page.locator("h3#a22").is_visible() and page.locator("h3#q8").is_visible()
    screenshot(page, "parallel-document-en-desktop")


def test_side_by_side_stacks_on_a_phone(phone, site_url: str) -> None:  # type: ignore[no-untyped-def]
    phone.goto(f"{site_url}/zh-Hant/parallel/articles/05/")
    chinese, english = row_boxes(phone, "a05-p1-s3")
    assert english["y"] >= chinese["y"] + chinese["height"]  # English under its Chinese sentence
    assert abs(chinese["x"] - english["x"]) < 20
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    assert not phone.locator(".par-head").is_visible()
    screenshot(phone, "parallel-article-zh-Hant-phone", full_page=True)


@pytest.mark.parametrize(("path", "link"), [("articles/05/", "parallel/articles/05/"), ("en/qa/3/", "en/parallel/qa/3/")])
def test_side_by_side_page_is_reachable_from_the_reading_page(page, site_url: str, path: str, link: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{path}")
    page.click("a.to-parallel")
    page.wait_for_load_state()
    assert page.url == f"{site_url}/{link}"


# -- QR codes ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_qr_code_in_the_share_panel(page, site_url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{PREFIXES[lang]}qa/3/")
    qr = page.locator(".share img.share-qr")
    qr.scroll_into_view_if_needed()
    page.wait_for_function("() => { const img = document.querySelector('.share-qr'); return img.complete && img.naturalWidth > 0 }")
    assert qr.evaluate("img => img.currentSrc") == f"{site_url}/{PREFIXES[lang]}qa/3/qr.svg"
    assert f"{BASE}{PREFIXES[lang]}qa/3/" in qr.get_attribute("alt")
    box = qr.bounding_box()
    assert box["width"] >= 100 and box["width"] == box["height"]
    response = page.request.get(f"{site_url}/{PREFIXES[lang]}qa/3/qr.svg")
    assert response.ok and response.headers["content-type"].startswith("image/svg+xml")
    assert page.locator(".share-url a").inner_text() == f"{BASE}{PREFIXES[lang]}qa/3/"
    if lang == "en":
        page.locator(".share").screenshot(path=str(ARTIFACTS / "share-panel-en.png"))


# -- print ----------------------------------------------------------------------------------------------------------


def test_print_shows_title_citation_and_link_urls_without_navigation(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/en/articles/03/")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".page-tools", ".pager", ".md-footer", ".share-links"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("#a03-p1 .para-tools").evaluate("el => getComputedStyle(el).display") == "none"
    cite = page.locator(".print-cite")
    assert cite.is_visible()
    assert cite.inner_text() == (
        "General Office of the CPC Central Committee and General Office of the State Council, Opinions on Promoting the "
        "High-Quality Development of Modern Vocational Education (12 October 2021), Art. 3\nhttps://policy-explainer.github.io/en/articles/03/"
    )
    title, citation = page.locator("h1").bounding_box(), cite.bounding_box()
    assert title["y"] < citation["y"] < page.locator("#a03-p1").bounding_box()["y"]  # title and citation on top
    after = page.locator(".explained-source a").first.evaluate("a => getComputedStyle(a, '::after').content")
    assert after.startswith('" <https://policy-explainer.github.io/en/qa/') and after.endswith('>"')
    assert page.locator("a.term").first.evaluate("a => getComputedStyle(a, '::after').content") == "none"
    screenshot(page, "print-article-en", full_page=True)


def test_printable_full_text_page(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/zh-Hant/print/")
    page.emulate_media(media="print")
    assert page.locator("h1").inner_text().startswith("關於推動現代職業教育高質量發展的意見")
    assert page.locator("h3#a22").is_visible() and page.locator("h3#q8").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 50_000


# -- nothing from elsewhere, nothing wasted -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["en/articles/05/", "parallel/", "zh-Hant/print/", "qa/3/"])
def test_pages_request_nothing_from_other_hosts_and_nothing_missing(page, site_url: str, path: str) -> None:  # type: ignore[no-untyped-def]
    requests: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("networkidle")
    own = urlparse(site_url).netloc
    assert [url for url in requests if urlparse(url).netloc != own] == []
    assert failed == []
    # The hreflang alternates are in the document (hidden from the theme's sitemap lookup only while it runs).
    assert page.locator('link[rel="alternate"][hreflang]').count() == 4


# -- accessibility -----------------------------------------------------------------------------------------------------

PAGE_TYPES = {
    "home": "",
    "article": "articles/05/",
    "part": "parts/2/",
    "qa": "qa/3/",
    "glossary": "glossary/",
    "parallel-article": "parallel/articles/05/",
    "parallel-qa": "parallel/qa/3/",
    "parallel-document": "parallel/",
    "print": "print/",
    "not-found": "404.html",
}


def axe_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes'][:3]]}" for v in results.response["violations"]]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_zero_axe_violations(page, site_url: str, kind: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{PREFIXES[lang]}{PAGE_TYPES[kind]}")
    assert axe_violations(page) == []
    if kind in ("home", "article", "qa", "glossary") and lang in ("zh-Hans", "en"):
        screenshot(page, f"{kind}-{lang}-desktop")


@pytest.mark.parametrize("path", ["parallel/articles/05/", "en/articles/05/", "zh-Hant/qa/3/"])
def test_zero_axe_violations_on_a_phone(phone, site_url: str, path: str) -> None:  # type: ignore[no-untyped-def]
    phone.goto(f"{site_url}/{path}")
    assert axe_violations(phone) == []
