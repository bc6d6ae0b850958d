"""Sentence splitting for Chinese prose.

A sentence ends at 。？！ (full or half width) together with any closing quotes
or brackets that follow, so that ``“守正”就是……。”`` keeps its quote.
"""

from __future__ import annotations

SENTENCE_END = "。？！?!"
CLOSING = "”’」』）》)"
ELLIPSIS = "…"


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation (closing quotes allowed)."""
    stripped = text.rstrip().rstrip(CLOSING)
    return bool(stripped) and (stripped[-1] in SENTENCE_END or stripped.endswith(ELLIPSIS * 2))


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences; no character is lost or added."""
    sentences: list[str] = []
    start = 0
    index = 0
    while index < len(text):
        if text[index] in SENTENCE_END:
            end = index + 1
            while end < len(text) and (text[end] in CLOSING or text[end] in SENTENCE_END):
                end += 1
            sentences.append(text[start:end])
            start = index = end
            continue
        index += 1
    if text[start:].strip():
        sentences.append(text[start:])
    elif sentences:
        sentences[-1] += text[start:]
    return [sentence.strip() for sentence in sentences if sentence.strip()]
