"""Candidate glossary terms in a new document that the term base lacks.

Policy texts coin their terms in recognisable ways, and these are what a
terminologist must settle before anyone translates:

- quoted coinages: “双师型”, “学历证书+若干职业技能等级证书”;
- abbreviations defined in the text: （以下简称“双高计划”）, 简称“职教高考”;
- programme and plan names: 中国特色高水平高职学校和专业建设计划, 产教融合型企业;
- phrases the text repeats (a run of 4–10 Chinese characters seen three times or
  more, kept only where no longer repeated phrase covers all its occurrences).

Each candidate carries its kind, count and first line so the operator can find it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..document.model import Document, Segment
from .terms import Glossary

QUOTED_RE = re.compile(r"“([^“”，。；：！？]{2,16})”")
DEFINED_RE = re.compile(r"(?:以下)?简称[为作]?\s*[“\"]?([\u4e00-\u9fff0-9+＋]{2,10})[”\"]?")
PROGRAMME_RE = re.compile(
    r"[\u4e00-\u9fff]{2,20}?(?:计划|工程|行动|项目|工坊|基地|平台|联盟|联合体|共同体|试点|示范区|先行区|专项|制度|机制)(?=[，。、；：（）(”\s]|$)"
)
RUN_RE = re.compile(r"[\u4e00-\u9fff]{4,}")
REPEAT_MIN = 3
REPEAT_LENGTHS = range(4, 17)
DOCUMENT_WORDS = frozenset({"意见", "决定", "通知", "规定", "办法", "条例", "方案", "纲要", "规划", "本法", "本条例", "本办法", "本意见"})
"""Short names a text gives itself or other documents (以下简称《意见》): references, not terms."""
FUNCTION_EDGES = frozenset("的了和与及或在对把被将为是要等并而以从向于之其各该本此这那也都就")
"""Characters a term does not start or end with: a run that does is a piece of a sentence."""

PROGRAMME_LEAD_TRIM = re.compile(r"^(?:加快|推进|推动|实施|建立|健全|完善|深化|加强|开展|建设|支持|鼓励|探索|落实|组织|启动|设立|打造|创新)+")


@dataclass(frozen=True)
class Candidate:
    """A phrase to review for the term base."""

    text: str
    kind: str
    count: int
    line: int


def candidate_terms(document: Document, glossary: Glossary | None) -> list[Candidate]:
    """Candidates in the document that no term of ``glossary`` already names, most telling first."""
    known = _known_forms(glossary)
    segments = list(document.segments())
    headings = {segment.zh.rstrip("。") for segment in segments if segment.id.endswith("-t")}
    found: dict[str, Candidate] = {}
    for kind, pattern, group in (("abbreviation", DEFINED_RE, 1), ("quoted coinage", QUOTED_RE, 1), ("programme or plan", PROGRAMME_RE, 0)):
        for text, line in _matches(segments, pattern, group):
            if kind == "programme or plan":
                text = PROGRAMME_LEAD_TRIM.sub("", text)
            if len(text) < 2 or text in known or text in found or text in DOCUMENT_WORDS or text in headings:
                # A quoted heading is the Q&A citing the text's own structure, not a coinage.
                continue
            count = _count(segments, text)
            if kind == "programme or plan" and not _named_programme(text, count):
                continue
            found[text] = Candidate(text, kind, count, line)
    for text, count, line in repeated_phrases(segments):
        piece_of_known = any(text in form for form in known)
        if not piece_of_known and text not in found and not PROGRAMME_LEAD_TRIM.match(text) and not any(text in other for other in found):
            found[text] = Candidate(text, "repeated phrase", count, line)
    order = {"abbreviation": 0, "quoted coinage": 1, "programme or plan": 2, "repeated phrase": 3}
    return sorted(found.values(), key=lambda candidate: (order[candidate.kind], -candidate.count, candidate.line))


NAMED_ENDINGS = ("计划", "工程", "项目", "行动", "工坊")
NAME_MAX = 20


def _named_programme(text: str, count: int) -> bool:
    """A programme's name rather than a clause that ends with 机制 or 计划: short, or used more than once."""
    return count >= 2 or (text.endswith(NAMED_ENDINGS) and len(text) <= NAME_MAX)


def _known_forms(glossary: Glossary | None) -> set[str]:
    if glossary is None:
        return set()
    return {form for term in glossary.terms for form in term.forms("zh-Hans")}


def _matches(segments: Iterable[Segment], pattern: re.Pattern[str], group: int) -> Iterable[tuple[str, int]]:
    for segment in segments:
        for match in pattern.finditer(segment.zh):
            yield match.group(group), segment.line


def _count(segments: list[Segment], text: str) -> int:
    return sum(segment.zh.count(text) for segment in segments)


def repeated_phrases(segments: list[Segment]) -> list[tuple[str, int, int]]:
    """Runs of Chinese characters the text repeats that stand as phrases: (phrase, count, first line).

    A phrase is seen after at least two different characters (or at the start of a clause)
    and before at least two different ones: ``化职业教育`` (always after 强) and ``职业教育类``
    (always before 型) are pieces of longer phrases, not phrases.
    """
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    left: dict[str, set[str]] = {}
    right: dict[str, set[str]] = {}
    for segment in segments:
        for run in RUN_RE.findall(segment.zh):
            for length in REPEAT_LENGTHS:
                for start in range(len(run) - length + 1):
                    gram = run[start : start + length]
                    counts[gram] += 1
                    first.setdefault(gram, segment.line)
                    left.setdefault(gram, set()).add(run[start - 1] if start else "^")
                    right.setdefault(gram, set()).add(run[start + length] if start + length < len(run) else "$")
    phrases = [
        (gram, count, first[gram])
        for gram, count in counts.items()
        if count >= REPEAT_MIN
        and gram[0] not in FUNCTION_EDGES
        and gram[-1] not in FUNCTION_EDGES
        and len(left[gram]) >= 2
        and len(right[gram]) >= 2
    ]
    # A phrase inside a longer one seen as often is that longer phrase's piece.
    longer = {gram: count for gram, count, _ in phrases}
    kept = [item for item in phrases if not any(count >= item[1] and item[0] in gram and gram != item[0] for gram, count in longer.items())]
    return sorted(kept, key=lambda item: (-item[1], item[2]))
