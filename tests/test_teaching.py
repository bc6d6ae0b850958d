"""For teachers and partners, without a browser: citations, side-by-side and printable pages,
QR codes, the share panel, metadata, sitemap, 404 pages and lang attributes in the built site."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import polib
import pytest
import segno

from explainer.render.citation import Citations, quoted_title, split_paragraph_id
from explainer.config.languages import languages
from explainer.config.project import Publication, load_project
from explainer.render.parallel import ParallelRenderer
from explainer.document.parse import parse_file, parse_text
from explainer.render.qr import QUIET_ZONE, qr_code
from explainer.render.share import label
from explainer.config.site import site_url
from explainer.export.sitemap import robots_txt, sitemap_xml
from explainer.translation.catalog import Catalog, Texts, load_catalog, po_path
from explainer.render.urls import DocumentUrls

LANGUAGES = languages().codes  # the generator's default languages, which the bundled project publishes


ROOT = Path(__file__).resolve().parent.parent
SLUG = "vocational-education-2021"
BASE = site_url(ROOT)  # https://policy-explainer.github.io/
PREFIXES = {"zh-Hans": "", "en": "en/", "zh-Hant": "zh-Hant/"}
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    return parse_file(ROOT / "sources" / f"{SLUG}.txt", SLUG)


@pytest.fixture(scope="module")
def texts(seed):  # type: ignore[no-untyped-def]
    return Texts(seed, {"en": load_catalog(po_path(ROOT, "en", SLUG))})


@pytest.fixture(scope="module")
def official():  # type: ignore[no-untyped-def]
    """The official publications of the bundled document, as documents.yml records them."""
    return load_project(ROOT).default.official


def pending(document) -> Texts:  # type: ignore[no-untyped-def]
    """Texts with no English at all: every sentence is pending."""
    return Texts(document, {"en": Catalog(Path("none.po"), {})})


# -- citations ---------------------------------------------------------------------------------


def test_paragraph_citations_in_three_languages(seed, texts) -> None:  # type: ignore[no-untyped-def]
    cite = {lang: Citations(seed, texts, DocumentUrls(""), lang) for lang in LANGUAGES}
    assert cite["zh-Hans"].paragraph("a03-p2", BASE) == (
        "《关于推动现代职业教育高质量发展的意见》第（三）条第2段 https://policy-explainer.github.io/articles/03/#a03-p2"
    )
    assert cite["en"].paragraph("a03-p2", BASE) == (
        "Opinions on Promoting the High-Quality Development of Modern Vocational Education, Art. 3, para. 2 "
        "https://policy-explainer.github.io/en/articles/03/#a03-p2"
    )
    assert cite["zh-Hant"].paragraph("a03-p2", BASE) == (
        "《關於推動現代職業教育高質量發展的意見》第（三）條第2段 https://policy-explainer.github.io/zh-Hant/articles/03/#a03-p2"
    )


def test_citations_name_the_issuing_body_and_the_date_in_each_language(seed, texts, official) -> None:  # type: ignore[no-untyped-def]
    cite = {lang: Citations(seed, texts, DocumentUrls(""), lang, official) for lang in LANGUAGES}
    assert cite["zh-Hans"].paragraph("a05-p2", BASE) == (
        "中共中央办公厅、国务院办公厅《关于推动现代职业教育高质量发展的意见》（2021年10月12日）第（五）条第2段 "
        "https://policy-explainer.github.io/articles/05/#a05-p2"
    )
    assert cite["en"].paragraph("a05-p2", BASE) == (
        "General Office of the CPC Central Committee and General Office of the State Council, Opinions on Promoting the "
        "High-Quality Development of Modern Vocational Education (12 October 2021), Art. 5, para. 2 "
        "https://policy-explainer.github.io/en/articles/05/#a05-p2"
    )
    assert cite["zh-Hant"].paragraph("a05-p2", BASE) == (
        "中共中央辦公廳、國務院辦公廳《關於推動現代職業教育高質量發展的意見》（2021年10月12日）第（五）條第2段 "
        "https://policy-explainer.github.io/zh-Hant/articles/05/#a05-p2"
    )
    # The Q&A's title already names its issuing body, so the citation adds only the date.
    assert cite["zh-Hans"].qa_item(1).text == "《教育部有关负责人就〈关于推动现代职业教育高质量发展的意见〉答记者问》（2021年10月13日）问题一"
    assert cite["en"].qa_intro().text == (
        "A Ministry of Education Official Answers Reporters' Questions About the Opinions on Promoting "
        "the High-Quality Development of Modern Vocational Education (13 October 2021), introduction"
    )
    assert cite["zh-Hant"].qa_item(8).text == "《教育部有關負責人就〈關於推動現代職業教育高質量發展的意見〉答記者問》（2021年10月13日）問題八"
    assert cite["en"].cited("opinion").endswith("Modern Vocational Education (12 October 2021)")


def test_a_publication_without_an_issuing_body_cites_its_title_and_date(seed, texts) -> None:  # type: ignore[no-untyped-def]
    dated = (Publication("opinion", {"zh-Hans": "新华社"}, {}, "2021-10-12", "https://www.news.cn/"),)
    cite = {lang: Citations(seed, texts, DocumentUrls(""), lang, dated) for lang in LANGUAGES}
    assert cite["zh-Hans"].article(1).text == "《关于推动现代职业教育高质量发展的意见》（2021年10月12日）第（一）条"
    assert cite["en"].article(1).text == "Opinions on Promoting the High-Quality Development of Modern Vocational Education (12 October 2021), Art. 1"
    assert cite["zh-Hant"].article(1).text == "《關於推動現代職業教育高質量發展的意見》（2021年10月12日）第（一）條"
    # Only the Opinion has official data here: the Q&A cites its title alone.
    assert cite["zh-Hans"].qa_item(2).text == "《教育部有关负责人就〈关于推动现代职业教育高质量发展的意见〉答记者问》问题二"


def test_qa_citations_quote_the_opinion_inside_the_qa_title(seed, texts) -> None:  # type: ignore[no-untyped-def]
    zh = Citations(seed, texts, DocumentUrls(""), "zh-Hans")
    assert zh.qa_item(1).text == "《教育部有关负责人就〈关于推动现代职业教育高质量发展的意见〉答记者问》问题一"
    assert zh.paragraph("q1-p2", BASE).startswith("《教育部有关负责人就〈关于推动现代职业教育高质量发展的意见〉答记者问》问题一第2段 ")
    assert zh.paragraph("q1-p2", BASE).endswith(" https://policy-explainer.github.io/qa/1/#q1-p2")
    hant = Citations(seed, texts, DocumentUrls(""), "zh-Hant")
    assert hant.qa_intro().text == "《教育部有關負責人就〈關於推動現代職業教育高質量發展的意見〉答記者問》導語"
    en = Citations(seed, texts, DocumentUrls(""), "en")
    assert en.qa_item(3).text.endswith("Modern Vocational Education, Question 3")
    assert en.preamble().text.endswith("Modern Vocational Education, preamble")


def test_every_paragraph_of_the_document_is_citable(seed, texts) -> None:  # type: ignore[no-untyped-def]
    citations = Citations(seed, texts, DocumentUrls(""), "en")
    paragraphs = [*seed.preamble, *[p for part in seed.parts for p in part.intro], *[p for a in seed.articles for p in a.paragraphs]]
    paragraphs += [*seed.closing, *seed.qa.intro, *[p for item in seed.qa.items for p in item.answer]]
    for paragraph in paragraphs:
        assert f"#{paragraph.id}" in citations.paragraph(paragraph.id, BASE)


def test_paragraph_ids_split_into_unit_and_number() -> None:
    assert split_paragraph_id("a05-p12") == ("a05", 12)
    assert split_paragraph_id("qa-intro-p1") == ("qa-intro", 1)
    assert split_paragraph_id("part2-p3") == ("part2", 3)
    with pytest.raises(ValueError, match="not a paragraph id: 'a05-t'"):
        split_paragraph_id("a05-t")


def test_untranslated_english_citation_keeps_the_chinese_title_quoted() -> None:
    document = parse_text("《关于测试的意见》\n一、总体要求\n(一) 指导思想。坚持。\n", "t.txt", "t")
    citations = Citations(document, pending(document), DocumentUrls(""), "en")
    assert citations.article(1).text == "《关于测试的意见》, Art. 1"
    assert quoted_title("就《意见》答记者问") == "《就〈意见〉答记者问》"


# -- side-by-side pages ---------------------------------------------------------------------------------


def test_parallel_rows_follow_the_sentences(seed, texts) -> None:  # type: ignore[no-untyped-def]
    page = ParallelRenderer(seed, texts, DocumentUrls(""), "en", BASE).article_page(seed.article(3))
    assert page.path == "parallel/articles/03/index.md"
    article = seed.article(3)
    for paragraph in article.paragraphs:
        assert f'<div class="para par-para" id="{paragraph.id}">' in page.markdown
        for segment in paragraph.segments:
            english = texts.text(segment, "en").replace('"', "&quot;").replace("'", "&#x27;")
            assert f'<div class="par-row" id="{segment.id}"><p lang="zh-Hans">{segment.zh}</p><p lang="en">{english}</p></div>' in page.markdown
    assert "!!!" not in page.markdown  # everything is reviewed: no notice
    assert '"exclude": true' in page.markdown and '"navigation", "toc"' in page.markdown


def test_parallel_traditional_site_shows_traditional_beside_english(seed, texts) -> None:  # type: ignore[no-untyped-def]
    page = ParallelRenderer(seed, texts, DocumentUrls(""), "zh-Hant", BASE).qa_page(seed.qa.items[2])
    assert '<p lang="zh-Hant">問題三 ' in page.markdown
    assert '<p lang="zh-Hans">' not in page.markdown
    assert "繁體中文" in page.markdown and "中英對照" in page.markdown


def test_pending_translation_is_marked_not_left_blank(seed) -> None:  # type: ignore[no-untyped-def]
    renderer = ParallelRenderer(seed, pending(seed), DocumentUrls(""), "en", BASE)
    page = renderer.article_page(seed.article(5))
    sentences = sum(len(p.segments) for p in seed.article(5).paragraphs) + 1  # and the title
    assert page.markdown.count(f'<span class="pending" lang="en">{label("pending_cell", "en")}</span>') == sentences
    assert '!!! warning ""\n    Some sentences have no English translation yet' in page.markdown
    assert page.title == "Article 5 · Chinese and English side by side"  # no Chinese in an English title
    zh_page = ParallelRenderer(seed, pending(seed), DocumentUrls(""), "zh-Hans", BASE).article_page(seed.article(5))
    assert zh_page.markdown.count('<span class="pending" lang="zh-Hans">（译文待补）</span>') == sentences


def test_parallel_and_print_pages_escape_the_source(tmp_path: Path) -> None:
    from explainer.render.printable import print_page
    from explainer.config.project import DocumentConfig

    document = parse_text("《关于<b>&测试的意见》\n一、总体要求\n(一) 指导思想。坚持<script>立德树人。\n", "t.txt", "t")
    po = polib.POFile()
    po.append(polib.POEntry(msgctxt="a01-p1-s1", msgid="坚持<script>立德树人。", msgstr='Uphold <img src=x onerror="alert(1)">.'))
    po.save(str(tmp_path / "t.po"))
    texts = Texts(document, {"en": load_catalog(tmp_path / "t.po")})
    # Front matter is data (YAML), escaped by the templates; the body must hold no markup from the source.
    markdown = ParallelRenderer(document, texts, DocumentUrls(""), "en", BASE).document_page().markdown.split("---\n\n", 1)[1]
    assert "<script>" not in markdown and "<img" not in markdown and "<b>" not in markdown
    assert "坚持&lt;script&gt;立德树人。" in markdown and "Uphold &lt;img src=x onerror=&quot;alert(1)&quot;&gt;." in markdown
    printed = print_page(document, DocumentConfig("t", tmp_path / "t.txt", is_default=True), texts, "en", BASE).markdown.split("---\n\n", 1)[1]
    assert "<script>" not in printed and "<img" not in printed and "<b>" not in printed


# -- QR codes ----------------------------------------------------------------------------------------------


def svg_modules(svg: str) -> list[list[bool]]:
    """The dark modules that segno's SVG path draws: 'M x y.5' then runs 'h n' and moves 'm dx dy'."""
    root = ET.fromstring(svg)
    size = int(root.attrib["viewBox"].split()[2])
    grid = [[False] * size for _ in range(size)]
    path = next(el for el in root if el.tag.endswith("path") and el.attrib.get("stroke"))
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:\s(-?[\d.]+))?", path.attrib["d"]):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            for column in range(int(x), int(x) + int(a)):
                grid[int(y)][column] = True
            x += int(a)
    return grid


