"""The glossary Markdown extension alone, on golden input/expected pairs per language."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def render(source: str, lang: str) -> str:
    return markdown.markdown(
        source,
        extensions=["attr_list", "explainer.glossary.extension"],
        extension_configs={"explainer.glossary.extension": {"terms": str(FIXTURES / "glossary_terms.yml"), "lang": lang, "url": "../glossary/"}},
    )


@pytest.mark.parametrize("lang", ["zh-Hans", "en", "zh-Hant"])
def test_golden_pairs(lang: str, golden) -> None:  # type: ignore[no-untyped-def]
    source = (FIXTURES / "glossary_ext" / f"{lang}.md").read_text(encoding="utf-8")
    golden(f"glossary_ext/{lang}.html", render(source, lang) + "\n")


def test_matches_between_chinese_characters_where_abbr_cannot() -> None:
    html = render("职教高考制度。实施好双高计划集中力量。", "zh-Hans")
    assert 'href="../glossary/#vocational-college-entrance-exam">职教高考</a>' in html
    assert ">双高计划</a>集中力量" in html


def test_longest_term_first_and_never_inside_another() -> None:
    html = render("探索中国特色学徒制。", "zh-Hans")
    assert html.count('class="term"') == 1
    assert "#apprenticeship-chinese" in html


def test_first_occurrence_only() -> None:
    html = render("双高计划和双高计划。\n\n双高计划。", "zh-Hans")
    assert re.fullmatch(r'<p><a class="term" [^>]*href="\.\./glossary/#double-high-plan"[^>]*>双高计划</a>和双高计划。</p>\n<p>双高计划。</p>', html), html


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5, 6])
def test_never_in_a_heading_of_any_level(level: int) -> None:
    """The heading comes first: were it linked, the paragraph after it would not be (first occurrence only)."""
    html = render(f"{'#' * level} 双高计划\n\n双高计划。", "zh-Hans")
    assert html.startswith(f"<h{level}>双高计划</h{level}>")
    assert html.count('class="term"') == 1 and '<p><a class="term"' in html


@pytest.mark.parametrize(("markdown", "kept"), [("[双高计划](x.html)", '<a href="x.html">双高计划</a>'), ("`双高计划`", "<code>双高计划</code>")])
def test_never_in_a_link_or_code(markdown: str, kept: str) -> None:
    """The link or code comes first: the term is linked in the paragraph after it, and only there."""
    html = render(f"{markdown}\n\n双高计划。", "zh-Hans")
    assert f"<p>{kept}</p>" in html
    assert html.count('class="term"') == 1 and '<p><a class="term"' in html


def test_inside_raw_inline_html_spans() -> None:
    html = render('<span class="s" id="a05-p1-s3">实施好“双高计划”。</span>', "zh-Hans")
    assert '<span class="s" id="a05-p1-s3">实施好“<a class="term"' in html
    assert "双高计划</a>”。</span>" in html


def test_english_case_insensitive_whole_words() -> None:
    html = render("non-apprenticeship and Apprenticeship.", "en")
    assert html.count('class="term"') == 1
    assert ">Apprenticeship</a>" in html


def test_definition_is_escaped_once_in_the_card_data() -> None:
    html = render("Double High Plan", "en")
    assert 'data-def="The &quot;Double High-Level Plan&quot; for vocational colleges &amp; majors &lt;2019&gt;."' in html
    assert "title=" not in html  # no tooltip: the card replaces it
