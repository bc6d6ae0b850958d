"""Interface wording per language, and the Simplified → Traditional conversion.

Traditional Chinese is derived from Simplified with OpenCC's ``s2tw``
configuration: Taiwan standard characters (教育部標準字體), no vocabulary changes.
The phrase-level configurations (``s2twp`` …) swap vocabulary (文件 → 檔案), which
would misquote an official text. Where OpenCC's word segmentation picks the wrong
character (认定制度 → 認定製度), a reviewed override in
``translations/zh-Hant/overrides.yml`` corrects it, and quotation marks become
Taiwan's 「」 and 『』 (OpenCC never converts punctuation).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import opencc

from ..common.errors import InputError
from ..common.yamlfile import load_yaml
from ..document.model import chinese_numeral

OPENCC_CONFIG = "s2tw"
OVERRIDES_FILE = "translations/zh-Hant/overrides.yml"

MAINLAND_QUOTES = "“”‘’"
"""Quotation marks that must not reach a Traditional page."""


@dataclass(frozen=True)
class ConversionOverride:
    """A reviewed correction: wherever ``simplified`` occurs, write ``traditional`` instead of OpenCC's ``opencc``."""

    simplified: str
    opencc: str
    traditional: str
    why: str
    line: int


@dataclass(frozen=True)
class Suspect:
    """A Traditional form that is almost always a wrong conversion."""

    traditional: str
    why: str
    line: int


@dataclass(frozen=True)
class ConversionTable:
    path: str
    overrides: tuple[ConversionOverride, ...]
    suspects: tuple[Suspect, ...]


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC(OPENCC_CONFIG)


def opencc_traditional(text: str) -> str:
    """OpenCC's own s2tw output, before overrides and quotation marks (for checks)."""
    return _converter().convert(text)


def load_conversion_table(path: Path) -> ConversionTable:
    """Read and validate the overrides file; a missing file is an empty table."""
    if not path.exists():
        return ConversionTable(str(path), (), ())
    data = load_yaml(path, missing="the Traditional Chinese overrides")
    if not isinstance(data, dict):
        raise InputError(str(path), 1, "expected 'overrides:' and 'suspects:' lists")
    overrides = tuple(_override(str(path), entry) for entry in _entries(str(path), data, "overrides"))
    suspects = tuple(_suspect(str(path), entry) for entry in _entries(str(path), data, "suspects"))
    return ConversionTable(str(path), overrides, suspects)


def _entries(path: str, data: dict, key: str) -> list:
    entries = data.get(key) or []
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise InputError(path, data.line_of(key) if hasattr(data, "line_of") else 1, f"'{key}' must be a list of mappings")
    return entries


def _field(path: str, entry: dict, key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(path, entry.line, f"expected '{key}:' with text, found {value!r}")
    return value.strip()


def _override(path: str, entry: dict) -> ConversionOverride:
    simplified, wrong, right = _field(path, entry, "zh-Hans"), _field(path, entry, "opencc"), _field(path, entry, "zh-Hant")
    if not len(simplified) == len(wrong) == len(right):
        raise InputError(path, entry.line, f"override '{simplified}': zh-Hans, opencc and zh-Hant must have the same length (character for character)")
    return ConversionOverride(simplified, wrong, right, _field(path, entry, "why"), entry.line)


def _suspect(path: str, entry: dict) -> Suspect:
    return Suspect(_field(path, entry, "zh-Hant"), _field(path, entry, "why"), entry.line)


def _default_table_path() -> Path:
    """The overrides file of the project this package belongs to (searched upwards from the package)."""
    for folder in Path(__file__).resolve().parents:
        candidate = folder / OVERRIDES_FILE
        if candidate.exists():
            return candidate
    return Path(OVERRIDES_FILE)


_table_path: list[Path] = []


def use_conversion_table(path: Path) -> None:
    """Convert with the overrides of ``path`` (a project's own file) from now on."""
    _table_path[:] = [path]
    _table.cache_clear()
    to_traditional.cache_clear()


@lru_cache(maxsize=1)
def _table() -> ConversionTable:
    return load_conversion_table(_table_path[0] if _table_path else _default_table_path())


def conversion_table() -> ConversionTable:
    """The reviewed overrides and suspects in use."""
    return _table()


def apply_overrides(simplified: str, converted: str, overrides: tuple[ConversionOverride, ...]) -> str:
    """Put each override's reviewed Traditional wherever its Simplified phrase occurs.

    s2tw converts character for character, so a phrase at offset i of the
    Simplified text is at offset i of the conversion.
    """
    if len(converted) != len(simplified):
        return converted
    chars = list(converted)
    for override in overrides:
        start = simplified.find(override.simplified)
        while start != -1:
            chars[start : start + len(override.traditional)] = override.traditional
            start = simplified.find(override.simplified, start + 1)
    return "".join(chars)


def taiwan_quotes(text: str) -> str:
    """Mainland quotation marks → Taiwan's: “…” → 「…」, nested ‘…’ or “…” → 『…』.

    Depth decides the form, so a quotation inside a quotation is 『』 whichever
    mark the Simplified text used for it.
    """
    out: list[str] = []
    depth = 0
    for char in text:
        if char in "“‘":
            out.append("「" if depth % 2 == 0 else "『")
            depth += 1
        elif char in "”’" and depth > 0:
            depth -= 1
            out.append("」" if depth % 2 == 0 else "』")
        else:
            out.append(char)
    return "".join(out)


@lru_cache(maxsize=65536)
def to_traditional(text: str) -> str:
    """Simplified → Traditional (Taiwan standard characters, no vocabulary changes), with the reviewed overrides and Taiwan quotation marks."""
    converted = apply_overrides(text, _converter().convert(text), _table().overrides)
    return taiwan_quotes(converted)


@lru_cache(maxsize=1)
def _simplifier() -> opencc.OpenCC:
    return opencc.OpenCC("tw2s")


def to_simplified(text: str) -> str:
    """Traditional (Taiwan standard) → Simplified, character by character: the inverse of :func:`to_traditional`."""
    return _simplifier().convert(text)


ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]

