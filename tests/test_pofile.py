"""PO files read strictly and written faithfully.

Every case of BROKEN is a file ``msgfmt --check`` refuses (checked by hand with
GNU gettext 0.21 when the table was written; the project does not depend on it):
build, check and translate must each stop with ``file:line: what was expected``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from hostile import copy_project
from project_copy import SMALL_SOURCE, FakeEngine
from project_copy import small_project as copy_small_project

from explainer.common.errors import InputError
from explainer.document.parse import parse_text
from explainer.translation.catalog import Catalog, Texts, load_catalog, synchronise, write_po_if_changed
from explainer.translation.machine import translate_project
from explainer.translation.pofile import parse_po, read_po

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'

BROKEN = [
    # (PO text after the header, line of the error (counted in the whole file), message)
    ('msgctxt "a"\nmsgid "主要目标"\nmsgstr "Main Objectives\n', 7, 'expected a closing quote (") at the end of the string'),
    ('msgctxt "a"\nmsgid "主要目标"\nmsgstr Main Objectives\n', 7, "expected a quoted string after msgstr, found 'Main Objectives'"),
    ('msgctxt "a"\nmsgid "主要目标"\nmsgstr ""\n"Main \n"Objectives"\n', 8, 'expected a closing quote (") at the end of the string'),
    ('msgctxt "a"\nmsgid "主要目标"\nmsgstr "Main \\q"\n', 7, "invalid escape sequence '\\q': expected \\n, \\t, \\\", \\\\ or another C escape"),
    ('msgctxt "a"\nmsgid "甲"\nmsgstr "A"\n\nmsgctxt "a"\nmsgid "甲"\nmsgstr "B"\n', 9, "duplicate entry for msgctxt 'a' (first at line 5)"),
    ('msgid "甲"\nmsgctxt "a"\nmsgstr "A"\n', 6, "expected msgstr after the msgid of line 5, found msgctxt"),
    ('msgctxt "a"\nmsgctxt "b"\nmsgid "甲"\nmsgstr "A"\n', 6, "expected msgid after msgctxt, found a second msgctxt"),
    ('msgctxt "a"\nmsgstr "A"\nmsgid "甲"\n', 6, "expected msgid before msgstr"),
    ('msgctxt "a"\nmsgid "甲"\nmsgid "乙"\nmsgstr "A"\n', 7, "expected msgstr after msgid, found a second msgid"),
    ('msgctxt "a"\nmsgid "甲"\n\nmsgctxt "b"\nmsgid "乙"\nmsgstr "B"\n', 8, "expected msgstr after the msgid of line 6, found msgctxt"),
    ('msgctxt "a"\nmsgid "甲"\n', 6, "expected msgstr after msgid, found the end of the entry"),
    ('msgctxt "a"\nmsgid "甲"\nmsgstr "A" trailing\n', 7, "expected the end of the line after the closing quote, found 'trailing'"),
    ('msgctxt "a"\nmsgid "甲"\nmsgstr "A"\nmsgstr "B"\n', 8, "expected msgctxt or msgid to start a new entry, found a second msgstr"),
    ('msgctxt "a"\nmsgid "甲"\nmsgstr[0] "A"\n', 7, "expected msgstr, found msgstr[0] without msgid_plural"),
    ('#. note\n"stray"\nmsgctxt "a"\nmsgid "甲"\nmsgstr "A"\n', 6, "expected msgctxt, msgid or msgstr before a quoted string"),
    ('msgctxt "a"\nmsgid "甲"\nmsgsrt "A"\n', 7, "expected msgctxt, msgid, msgstr, a quoted string or a comment, found 'msgsrt \"A\"'"),
    ('msgctxt "a"\nmsgid "甲\\n"\nmsgstr "A"\n', 7, "expected msgid and msgstr both to end with \\n, or neither"),
    ('msgctxt "a"\nmsgid "甲"\n#, fuzzy\nmsgstr "A"\n', 7, "expected msgstr after msgid, found a comment"),
    ('msgctxt "a"\nmsgid "甲"\n#~ msgstr "A"\n', 7, "expected every line of an entry to be obsolete (#~) or none, found a mix"),
]


@pytest.mark.parametrize(("body", "line", "message"), BROKEN, ids=[case[2][:40] for case in BROKEN])
def test_syntax_errors_are_file_line_what_was_expected(body: str, line: int, message: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_po(HEADER + body, "t.po")
    assert str(raised.value) == f"t.po:{line}: {message}"


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "t.po"
    path.write_bytes(HEADER.encode() + b'msgctxt "a"\nmsgid "x"\nmsgstr "\xff"\n')
    with pytest.raises(InputError) as raised:
        read_po(path)
    assert str(raised.value) == f"{path}:7: expected UTF-8 text, found the byte 0xff"


def test_a_header_in_another_charset_is_refused() -> None:
    with pytest.raises(InputError) as raised:
        parse_po(HEADER.replace("UTF-8", "ISO-8859-1"), "t.po")
    assert str(raised.value) == "t.po:1: expected charset=UTF-8 in the header's Content-Type, found charset=ISO-8859-1"


def test_everything_valid_is_read_as_msgfmt_reads_it() -> None:
    text = (
        "# Translator comment\n#\n"
        + HEADER.replace('"Content-Type', '"Last-Translator: A <a@example.org>\\n"\n"Content-Type')
        + "#. extracted\n#: t.txt:3 t.txt:5\n#, fuzzy, c-format\n#| msgctxt \"a\"\n#| msgid \"旧\"\n"
        + 'msgctxt "a"\nmsgid ""\n"甲"\n"乙"\nmsgstr "tab\\there \\"q\\" back\\\\slash \\101\\x42 \\a"\n\n'
        + 'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "un"\nmsgstr[1] "des"\n\n'
        + '#~ msgctxt "gone"\n#~ msgid "去"\n#~ msgstr "Gone"\n'
    )
    po = parse_po(text, "t.po")
    assert po.header == "Translator comment\n"
    assert po.metadata == {"Last-Translator": "A <a@example.org>", "Content-Type": "text/plain; charset=UTF-8"}
    first, plural, gone = list(po)
    assert (first.msgctxt, first.msgid, first.msgstr) == ("a", "甲乙", 'tab\there "q" back\\slash AB \a')
    assert first.flags == ["fuzzy", "c-format"] and first.comment == "extracted"
    assert first.occurrences == [("t.txt", "3"), ("t.txt", "5")]
    assert (first.previous_msgctxt, first.previous_msgid) == ("a", "旧")
    assert first.linenum == 8  # the entry's first line, its comments included (as polib counts)
    assert plural.msgstr_plural == {0: "un", 1: "des"}
    assert gone.obsolete and (gone.msgctxt, gone.msgid, gone.msgstr) == ("gone", "去", "Gone")


def test_the_bundled_po_file_reads_as_polib_writes_it() -> None:
    path = Path(__file__).resolve().parent.parent / "translations" / "en" / "vocational-education-2021.po"
    assert read_po(path).__unicode__() == path.read_text(encoding="utf-8")


# -- build, check and translate all stop at the first syntax error -----------------------


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("broken-po"))
    path = project / "translations" / "en" / "vocational-education-2021.po"
    text = path.read_text(encoding="utf-8")
    old = 'msgstr "Main Objectives"'
    assert old in text
    path.write_text(text.replace(old, 'msgstr "Main Objectives'), encoding="utf-8")
    return project


@pytest.mark.parametrize("command", [["build"], ["check"], ["translate", "--engine", "google", "--timeout", "0.1"]])
def test_every_command_refuses_a_broken_po_file(broken_project: Path, command: list[str]) -> None:
    path = broken_project / "translations" / "en" / "vocational-education-2021.po"
    line = next(number for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text == 'msgstr "Main Objectives')
    before = path.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "explainer", *command], cwd=broken_project, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    expected = f"translations/en/vocational-education-2021.po:{line}: expected a closing quote (\") at the end of the string\n"
    if command == ["build"]:  # build names files under the resolved project root
        expected = f"{broken_project.resolve()}/{expected}"
    assert (result.returncode, result.stderr) == (2, expected)
    assert path.read_bytes() == before and not (broken_project / "site").exists()


# -- translate keeps history and every header field, and writes only on change --------------

class OfflineEngine:
    def translate(self, text: str) -> str:
        raise AssertionError("nothing is missing: no request may be made")


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """The translate tests' small project, its catalog complete and written by hand, with a team's header and notes."""
    copy_small_project(tmp_path)
    (tmp_path / "translations" / "en" / "t.po").write_text(
        "# Team notes: keep British spelling.\n"
        'msgid ""\nmsgstr ""\n'
        '"Project-Id-Version: t\\n"\n"Last-Translator: Li Hua <li@example.org>\\n"\n"Language-Team: English <en@example.org>\\n"\n'
        '"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"X-Custom: kept\\n"\n\n'
        '#: t.txt:1\nmsgctxt "title"\nmsgid "关于测试的意见"\nmsgstr "Opinions on Testing"\n\n'
        '#: t.txt:2\nmsgctxt "part1-t"\nmsgid "总体要求"\nmsgstr "General Requirements"\n\n'
        '#: t.txt:3\nmsgctxt "a01-t"\nmsgid "指导思想"\nmsgstr "Guiding Thought"\n\n'
        '#: t.txt:3\nmsgctxt "a01-p1-s1"\nmsgid "坚持立德树人。"\nmsgstr "Foster virtue."\n\n'
        '#: t.txt:3\nmsgctxt "a01-p1-s2"\nmsgid "加强组织领导。"\nmsgstr "Strengthen leadership."\n',
        encoding="utf-8",
    )
    return tmp_path


def test_offline_translate_with_nothing_to_draft_leaves_the_file_untouched(small_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = small_project / "translations/en/t.po"
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = path.read_bytes()
    assert translate_project(small_project, "en", "fake", 5.0, engine=OfflineEngine()) == 0
    assert path.read_bytes() == before and path.stat().st_mtime_ns == 1_000_000_000
    assert capsys.readouterr().out == f"{path}: 0 machine draft(s) added, 5 existing translation(s) kept; file unchanged\n"


def test_translate_keeps_every_header_field_and_comment(small_project: Path) -> None:
    source = small_project / "sources/t.txt"
    source.write_text(SMALL_SOURCE.replace("加强组织领导。", "加强组织领导。完善保障。"), encoding="utf-8")
    assert translate_project(small_project, "en", "fake", 5.0, engine=FakeEngine()) == 0
    po = read_po(small_project / "translations/en/t.po")
    assert po.header == "Team notes: keep British spelling."
    assert po.metadata["Last-Translator"] == "Li Hua <li@example.org>"
    assert po.metadata["Language-Team"] == "English <en@example.org>"
    assert po.metadata["X-Custom"] == "kept"
    assert {entry.msgctxt: entry.msgstr for entry in po}["a01-p1-s3"] == "EN[完善保障。]"


def test_obsolete_entries_survive_every_later_run(small_project: Path) -> None:
    source = small_project / "sources/t.txt"
    path = small_project / "translations/en/t.po"
    source.write_text(SMALL_SOURCE.replace("加强组织领导。", ""), encoding="utf-8")
    for _ in range(3):
        assert translate_project(small_project, "en", "fake", 5.0, engine=FakeEngine()) == 0
        obsolete = [entry for entry in read_po(path) if entry.obsolete]
        assert [(entry.msgctxt, entry.msgid, entry.msgstr) for entry in obsolete] == [("a01-p1-s2", "加强组织领导。", "Strengthen leadership.")]
    text = path.read_text(encoding="utf-8")
    assert '#~ msgctxt "a01-p1-s2"\n#~ msgid "加强组织领导。"\n#~ msgstr "Strengthen leadership."\n' in text
    # The sentence comes back: so does its translation, without a machine draft.
    source.write_text(SMALL_SOURCE, encoding="utf-8")
    engine = FakeEngine()
    assert translate_project(small_project, "en", "fake", 5.0, engine=engine) == 0
    entries = {entry.msgctxt: entry for entry in read_po(path)}
    assert engine.calls == [] and entries["a01-p1-s2"].msgstr == "Strengthen leadership." and not entries["a01-p1-s2"].obsolete


def test_a_changed_entry_rewrites_the_file(small_project: Path) -> None:
    document = parse_text(SMALL_SOURCE.replace("坚持立德树人。", "坚持立德树人，德技并修。"), "t.txt", "t")
    path = small_project / "translations/en/t.po"
    catalog = load_catalog(path)
    po = synchronise(document, catalog, "en")
    assert write_po_if_changed(po, catalog) is True
    entry = {entry.msgctxt: entry for entry in read_po(path)}["a01-p1-s1"]
    assert "fuzzy" in entry.flags and entry.previous_msgid == "坚持立德树人。" and entry.msgstr == "Foster virtue."


# -- the status rules of the PO store ------------------------------------------------------


def _status(msgid: str, msgstr: str, flags: list[str], comment: str = "", previous: str | None = None) -> str:
    document = parse_text("《意见》\n一、总体要求\n(一) 指导思想。坚持立德树人。\n", "t.txt", "t")
    segment = next(segment for segment in document.segments() if segment.id == "a01-p1-s1")
    entry = polib.POEntry(msgctxt=segment.id, msgid=msgid, msgstr=msgstr, flags=flags, comment=comment, previous_msgid=previous)
    return Texts(document, {"en": Catalog(Path("t.po"), {segment.id: entry})}).get(segment, "en").status


def test_status_rules() -> None:
    assert _status("坚持立德树人。", "Foster virtue.", []) == "reviewed"
    # a fuzzy entry that is not a machine draft is stale, never reviewed
    assert _status("坚持立德树人。", "Foster virtue.", ["fuzzy"]) == "stale"
    assert _status("坚持立德树人。", "Foster virtue.", ["fuzzy"], "machine draft (google); review before removing the fuzzy flag") == "machine"
    # the Chinese changed before translate ran: stale without any previous_msgid
    assert _status("坚持德育。", "Foster virtue.", []) == "stale"
    assert _status("坚持立德树人。", "Foster virtue.", [], previous="坚持德育。") == "stale"
    # an empty (or blank) msgstr is missing, never a blank reviewed sentence
    assert _status("坚持立德树人。", "", []) == "missing"
    assert _status("坚持立德树人。", "  ", []) == "missing"


def test_interface_catalogs_are_read_strictly(tmp_path: Path) -> None:
    """The interface strings' catalogs come from translators too: the same reader, the same errors."""
    from explainer.render.i18n import catalog

    path = tmp_path / "interface.po"
    path.write_text(HEADER + 'msgid "Contents"\nmsgstr "Table des matières\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        catalog(path)
    assert str(raised.value) == f'{path}:6: expected a closing quote (") at the end of the string'


@pytest.mark.parametrize("msgstr", ["第{number}条{% if 1 %}", "第{number.__class__}条", "第{number}条{"])
def test_interface_translations_use_only_their_msgids_placeholders(tmp_path: Path, msgstr: str) -> None:
    """A stray placeholder would crash the build (KeyError) or reach into Python objects: file:line instead."""
    from explainer.render.i18n import catalog

    path = tmp_path / "interface.po"
    path.write_text(HEADER + f'msgid "Article {{number}}"\nmsgstr "{msgstr}"\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        catalog(path)
    assert str(raised.value) == f'{path}:5: interface string "Article {{number}}": expected a translation with the placeholders {{number}}, found "{msgstr}"'
