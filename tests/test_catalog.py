"""The PO store's rules (explainer/translation/catalog.py): the files it writes, the translator's work it
keeps when the source changes, the status of each rendering, and where each language's text comes from."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import polib

from explainer.config.languages import Derivation, Languages, languages
from explainer.document.model import Document
from explainer.document.parse import parse_text
from explainer.translation.catalog import Catalog, Rendering, Texts, load_catalog, synchronise, template

SOURCE = "《意见》\n一、总体要求\n(一) 指导思想。坚持立德树人。\n(二) 基本原则。加强党对职业教育工作的全面领导，把握职业教育正确办学方向，坚持面向市场、服务发展、促进就业的办学方向，深化产教融合、校企合作。\n"
LONG = "加强党对职业教育工作的全面领导，把握职业教育正确办学方向，坚持面向市场、服务发展、促进就业的办学方向，深化产教融合、校企合作。"


def _document(source: str = SOURCE) -> Document:
    return parse_text(source, "sources/t.txt", "t")


def _entry(msgctxt: str, msgid: str, msgstr: str, **fields: object) -> polib.POEntry:
    entry = polib.POEntry(msgctxt=msgctxt, msgid=msgid, msgstr=msgstr)
    for name, value in fields.items():
        setattr(entry, name, value)
    return entry


HEADER = {
    "Project-Id-Version": "t",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "X-Source": "t.txt",
}


# -- the files written -------------------------------------------------------------------


def test_a_template_lists_every_segment_untranslated_with_its_source_line() -> None:
    po = template(_document())
    assert po.metadata == {**HEADER, "Language": ""}
    assert [(e.msgctxt, e.msgid, e.msgstr, e.occurrences) for e in po] == [
        ("title", "意见", "", [("t.txt", "1")]),
        ("part1-t", "总体要求", "", [("t.txt", "2")]),
        ("a01-t", "指导思想", "", [("t.txt", "3")]),
        ("a01-p1-s1", "坚持立德树人。", "", [("t.txt", "3")]),
        ("a02-t", "基本原则", "", [("t.txt", "4")]),
        ("a02-p1-s1", LONG, "", [("t.txt", "4")]),
    ]


def test_a_new_catalog_gets_the_standard_header_and_unwrapped_lines() -> None:
    po = synchronise(_document(), Catalog(Path("t.po"), {}), "en")
    assert po.metadata == {**HEADER, "Language": "en"}
    assert [(e.msgctxt, e.msgstr, e.occurrences) for e in po][-1] == ("a02-p1-s1", "", [("t.txt", "4")])
    # One line per string (wrapwidth=0): translators' diffs stay one line per sentence.
    assert f'\nmsgid "{LONG}"\n' in po.__unicode__()


def test_a_catalog_reads_the_entries_after_an_obsolete_one(tmp_path: Path) -> None:
    # msgmerge puts obsolete entries last, but a translator's editor may leave one anywhere.
    path = tmp_path / "t.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#~ msgctxt "gone"\n#~ msgid "去"\n#~ msgstr "Gone"\n\n'
        'msgctxt "title"\nmsgid "意见"\nmsgstr "Opinions"\n',
        encoding="utf-8",
    )
    catalog = load_catalog(path)
    assert [(e.msgctxt, e.msgstr) for e in catalog.obsolete] == [("gone", "Gone")]
    assert {key: e.msgstr for key, e in catalog.entries.items()} == {"title": "Opinions"}


def test_the_header_comment_and_fuzzy_mark_are_kept() -> None:
    # The header is the translators': a header marked fuzzy (by msginit, or by a translator) stays so.
    old = polib.POFile(wrapwidth=0)
    old.metadata = {"Language": "en", "Last-Translator": "A. Translator"}
    old.header = "English translation of t."
    old.metadata_is_fuzzy = True
    po = synchronise(_document(), Catalog(Path("t.po"), {}, old), "en")
    assert po.metadata == {"Language": "en", "Last-Translator": "A. Translator"}
    assert po.__unicode__().startswith('# English translation of t.\n#, fuzzy\nmsgid ""\n')


# -- a translator's work is kept ---------------------------------------------------------------


def test_an_unchanged_segment_keeps_its_translation_flags_and_comments() -> None:
    old = _entry(
        "a01-p1-s1", "坚持立德树人。", "Foster virtue.", flags=["fuzzy"], comment="machine draft (fake)",
        tcomment="checked against the 2019 wording", previous_msgid="坚持德育。",
    )
    po = synchronise(_document(), Catalog(Path("t.po"), {"a01-p1-s1": old}), "en")
    entry = next(e for e in po if e.msgctxt == "a01-p1-s1")
    assert (entry.msgstr, entry.flags, entry.comment, entry.tcomment, entry.previous_msgid, entry.occurrences) == (
        "Foster virtue.", ["fuzzy"], "machine draft (fake)", "checked against the 2019 wording", "坚持德育。", [("t.txt", "3")]
    )


def test_a_changed_segment_keeps_its_translation_fuzzy_once_with_the_old_chinese() -> None:
    drafted = _entry("a01-p1-s1", "坚持德育。", "Moral education.", flags=["fuzzy"], comment="machine draft (fake)")
    reviewed = _entry("a02-t", "原则", "Principles")
    po = synchronise(_document(), Catalog(Path("t.po"), {"a01-p1-s1": drafted, "a02-t": reviewed}), "en")
    entries = {e.msgctxt: e for e in po}
    assert [(e.msgid, e.msgstr, e.flags, e.previous_msgid) for e in (entries["a01-p1-s1"], entries["a02-t"])] == [
        ("坚持立德树人。", "Moral education.", ["fuzzy"], "坚持德育。"),
        ("基本原则", "Principles", ["fuzzy"], "原则"),
    ]


def test_an_obsolete_entry_comes_back_with_its_segment_even_untranslated() -> None:
    # The translator's comment returns with it, and no obsolete copy of the entry stays beside the live one.
    gone = _entry("a01-p1-s1", "坚持立德树人。", "", obsolete=True, tcomment="ask the editor about 立德树人")
    po = synchronise(_document(), Catalog(Path("t.po"), {}, None, [gone]), "en")
    assert [(e.msgctxt, e.msgstr, e.tcomment, e.obsolete) for e in po if e.msgctxt == "a01-p1-s1"] == [("a01-p1-s1", "", "ask the editor about 立德树人", False)]


# -- the status of a rendering -----------------------------------------------------------------


def _render(entry: polib.POEntry) -> Rendering:
    segment = next(s for s in _document().segments() if s.id == "a01-p1-s1")
    return Catalog(Path("t.po"), {segment.id: entry}).render(segment)


def test_a_rendering_says_how_far_its_text_can_be_trusted() -> None:
    assert _render(_entry("a01-p1-s1", "坚持立德树人。", "Foster virtue.")) == Rendering("Foster virtue.", "reviewed")
    assert _render(_entry("a01-p1-s1", "坚持立德树人。", "Foster virtue.", flags=["fuzzy"], comment="machine draft (fake)")) == Rendering("Foster virtue.", "machine")
    # fuzzy without the machine comment: a translator's entry marked for review, not a draft
    assert _render(_entry("a01-p1-s1", "坚持立德树人。", "Foster virtue.", flags=["fuzzy"])) == Rendering("Foster virtue.", "stale")
    # the Chinese changed: stale, whether or not the previous msgid was recorded
    assert _render(_entry("a01-p1-s1", "坚持德育。", "Moral education.")) == Rendering("Moral education.", "stale")
    assert _render(_entry("a01-p1-s1", "坚持立德树人。", "Foster virtue.", previous_msgid="坚持德育。")) == Rendering("Foster virtue.", "stale")
    assert _render(_entry("a01-p1-s1", "坚持立德树人。", " ")) == Rendering("坚持立德树人。", "missing")


# -- where each language's text comes from ---------------------------------------------------------


def test_each_language_takes_its_text_from_the_source_its_catalog_or_a_conversion() -> None:
    document = _document()
    segment = next(s for s in document.segments() if s.id == "a02-t")
    texts = Texts(document, {"en": Catalog(Path("t.po"), {"a02-t": _entry("a02-t", "基本原则", "Basic Principles")})})
    assert [texts.get(segment, lang) for lang in ("zh-Hans", "en", "zh-Hant")] == [
        Rendering("基本原则", "reviewed"), Rendering("Basic Principles", "reviewed"), Rendering("基本原則", "reviewed")
    ]


def test_a_translated_language_with_derived_interface_strings_takes_its_text_from_its_catalog() -> None:
    # `interface: derive` with `text: catalog`: the derivation is for the interface strings only.
    registry = languages()
    english = replace(registry["en"], interface="derive", derive=Derivation("zh-Hans", "s2tw", "tw2s"))
    mixed = Languages(tuple(english if language.code == "en" else language for language in registry))
    document = _document()
    segment = next(s for s in document.segments() if s.id == "a02-t")
    texts = Texts(document, {"en": Catalog(Path("t.po"), {"a02-t": _entry("a02-t", "基本原则", "Basic Principles")})}, mixed)
    assert texts.get(segment, "en") == Rendering("Basic Principles", "reviewed")
