"""The linear inline-HTML extension (explainer/backend/inline_html.py): same HTML, work linear in the paragraph.

Python-Markdown's inline processor rescans and rebuilds a paragraph's whole text
after each raw HTML tag; these tests count the characters it handles instead of
timing anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
from markdown.treeprocessors import InlineProcessor

from explainer.backend.build import LINEAR_INLINE_HTML, language_config
from explainer.render.markup import text as escaped
from explainer.pipeline import prepare

ROOT = Path(__file__).resolve().parent.parent
BASE_EXTENSIONS = ["attr_list", "admonition", "toc", "explainer.glossary.extension"]


def _configs(lang: str) -> dict[str, dict[str, object]]:
    return {
        "explainer.glossary.extension": {"terms": str(ROOT / "glossary/terms.yml"), "url": "/glossary/index.md", "lang": lang},
        "toc": {"permalink": "¶", "toc_depth": 2},
    }


def render(source: str, lang: str = "en", linear: bool = True) -> str:
    extensions = [LINEAR_INLINE_HTML, *BASE_EXTENSIONS] if linear else BASE_EXTENSIONS
    return markdown.markdown(source, extensions=extensions, extension_configs=_configs(lang))


def sentence_paragraph(sentences: int) -> str:
    """A paragraph as the renderer writes it: one span per sentence, then its attr_list line."""
    spans = " ".join(f'<span class="s" id="a01-p2-s{n}">{escaped(f"Sentence {n} on vocational education & *stars*.")}</span>' for n in range(1, sentences + 1))
    return f"{spans}\n{{: #a01-p2 .para }}\n"


@pytest.fixture
def inline_work(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Characters of text the inline processor scans, summed over every pattern it tries."""
    scanned = [0]
    original = InlineProcessor._InlineProcessor__applyPattern  # type: ignore[attr-defined]

    def counting(self: InlineProcessor, pattern: object, data: str, *args: object) -> object:
        scanned[0] += len(data)
        return original(self, pattern, data, *args)

    monkeypatch.setattr(InlineProcessor, "_InlineProcessor__applyPattern", counting)
    yield scanned


def _work(inline_work: list[int], sentences: int, linear: bool) -> int:
    inline_work[0] = 0
    render(sentence_paragraph(sentences), linear=linear)
    return inline_work[0]


def test_a_paragraph_of_sentences_costs_work_linear_in_its_length(inline_work: list[int]) -> None:
    small, large = _work(inline_work, 200, True), _work(inline_work, 800, True)
    assert large <= 4 * small + 1000  # linear: four times the sentences, at most four times the work


def test_without_the_extension_the_work_is_quadratic(inline_work: list[int]) -> None:
    # The measure above can tell the two apart: Python-Markdown alone does 16 times the work for 4 times the text.
    small, large = _work(inline_work, 200, False), _work(inline_work, 800, False)
    assert large > 12 * small


def test_the_sentences_render_exactly_as_without_the_extension() -> None:
    source = sentence_paragraph(5)
    assert render(source) == render(source, linear=False)
    assert '<p class="para" id="a01-p2"><span class="s" id="a01-p2-s1">Sentence 1 on ' in render(source)


@pytest.mark.parametrize(
    "source",
    [
        'Visit <https://example.org/> or <span class="s">x</span>\n',  # an autolink, not a tag
        'Write to <me@example.org>, <span class="s">x</span>\n',
        '<span class="s">`code` and *emphasis* and [a link](x.md)</span>\n',
        '<span class="s" title="a_b">x</span> and a hard break  \nhere\n',
        'A bare < sign and <span class="s">x</span> &amp; &copy; & <!-- a comment -->\n',
        '<span class="s">x</span>\n{: #p .para }\n',
    ],
)
def test_other_inline_syntax_renders_as_without_the_extension(source: str) -> None:
    assert render(source) == render(source, linear=False)


def test_every_page_of_the_site_renders_as_without_the_extension() -> None:
    class NoTimer:
        def measure(self, stage: str, action):  # type: ignore[no-untyped-def]
            return action()

    content = prepare(ROOT, NoTimer())
    for lang in ("zh-Hans", "en"):
        for path, page in content.pages[lang].items():
            body = page.split("\n---\n", 1)[1] if page.startswith("---") else page
            assert render(body, lang) == render(body, lang, linear=False), f"{lang} {path}"


def test_every_language_build_uses_the_extension() -> None:
    config = language_config(ROOT, "en", ROOT / "docs" / "en", ROOT / "site" / "en", [])
    assert config["markdown_extensions"][-1] == LINEAR_INLINE_HTML
