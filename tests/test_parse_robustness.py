"""Robustness of the parser: random damage to real-looking sources, and linear time.

Property: whatever the damage (deleted, duplicated or swapped lines, shuffled
numbering, injected Latin, random Unicode, huge lines, stray markers and site
furniture), the parser either returns a model that loses no text or raises the
clean :class:`ParseError`; never another exception, never a hang.
"""

from __future__ import annotations

import re
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.common.errors import InputError
from explainer.document.model import Document, chinese_numeral
from explainer.document.parse import parse_text

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    *(sorted((ROOT / "tests" / "fixtures" / "documents").glob("*.txt"))),
    ROOT / "tests" / "fixtures" / "multi" / "sources" / "double-high-plan-2019.txt",
    ROOT / "sources" / "vocational-education-2021.txt",
]
BASES = [path.read_text(encoding="utf-8") for path in SOURCES]
HANG_LIMIT_SECONDS = 10
"""A parse that takes this long is a hang (a normal parse of the seed takes milliseconds)."""

MARKER_CHARACTERS = re.compile(r"[\W_一二三四五六七八九十百零问答记者]")
"""What the parser may remove from a line: punctuation and spaces, and the characters of
structural markers (一、 (一) 问： 记者： 答：). Everything else must reach the model, in order."""


@contextmanager
def hang_guard(seconds: int = HANG_LIMIT_SECONDS) -> Iterator[None]:
    """Turn a hang into a failure instead of a stuck test run."""

    def fail(signum: int, frame: object) -> None:
        raise TimeoutError(f"the parser did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def kept_content(text: str, document: Document) -> tuple[str, str]:
    """(content of the source minus dropped lines, content of the model)."""
    dropped = {line.line for line in document.dropped}
    lines = text.split("\n")
    source = "".join(MARKER_CHARACTERS.sub("", line) for number, line in enumerate(lines, 1) if number not in dropped)
    model = "".join(MARKER_CHARACTERS.sub("", segment.zh) for segment in document.segments())
    return source, model


def parse_or_clean_error(text: str) -> Document | None:
    """Parse; a clean ParseError/InputError is an accepted outcome (returns None)."""
    try:
        with hang_guard():
            return parse_text(text, "damaged.txt", "damaged")
    except InputError as error:
        assert error.file == "damaged.txt" and error.line >= 0 and error.message
        assert "\n" not in str(error)
        return None


def assert_lossless(text: str) -> None:
    document = parse_or_clean_error(text)
    if document is None:
        return
    source, model = kept_content(text, document)
    assert model == source
    ids = [segment.id for segment in document.segments()]
    assert len(ids) == len(set(ids)), "segment ids must be unique (PO entries and anchors rely on it)"
    assert all(segment.zh.strip() for segment in document.segments()), "no empty segment"


# -- damage ------------------------------------------------------------------------------------

NUMERALS = [chinese_numeral(number) for number in range(1, 25)]
MARKER_RE = re.compile(r"^(\s*[(（]?)([一二三四五六七八九十]+)([)）、])")
STRAY_LINES = [
    "来源：新华社", "责任编辑：王萌", "2017年12月5日", "（此件公开发布）", "国务院办公厅", "问：为什么？", "答：因为。",
    "记者：", "答：", "——", "——教育部有关负责人答记者问", "答记者问", "《关于测试的意见》", "一、", "(一)", "（二十三）",
    "一、总体要求", "各地区各部门要认真贯彻落实。", "国办发〔2017〕95号", "【纠错】", "   ", "\u3000\u3000", "\r",
]
HUGE_PATTERNS = ["甲", "甲，", "甲。", "(一)", "一、", "a ", "甲 ", "关于的", "问：", "——", "《", "\u3000", "各贯彻落实"]


def _delete(lines: list[str], index: int, data: st.DataObject) -> None:
    del lines[index]


def _duplicate(lines: list[str], index: int, data: st.DataObject) -> None:
    lines.insert(index, lines[index])


def _swap(lines: list[str], index: int, data: st.DataObject) -> None:
    other = data.draw(st.integers(0, len(lines) - 1))
    lines[index], lines[other] = lines[other], lines[index]


def _renumber(lines: list[str], index: int, data: st.DataObject) -> None:
    numeral = data.draw(st.sampled_from(NUMERALS))
    lines[index] = MARKER_RE.sub(lambda match: match.group(1) + numeral + match.group(3), lines[index], count=1)


def _insert_text(lines: list[str], index: int, data: st.DataObject, alphabet: st.SearchStrategy[str]) -> None:
    line = lines[index]
    at = data.draw(st.integers(0, len(line)))
    lines[index] = line[:at] + data.draw(st.text(alphabet, min_size=1, max_size=12)) + line[at:]


def _latin(lines: list[str], index: int, data: st.DataObject) -> None:
    _insert_text(lines, index, data, st.sampled_from("abcXYZ and "))


def _unicode(lines: list[str], index: int, data: st.DataObject) -> None:
    _insert_text(lines, index, data, st.characters())


def _stray(lines: list[str], index: int, data: st.DataObject) -> None:
    lines.insert(index, data.draw(st.sampled_from(STRAY_LINES)))


def _huge(lines: list[str], index: int, data: st.DataObject) -> None:
    pattern = data.draw(st.sampled_from(HUGE_PATTERNS))
    lines[index] = lines[index] + pattern * data.draw(st.integers(1_000, 20_000))


DAMAGE: list[Callable[[list[str], int, st.DataObject], None]] = [
    _delete, _duplicate, _swap, _renumber, _latin, _unicode, _stray, _huge,
]


def damage(text: str, data: st.DataObject) -> str:
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 6), label="operations")):
        if not lines:
            break
        operation = data.draw(st.sampled_from(DAMAGE))
        operation(lines, data.draw(st.integers(0, len(lines) - 1)), data)
    return "\n".join(lines)


