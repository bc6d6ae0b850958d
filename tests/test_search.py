"""Search (issue 8): what is indexed and how, and the Pagefind bundle of a strict build.

The browser side (the query table, payload, keyboard, phone, axe) is in
tests/test_search_browser.py.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from explainer.common.errors import InputError
from explainer.backend.search import (
    BUNDLE_DIR,
    UNUSED_BUNDLE_FILES,
    SearchRecord,
    bigrams,
    glossary_title,
    index_language,
    language_root,
    page_records,
    record_path,
    write_search_index,
)
from search_bench import compressed_size, load_queries, result_path

ROOT = Path(__file__).resolve().parent.parent


def page(article: str, search_attributes: str = "") -> str:
    """A built page as Material lays it out, with the given article content."""
    return (
        '<html lang="zh-Hans"><body><header><div class="md-search" role="dialog"'
        f"{search_attributes}><input></div></header><nav>导航 学徒制</nav>"
        f'<article class="md-content__inner md-typeset">{article}</article><footer>页脚</footer></body></html>'
    )


ARTICLE = (
    '<h1 id="a11">（十一）拓展校企合作形式内容<a class="headerlink" href="#a11">¶</a></h1>'
    '<p class="crumbs"><a href="../../parts/4/">第四部分</a> · 第（十一）条</p>'
    '<p class="para" id="a11-p1"><span class="s" id="a11-p1-s1">探索中国特色<a class="term" href="#">学徒制</a>，大力培养人才。</span>'
    '<span class="s" id="a11-p1-s2">严禁违规收费。</span><button class="cite">复制引用</button></p>'
    '<p class="para" id="a11-p2" data-pagefind-ignore><span class="s" id="a11-p2-s1">不索引。</span></p>'
    '<aside class="explained"><blockquote><p>答记者问的解读</p></blockquote></aside>'
)


def test_bigrams_split_han_runs_and_keep_other_words() -> None:
    assert bigrams("学徒制") == "学徒 徒制 制"
    assert bigrams("实施好“双高计划”，集中力量") == "实施 施好 好“ 双高 高计 计划 划”， 集中 中力 力量 量"
    assert bigrams("1+X证书 and 2025年") == "1+X 证书 书 and 2025 年"
    assert bigrams("税") == "税"
    assert bigrams("apprenticeships, dual-qualified") == "apprenticeships, dual-qualified"


def test_chinese_indexes_get_keys_pagefind_does_not_segment() -> None:
    assert index_language("zh-Hans") == "und-Hans"
    assert index_language("zh-Hant") == "und-Hant"
    assert index_language("en") == "en"


def test_an_article_page_gives_its_title_and_sentences_only() -> None:
    [record] = page_records(page(ARTICLE), "/articles/11/", "zh-Hans")
    assert record.url == "/articles/11/" and record.kind == "text"
    assert record.title == "（十一）拓展校企合作形式内容" and record.title_id == "a11"
    assert [(paragraph.id, paragraph.text) for paragraph in record.paragraphs] == [("a11-p1", "探索中国特色学徒制，大力培养人才。严禁违规收费。")]


def test_english_sentences_are_joined_with_spaces() -> None:
    html = page('<h1 id="a11">Article 11</h1><p class="para" id="a11-p1"><span class="s">One.</span> <span class="s">Two.</span></p>')
    [record] = page_records(html, "/en/articles/11/", "en")
    assert record.paragraphs[0].text == "One. Two."


def test_pages_excluded_by_front_matter_or_without_reading_text_give_nothing() -> None:
    assert page_records(page(ARTICLE, " data-search-exclude"), "/parallel/articles/11/", "zh-Hans") == []
    assert page_records(page('<h1 id="contents">目录</h1><ul><li>一</li></ul>'), "/qa/", "zh-Hans") == []
    assert page_records("<html><body>no article</body></html>", "/", "zh-Hans") == []


def test_a_part_page_is_found_by_its_title() -> None:
    [record] = page_records(page('<h1 id="part4">四、创新校企合作办学机制</h1><ul><li>（十）…</li></ul>'), "/parts/4/", "zh-Hans")
    assert record.title == "四、创新校企合作办学机制" and record.paragraphs == []


GLOSSARY = (
    '<h1 id="glossary">术语表</h1><p>本表收录…</p>'
    '<div class="gloss-entry no-terms" id="double-high-plan">'
    '<p class="gloss-head"><dfn><span class="gloss-zh" lang="zh-Hans">双高计划</span> <span class="pinyin" lang="zh-Latn-pinyin">shuāng gāo jì huà</span></dfn>'
    ' <span class="gloss-en" lang="en">Double High-Level Plan</span> <a class="headerlink" href="#double-high-plan">¶</a></p>'
    '<p class="gloss-def">“中国特色高水平高职学校和专业建设计划”的简称。</p>'
    '<p class="gloss-def" lang="en">Short for the plan.</p>'
    '<p class="gloss-variants">其他译法：<span lang="en">Double High Plan</span></p>'
    '<details class="gloss-occurrences"><summary>出现于</summary><ul><li>第（五）条</li></ul></details></div>'
)


def test_each_glossary_entry_is_a_record_with_the_text_in_the_page_language() -> None:
    [record] = page_records(page(GLOSSARY), "/glossary/", "zh-Hans")
    assert record.url == "/glossary/#double-high-plan" and record.kind == "glossary"
    assert record.title == "双高计划（Double High-Level Plan）"
    assert [paragraph.text for paragraph in record.paragraphs] == ["“中国特色高水平高职学校和专业建设计划”的简称。"]


def test_english_glossary_entries_keep_the_english_definition_and_variants() -> None:
    html = GLOSSARY.replace('<p class="gloss-def">“中国特色高水平高职学校和专业建设计划”的简称。</p>', "")
    [record] = page_records(page(html), "/en/glossary/", "en")
    assert record.title == "Double High-Level Plan (双高计划)"
    assert [paragraph.text for paragraph in record.paragraphs] == ["Short for the plan.", "Double High Plan"]


def test_glossary_title_puts_the_page_language_first() -> None:
    assert glossary_title("学分银行", "credit bank", "zh-Hant") == "学分银行（credit bank）"
    assert glossary_title("学分银行", "credit bank", "en") == "credit bank (学分银行)"
    assert glossary_title("学分银行", "", "en") == "学分银行"


def test_record_html_escapes_the_source_text_and_encodes_chinese() -> None:
    record = SearchRecord("/articles/01/", '标题<script>"&', "a01", [])
    html = record.html("zh-Hans")
    assert '<html lang="und-Hans">' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'content="标题 题 &lt;script&gt;&quot;&amp;"' in html
    assert "data-pagefind-filter" not in html  # only glossary entries have a filter
    assert '<meta data-pagefind-meta="url[content]" content="/articles/01/">' in html


def test_record_paths_mirror_urls_and_keep_anchors_apart() -> None:
    assert record_path("/en/articles/05/") == "en/articles/05/index.html"
    assert record_path("/glossary/#double-high-plan") == "glossary/_/double-high-plan/index.html"


def test_result_paths_compare_with_the_query_table() -> None:
    assert result_path("http://127.0.0.1:8000/en/articles/05/#a05-p1", "en") == "articles/05/"
    assert result_path("http://127.0.0.1:8000/zh-Hant/glossary/#credit-bank", "zh-Hant") == "glossary/#credit-bank"
    assert result_path("http://127.0.0.1:8000/qa/6/#q6-p2", "zh-Hans") == "qa/6/"


def test_the_script_map_turns_the_other_script_into_the_index_s() -> None:
    from explainer.backend.search import script_map

    assert script_map(["學徒制的發展", "頭髮"], "zh-Hant") == {"发": "發", "头": "頭", "学": "學"}
    assert script_map(["髮髮發"], "zh-Hant") == {"发": "髮"}  # 发 is both 發 and 髮: the more frequent wins
    assert script_map(["学徒制的发展"], "zh-Hans") == {"學": "学", "發": "发"}
    assert script_map(["Luban 工坊"], "zh-Hans") == {}


@pytest.mark.parametrize(("lang", "typed", "own"), [("zh-Hans", "學", "学"), ("zh-Hant", "学", "學"), ("zh-Hant", "职", "職")])
def test_chinese_bundles_carry_their_script_map(built_site: Path, lang: str, typed: str, own: str) -> None:
    from explainer.backend.search import SCRIPT_MAP

    mapping = json.loads((language_root(built_site, lang) / BUNDLE_DIR / SCRIPT_MAP).read_text(encoding="utf-8"))
    assert mapping[typed] == own
    assert not (language_root(built_site, "en") / BUNDLE_DIR / SCRIPT_MAP).exists()


def test_query_table_has_thirty_queries_or_more_in_three_languages() -> None:
    queries = load_queries()
    assert len(queries) >= 30
    assert {query.lang for query in queries} == {"zh-Hans", "en", "zh-Hant"}


def test_a_malformed_query_row_names_its_line(tmp_path: Path) -> None:
    table = tmp_path / "queries.yml"
    table.write_text("en:\n  - {query: tax, expect: articles/12/}\n  - {query: funding}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_queries(table)
    assert str(caught.value) == f"{table}:3: expected a row with a query and the page it must find (expect)"
    table.write_text("fr:\n  - {query: impôt, expect: articles/12/}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_queries(table)
    assert str(caught.value) == f"{table}:1: unknown language 'fr', expected one of zh-Hans, en, zh-Hant"
    table.write_text("en:\n  query: tax\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_queries(table)
    assert str(caught.value) == f"{table}:1: expected a list of queries for en"


# --- the built site ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "key"), [("zh-Hans", "und-hans"), ("en", "en"), ("zh-Hant", "und-hant")])
def test_each_language_has_its_bundle_with_one_index(built_site: Path, lang: str, key: str) -> None:
    bundle = language_root(built_site, lang) / BUNDLE_DIR
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == [key]
    assert entry["languages"][key]["page_count"] > 100
    assert not [name for name in UNUSED_BUNDLE_FILES if (bundle / name).exists()]


def test_indexed_text_is_the_reading_text(built_site: Path) -> None:
    """A fragment of article 5 holds its sentences, as bigrams, and its paragraph anchor; no navigation."""
    fragments = [json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):]) for path in (built_site / BUNDLE_DIR / "fragment").glob("und-hans_*")]
    [article] = [fragment for fragment in fragments if fragment["meta"].get("url") == "/articles/05/"]
    assert "双高 高计 计划 划”" in article["content"]
    assert "上一条" not in article["content"] and "本条术语" not in article["content"]
    assert any(anchor["element"] == "p" and anchor["id"] == "a05-p1" for anchor in article["anchors"])
    assert not [fragment for fragment in fragments if fragment["meta"].get("url", "").startswith(("/parallel/", "/print/"))]


def test_no_page_uses_materials_search(built_site: Path) -> None:
    assert not list(built_site.rglob("search_index.json"))
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert 'data-md-component="search"' not in html, path
        assert "search_index" not in html, path


def test_compressed_size_counts_the_gzip_sibling(tmp_path: Path) -> None:
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "pagefind.js").write_bytes(b"x" * 1000)
    (tmp_path / "pagefind" / "pagefind.js.gz").write_bytes(b"x" * 300)
    (tmp_path / "pagefind" / "a.pf_index").write_bytes(b"x" * 40)
    assert compressed_size(tmp_path, "http://host/pagefind/pagefind.js") == 300
    assert compressed_size(tmp_path, "http://host/pagefind/a.pf_index?ts=1") == 40
    assert compressed_size(tmp_path, "http://host/missing.js") == 0


def test_a_rebuild_indexes_again_only_the_languages_whose_text_changed(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    write_search_index(site)
    engines = {lang: language_root(site, lang) / BUNDLE_DIR / "pagefind.js" for lang in ("zh-Hans", "en", "zh-Hant")}
    written = {lang: path.stat().st_mtime_ns for lang, path in engines.items()}
    page = site / "en" / "articles" / "05" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Double High-Level Plan</a>", "Double High-Level Plan zyzzyva</a>", 1), encoding="utf-8")
    write_search_index(site)
    assert {lang: path.stat().st_mtime_ns != written[lang] for lang, path in engines.items()} == {"zh-Hans": False, "en": True, "zh-Hant": False}
    assert any(b"zyzzyva" in gzip.decompress(path.read_bytes()) for path in (site / "en" / BUNDLE_DIR / "fragment").glob("*.pf_fragment"))
