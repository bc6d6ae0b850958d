"""Translation held to its standard: the style guide's mechanical patterns and
the Traditional Chinese conversion.

``translations/en/style-patterns.yml`` lists the patterns of
``translations/en/STYLE.md`` that a machine can detect;
``translations/zh-Hant/overrides.yml`` lists reviewed corrections of OpenCC and
the forms that betray a wrong conversion. (The term base's renderings to avoid
are checked in ``glossary.checks``.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..common.errors import InputError
from ..common.yamlfile import load_yaml
from ..document.model import Document
from .catalog import load_catalog, po_path
from .conversion import conversion_faults, conversion_table, opencc_traditional, to_traditional

STYLE_PATTERNS_FILE = "translations/en/style-patterns.yml"


@dataclass(frozen=True)
class StylePattern:
    id: str
    pattern: re.Pattern[str]
    zh: re.Pattern[str] | None
    not_zh: re.Pattern[str] | None
    allow: tuple[str, ...]
    rule: str
    message: str
    line: int

    def finds(self, chinese: str, english: str) -> list[str]:
        """The stretches of ``english`` this pattern objects to, given the Chinese it renders."""
        if self.zh is not None and not self.zh.search(chinese):
            return []
        if self.not_zh is not None and self.not_zh.search(chinese):
            return []
        for phrase in self.allow:
            english = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", english, flags=re.IGNORECASE)
        return [match.group(0) for match in self.pattern.finditer(english)]


def _regex(path: str, line: int, source: object, field: str) -> re.Pattern[str]:
    if not isinstance(source, str) or not source:
        raise InputError(path, line, f"expected '{field}:' with a regular expression, found {source!r}")
    try:
        return re.compile(source, re.IGNORECASE)
    except re.error as error:
        raise InputError(path, line, f"'{field}' is not a valid regular expression: {error}") from None


def load_style_patterns(path: Path) -> list[StylePattern]:
    """Read the style patterns; a missing file means none."""
    if not path.exists():
        return []
    data = load_yaml(path, missing="the style patterns")
    entries = data.get("patterns") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(str(path), 1, "expected 'patterns:' with a list of patterns")
    patterns = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise InputError(str(path), 1, "each pattern must be a mapping with id, pattern, rule and message")
        line = entry.line
        for field in ("id", "rule", "message"):
            if not isinstance(entry.get(field), str) or not entry[field].strip():
                raise InputError(str(path), line, f"expected '{field}:' with text")
        allow = entry.get("allow") or []
        if not isinstance(allow, list) or not all(isinstance(item, str) for item in allow):
            raise InputError(str(path), line, "'allow' must be a list of phrases")
        patterns.append(
            StylePattern(
                id=entry["id"],
                pattern=_regex(str(path), line, entry.get("pattern"), "pattern"),
                zh=_regex(str(path), line, entry["zh"], "zh") if "zh" in entry else None,
                not_zh=_regex(str(path), line, entry["not_zh"], "not_zh") if "not_zh" in entry else None,
                allow=tuple(allow),
                rule=entry["rule"],
                message=entry["message"],
                line=line,
            )
        )
    return patterns


def style_problems(root: Path, document: Document) -> list[str]:
    """``check`` lines for every style-guide pattern found in the English."""
    path = po_path(root, "en", document.slug)
    catalog = load_catalog(path)
    patterns = load_style_patterns(root / STYLE_PATTERNS_FILE)
    problems = []
    for segment in document.segments():
        entry = catalog.entries.get(segment.id)
        if entry is None or not entry.msgstr.strip():
            continue
        where = f"{path}:{entry.linenum}: {segment.id}"
        for pattern in patterns:
            for found in pattern.finds(segment.zh, entry.msgstr):
                problems.append(f"{where}: style {pattern.id} '{found}': {pattern.message} (STYLE.md {pattern.rule})")
    return problems


def traditional_problems(root: Path, document: Document) -> list[str]:
    """Conversions known to go wrong, mainland quotation marks left in the Traditional text, needless overrides."""
    table = conversion_table()
    problems = []
    for segment in document.segments():
        converted = to_traditional(segment.zh)
        where = f"{document.source}:{segment.line}: {segment.id}"
        suspects, left = conversion_faults(converted)
        problems += [f"{where}: {problem}" for problem in suspects]
        if left:
            problems.append(f"{where}: zh-Hant text keeps mainland quotation marks {left}: expected 「」 and 『』 (unbalanced quotes in the source?)")
    text = "".join(segment.zh for segment in document.segments())
    for override in table.overrides:
        if override.simplified in text and opencc_traditional(override.simplified) != override.opencc:
            problems.append(
                f"{table.path}:{override.line}: override of {override.simplified} is needless: OpenCC now writes "
                f"{opencc_traditional(override.simplified)}, not {override.opencc}"
            )
    return problems