_ZH: dict[str, str] = {
    "site_name": "政策解读",
    "home": "首页",
    "full_text": "意见全文",
    "overview": "总览",
    "parts_and_articles": "各部分与条目",
    "qa": "答记者问",
    "qa_overview": "问答总览",
    "glossary": "术语表",
    "previous": "上一条",
    "next": "下一条",
    "previous_item": "上一问",
    "next_item": "下一问",
    "part": "部分",
    "articles_in_part": "本部分条目",
    "question": "问",
    "answer": "答",
    "issued_by": "发布机关",
    "translation_pending": "本页部分内容尚待翻译，暂以中文原文显示。",
    "machine_draft": "本页部分译文为机器翻译草稿，尚未经人工审校。",
    "stale": "原文已修改，本页部分译文需要更新。",
    "in_part": "所属部分",
    "contents": "目录",
    "about": "关于本站",
    "documents": "文件",
    "dropped": "删除的行",
    "read_article": "阅读条目",
    "read_answer": "阅读答问",
}

_EN: dict[str, str] = {
    "site_name": "Policy Explainer",
    "home": "Home",
    "full_text": "Full text",
    "overview": "Overview",
    "parts_and_articles": "Parts and articles",
    "qa": "Press Q&A",
    "qa_overview": "Q&A overview",
    "glossary": "Glossary",
    "previous": "Previous article",
    "next": "Next article",
    "previous_item": "Previous question",
    "next_item": "Next question",
    "part": "Part",
    "articles_in_part": "Articles in this part",
    "question": "Q",
    "answer": "A",
    "issued_by": "Issued by",
    "translation_pending": "Translation pending: parts of this page are shown in the original Chinese until their English translation is ready.",
    "machine_draft": "Parts of this page are machine-translation drafts that have not yet been reviewed.",
    "stale": "The Chinese text has changed since parts of this translation were reviewed; they are being updated.",
    "in_part": "Part",
    "contents": "Contents",
    "about": "About this site",
    "documents": "Documents",
    "dropped": "Dropped lines",
    "read_article": "Read the article",
    "read_answer": "Read the answer",
}


def labels(lang: str) -> dict[str, str]:
    """Interface strings for ``lang`` (zh-Hant derived from zh-Hans)."""
    if lang == "en":
        return _EN
    if lang == "zh-Hant":
        return {key: to_traditional(value) for key, value in _ZH.items()}
    return _ZH


def article_label(number: int, lang: str) -> str:
    """第（五）条 / Article 5."""
    if lang == "en":
        return f"Article {number}"
    label = f"第（{chinese_numeral(number)}）条"
    return to_traditional(label) if lang == "zh-Hant" else label


def article_short(number: int, lang: str) -> str:
    """（五） / Art. 5 — for compact lists and link labels."""
    if lang == "en":
        return f"Art. {number}"
    return f"（{chinese_numeral(number)}）"


def part_label(number: int, lang: str) -> str:
    """第二部分 / Part II."""
    if lang == "en":
        return f"Part {ROMAN[number] if number < len(ROMAN) else number}"
    label = f"第{chinese_numeral(number)}部分"
    return to_traditional(label) if lang == "zh-Hant" else label


def part_prefix(number: int, lang: str) -> str:
    """二、 / II. — as part headings are numbered."""
    if lang == "en":
        return f"{ROMAN[number] if number < len(ROMAN) else number}."
    return f"{chinese_numeral(number)}、"


def qa_label(number: int, lang: str) -> str:
    """问题三 / Question 3."""
    if lang == "en":
        return f"Question {number}"
    label = f"问题{chinese_numeral(number)}"
    return to_traditional(label) if lang == "zh-Hant" else label
