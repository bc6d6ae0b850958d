"""Rules pinned exactly, each against a fixed list written here rather than the constant under test.

A mutation run (issue 17, then ``make mutate``) changed each of these rules and no
test failed: a closing quote dropped from the sentence splitter, a correction
applied to every occurrence on its line, ``.svg`` dropped from precompression, the
line or file named by a corrections-file error.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import pytest

from explainer.backend.postprocess import precompress
from explainer.common.errors import InputError
from explainer.document.corrections import Accepted, Correction, Corrections, load_corrections
from explainer.document.parse import apply_corrections
from explainer.document.sentences import ends_sentence, split_sentences

CLOSING_MARKS = ["”", "’", "」", "』", "）", "》", ")"]
"""Every closing quote and bracket that stays with the sentence it ends (full and half width)."""


@pytest.mark.parametrize("mark", CLOSING_MARKS)
def test_each_closing_mark_stays_with_its_sentence(mark: str) -> None:
    text = f"他说：“要坚持。{mark}其后继续推进。"
    assert split_sentences(text) == [f"他说：“要坚持。{mark}", "其后继续推进。"]
    assert ends_sentence(f"要坚持。{mark}") is True


@pytest.mark.parametrize("mark", CLOSING_MARKS)
def test_closing_marks_may_follow_each_other(mark: str) -> None:
    assert split_sentences(f"“‘好。’{mark}下一句。") == [f"“‘好。’{mark}", "下一句。"]


def test_an_opening_mark_after_a_full_stop_starts_the_next_sentence() -> None:
    assert split_sentences("要坚持。“创新”就是要推进。") == ["要坚持。", "“创新”就是要推进。"]
    assert ends_sentence("要坚持。“") is False


def _correction(original: str, corrected: str) -> Corrections:
    return Corrections(corrections=(Correction(line=2, original=original, corrected=corrected, why="extraction", entry_line=3),))


def test_a_correction_changes_only_the_first_occurrence_on_its_line() -> None:
    lines = ["第一行", "培训 and 市场化，教育 and 培训", "第三行 and"]
    corrected, repairs = apply_corrections(lines, _correction(" and ", "和"), "x.txt", "x.corrections.yml")
    assert corrected == ["第一行", "培训和市场化，教育 and 培训", "第三行 and"]
    assert [(repair.kind, repair.line) for repair in repairs] == [("correction", 2)]


def test_two_corrections_of_one_line_change_both_occurrences_in_order() -> None:
    corrections = Corrections(
        corrections=(
            Correction(line=1, original="and", corrected="和", why="first", entry_line=2),
            Correction(line=1, original="and", corrected="与", why="second", entry_line=6),
        )
    )
    corrected, repairs = apply_corrections(["甲 and 乙 and 丙"], corrections, "x.txt", "x.corrections.yml")
    assert corrected == ["甲 和 乙 与 丙"]
    assert len(repairs) == 2


COMPRESSED_TYPES = [".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".tbx", ".csv", ".txt", ".webmanifest"]
"""Text formats a server should send precompressed (the README's list): written out here, not read from the code."""

UNCOMPRESSED_TYPES = [".png", ".jpg", ".woff2", ".ico", ".pf_fragment", ".pf_index", ".pf_meta", ".pagefind", ".gz", ".br"]
"""Formats compressed already (images, fonts, Pagefind's chunks) or compressed copies themselves."""


@pytest.mark.parametrize("suffix", COMPRESSED_TYPES)
def test_each_text_type_gets_gzip_and_brotli_siblings(tmp_path: Path, suffix: str) -> None:
    content = ("<svg><path d='M0 0'/></svg>\n" * 300).encode()
    path = tmp_path / f"file{suffix}"
    path.write_bytes(content)
    precompress(tmp_path)
    assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == content
    assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == content


@pytest.mark.parametrize("suffix", UNCOMPRESSED_TYPES)
def test_binary_and_compressed_types_get_no_siblings(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"file{suffix}"
    path.write_bytes(b"compressible " * 300)
    precompress(tmp_path)
    assert sorted(child.name for child in tmp_path.iterdir()) == [path.name]


CORRECTIONS_ERRORS = [
    # Each names the line of the value at fault, not of the mapping around it.
    ("corrections: []\nclosing: 45\n", 2, "'closing' must be a mapping with 'line' and 'why'"),
    ("closing:\n  why: none\n", 2, "entry has no 'line'"),
    ("closing:\n  why: none\n  line: -1\n", 3, "'line' must be the line where the closing starts, or 0 for none, found '-1'"),
    ("accepted: []\ncorrections: 3\n", 2, "'corrections' must be a list of entries"),
    ("corrections:\n  - original: a\n    corrected: b\n    why: c\n", 2, "entry has no 'line'"),
    ("corrections:\n  - original: a\n    corrected: b\n    why: c\n    line: 0\n", 5, "'line' must be a positive line number, found '0'"),
    ("corrections:\n  - original: a\n    corrected: b\n    why: c\n    line:\n", 5, "'line' must be a positive line number, found ''"),
    ("corrections:\n  - line: 2\n    original: ''\n    corrected: b\n    why: c\n", 3, "'original' must be a non-empty string"),
    ("corrections:\n  - line: 2\n    original: a\n    corrected: b\n", 2, "entry has no 'why'"),
    ("accepted:\n  - text: a\n    why: c\n", 2, "entry has no 'line'"),
    ("accepted:\n  - line: 2\n    text: a\n", 2, "entry has no 'why'"),
    ("just text\n", 1, "expected a mapping with 'corrections' and 'accepted'"),
    ("\n\n- line: 3\n", 3, "expected a mapping with 'corrections' and 'accepted'"),
]


@pytest.mark.parametrize(("text", "line", "message"), CORRECTIONS_ERRORS)
def test_corrections_errors_name_the_file_and_the_line_at_fault(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "x.corrections.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_corrections(path)
    assert str(raised.value) == f"{path}:{line}: {message}"


def test_corrections_load_every_field_and_allow_line_1_and_empty_sections(tmp_path: Path) -> None:
    path = tmp_path / "x.corrections.yml"
    path.write_text(
        "corrections:\n  - line: 1\n    original: a\n    corrected: b\n    why: typo\naccepted:\n  - line: 1\n    text: c\n    why: as published\n",
        encoding="utf-8",
    )
    loaded = load_corrections(path)
    assert loaded.corrections == (Correction(line=1, original="a", corrected="b", why="typo", entry_line=2),)
    assert loaded.accepted == (Accepted(line=1, text="c", why="as published"),)
    path.write_text("corrections: ''\naccepted: ''\n", encoding="utf-8")
    assert load_corrections(path) == Corrections()


@pytest.mark.parametrize(
    ("text", "ends"),
    [("要坚持。 ", True), ("要坚持。”\u3000", True), ("要坚持……", True), ("要坚持…", False), ("要坚持，", False), ("", False)],
)
def test_what_ends_a_sentence(text: str, ends: bool) -> None:
    # Trailing spaces do not count; a doubled ellipsis ends a sentence, a single one does not.
    assert ends_sentence(text) is ends


def test_a_mark_at_the_very_start_is_a_sentence_of_its_own() -> None:
    assert split_sentences("！好。") == ["！", "好。"]