def test_qr_code_svg_encodes_the_url_with_a_quiet_zone() -> None:
    url = "https://policy-explainer.github.io/zh-Hant/qa/3/"
    code = qr_code(url)
    root = ET.fromstring(code.svg)
    assert root.find("{http://www.w3.org/2000/svg}title").text == url
    assert "width" not in root.attrib  # scales to any size on a slide
    expected = segno.make(url, error="m", micro=False, boost_error=True)
    matrix = [[bool(cell) for cell in row] for row in expected.matrix_iter(scale=1, border=QUIET_ZONE)]
    assert svg_modules(code.svg) == matrix
    assert code.modules == len(matrix)
    assert not any(matrix[0]) and not any(row[0] for row in matrix)  # the quiet zone is white


# -- the built site -----------------------------------------------------------------------------------------


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_export_paragraph_ids_are_the_ids_on_every_page(built_site: Path) -> None:
    data = json.loads(read(built_site, f"data/{SLUG}.json"))
    items = [("articles", article, f"articles/{article['number']:02d}/index.html") for article in data["articles"]]
    items += [("qa", item, f"qa/{item['number']}/index.html") for item in data["qa"]]
    for kind, item, page in items:
        paragraphs = item["paragraphs"] if kind == "articles" else item["answer"]
        assert item["paragraph_ids"] == [paragraph[0]["id"].rsplit("-s", 1)[0] for paragraph in paragraphs]
        for prefix in PREFIXES.values():
            html = read(built_site, prefix + page)
            parallel = read(built_site, prefix + "parallel/" + page)
            for paragraph_id in item["paragraph_ids"]:
                assert f'id="{paragraph_id}"' in html and f'id="{paragraph_id}"' in parallel, (prefix + page, paragraph_id)


