"""The language registry read from documents.yml: every mistake is one file:line error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from explainer.common.errors import InputError
from explainer.config.languages import languages, load_languages, use_languages
from explainer.common.yamlfile import load_yaml

FRENCH = """\
  - code: fr
    name: Français
    script: Latn
    text: catalog
    interface: catalog
    partner: {partner}
    material: fr
    locale: fr_FR
    search: {search}
    typography: {{sentence_space: " ", word_space: " ", colon: " : ", numerals: {numerals}}}
"""


@pytest.fixture(autouse=True)
def _restore_languages() -> Iterator[None]:
    before = languages()
    yield
    use_languages(before)


def registry(tmp_path: Path, section: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "documents.yml"
    path.write_text("languages:\n" + section + "documents: []\n", encoding="utf-8")
    return load_languages(path, load_yaml(path)["languages"]), path


def test_the_default_languages_and_their_order(tmp_path: Path) -> None:
    loaded, _ = registry(tmp_path, "  - zh-Hant\n  - zh-Hans\n  - en\n")
    assert loaded.codes == ("zh-Hant", "zh-Hans", "en")
    assert (loaded.default.code, loaded.source.code, [language.code for language in loaded.translated()]) == ("zh-Hant", "zh-Hans", ["en"])
    assert (loaded.prefix("zh-Hant"), loaded.prefix("zh-Hans")) == ("", "zh-Hans/")
    assert loaded.other_script_conversion("zh-Hans") == "s2tw" and loaded.other_script_conversion("zh-Hant") == "tw2s"
    assert loaded.other_script_conversion("en") is None


def test_a_described_language_joins_the_known_ones(tmp_path: Path) -> None:
    loaded, _ = registry(tmp_path, "  - zh-Hans\n  - en\n" + FRENCH.format(partner="zh-Hans", search="words", numerals="arabic"))
    french = loaded["fr"]
    assert (french.name, french.translated, french.partner, french.typography.colon) == ("Français", True, "zh-Hans", " : ")
    assert loaded.original_script("fr").code == "zh-Hans"


@pytest.mark.parametrize(
    ("section", "line", "message"),
    [
        ("  - zh-Hans\n  - ja\n", 3, "unknown language 'ja': describe it (code, name, script, text, …) or use one of zh-Hans, en, zh-Hant"),
        ("  - zh-Hans\n  - en\n  - en\n", 4, "language 'en' is listed twice"),
        ("  - zh-Hans\n  - en\n" + FRENCH.format(partner="de", search="words", numerals="arabic"), 4, "language 'fr': partner 'de' must be another language of the site"),
        ("  - zh-Hans\n" + FRENCH.format(partner="zh-Hans", search="phrases", numerals="arabic"), 11, "language 'fr': 'search' must be one of bigrams, words, found 'phrases'"),
        ("  - zh-Hans\n" + FRENCH.format(partner="zh-Hans", search="words", numerals="roman"), 12, "language 'fr': typography 'numerals' must be one of chinese, arabic, found 'roman'"),
        ("  - code: en\n    partner: zh-Hant\n  - zh-Hant\n", 4, "language 'zh-Hant' is derived from 'zh-Hans', which the site does not publish"),
        ("  - zh-Hans\n  - code: en\n    text: source\n", 2, "exactly one language must have 'text: source' (the documents' language), found 2"),
        ("  - zh-Hans\n  - fr\n", 3, "unknown language 'fr': describe it (code, name, script, text, …) or use one of zh-Hans, en, zh-Hant"),
        ("  - 42\n", 2, "expected a language code or a mapping with 'code', found 42"),
        ("  - code: Français\n", 2, "language code must be a BCP 47 tag such as 'fr' or 'zh-Hant', found 'Français'"),
    ],
)
def test_a_wrong_language_entry_is_a_file_and_line_error(tmp_path: Path, section: str, line: int, message: str) -> None:
    with pytest.raises(InputError) as raised:
        registry(tmp_path, section)
    assert str(raised.value) == f"{tmp_path / 'documents.yml'}:{line}: {message}"
