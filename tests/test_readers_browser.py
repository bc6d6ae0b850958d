"""What readers meet first (issue 14), in chromium, on a phone-sized touch screen and a desktop:
the home page and its picture, term cards, search that says what it finds, links that land,
side-by-side pages that lead on, the glossary index and filter, the 404 page, keyboard and contrast.

Screenshots of the home page and of a term card go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from explainer.config.languages import languages

LANGUAGES = languages().codes  # the generator's default languages, which the bundled project publishes

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
PREFIXES = {"zh-Hans": "", "en": "en/", "zh-Hant": "zh-Hant/"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
DOUBLE_HIGH = {
    "zh-Hans": ("双高计划", "Double High-Level Plan", "shuāng gāo jì huà"),
    "en": ("Double High-Level Plan", "双高计划", None),
    "zh-Hant": ("雙高計劃", "Double High-Level Plan", "shuāng gāo jì huà"),
}


@pytest.fixture
def phone(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture(params=["phone", "desktop"])
def screen(request, browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A phone-sized touch screen or a desktop; ``screen.touch`` says which."""
    if request.param == "phone":
        context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    else:
        context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.touch = request.param == "phone"
    yield page
    context.close()


def activate(page, selector: str) -> None:  # type: ignore[no-untyped-def]
    """A tap on a touch screen, a click on a desktop."""
    if page.touch:
        page.locator(selector).first.tap()
    else:
        page.locator(selector).first.click()


def screenshot(page, name: str, full_page: bool = False) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def axe_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes'][:3]]}" for v in results.response["violations"]]