def test_export_has_parallel_print_and_qr_urls_that_exist(built_site: Path) -> None:
    data = json.loads(read(built_site, f"data/{SLUG}.json"))
    assert data["url"]["parallel"] == {"zh-Hans": "/parallel/", "en": "/en/parallel/", "zh-Hant": "/zh-Hant/parallel/"}
    assert data["url"]["print"] == {"zh-Hans": "/print/", "en": "/en/print/", "zh-Hant": "/zh-Hant/print/"}
    assert data["articles"][4]["url"]["parallel"]["en"] == "/en/parallel/articles/05/"
    assert data["qa"][2]["url"]["parallel"]["zh-Hant"] == "/zh-Hant/parallel/qa/3/"
    assert data["qa"][2]["url"]["qr"]["zh-Hans"] == "/qa/3/qr.svg"
    for item in [*data["articles"], *data["qa"], data]:
        for kind in ("parallel", "print") if item is data else ("parallel",):
            for path in item["url"][kind].values():
                assert (built_site / path.lstrip("/") / "index.html").is_file(), path
        for path in item["url"].get("qr", {}).values():
            assert (built_site / path.lstrip("/")).is_file(), path


def test_qr_files_encode_the_permanent_absolute_link(built_site: Path) -> None:
    for lang, prefix in PREFIXES.items():
        svg = read(built_site, f"{prefix}articles/05/qr.svg")
        assert ET.fromstring(svg).find("{http://www.w3.org/2000/svg}title").text == f"{BASE}{prefix}articles/05/"
        assert svg_modules(svg) == svg_modules(qr_code(f"{BASE}{prefix}articles/05/").svg)