PROPERTY_SETTINGS = settings(
    max_examples=150,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)
"""Fixed seed, so the run is reproducible and its time predictable; a deadline per example."""


def test_every_base_text_parses_losslessly() -> None:
    for text in BASES:
        document = parse_or_clean_error(text)
        assert document is not None
        source, model = kept_content(text, document)
        assert model == source


@PROPERTY_SETTINGS
@given(base=st.sampled_from(BASES), data=st.data())
def test_damaged_sources_lose_nothing_or_fail_cleanly(base: str, data: st.DataObject) -> None:
    assert_lossless(damage(base, data))


@settings(max_examples=150, deadline=timedelta(seconds=2), derandomize=True)
@given(text=st.text(st.sampled_from("一二三(（)）、。，问答记者：—《》关于的意见甲乙 \n\u3000a0"), max_size=200))
def test_random_text_in_the_grammar_alphabet(text: str) -> None:
    assert_lossless(text)


@settings(max_examples=100, deadline=timedelta(seconds=2), derandomize=True)
@given(text=st.text(max_size=300))
def test_random_unicode(text: str) -> None:
    assert_lossless(text)


# -- linear time -------------------------------------------------------------------------------

HEAD = "《关于测试的意见》\n一、总体要求\n(一) 指导思想。甲。\n"
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "page-break chain": lambda n: HEAD + "推进部省共建职业教育\n" * n,
    "one huge paragraph": lambda n: HEAD + "甲，" * (20 * n) + "。\n",
    "spaces and Latin": lambda n: HEAD + "甲 a " * (10 * n) + "。\n",
    "many questions": lambda n: HEAD + "答记者问\n" + "问：为什么？\n答：因为。\n" * n,
    "many signers": lambda n: HEAD + "乙。\n" + "国务院办公厅\n2017年12月5日\n" * n,
    "title-like line": lambda n: "关于的" * (10 * n) + "\n" + HEAD,
    "markers in prose": lambda n: HEAD + "（一）一、问：" * (10 * n) + "\n",
}
SMALL, FACTOR = 500, 16


def seconds_to_parse(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        parse_or_clean_error(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", PATHOLOGICAL)
def test_parse_time_grows_linearly(shape: str) -> None:
    """Sixteen times the input may cost at most about four times sixteen the time: a
    quadratic step (256×) fails this, timer noise on a busy machine does not."""
    make = PATHOLOGICAL[shape]
    small = max(seconds_to_parse(make(SMALL)), 0.002)
    large = seconds_to_parse(make(SMALL * FACTOR))
    assert large < small * FACTOR * 4, f"{shape}: {small * 1000:.1f} ms → {large * 1000:.1f} ms for {FACTOR}× the input"
