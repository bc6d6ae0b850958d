"""Align the Q&A with the Opinion: which articles each answer sentence explains.

The answers restate the Opinion nearly word for word, so evidence is textual
overlap: each answer sentence is cut into clauses, and a clause explains an
article when the article covers most of the clause's rare character n-grams
(weighted by inverse document frequency across articles, so that 职业教育,
present everywhere, counts for little; the words of the document's title,
which name its whole subject, count for nothing).

Context then carries what wording alone misses, following how such answers are
written: an answer explains what its question asks about (如何推进职业本科教育稳步发展
→ the article on 职业本科教育, for every sentence of the answer); an item of a list
(一是…二是…) keeps to the articles its first sentence named; a sentence after
第二部分“…” summarises that part; an answer keeps discussing the articles it has
named. A leader's remark reported as such (习近平总书记强调…) is background and
explains nothing. Explicit part mentions (第二部分) link to part pages. Nothing
here knows the seed: it works for any Opinion and Q&A.
Overrides for what the algorithm gets wrong live in a reviewable file beside
the source (``sources/<slug>.alignment.yml``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..common.errors import InputError
from ..document.model import Document, Segment, parse_chinese_numeral
from ..common.yamlfile import load_yaml

NGRAM = 3
CLAUSE_SPLIT = re.compile(r"[，；：。？！,;:?!]")
CONTENT = re.compile(r"[\u3400-\u9fffA-Za-z0-9]+")
PART_MENTION = re.compile(r"第([一二三四五六七八九十]+)部分")
ENUMERATION = re.compile(r"(?:^|[，；：])[一二三四五六七八九十]是")
"""一是…二是…: the marker of one item of an answer's list; the item runs to the next marker."""
REPORTED_SPEECH = re.compile(r"强调|指出|指示|批示|讲话")
"""A leader's instruction or remark reported as such is background, not the Opinion's measure."""
CITES_A_DOCUMENT = "《"


