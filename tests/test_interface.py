"""Interface strings: gettext catalogs per language, and check's report of what a catalog lacks."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from explainer.config.languages import language, languages
from explainer.render.i18n import article_heading, article_label, gettext, labels, part_heading, part_label, qa_label
from explainer.render.interface_check import InterfaceString, catalog_problems, interface_problems, interface_strings


def test_each_language_gets_its_interface_from_where_the_registry_says() -> None:
    assert gettext("Glossary", "en") == "Glossary"  # the msgids are English
    assert gettext("Glossary", "zh-Hans") == "术语表"  # the zh-Hans catalog
    assert gettext("Terms in this article", "zh-Hant") == "本條術語"  # zh-Hans's, converted with OpenCC
    assert gettext("A string no catalog has", "zh-Hans") == "A string no catalog has"  # shown in English until translated


def test_numbers_are_written_in_the_numerals_of_each_language() -> None:
    assert [article_label(5, lang) for lang in ("zh-Hans", "en", "zh-Hant")] == ["第（五）条", "Article 5", "第（五）條"]
    assert [part_label(2, lang) for lang in ("zh-Hans", "en")] == ["第二部分", "Part II"]
    assert [qa_label(3, lang) for lang in ("zh-Hans", "en", "zh-Hant")] == ["问题三", "Question 3", "問題三"]
    assert article_heading(5, "总体要求", "zh-Hans") == "（五）总体要求"
    assert article_heading(5, "General requirements", "en") == "Article 5: General requirements"
    assert part_heading(2, "Title", "en") == "II. Title" and part_heading(2, "标题", "zh-Hans") == "二、标题"
    assert language("zh-Hans").typography.numerals == "chinese"


def test_the_bundled_catalogs_are_complete() -> None:
    assert interface_problems(languages()) == []
    assert set(labels("zh-Hans").values()).isdisjoint(labels("en").values())  # every label translated


def test_check_names_every_string_a_catalog_lacks(tmp_path: Path) -> None:
    strings = [
        InterfaceString(None, "Home", "explainer/render/i18n.py:50"),
        InterfaceString(None, "Article {number}", "explainer/render/i18n.py:130"),
        InterfaceString(None, "Glossary", "explainer/render/i18n.py:53"),
        InterfaceString("citation", "Art. {number}", "explainer/render/citation.py:36"),
    ]
    po = polib.POFile(wrapwidth=0)
    po.append(polib.POEntry(msgid="Article {number}", msgstr="第条"))
    po.append(polib.POEntry(msgid="Glossary", msgstr="术语表", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="Art. {number}", msgctxt="citation", msgstr=""))
    po.append(polib.POEntry(msgid="Overview", msgstr="总览"))
    path = tmp_path / "interface.po"
    po.save(str(path))
    assert catalog_problems(path, strings) == [
        f'{path}: interface string "Home" of explainer/render/i18n.py:50 is not translated',
        f"{path}:5: interface string \"Article {{number}}\": the translation's placeholders [] differ from ['number']",
        f'{path}:8: interface string "Glossary" is fuzzy: review it and remove the flag',
        f'{path}:12: interface string "Art. {{number}}" (context citation) of explainer/render/citation.py:36 is not translated',
        f'{path}:16: interface string "Overview" is no longer used by the code: remove it (pybabel update)',
    ]


def test_babel_finds_the_marked_strings_with_their_context() -> None:
    found = {(item.context, item.msgid): item.where for item in interface_strings()}
    assert found[(None, "Glossary")].startswith("explainer/render/i18n.py:")
    assert ("citation", "Art. {number}") in found and (None, "Art. {number}") in found


def test_a_catalog_translation_with_other_placeholders_is_a_file_and_line_error(tmp_path: Path) -> None:
    from explainer.common.errors import InputError
    from explainer.render.i18n import catalog

    path = tmp_path / "interface.po"
    path.write_text('msgid ""\nmsgstr ""\n\nmsgid "Article {number}"\nmsgstr "第（{numero}）条"\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        catalog(path)
    assert str(raised.value) == f'{path}:4: interface string "Article {{number}}": expected a translation with the placeholders {{number}}, found "第（{{numero}}）条"'
