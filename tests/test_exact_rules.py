"""Rules pinned exactly, each against a fixed list written here rather than the constant under test.

A mutation run (issue 17) changed each of these rules and no test failed: a
closing quote dropped from the sentence splitter, a correction applied to every
occurrence on its line, ``.svg`` dropped from precompression.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli
import pytest

from explainer.backend.postprocess import precompress
from explainer.document.corrections import Correction, Corrections
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