@dataclass(frozen=True)
class Settings:
    """Thresholds, chosen by a grid search against the hand labels (``scripts/align_grid.py``):
    the best F1 among the settings with precision ≥ 0.9 and recall ≥ 0.95, taken from
    the middle of the plateau of equally good settings.

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

    scope_coverage: float = 0.0
    """After 第二部分…, sentences summarise that part: its articles need only this coverage
    (0: a sentence there with content of its own explains every article of the part)."""

    topic_coverage: float = 0.5
    """Articles already explained earlier in the same answer need only this coverage."""

    item_coverage: float = 0.05
    """In one item of a list (一是…), the articles its first sentence explains need only this coverage."""

    part_tie: float = 0.3
    """Articles of the same part as the best-scoring one count from this ratio of its score (a
    sentence restating two neighbouring articles); articles of other parts need ``tie``."""

    question_coverage: float = 0.3
    """Coverage with which a question names an article; every sentence of its answer then explains that article."""


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
        self.part_of = {number: part.number for part in document.parts for number in part.articles}
        # The document's title names its subject (推动现代职业教育高质量发展): a clause that
        # repeats it speaks of the whole document, which is evidence for no article.
        self.title_grams = set(ngrams(document.title.zh))
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
        if gram in self.title_grams:
            return 0.0
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


def _best(scores: dict[int, float], coverage: float, settings: Settings, part_of: dict[int, int]) -> set[int]:
    """The best-covered article if it reaches ``coverage``, with the articles close to it.

    Close means within ``tie`` of its score, or within ``part_tie`` for an article of
    the same part (a summary sentence often restates two neighbouring articles).
    """
    if not scores:
        return set()
    winner = max(scores, key=lambda number: (scores[number], -number))
    best = scores[winner]
    if best < coverage:
        return set()
    return {
        number
        for number, score in scores.items()
        if score >= best * (settings.part_tie if part_of.get(number) == part_of.get(winner) else settings.tie)
    }


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
            found |= _best(scores, settings.coverage, settings, index.part_of)
            found |= {n for n in context.scope if scores.get(n, 0.0) >= settings.scope_coverage}
            found |= {n for n in context.topics if scores.get(n, 0.0) >= settings.topic_coverage}
            found |= {n for n in context.item if scores.get(n, 0.0) >= settings.item_coverage}
        # A clause that lists several measures (A、B、C) may restate several articles.
        pieces = [piece for piece in clause.split("、") if piece]
        if len(pieces) > 1:
            for piece in pieces:
                total, scores = index.scores(piece)
                if total >= settings.min_piece_weight:
                    found |= _best(scores, settings.piece_coverage, settings, index.part_of)
    return tuple(sorted(found))


def question_topic(question: str, index: ArticleIndex, settings: Settings) -> set[int]:
    """The articles a question asks about (如何推进职业本科教育稳步发展 → the article that says 稳步发展职业本科教育)."""
    found: set[int] = set()
    for clause in clauses(index.without_part_titles(question)):
        total, scores = index.scores(clause)
        if total >= settings.min_weight:
            found |= _best(scores, settings.question_coverage, settings, index.part_of)
    return found


def reports_speech(sentence: str) -> bool:
    """Whether a sentence reports what someone said or instructed, rather than what a document says."""
    return REPORTED_SPEECH.search(sentence) is not None and CITES_A_DOCUMENT not in sentence


@dataclass
class Context:
    """What an answer has established before the current sentence."""

    scope: set[int] = field(default_factory=set)
    """Articles of the part the answer is summarising (since its last 第…部分, within the paragraph)."""

    topics: set[int] = field(default_factory=set)
    """Articles explained earlier in the same answer."""

    item: set[int] = field(default_factory=set)
    """Articles the current item of a list (一是…) opened with."""


def _sentence_articles(sentence: str, index: ArticleIndex, settings: Settings, context: Context) -> set[int]:
    """``explain``, opening a new list item (一是…) when the sentence starts one."""
    opens_item = ENUMERATION.search(sentence) is not None
    if opens_item:
        context.item = set()
    articles = set(explain(sentence, index, settings, context))
    if opens_item:
        context.item = set(articles)
    return articles


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
        # An answer explains what its question asks about, sentence by sentence.
        asked = question_topic(item.question.zh, index, settings)
        for paragraph in item.answer:
            context.scope, context.item = set(), set()
            for segment in paragraph.segments:
                parts = part_mentions(segment.zh, len(document.parts))
                if parts:
                    context.scope = {n for part in parts for n in document.part(part).articles}
                if reports_speech(segment.zh):
                    articles: set[int] = set()
                else:
                    articles = _sentence_articles(segment.zh, index, settings, context) | asked
                context.topics |= articles
                alignment.links[segment.id] = Link(item.number, segment, tuple(sorted(articles)), parts)
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


def stale_overrides(document: Document, overrides: list[Override], settings: Settings | None = None) -> list[str]:
    """Overrides the aligner has made needless: links it now adds (or no longer makes) by itself.

    Each as ``file:line: message``; ``python -m explainer check`` reports them, so that the
    reviewed file keeps only the corrections still needed.
    """
    links = align(document, settings).links
    problems = []
    for override in overrides:
        found = set(links[override.segment].articles) if override.segment in links else set()
        needless = [f"already links article {n}" for n in override.add if n in found]
        needless += [f"no longer links article {n}" for n in override.remove if n not in found]
        if needless:
            problems.append(f"{override.file}:{override.line}: override of {override.segment} is stale: the aligner {', '.join(needless)}")
    return problems


def overrides_path(source: Path) -> Path:
    return source.with_suffix(".alignment.yml")


def load_overrides(path: Path) -> list[Override]:
    """``sources/<slug>.alignment.yml``: a list of {segment, add, remove, why}."""
    if not path.exists():
        return []
    data = load_yaml(path)
    if data is None:
        return []
    entries = data.get("overrides") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(str(path), getattr(data, "line", 1), "expected 'overrides:' with a list of {segment, add, remove, why}")
    result = []
    for entry, line in zip(entries, entries.lines):
        if not isinstance(entry, dict) or not isinstance(entry.get("segment"), str):
            raise InputError(str(path), line, "each override needs 'segment' (an answer sentence id such as q5-p1-s3)")
        if not isinstance(entry.get("why"), str) or not entry["why"].strip():
            raise InputError(str(path), line, f"override of {entry['segment']} needs 'why'")
        add, remove = entry.get("add") or [], entry.get("remove") or []
        numbers = [*add, *remove] if isinstance(add, list) and isinstance(remove, list) else None
        if numbers is None or not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers) or not numbers:
            raise InputError(str(path), line, f"override of {entry['segment']} needs 'add' or 'remove' with article numbers")
        result.append(Override(entry["segment"], tuple(add), tuple(remove), entry["why"].strip(), str(path), line))
    return result


def align_document(document: Document, settings: Settings | None = None) -> Alignment:
    """Align with the reviewed overrides beside the document's source."""
    return align(document, settings, load_overrides(overrides_path(Path(document.source))))