# -- the home page ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_orients(screen, site_url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    screen.goto(f"{site_url}/{PREFIXES[lang]}")
    assert screen.locator(".home-summary").inner_text().count("。" if lang != "en" else ". ") >= 1
    years = screen.locator(".home-target__year").all_inner_texts()
    assert years == ["2025", "2035"]
    assert screen.locator(".home-target").first.get_attribute("href") == "articles/03/#a03-p1-s1"
    parts = screen.locator(".home-parts > li")
    assert parts.count() == 7
    assert all(parts.nth(i).locator(".home-part__line").count() == 1 for i in range(7))
    assert sum(parts.nth(i).locator(".home-part__articles a").count() for i in range(7)) == 22
    ways = {link.get_attribute("href") for link in screen.locator(".home-ways a").all()}
    assert {"articles/", "qa/", "glossary/", "parallel/"} <= ways
    cards = screen.locator(".home-card")
    assert cards.count() >= 4
    links = [a.get_attribute("href") for a in cards.first.locator(".home-card__links a").all()]
    assert links[0].startswith("articles/05/") and re.match(r"qa/\d/#q\d-p\d+-s\d+$", links[1]), links
    # On a phone the ways in are on the first screen.
    assert screen.locator(".home-ways").bounding_box()["y"] < (PHONE if screen.touch else DESKTOP)["height"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_picture_of_the_document_is_links_and_text(screen, site_url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    screen.goto(f"{site_url}/{PREFIXES[lang]}")
    shown = ".doc-map__svg--narrow" if screen.touch else ".doc-map__svg--wide"
    hidden = ".doc-map__svg--wide" if screen.touch else ".doc-map__svg--narrow"
    assert screen.locator(shown).is_visible() and not screen.locator(hidden).is_visible()
    svg = screen.locator(shown)
    assert svg.get_attribute("role") == "group" and svg.locator("title").text_content()
    boxes = svg.locator("a")
    hrefs = [boxes.nth(i).get_attribute("href") for i in range(boxes.count())]
    assert {f"parts/{n}/" for n in range(1, 8)} <= set(hrefs)
    assert {f"articles/{n:02d}/" for n in range(1, 23)} <= set(hrefs)
    assert {f"qa/{n}/" for n in range(1, 9)} <= {href.split("#")[0] for href in hrefs}
    # Every box holds its label as text; the text is readable without zooming.
    assert all(boxes.nth(i).locator("text").text_content().strip() for i in range(boxes.count()))
    font = svg.evaluate("svg => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width * 13")
    assert font >= 12, font
    # The picture's reading order follows the document: part I, its articles, part II…
    assert hrefs.index("parts/1/") < hrefs.index("articles/01/") < hrefs.index("parts/2/") < hrefs.index("articles/04/")
    first_article = svg.locator('a[href="articles/05/"]').first
    if screen.touch:
        first_article.tap()
    else:
        first_article.click()
    screen.wait_for_url("**/articles/05/")


def test_home_page_screenshots(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]
    for name, options, path in (("home-en-desktop", {"viewport": DESKTOP}, "en/"), ("home-zh-Hans-phone", {"viewport": PHONE, "is_mobile": True, "has_touch": True}, "")):
        context = browser.new_context(**options)
        page = context.new_page()
        page.goto(f"{site_url}/{path}")
        screenshot(page, name, full_page=True)
        context.close()


# -- term cards ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_term_opens_a_card_and_leaves_the_page_only_by_its_link(screen, site_url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    url = f"{site_url}/{PREFIXES[lang]}articles/05/"
    screen.goto(url)
    activate(screen, 'a.term[href$="#double-high-plan"]')
    card = screen.locator(".term-card")
    card.wait_for(state="visible", timeout=5000)
    assert screen.url == url  # no navigation
    term, other, pinyin = DOUBLE_HIGH[lang]
    assert card.locator(".term-card__term").inner_text() == term
    assert card.locator(".term-card__other").inner_text() == other
    assert card.locator(".term-card__pinyin").count() == (1 if pinyin else 0)
    if pinyin:
        assert card.locator(".term-card__pinyin").inner_text() == pinyin
    assert len(card.locator(".term-card__def").inner_text()) > 20
    assert card.get_attribute("role") == "dialog" and screen.evaluate("document.activeElement.classList.contains('term-card')")
    size = float(card.locator(".term-card__def").evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    assert size >= 14, size
    box = card.bounding_box()
    if screen.touch:  # a bottom sheet
        assert abs(box["y"] + box["height"] - PHONE["height"]) <= 1 and box["width"] >= PHONE["width"] - 1
    # A tap or click outside closes it, still without navigation.
    activate(screen, "h1")
    card.wait_for(state="detached", timeout=5000)
    assert screen.url == url
    # The card's link leads to the entry.
    activate(screen, 'a.term[href$="#double-high-plan"]')
    activate(screen, ".term-card__entry")
    screen.wait_for_url("**/glossary/#double-high-plan")


def test_term_cards_work_by_keyboard_and_escape(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/en/articles/05/")
    term = page.locator('a.term[href$="#double-high-plan"]')
    term.focus()
    assert term.get_attribute("aria-haspopup") == "dialog" and term.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    card = page.locator(".term-card")
    card.wait_for(state="visible")
    assert term.get_attribute("aria-expanded") == "true"
    name = page.evaluate("document.getElementById(document.activeElement.getAttribute('aria-labelledby')).textContent")
    assert name == "Double High-Level Plan"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('term-card__close')")
    page.keyboard.press("Escape")
    card.wait_for(state="detached")
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith("#double-high-plan")
    assert page.url.endswith("/en/articles/05/")


def test_term_card_on_a_phone_screenshot_and_axe(phone, site_url: str) -> None:  # type: ignore[no-untyped-def]
    phone.goto(f"{site_url}/zh-Hant/articles/05/")
    phone.locator('a.term[href$="#double-high-plan"]').tap()
    phone.locator(".term-card").wait_for(state="visible")
    screenshot(phone, "term-card-zh-Hant-phone")
    assert axe_violations(phone) == []


def test_no_page_promises_hover(built_site: Path) -> None:
    for path in ("index.html", "glossary/index.html", "en/index.html", "en/glossary/index.html", "zh-Hant/index.html"):
        text = (built_site / path).read_text(encoding="utf-8")
        assert "鼠标悬停" not in text and "滑鼠懸停" not in text and "point at them" not in text and "point at it" not in text, path


# -- search ------------------------------------------------------------------------------------------------


def ask(page, query: str) -> None:  # type: ignore[no-untyped-def]
    field = page.locator("input.md-search__input")
    field.fill(query)
    field.dispatch_event("keyup")
    page.wait_for_function("q => document.querySelector('.md-search-result__list').dataset.query === q", arg=query, timeout=15000)


def open_search(page) -> None:  # type: ignore[no-untyped-def]
    if page.touch:
        page.locator("label.md-header__button[for=__search]").tap()
    else:
        page.locator("input.md-search__input").focus()


@pytest.mark.parametrize("lang,query", [("zh-Hant", "技能"), ("en", "skills"), ("zh-Hans", "教育")])
def test_every_result_the_count_announces_can_be_reached(screen, site_url: str, lang: str, query: str) -> None:  # type: ignore[no-untyped-def]
    screen.goto(f"{site_url}/{PREFIXES[lang]}")
    open_search(screen)
    ask(screen, query)
    count = int(re.search(r"\d+", screen.locator(".md-search-result__meta").inner_text()).group())
    items = screen.locator(".md-search-result__item")
    assert count > 10 and items.count() < count
    for _ in range(count):
        if not screen.locator(".search-more").is_visible():
            break
        before = items.count()
        activate(screen, ".search-more")
        screen.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length > n", arg=before)
    assert items.count() == count
    links = [urlparse(href).path + "#" + urlparse(href).fragment for href in items.locator("a").evaluate_all("ls => ls.map(a => a.href)")]
    assert len(set(links)) == count  # no result twice


@pytest.mark.parametrize(
    "lang,query,where,path",
    [
        ("en", "apprenticeship", "Art. 11", "/en/articles/11/"),
        ("en", "industry-education integration", "Q&A 6", "/en/qa/6/"),
        ("en", "credit bank", "Glossary", "/en/glossary/"),
        ("zh-Hans", "学分银行", "第六条", "/articles/06/"),
        ("zh-Hans", "产教融合", "问6", "/qa/6/"),
        ("zh-Hant", "雙高計劃", "術語表", "/zh-Hant/glossary/"),
    ],
)
def test_results_say_where_they_are(page, site_url: str, lang: str, query: str, where: str, path: str) -> None:  # type: ignore[no-untyped-def]
    page.touch = False
    page.goto(f"{site_url}/{PREFIXES[lang]}")
    open_search(page)
    ask(page, query)
    labelled = page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(i => [i.querySelector('.search-where')?.textContent || '', new URL(i.querySelector('a').href).pathname])"
    )
    assert [where, path] in labelled, labelled


@pytest.mark.parametrize(
    "lang,query,path",
    [
        ("zh-Hans", "第五条", "/articles/05/"),
        ("zh-Hans", "第5条", "/articles/05/"),
        ("zh-Hans", "第（五）条", "/articles/05/"),
        ("zh-Hans", "(五)", "/articles/05/"),
        ("zh-Hans", "第二部分", "/parts/2/"),
        ("zh-Hans", "问4", "/qa/4/"),
        ("zh-Hant", "第五條", "/zh-Hant/articles/05/"),
        ("en", "Article 5", "/en/articles/05/"),
        ("en", "Art. 5", "/en/articles/05/"),
        ("en", "Part II", "/en/parts/2/"),
        ("en", "Q&A 4", "/en/qa/4/"),
    ],
)
def test_numbers_as_readers_type_them_find_the_page_first(screen, site_url: str, lang: str, query: str, path: str) -> None:  # type: ignore[no-untyped-def]
    screen.goto(f"{site_url}/{PREFIXES[lang]}")
    open_search(screen)
    ask(screen, query)
    first = screen.locator(".md-search-result__item a").first.get_attribute("href")
    assert urlparse(first).path == path


# -- links that land -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_explained_in_the_q_and_a_is_under_the_heading_and_its_link_lands_marked(screen, site_url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    screen.goto(f"{site_url}/{PREFIXES[lang]}articles/12/")
    line = screen.locator(".explained-line")
    assert line.bounding_box()["y"] < (PHONE if screen.touch else DESKTOP)["height"] * 0.6
    target = line.locator("a[href*='qa/']").first
    sentence = urlparse(target.get_attribute("href")).fragment
    activate(screen, ".explained-line a[href*='qa/']")
    screen.wait_for_url(f"**#{sentence}")
    marked = screen.locator(".landed")
    marked.wait_for(state="visible")
    assert marked.get_attribute("id") == sentence
    box, height = marked.bounding_box(), (PHONE if screen.touch else DESKTOP)["height"]
    assert 0 <= box["y"] < height
    activate(screen, ".landed-clear")
    assert screen.locator(".landed").count() == 0


@pytest.mark.parametrize("start,switch_to,expected", [("en/articles/05/#a05-p1", "zh-Hans", "/articles/05/#a05-p1"), ("zh-Hant/qa/3/#q3-p1-s2", "en", "/en/qa/3/#q3-p1-s2")])
def test_the_language_switch_keeps_the_anchor(screen, site_url: str, start: str, switch_to: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    screen.goto(f"{site_url}/{start}")
    activate(screen, ".md-header__option .md-select > button")
    activate(screen, f'.md-select__link[hreflang="{switch_to}"]')
    screen.wait_for_url(f"**{expected}")
    assert screen.locator(".landed").get_attribute("id") == expected.split("#")[1]


def test_the_q_and_a_index_lists_the_articles_each_answer_explains(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    for prefix, label in (("", "第五条"), ("en/", "Art. 5")):
        page.goto(f"{site_url}/{prefix}qa/")
        items = page.locator(".md-content ol > li")
        assert items.count() == 8
        explained = [items.nth(i).locator(".qa-explains a").all_inner_texts() for i in range(8)]
        assert sum(1 for links in explained if links) >= 6
        assert label in explained[4]  # Q&A 5 is on the vocational education system


# -- side-by-side pages ----------------------------------------------------------------------------------


def test_side_by_side_pages_lead_on(screen, site_url: str) -> None:  # type: ignore[no-untyped-def]
    screen.goto(f"{site_url}/en/parallel/articles/05/")
    pager = screen.locator(".par-pager")
    assert pager.locator("a.prev").get_attribute("href") == "../04/"
    assert pager.locator("a.next").get_attribute("href") == "../06/"
    assert pager.locator("a.back").get_attribute("href") == "../../../articles/05/"
    activate(screen, ".par-pager a.next")
    screen.wait_for_url("**/en/parallel/articles/06/")
    screen.goto(f"{site_url}/parallel/qa/8/")
    assert screen.locator(".par-pager a.next").count() == 0 and screen.locator(".par-pager a.prev").count() == 1
    assert screen.locator(".crumbs a").count() == 2  # the article or answer, and the whole document side by side


# -- the smaller findings ---------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix,lang,title", [("en/", "en", "Page not found"), ("zh-Hant/", "zh-Hant", "找不到這個頁面"), ("", "zh-Hans", "找不到这个页面")])
def test_the_404_page_speaks_the_language_of_the_address(page, site_url: str, built_site: Path, prefix: str, lang: str, title: str) -> None:  # type: ignore[no-untyped-def]
    # A static server answers every missing address with the root 404.html.
    body = (built_site / "404.html").read_text(encoding="utf-8")
    page.route(f"{site_url}/{prefix}no/such/page/", lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    page.goto(f"{site_url}/{prefix}no/such/page/")
    assert page.locator("h1").inner_text() == title
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator(".not-found").first.get_attribute("lang") == lang


@pytest.mark.parametrize("lang,first_letter,query,expected", [("en", "A", "gaokao", "vocational-gaokao"), ("zh-Hans", "B", "鲁班", "luban-workshop")])
def test_the_glossary_has_an_index_and_a_filter(screen, site_url: str, lang: str, first_letter: str, query: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    screen.goto(f"{site_url}/{PREFIXES[lang]}glossary/")
    letters = screen.locator(".gloss-index a").all_inner_texts()
    assert letters[0] == first_letter and letters == sorted(letters)
    field = screen.locator(".gloss-filter input")
    assert field.is_visible()
    field.fill(query)
    visible = screen.locator(".gloss-entry:not([hidden])")
    assert visible.count() >= 1 and expected in [visible.nth(i).get_attribute("id") for i in range(visible.count())]
    assert visible.count() < 10
    field.fill("zzzzqqq")
    assert screen.locator(".gloss-filter-status").inner_text()
    field.fill("")
    assert screen.locator(".gloss-entry:not([hidden])").count() == screen.locator(".gloss-entry").count() > 90


def test_english_glossary_entries_lead_with_the_english_term(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/en/glossary/")
    head = page.locator("#double-high-plan .gloss-head")
    assert head.locator("dfn").inner_text() == "Double High-Level Plan"
    assert head.inner_text().startswith("Double High-Level Plan")
    page.goto(f"{site_url}/glossary/")
    assert page.locator("#double-high-plan .gloss-head dfn").inner_text().startswith("双高计划")


def test_chinese_labels_take_full_width_colons(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    for prefix in ("", "zh-Hant/"):
        page.goto(f"{site_url}/{prefix}glossary/")
        text = page.locator(".md-content").inner_text()
        assert re.search(r"[\u4e00-\u9fff]:", text) is None, re.findall(r".{6}[\u4e00-\u9fff]:.{6}", text)[:3]
        assert "其他译法：" in text or "其他譯法：" in text


def test_every_tab_stop_is_visible(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/en/articles/05/")
    invisible = []
    for _ in range(12):
        page.keyboard.press("Tab")
        seen = page.evaluate(
            "() => { const e = document.activeElement; const r = e.getBoundingClientRect();"
            " return [e.outerHTML.slice(0, 80), r.width > 1 && r.height > 1 && e.checkVisibility({opacityProperty: false, visibilityProperty: true})]; }"
        )
        if not seen[1]:
            invisible.append(seen[0])
    assert invisible == []
    assert page.locator("input[name=__palette]").count() == 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_is_not_covered_by_the_sidebar_title_and_titles_are_dark(page, site_url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/{PREFIXES[lang]}articles/05/")
    gap = page.evaluate(
        "() => { const title = document.querySelector('.md-nav--primary > .md-nav__title');"
        " const home = document.querySelector('.md-nav--primary > .md-nav__list > .md-nav__item > a');"
        " const shadow = getComputedStyle(title).boxShadow; const spread = /0px 0px \\S+ (\\S+)px/.exec(shadow);"
        " return home.getBoundingClientRect().top - title.getBoundingClientRect().bottom - (spread ? parseFloat(spread[1]) : 0); }"
    )
    assert gap >= 0, gap
    colour = page.locator("h1").evaluate("h => getComputedStyle(h).color")
    channels = [float(value) for value in re.findall(r"[\d.]+", colour)]
    alpha = channels[3] if len(channels) > 3 else 1.0
    assert alpha >= 0.8 and max(channels[:3]) < 60, colour  # dark text, not the theme's pale grey


# -- weight and accessibility ---------------------------------------------------------------------------


def first_load_bytes(browser, site_url: str, built_site: Path, path: str) -> int:  # type: ignore[no-untyped-def]
    """Bytes a precompressing server sends (the .br copies) for everything a page loads, on a phone."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    context.close()
    own = urlparse(site_url).netloc
    assert [url for url in urls if urlparse(url).netloc != own and not url.startswith("data:")] == []
    total = 0
    for url in urls:
        local = built_site / urlparse(url).path.lstrip("/")
        local = local / "index.html" if urlparse(url).path.endswith("/") else local
        compressed = local.with_name(local.name + ".br")
        total += (compressed if compressed.exists() else local).stat().st_size
    return total


@pytest.mark.parametrize("path,limit_kb", [("articles/05/", 80), ("en/articles/05/", 80), ("", 120), ("en/", 120), ("zh-Hant/", 120)])
def test_first_load_stays_within_the_budget(browser, site_url: str, built_site: Path, path: str, limit_kb: int) -> None:  # type: ignore[no-untyped-def]
    assert first_load_bytes(browser, site_url, built_site, path) <= limit_kb * 1024


@pytest.mark.parametrize("lang", LANGUAGES)
def test_new_pages_and_the_open_card_have_no_axe_violations(screen, site_url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    screen.goto(f"{site_url}/{PREFIXES[lang]}")
    assert axe_violations(screen) == []
    screen.goto(f"{site_url}/{PREFIXES[lang]}qa/5/#q5-p1-s1")
    screen.locator(".landed").wait_for(state="visible")
    activate(screen, "a.term")
    screen.locator(".term-card").wait_for(state="visible")
    assert axe_violations(screen) == []
