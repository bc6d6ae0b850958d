"""Align the Q&A with the Opinion: which articles each answer sentence explains.

The answers restate the Opinion nearly word for word, so evidence is textual
overlap: each answer sentence is cut into clauses, and a clause explains an
article when the article covers most of the clause's rare character n-grams
(weighted by inverse document frequency across articles, so that 职业教育,
present everywhere, counts for little). Explicit part mentions (第二部分) link
to part pages. Nothing here knows the seed: it works for any Opinion and Q&A.
Overrides for what the algorithm gets wrong live in a reviewable file beside
the source (``sources/<slug>.alignment.yml``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import InputError
from .model import Article, Document, Segment, parse_chinese_numeral

NGRAM = 3
CLAUSE_SPLIT = re.compile(r"[，；：。？！,;:?!]")
CONTENT = re.compile(r"[\u3400-\u9fffA-Za-z0-9]+")
PART_MENTION = re.compile(r"第([一二三四五六七八九十]+)部分")


@dataclass(frozen=True)
class Settings:
    """Thresholds, chosen by a grid search against the hand labels (best F1 with precision ≥ 0.9).

    ``make bench`` prints precision and recall with these settings; the search
    space and its result are recorded in README (Alignment).
    """

    coverage: float = 0.5
    """Share of a clause's n-gram weight that one article must cover."""

    min_weight: float = 8.0
    """Clauses with less distinctive content than this (in idf units) decide nothing."""

    tie: float = 0.9
    """Articles scoring within this ratio of the best also count (a clause naming two articles)."""

    title: float = 0.8
    """Share of an article heading's n-grams a clause must contain to name that article."""

    piece_coverage: float = 0.7
    """Coverage one item of an enumeration (A、B、C) needs to restate an article on its own."""

    min_piece_weight: float = 8.0
    """Items lighter than this (a word or two) decide nothing alone."""

    scope_coverage: float = 0.1
    """After 第二部分…, sentences summarise that part: its articles need only this coverage."""

    topic_coverage: float = 0.5
    """Articles already explained earlier in the same answer need only this coverage."""


@dataclass(frozen=True)
class Link:
    """An answer sentence and what it explains."""

    qa: int
    segment: Segment
    articles: tuple[int, ...]
    parts: tuple[int, ...]


@dataclass
class Alignment:
    links: dict[str, Link] = field(default_factory=dict)
    """Keyed by segment id, every answer sentence in reading order."""

    def explained_by(self, article: int) -> list[Link]:
        return [link for link in self.links.values() if article in link.articles]


def ngrams(text: str, n: int = NGRAM) -> Counter[str]:
    grams: Counter[str] = Counter()
    for run in CONTENT.findall(text):
        for index in range(len(run) - n + 1):
            grams[run[index : index + n]] += 1
    return grams


class ArticleIndex:
    """Character n-grams of every article, weighted by inverse document frequency.

    The document's own title, preamble and part headings join the corpus as
    pseudo-documents: phrases the whole text uses (推动职业教育高质量发展) then
    weigh little, because they are evidence for no article in particular.
    """

    def __init__(self, document: Document) -> None:
        self.grams: dict[int, set[str]] = {}
        self.titles: dict[int, set[str]] = {}
        for article in document.articles:
            title = article.title.zh if article.title else ""
            self.grams[article.number] = set(ngrams(title + "".join(p.zh for p in article.paragraphs)))
            if len(set(ngrams(title))) >= 2:
                self.titles[article.number] = set(ngrams(title))
        general = [document.title.zh, *(p.zh for p in document.preamble), *(part.title.zh for part in document.parts)]
        self.part_titles = [part.title.zh for part in document.parts]
        frequency: Counter[str] = Counter()
        for grams in [*self.grams.values(), *(set(ngrams(text)) for text in general)]:
            frequency.update(grams)
        self.count = len(self.grams) + len(general)
        self.idf = {gram: math.log((self.count + 1) / df) for gram, df in frequency.items()}

    def weight(self, gram: str) -> float:
        # An n-gram that no article has is not evidence for any; count it at the
        # maximum weight so that clauses of new content score low coverage.
        return self.idf.get(gram, math.log(self.count + 1))

    def scores(self, clause: str) -> tuple[float, dict[int, float]]:
        grams = set(ngrams(clause))
        total = sum(self.weight(gram) for gram in grams)
        if not total:
            return 0.0, {}
        return total, {
            number: sum(self.weight(gram) for gram in grams & article_grams) / total
            for number, article_grams in self.grams.items()
        }

    def named_titles(self, clause: str, threshold: float) -> set[int]:
        """Articles whose heading the clause quotes (一是巩固职业教育类型定位)."""
        grams = set(ngrams(clause))
        return {number for number, title in self.titles.items() if len(title & grams) / len(title) >= threshold}

    def without_part_titles(self, sentence: str) -> str:
        """Remove quoted part headings: naming a part is a part mention, not an article's measure."""
        for title in self.part_titles:
            sentence = sentence.replace(title, "，")
        return sentence


def clauses(sentence: str) -> list[str]:
    return [clause for clause in CLAUSE_SPLIT.split(sentence) if CONTENT.search(clause)]


