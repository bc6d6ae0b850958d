"""Script conversion with OpenCC: how a language derived from the source (zh-Hant) gets its text.

Traditional Chinese is derived from Simplified with OpenCC's character-level
``s2tw`` configuration. The phrase-level configurations (``s2twp`` …) swap
vocabulary (文件 → 檔案), which would misquote an official text. Which
configuration a language uses is data: the language registry names it.
"""

from __future__ import annotations

from functools import lru_cache

import opencc

OPENCC_CONFIG = "s2tw"


@lru_cache(maxsize=8)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@lru_cache(maxsize=65536)
def convert(text: str, config: str) -> str:
    """``text`` converted with the OpenCC configuration ``config`` (``s2tw``, ``tw2s`` …)."""
    return _converter(config).convert(text)


def to_traditional(text: str) -> str:
    """Simplified → Traditional, character by character (OpenCC s2tw: Taiwan standard characters, no vocabulary changes)."""
    return convert(text, OPENCC_CONFIG)


def to_simplified(text: str) -> str:
    """Traditional (Taiwan standard) → Simplified, character by character: the inverse of :func:`to_traditional`."""
    return convert(text, "tw2s")