def test_article_page_has_tools_line_and_share_panel(built_site: Path) -> None:
    html = read(built_site, "en/articles/05/index.html")
    assert '<a class="to-parallel" href="../../parallel/articles/05/">' in html
    assert (
        '<p class="print-cite no-terms">General Office of the CPC Central Committee and General Office of the State Council, '
        "Opinions on Promoting the High-Quality Development of Modern Vocational Education (12 October 2021), Art. 5<br>"
        "https://policy-explainer.github.io/en/articles/05/</p>"
    ) in html
    assert '<img class="share-qr" src="qr.svg" width="144" height="144" loading="lazy" alt="QR code linking to https://policy-explainer.github.io/en/articles/05/">' in html
    assert '<a href="https://policy-explainer.github.io/en/articles/05/">https://policy-explainer.github.io/en/articles/05/</a>' in html
    assert '<a href="../../print/#a05">Printable full text</a>' in html and '<a href="../../parallel/#a05">' in html
    # The tools line sits right under the heading, above the text.
    assert html.index('id="a05"') < html.index('class="page-tools') < html.index('id="a05-p1"') < html.index('class="share ')
    qa = read(built_site, "zh-Hant/qa/3/index.html")
    assert '<a class="to-parallel" href="../../parallel/qa/3/"><span aria-hidden="true">⇆ </span>中英對照</a>' in qa


