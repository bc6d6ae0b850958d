"""How each language of the site writes: punctuation after labels, spacing, lists, its glossary counterpart.

Data, not branches on a language's name: a language added to the site adds a row here.
"""

from __future__ import annotations

TYPOGRAPHY: dict[str, dict[str, str]] = {
    "zh-Hans": {"colon": "：", "space": "", "list": "、", "counterpart": "en", "pinyin": "yes", "index": "pinyin"},
    "zh-Hant": {"colon": "：", "space": "", "list": "、", "counterpart": "en", "pinyin": "yes", "index": "pinyin"},
    "en": {"colon": ": ", "space": " ", "list": ", ", "counterpart": "zh-Hans", "pinyin": "", "index": "latin"},
}
"""How each language writes: the colon after a label, the space between sentences,
the list separator, the language of the other side of the glossary (shown on term
cards), whether term cards show pinyin, and how the glossary index is ordered."""


def typography(lang: str) -> dict[str, str]:
    """The typography of ``lang`` (see :data:`TYPOGRAPHY`)."""
    return TYPOGRAPHY[lang]


def labelled(label: str, lang: str) -> str:
    """``label`` followed by the language's colon: 其他译法： / Also rendered as: ."""
    return label + TYPOGRAPHY[lang]["colon"]
