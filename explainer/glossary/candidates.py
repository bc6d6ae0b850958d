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
    r"[\u4e00-\u9fff]{2,14}?(?:计划|工程|行动|项目|工坊|基地|平台|联盟|联合体|共同体|试点|示范区|先行区|专项|制度|机制)(?=[，。、；：）”\s]|$)"
)
RUN_RE = re.compile(r"[\u4e00-\u9fff]{4,}")
REPEAT_MIN = 3
REPEAT_LENGTHS = range(4, 11)
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
    found: dict[str, Candidate] = {}
    for kind, pattern, group in (("abbreviation", DEFINED_RE, 1), ("quoted coinage", QUOTED_RE, 1), ("programme or plan", PROGRAMME_RE, 0)):
        for text, line in _matches(segments, pattern, group):
            if kind == "programme or plan":
                text = PROGRAMME_LEAD_TRIM.sub("", text)
            if len(text) < 2 or text in known or text in found:
                continue
            found[text] = Candidate(text, kind, _count(segments, text), line)
    for text, count, line in repeated_phrases(segments):
        if text not in known and text not in found and not any(text in other for other in found):
            found[text] = Candidate(text, "repeated phrase", count, line)
    order = {"abbreviation": 0, "quoted coinage": 1, "programme or plan": 2, "repeated phrase": 3}
    return sorted(found.values(), key=lambda candidate: (order[candidate.kind], -candidate.count, candidate.line))


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
    """Runs of Chinese characters the text repeats, maximal: (phrase, count, first line)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for segment in segments:
        for run in RUN_RE.findall(segment.zh):
            for length in REPEAT_LENGTHS:
                for start in range(len(run) - length + 1):
                    gram = run[start : start + length]
                    counts[gram] += 1
                    first.setdefault(gram, segment.line)
    repeated = {gram: count for gram, count in counts.items() if count >= REPEAT_MIN and gram[0] not in FUNCTION_EDGES and gram[-1] not in FUNCTION_EDGES}
    maximal = []
    for gram, count in repeated.items():
        covered = any(count <= other_count and gram in other for other, other_count in repeated.items() if len(other) > len(gram))
        if not covered:
            maximal.append((gram, count, first[gram]))
    return sorted(maximal, key=lambda item: (-item[1], item[2]))