def _best(scores: dict[int, float], coverage: float, tie: float) -> set[int]:
    if not scores:
        return set()
    best = max(scores.values())
    if best < coverage:
        return set()
    return {number for number, score in scores.items() if score >= best * tie}


def explain(sentence: str, index: ArticleIndex, settings: Settings, context: Context | None = None) -> tuple[int, ...]:
    """The articles a sentence explains: union over its clauses and their listed items.

    ``context`` carries what the answer has established so far: the part being
    summarised (after 第二部分…) and the articles already discussed.
    """
    context = context or Context()
    found: set[int] = set()
    for clause in clauses(index.without_part_titles(sentence)):
        found |= index.named_titles(clause, settings.title)
        total, scores = index.scores(clause)
        if total >= settings.min_weight:
            found |= _best(scores, settings.coverage, settings.tie)
            found |= {n for n in context.scope if scores.get(n, 0.0) >= settings.scope_coverage}
            found |= {n for n in context.topics if scores.get(n, 0.0) >= settings.topic_coverage}
        # A clause that lists several measures (A、B、C) may restate several articles.
        pieces = [piece for piece in clause.split("、") if piece]
        if len(pieces) > 1:
            for piece in pieces:
                total, scores = index.scores(piece)
                if total >= settings.min_piece_weight:
                    found |= _best(scores, settings.piece_coverage, settings.tie)
    return tuple(sorted(found))


@dataclass
class Context:
    """What an answer has established before the current sentence."""

    scope: set[int] = field(default_factory=set)
    """Articles of the part the answer is summarising (since its last 第…部分)."""

    topics: set[int] = field(default_factory=set)
    """Articles explained earlier in the same answer."""


def part_mentions(sentence: str, part_count: int) -> tuple[int, ...]:
    numbers = (parse_chinese_numeral(match) for match in PART_MENTION.findall(sentence))
    return tuple(sorted({number for number in numbers if number and number <= part_count}))


def align(document: Document, settings: Settings | None = None, overrides: list[Override] | None = None) -> Alignment:
    """Link every answer sentence of the Q&A to the articles and parts it explains."""
    settings = settings or Settings()
    alignment = Alignment()
    if not document.qa:
        return alignment
    index = ArticleIndex(document)
    for item in document.qa.items:
        context = Context()
        for paragraph in item.answer:
            context.scope = set()
            for segment in paragraph.segments:
                parts = part_mentions(segment.zh, len(document.parts))
                if parts:
                    context.scope = {n for part in parts for n in document.part(part).articles}
                articles = explain(segment.zh, index, settings, context)
                context.topics |= set(articles)
                alignment.links[segment.id] = Link(item.number, segment, articles, parts)
    for override in overrides or []:
        override.apply(alignment, len(document.articles))
    return alignment


# -- overrides ---------------------------------------------------------------


@dataclass(frozen=True)
class Override:
    """A reviewed correction of the aligner: add or remove article links of one sentence."""

    segment: str
    add: tuple[int, ...]
    remove: tuple[int, ...]
    why: str
    file: str
    line: int

    def apply(self, alignment: Alignment, article_count: int) -> None:
        link = alignment.links.get(self.segment)
        if link is None:
            raise InputError(self.file, self.line, f"override names segment '{self.segment}', which is not an answer sentence")
        for number in (*self.add, *self.remove):
            if not 1 <= number <= article_count:
                raise InputError(self.file, self.line, f"override names article {number}: expected 1 to {article_count}")
        articles = (set(link.articles) | set(self.add)) - set(self.remove)
        alignment.links[self.segment] = Link(link.qa, link.segment, tuple(sorted(articles)), link.parts)


def overrides_path(source: Path) -> Path:
    return source.with_suffix(".alignment.yml")


def load_overrides(path: Path) -> list[Override]:
    """``sources/<slug>.alignment.yml``: a list of {segment, add, remove, why}."""
    if not path.exists():
        return []
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise InputError.from_yaml(path, error) from None
    if root is None:
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = data.get("overrides") if isinstance(data, dict) else None
    nodes = dict((key.value, value) for key, value in root.value).get("overrides") if isinstance(root, yaml.MappingNode) else None
    if not isinstance(entries, list) or nodes is None:
        raise InputError(str(path), root.start_mark.line + 1, "expected 'overrides:' with a list of {segment, add, remove, why}")
    result = []
    for entry, node in zip(entries, nodes.value):
        line = node.start_mark.line + 1
        if not isinstance(entry, dict) or not isinstance(entry.get("segment"), str):
            raise InputError(str(path), line, "each override needs 'segment' (an answer sentence id such as q5-p1-s3)")
        if not isinstance(entry.get("why"), str) or not entry["why"].strip():
            raise InputError(str(path), line, f"override of {entry['segment']} needs 'why'")
        add, remove = entry.get("add") or [], entry.get("remove") or []
        if not all(isinstance(n, int) for n in [*add, *remove]) or not (add or remove):
            raise InputError(str(path), line, f"override of {entry['segment']} needs 'add' or 'remove' with article numbers")
        result.append(Override(entry["segment"], tuple(add), tuple(remove), entry["why"].strip(), str(path), line))
    return result


def align_document(document: Document, settings: Settings | None = None) -> Alignment:
    """Align with the reviewed overrides beside the document's source."""
    return align(document, settings, load_overrides(overrides_path(Path(document.source))))