def test_pages_with_paragraphs_carry_citation_data(built_site: Path) -> None:
    for path, unit in [("articles/index.html", "pre"), ("qa/index.html", "qa-intro"), ("print/index.html", "a22"), ("parallel/index.html", "q8")]:
        match = re.search(r'data-cite="([^"]*)"', read(built_site, path))
        assert match, path
        data = json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))
        assert data["p"] == "{unit}第{n}段" and unit in data["u"], path


def test_print_page_holds_the_whole_text_in_its_language(built_site: Path, seed) -> None:  # type: ignore[no-untyped-def]
    html = read(built_site, "en/print/index.html")
    for paragraph in [*seed.preamble, *[p for a in seed.articles for p in a.paragraphs], *[p for i in seed.qa.items for p in i.answer]]:
        assert f'id="{paragraph.id}"' in html
    for anchor in ("part7", "a22", "q8"):
        assert f'id="{anchor}"' in html
    assert "Online at: <a href=\"https://policy-explainer.github.io/en/\">" in html


class _Head(HTMLParser):
    """Collects the <head> metadata of a page: meta by name/property, links by rel."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.alternates: dict[str, str] = {}
        self.canonical = ""
        self.html_lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "html":
            self.html_lang = values.get("lang", "")
        elif tag == "meta" and ("name" in values or "property" in values):
            self.meta[values.get("name") or values["property"]] = values.get("content", "")
        elif tag == "link" and values.get("rel") == "alternate" and "hreflang" in values:
            self.alternates[values["hreflang"]] = values["href"]
        elif tag == "link" and values.get("rel") == "canonical":
            self.canonical = values["href"]


def head(site: Path, path: str) -> _Head:
    parser = _Head()
    parser.feed(read(site, path))
    return parser


def test_every_page_has_description_open_graph_and_absolute_alternates(built_site: Path) -> None:
    pages = [p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html")]
    assert len(pages) > 200
    for path in pages:
        meta = head(built_site, path)
        page = path.removesuffix("index.html")
        lang = "en" if page.startswith("en/") else "zh-Hant" if page.startswith("zh-Hant/") else "zh-Hans"
        bare = page.removeprefix(PREFIXES[lang])
        assert meta.meta.get("description") and meta.meta["og:description"] == meta.meta["description"], path
        assert meta.meta["og:title"] and meta.meta["og:site_name"], path
        assert meta.canonical == meta.meta["og:url"] == BASE + page, path
        assert meta.alternates == {
            "zh-Hans": BASE + bare,
            "en": BASE + "en/" + bare,
            "zh-Hant": BASE + "zh-Hant/" + bare,
            "x-default": BASE + bare,
        }, path
        assert meta.meta["og:locale"] == {"zh-Hans": "zh_CN", "en": "en_US", "zh-Hant": "zh_TW"}[lang]


def test_metadata_from_the_text_is_escaped(built_site: Path) -> None:
    # Article 15's first English sentence quotes "job-course-competition-certificate": the quotes must not end the attribute.
    meta = head(built_site, "en/articles/15/index.html")
    assert meta.meta["description"].startswith('The integrated "job-course-competition-certificate" approach to education will be improved')
    assert meta.meta["og:description"] == meta.meta["description"]


def test_sitemap_lists_every_page_in_every_language(built_site: Path) -> None:
    root = ET.fromstring(read(built_site, "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = {url.find("s:loc", ns).text: url for url in root.findall("s:url", ns)}
    pages = [p.relative_to(built_site).as_posix().removesuffix("index.html") for p in built_site.rglob("index.html")]
    assert set(locations) == {BASE + page for page in pages}
    entry = locations[BASE + "en/articles/05/"]
    links = {link.attrib["hreflang"]: link.attrib["href"] for link in entry.findall("x:link", ns)}
    assert links == {
        "zh-Hans": BASE + "articles/05/",
        "en": BASE + "en/articles/05/",
        "zh-Hant": BASE + "zh-Hant/articles/05/",
        "x-default": BASE + "articles/05/",
    }
    assert read(built_site, "robots.txt") == robots_txt(BASE) == f"User-agent: *\nAllow: /\n\nSitemap: {BASE}sitemap.xml\n"


def test_sitemap_alternates_list_only_existing_languages() -> None:
    xml = sitemap_xml({"zh-Hans": ["index.md", "only/index.md"], "en": ["index.md"], "zh-Hant": ["index.md"]}, "https://example.org/a/")
    root = ET.fromstring(xml)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {url.find("s:loc", ns).text: [link.attrib["hreflang"] for link in url.findall("x:link", ns)] for url in root.findall("s:url", ns)}
    assert urls["https://example.org/a/only/"] == ["zh-Hans", "x-default"]
    assert urls["https://example.org/a/en/"] == ["zh-Hans", "en", "zh-Hant", "x-default"]


def test_404_pages_speak_their_language_and_the_root_one_all(built_site: Path) -> None:
    root = read(built_site, "404.html")
    for lang, title in [("zh-Hans", "找不到这个页面"), ("en", "Page not found"), ("zh-Hant", "找不到這個頁面")]:
        assert f'<section class="not-found" lang="{lang}"' in root and title in root
    assert '<a href="/en/articles/">Full text</a>' in root and '<a href="/zh-Hant/glossary/">術語表</a>' in root
    english = read(built_site, "en/404.html")
    assert '<html lang="en"' in english and '<h1 id="not-found-en">Page not found</h1>' in english
    assert "找不到" not in english and '<a href="/en/qa/">Press Q&amp;A</a>' in english
    assert '<meta name="robots" content="noindex">' in english and 'rel="canonical"' not in english
    # The language switcher of a 404 page: absolute, to each language's home.
    switcher = re.findall(r'<a href="([^"]*)" hreflang=', english)
    assert [urljoin("http://host/en/no/such/page/", link) for link in switcher] == ["http://host/", "http://host/en/", "http://host/zh-Hant/"]
    traditional = read(built_site, "zh-Hant/404.html")
    assert '<html lang="zh-Hant"' in traditional and "找不到這個頁面" in traditional and "Page not found" not in traditional


class _ChineseOutsideChinese(HTMLParser):
    """Text with Chinese characters whose nearest lang attribute is not Chinese."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        values = dict(attrs)
        inherited = self.stack[-1][1] if self.stack else ""
        self.stack.append((tag, values.get("lang") or inherited))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.stack or self.stack[-1][0] in ("script", "style", "title"):
            return
        if CJK.search(data) and not self.stack[-1][1].startswith("zh"):
            self.found.append(data.strip()[:40])


def test_chinese_inside_english_pages_carries_its_own_lang(built_site: Path) -> None:
    offenders = {}
    for path in sorted((built_site / "en").rglob("*.html")):
        parser = _ChineseOutsideChinese()
        parser.feed(path.read_text(encoding="utf-8"))
        if parser.found:
            offenders[path.relative_to(built_site).as_posix()] = parser.found[:3]
    assert offenders == {}
