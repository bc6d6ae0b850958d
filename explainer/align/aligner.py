"""Align the Q&A with the Opinion: which articles each answer sentence explains, and how sure we are.

The answers restate the Opinion nearly word for word, so evidence is textual
overlap: each answer sentence is cut into clauses, and a clause explains an
article when the article covers most of the clause's rare character n-grams.
Rare means two things. Within the document, n-grams are weighted by inverse
document frequency across articles (职业教育, present everywhere, counts for
little; the words of the document's title, which name its whole subject, count
for nothing). Across the genre, n-grams that Chinese policy texts in general
share (以习近平新时代中国特色社会主义思想为指导, 党的十八大以来, 重大决策部署) weigh
little too: their frequency in a background collection of real published texts
is shipped as data (``data/genre_trigrams.tsv``, rebuilt by ``scripts/genre_stats.py``).
A clause that restates the preamble, a part's introduction or the closing section
better than any article restates no article.

Context then carries what wording alone misses, following how such answers are
written: an answer explains what its question asks about (如何推进职业本科教育稳步发展
→ the article on 职业本科教育); an item of a list (一是…二是…) keeps to the articles
its first sentence named; a sentence after 第二部分“…” summarises that part; an
answer keeps discussing the articles it has named. Context only ever adds an
article the sentence itself carries some evidence for, or the answer's structure does: once an answer
has confirmed the one article its question names, its sentences with no wording of another article
explain it; a sentence restating most articles of the part it summarises explains all of them. An item's
heading (三是服务技能型社会建设) is not scaled down for its brevity, and a phrase restated with its verb
moved (技能型社会建设 for 建设技能型社会) is the article's wording. A remark reported as a
leader's (习近平总书记强调…) is background and explains nothing, and so does a sentence
announcing the list that follows (…主要有三个方面：). Explicit part mentions (第二部分) link to part pages.

A law (第X条) is another genre: its articles are single provisions without headings, so its question names
a theme rather than an article and is no context; its purposes (第一条) and principles (总则) are named by
their terms; a list item naming a chapter's theme makes its next sentences summaries of that chapter's
articles; and an article sanctioning a breach (违反本条例规定…) is only for sentences about sanctions.

Every link carries a confidence (the share of the sentence's distinctive wording the
article covers, or of the article's heading the sentence quotes). Without a reviewed
decision the site publishes only links with confidence ≥ ``Settings.publish``; the
others are suggestions that ``check`` lists and the review sheet
(``python -m explainer align --review DOC``) offers. Nothing here knows a document:
it works for any Opinion or law and its Q&A. Reviewed decisions live in a file beside the source
(``sources/<slug>.alignment.yml``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..common.errors import InputError
from ..document.model import Document, Segment, parse_chinese_numeral
from ..common.yamlfile import load_yaml, unknown_key_message

NGRAM = 3
CLAUSE_SPLIT = re.compile(r"[，；：。？！,;:?!]")
CONTENT = re.compile(r"[\u3400-\u9fffA-Za-z0-9]+")
PART_MENTION = re.compile(r"第([一二三四五六七八九十]+)部分")
ENUMERATION = re.compile(r"(?:^|[，；：])[一二三四五六七八九十]是")
"""一是…二是…: the marker of one item of an answer's list; the item runs to the next marker."""
ITEM_MARKER = re.compile(r"^[一二三四五六七八九十]是要?")
"""The marker at the start of a clause (一是, 二是要): list numbering, not wording; it is no evidence for any article."""
SPEAKER = r"(?:总书记|副总理|总理|主席|部长|委员长)"
SPEECH = r"(?:强调|指出|提出|指示|批示|讲话)"
REPORTED_SPEECH = re.compile(rf"^[^，。；]{{0,4}}{SPEAKER}|{SPEAKER}[^。；]{{0,100}}?{SPEECH}")
"""A sentence about a person named by a title (习近平总书记在…中，…; 李克强总理作出批示), or citing what they
stressed, instructed or said (…总书记…重要指示精神 frames the document, it is not one of its measures), is
background. The verb alone is not enough: 《意见》强调… and an unmarked 强调… state the document's own
measures; nor is a title that is not the speaker (各级党委主要负责人要…)."""
CITES_A_DOCUMENT = "《"
EVENT = re.compile(r"^[^，。；：]{0,12}会议?的(?:召开|举行)")
"""A sentence about the holding of a meeting (大会的召开，充分体现了…) evaluates the event, not the document's measures."""
PERIOD = re.compile(r"^[^，。；：]{0,24}(?:以来|年来)[，,]")
"""A sentence that opens on a span of the past (党的十八大以来，…; 近年来，…) recounts the period, not the document's measures."""
ANNOUNCEMENT = re.compile(r"[：:]\s*$")
"""A sentence ending on a colon (…概括起来主要有三个方面：) announces the list that follows: it is about the
document's measures as a group, and explains no article of its own."""
LIABILITY = re.compile(r"^违反本(?:条例|规定|办法|法|细则|准则)")
"""A law's article that sanctions a breach (违反本条例规定，…的，由…责令…处…罚款) restates, in the words of the
offence, the duty another article lays down: its wording is evidence of that duty, not of the sanction."""
SANCTION = re.compile(r"罚款|处罚|处分|责令|没收|吊销|追究|法律责任|违法|违规|违反")
"""Words of a sanction or a breach: a sentence without one is not about a liability article."""
PURPOSE = re.compile(r"^为了?(.+?)[，,](?:根据[^，。]*[，,])?(?:特)?制定本(?:条例|规定|办法|法|细则|准则)")
"""A law's purpose article (第一条 为了规范…，促进…，制定本条例): the purposes it lists."""
PRINCIPLE_ITEM = re.compile(r"^(?:.*坚持和?)?(.+?)(?:的?原则)?$")
PRINCIPLE_SPLIT = re.compile(r"[，；。、：:（）()\n]|[一二三四五六七八九十]+[）)]")
TENET_LENGTH = (4, 12)
"""A principle is quoted by name (分类管理, 党管干部): a term of four to eleven characters, quoted whole."""
PURPOSE_LENGTH = 6
"""A purpose (促进…产业健康有序发展) is restated in order, with a word changed: at least this many characters once
the document's own name (无人驾驶航空器, in its title) is left out, so that 国家安全 alone names nothing."""
CHAPTER_THEME = 0.75
CHAPTER_HEADING = 4
"""A list item's heading names a part (a law's chapter) when it holds three quarters of the part heading's
characters in order (规范空域划设和飞行活动 for 空域和飞行活动管理: a word inserted, one dropped); headings
shorter than four characters (总则, 附则) name no theme."""
INVERTED_VERB = 2
INVERTED_OBJECT = (3, 7)
"""A restated phrase with its verb moved: a two-character verb and an object of three to six characters."""
FUNCTION_CHARACTERS = re.compile(r"[的与和及或并是对在为了等之特别]")
"""Characters that join phrases rather than make one: a stretch holding one (教育与普通教育, 特别是领导) is two
phrases side by side, and swapping them restates nothing."""
GENRE_DATA = Path(__file__).resolve().parent / "data" / "genre_trigrams.tsv"


@dataclass(frozen=True)
class Settings:
    """Thresholds, chosen by a grid search against the hand labels of the four labelled documents together
    (``scripts/align_grid.py``): precision ≥ 0.9 on each, then the best F1 of the worst one; each document
    left out in turn, the same rule on the other three chooses nearly the same settings (README, Alignment).

    The coverage thresholds decide which articles a sentence may explain; ``publish``
    decides which of those links the site shows without a review. README (Alignment) records
    what was tuned on which document and the leave-one-document-out figures; ``make bench``
    prints precision and recall per document and per method with these settings.
    """

    coverage: float = 0.5
    """Share of a clause's n-gram weight that one article must cover."""

    min_weight: float = 8.0
    """Clauses with less distinctive content than this (in idf units) decide nothing."""

    tie: float = 0.9
    """Articles scoring within this ratio of the best also count (a clause naming two articles)."""

    title: float = 0.8
    """Share of an article heading's weight a clause must contain to name that article."""

    title_in_order: float = 0.9
    """Share of an article heading's characters a short stretch of a clause must contain, in order, to name it
    (a word inserted into the heading; its verb dropped is not enough)."""

    piece_coverage: float = 0.7
    """Coverage one item of an enumeration (A、B、C) needs to restate an article on its own."""

    min_piece_weight: float = 8.0
    """Items lighter than this (a word or two) decide nothing alone."""

    scope_coverage: float = 0.0
    """After 第二部分…, sentences summarise that part: its articles need only this coverage
    (on top of ``evidence``)."""

    topic_coverage: float = 0.5
    """Articles already explained earlier in the same answer need only this coverage."""

    item_coverage: float = 0.05
    """In one item of a list (一是…), the articles its first sentence explains need only this coverage."""

    part_tie: float = 0.7
    """Articles of the same part as the best-scoring one count from this ratio of its score (a
    sentence restating two neighbouring articles); articles of other parts need ``tie``."""

    question_coverage: float = 0.3
    """Coverage with which a question names an article; sentences of its answer may then explain it."""

    context: float = 0.5
    """Confidence that context adds to a link it supports (on top of the sentence's own coverage of the article):
    a sentence in an answer about article 5 that shares some of its wording is more likely to explain it."""

    evidence: float = 0.05
    """Least coverage of an article by the sentence itself for context (the question, the list item,
    the part summarised, the answer's earlier topics) to add that article: context never adds a link
    the sentence's own wording gives no ground for."""

    genre: float = 0.5
    """An n-gram found in this share of the background collection of policy texts (or more) weighs
    nothing; rarer ones weigh proportionally more (0: no genre weighting)."""

    moved_verbs: bool = False
    """Whether a phrase restated with its verb moved (技能型社会建设 for 建设技能型社会) counts as the article's wording.
    Off: left out in turn, the political-building Q&A and the shiye regulation do better without it (a swapped
    phrase, 理想信念坚定, found the wrong article there), the seed loses one link (README, Alignment)."""

    others: bool = True
    """Whether the preamble, part introductions and closing compete with the articles: a clause
    restating them better than any article explains no article."""

    publish: float = 0.6
    """Confidence a link needs to be published without a reviewed decision (0: publish every link)."""

    suggest: float = 0.2
    """Confidence a link needs to be proposed at all (as a suggestion below ``publish``): lower ones are noise."""

    saturation: float = 30.0
    """A clause carries full confidence from this much distinctive weight (idf units) on; lighter clauses
    (a stock phrase of four characters) scale their coverage down in proportion."""


@dataclass(frozen=True)
class Link:
    """An answer sentence and what it explains.

    ``articles`` are the published links (confident, or reviewed); ``suggested`` the links the
    aligner proposes below the confidence to publish, for review; ``confidence`` has both.
    """

    qa: int
    segment: Segment
    articles: tuple[int, ...]
    parts: tuple[int, ...]
    suggested: tuple[int, ...] = ()
    confidence: dict[int, float] = field(default_factory=dict, compare=False, hash=False)
    reviewed: bool = False


@dataclass
class Alignment:
    links: dict[str, Link] = field(default_factory=dict)
    """Keyed by segment id, every answer sentence in reading order."""

    def explained_by(self, article: int) -> list[Link]:
        return [link for link in self.links.values() if article in link.articles]

    def suggestions(self) -> list[tuple[Link, int]]:
        """Links proposed but not published, for review: (sentence, article) in reading order."""
        return [(link, number) for link in self.links.values() for number in link.suggested]


def ngrams(text: str, n: int = NGRAM) -> Counter[str]:
    grams: Counter[str] = Counter()
    for run in CONTENT.findall(text):
        for index in range(len(run) - n + 1):
            grams[run[index : index + n]] += 1
    return grams


# -- genre statistics ----------------------------------------------------------


@dataclass(frozen=True)
class GenreStats:
    """In how many texts of a background collection of policy texts each trigram occurs."""

    texts: int
    frequency: dict[str, int]

    def share(self, gram: str) -> float:
        return self.frequency.get(gram, 0) / self.texts if self.texts else 0.0


def genre_table(texts: Iterable[set[str]], sources: list[str]) -> str:
    """The TSV that :func:`load_genre_stats` reads: a header naming the sources, then ``trigram<TAB>texts``
    for every trigram found in at least two texts (one text's own words say nothing about the genre)."""
    frequency: Counter[str] = Counter()
    count = 0
    for grams in texts:
        frequency.update(grams)
        count += 1
    lines = [
        "# Trigram frequencies in a background collection of Chinese policy texts (scripts/genre_stats.py).",
        f"# texts\t{count}",
        *(f"# source\t{source}" for source in sources),
    ]
    lines += [f"{gram}\t{df}" for gram, df in sorted(frequency.items(), key=lambda item: (-item[1], item[0])) if df >= 2]
    return "\n".join(lines) + "\n"


def parse_genre_table(text: str, path: str) -> GenreStats:
    texts = 0
    frequency: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("# texts\t"):
            texts = int(line.split("\t")[1])
        elif line and not line.startswith("#"):
            gram, _, df = line.partition("\t")
            if not df.isdigit():
                raise InputError(path, number, f"expected 'trigram<TAB>count', found {line[:20]!r}")
            frequency[gram] = int(df)
    return GenreStats(texts, frequency)


@lru_cache(maxsize=4)
def load_genre_stats(path: Path = GENRE_DATA) -> GenreStats:
    """The shipped genre statistics (empty where the data file is absent)."""
    if not path.exists():
        return GenreStats(0, {})
    return parse_genre_table(path.read_text(encoding="utf-8"), str(path))


# -- the index -------------------------------------------------------------------


class ArticleIndex:
    """Character n-grams of every article, weighted by rarity in the document and in the genre.

    The document's own title, preamble, part headings and introductions and its closing
    join the corpus as pseudo-documents: phrases the whole text uses (推动职业教育高质量发展)
    then weigh little, because they are evidence for no article in particular.
    """

    def __init__(self, document: Document, settings: Settings | None = None, genre: GenreStats | None = None) -> None:
        settings = settings or Settings()
        self.genre = genre if genre is not None else load_genre_stats()
        self.genre_limit = settings.genre
        self.moved_verbs = settings.moved_verbs
        self.grams: dict[int, set[str]] = {}
        self.phrases: dict[str, set[int]] = {}
        """Every stretch of an article a verb and its object long, with the articles it is in."""
        self._inverted: dict[str, dict[int, set[str]]] = {}
        self.titles: dict[int, set[str]] = {}
        self.heading: dict[int, str] = {}
        self.liability = {article.number for article in document.articles if article.paragraphs and LIABILITY.match(article.paragraphs[0].zh)}
        """Articles that sanction a breach of the text (see ``LIABILITY``)."""
        for article in document.articles:
            title = article.title.zh if article.title else ""
            self.grams[article.number] = set(ngrams(title + "".join(p.zh for p in article.paragraphs)))
            for run in CONTENT.findall(title + "。" + "".join(p.zh for p in article.paragraphs)):
                for length in range(INVERTED_OBJECT[0] + INVERTED_VERB, INVERTED_OBJECT[1] + INVERTED_VERB):
                    for start in range(len(run) - length + 1):
                        self.phrases.setdefault(run[start : start + length], set()).add(article.number)
            if len(set(ngrams(title))) >= 2:
                self.titles[article.number] = set(ngrams(title))
                self.heading[article.number] = "".join(CONTENT.findall(title))
        self.part_of = {number: part.number for part in document.parts for number in part.articles}
        self.law = document.form == "law"
        """A law's chapters group its articles by theme; an Opinion's parts are named by 第X部分 (``Context.scope``)."""
        self.tenets = _tenets(document) if self.law else {}
        """A law's purposes and principles (its 总则), by article: the terms a sentence names them by."""
        # The document's title names its subject (推动现代职业教育高质量发展): a clause that
        # repeats it speaks of the whole document, which is evidence for no article.
        self.title_grams = set(ngrams(document.title.zh))
        self.part_titles = [part.title.zh for part in document.parts]
        self.part_headings = {part.number: "".join(CONTENT.findall(part.title.zh)) for part in document.parts if len("".join(CONTENT.findall(part.title.zh))) >= CHAPTER_HEADING}
        self.part_articles = {part.number: part.articles for part in document.parts}
        # Text that is not an article: a clause restating it explains no article.
        others = [p.zh for p in document.preamble] + [p.zh for part in document.parts for p in part.intro] + [p.zh for p in document.closing]
        self.others = [set(ngrams(text)) for text in others if text]
        general = [document.title.zh, *(part.title.zh for part in document.parts), *others]
        frequency: Counter[str] = Counter()
        for grams in [*self.grams.values(), *(set(ngrams(text)) for text in general)]:
            frequency.update(grams)
        self.count = len(self.grams) + len(general)
        self.idf = {gram: math.log((self.count + 1) / df) for gram, df in frequency.items()}
        self._weights: dict[str, float] = {}
        self._title_weights: dict[int, float] = {}

    def weight(self, gram: str) -> float:
        cached = self._weights.get(gram)
        if cached is None:
            cached = self._weights[gram] = self._weight(gram)
        return cached

    def _weight(self, gram: str) -> float:
        # An n-gram that no article has is not evidence for any; count it at the
        # maximum weight so that clauses of new content score low coverage.
        if gram in self.title_grams:
            return 0.0
        rarity = self.idf.get(gram, math.log(self.count + 1))
        if self.genre_limit > 0 and self.genre.texts:
            rarity *= max(0.0, 1.0 - self.genre.share(gram) / self.genre_limit)
        return rarity

    def scores(self, clause: str) -> tuple[float, dict[int, float]]:
        grams = set(ngrams(clause))
        total = sum(self.weight(gram) for gram in grams)
        if not total:
            return 0.0, {}
        return total, {
            number: sum(self.weight(gram) for gram in grams & (article_grams | self.inverted(clause, number))) / total
            for number, article_grams in self.grams.items()
        }

    def inverted(self, clause: str, number: int) -> set[str]:
        """The clause's n-grams that restate one of the article's phrases with its verb moved to the other side
        (技能型社会建设 for 建设技能型社会, 类型定位优化 for 优化类型定位): the same measure, nominalised."""
        if not self.moved_verbs:
            return set()
        cached = self._inverted.get(clause)
        if cached is None:
            cached = self._inverted[clause] = self._inverted_phrases(clause)
        return cached.get(number, set())

    def _inverted_phrases(self, clause: str) -> dict[int, set[str]]:
        found: dict[int, set[str]] = {}
        for run in CONTENT.findall(clause):
            for start in range(len(run) - INVERTED_VERB - INVERTED_OBJECT[0] + 1):
                for length in range(*INVERTED_OBJECT):
                    stretch = run[start : start + length + INVERTED_VERB]
                    if len(stretch) < length + INVERTED_VERB or FUNCTION_CHARACTERS.search(stretch):
                        continue
                    for first in (length, INVERTED_VERB):
                        for number in self.phrases.get(stretch[first:] + stretch[:first], ()):
                            found.setdefault(number, set()).update(ngrams(stretch))
        return found

    def other_score(self, clause: str) -> float:
        """How much of the clause the best-matching non-article text (preamble, part introduction, closing) covers."""
        grams = set(ngrams(clause))
        total = sum(self.weight(gram) for gram in grams)
        if not total or not self.others:
            return 0.0
        return max(sum(self.weight(gram) for gram in grams & other) for other in self.others) / total

    def named_titles(self, clause: str, threshold: float, in_order_threshold: float = 1.0) -> dict[int, float]:
        """Articles whose heading the clause quotes, with the share of the heading it quotes.

        A heading counts as quoted when enough of its weighted trigrams are in the clause
        (一是巩固职业教育类型定位), or enough of its characters in order within a short
        stretch of it (永葆共产党人清正廉洁的政治本色 quotes 永葆清正廉洁的政治本色). A
        heading made only of the genre's stock phrases names nothing.
        """
        grams = set(ngrams(clause))
        named = {}
        for number, title in self.titles.items():
            weight = self._title_weight(number)
            if weight <= 0:
                continue
            share = sum(self.weight(gram) for gram in title & grams) / weight
            in_order = _in_order(self.heading[number], clause, in_order_threshold)
            if share >= threshold or in_order >= in_order_threshold:
                named[number] = max(share, in_order)
        return named

    def _title_weight(self, number: int) -> float:
        cached = self._title_weights.get(number)
        if cached is None:
            cached = self._title_weights[number] = sum(self.weight(gram) for gram in self.titles[number])
        return cached

    def named_tenets(self, clause: str, in_order_threshold: float) -> dict[int, float]:
        """The purpose and principles articles of a law whose purposes the clause restates (in order, a word
        changed at most) or whose principles it names (分类管理, verbatim)."""
        named: dict[int, float] = {}
        for number, (purposes, principles) in self.tenets.items():
            shares = [_in_order(purpose, clause, in_order_threshold) for purpose in purposes]
            shares += [1.0 for principle in principles if principle in clause]
            best = max(shares, default=0.0)
            if best >= in_order_threshold:
                named[number] = best
        return named

    def named_part(self, sentence: str) -> set[int]:
        """The articles of the part whose heading the sentence names: most of its characters in order
        (加强对民用无人驾驶航空器及操控人员的管理 for 民用无人驾驶航空器及操控员管理), a word dropped at most."""
        shares = {part: _in_order(heading, sentence, CHAPTER_THEME) for part, heading in self.part_headings.items()}
        named = [part for part, share in shares.items() if share >= CHAPTER_THEME]
        return set(self.part_articles[named[0]]) if len(named) == 1 else set()

    def without_part_titles(self, sentence: str) -> str:
        """Remove quoted part headings: naming a part is a part mention, not an article's measure."""
        for title in self.part_titles:
            sentence = sentence.replace(title, "，")
        return sentence


def _tenets(document: Document) -> dict[int, tuple[list[str], list[str]]]:
    """The purposes and principles of a law's general provisions (its first chapter), by article: the
    purposes its purpose article lists (为了规范…，促进…产业健康有序发展，…，制定本条例), without the words of the
    document's title, and the principles an article names (坚持总体国家安全观，坚持安全第一、分类管理…的原则).

    A law's articles have no headings; these are what an answer's drafting principles restate in their
    own words (坚持放管结合，对…实施分类管理，…促进相关产业健康有序发展), and no wording overlap would find them
    among sixty articles that all speak of the same subject."""
    if not document.parts:
        return {}
    found: dict[int, tuple[list[str], list[str]]] = {}
    title_words = _title_words(document.title.zh)
    for number in document.part(document.parts[0].number).articles:
        text = "".join(paragraph.zh for paragraph in document.article(number).paragraphs)
        purposes: list[str] = []
        purpose = PURPOSE.match(text)
        if purpose:
            for item in re.split(r"[，,；;]", purpose.group(1)):
                for word in title_words:
                    item = item.replace(word, "")
                if len(item) >= PURPOSE_LENGTH:
                    purposes.append(item)
        principles: list[str] = []
        if "原则" in text:
            for piece in PRINCIPLE_SPLIT.split(text):
                item = PRINCIPLE_ITEM.match(piece.strip())
                term = item.group(1) if item else ""
                if TENET_LENGTH[0] <= len(term) < TENET_LENGTH[1] and "原则" not in term and CONTENT.fullmatch(term):
                    principles.append(term)
        if purposes or principles:
            found[number] = (purposes, principles)
    return found


def _title_words(title: str) -> list[str]:
    """Stretches of four or more characters of the title, longest first (无人驾驶航空器飞行管理, 无人驾驶航空器, …)."""
    text = "".join(CONTENT.findall(title))
    words = {text[start:end] for start in range(len(text)) for end in range(start + 4, len(text) + 1)}
    return sorted(words, key=len, reverse=True)


@lru_cache(maxsize=65536)
def _in_order(heading: str, clause: str, least: float = 0.0) -> float:
    """The largest share of the heading's characters found in order within a stretch of the clause at most
    a few characters longer than the heading (a word inserted, nothing scattered)."""
    text = "".join(CONTENT.findall(clause))
    if not heading or not text:
        return 0.0
    present = sum(1 for char in heading if char in text)
    if present < least * len(heading) or present * 2 < len(heading):
        return present / len(heading)  # most headings: too few of their characters to be quoted at all
    span = len(heading) + max(4, len(heading) // 4)
    best = 0
    for start in range(max(1, len(text) - len(heading) + 1)):
        if text[start] != heading[0] and heading[0] in text:
            continue
        window = text[start : start + span]
        previous = [0] * (len(window) + 1)
        for char in heading:
            current = [0]
            for index, other in enumerate(window):
                current.append(previous[index] + 1 if char == other else max(previous[index + 1], current[index]))
            previous = current
        best = max(best, previous[-1])
    return best / len(heading)


def clauses(sentence: str) -> list[str]:
    """The sentence's clauses, each without the list marker it opens with (一是, 二是要)."""
    pieces = (ITEM_MARKER.sub("", clause.strip()) for clause in CLAUSE_SPLIT.split(sentence))
    return [clause for clause in pieces if CONTENT.search(clause)]


def _best(scores: dict[int, float], coverage: float, settings: Settings, part_of: dict[int, int]) -> dict[int, float]:
    """The best-covered article if it reaches ``coverage``, with the articles close to it, each with its coverage.

    Close means within ``tie`` of its score, or within ``part_tie`` for an article of
    the same part (a summary sentence often restates two neighbouring articles).
    """
    if not scores:
        return {}
    winner = max(scores, key=lambda number: (scores[number], -number))
    best = scores[winner]
    if best < coverage:
        return {}
    return {
        number: score
        for number, score in scores.items()
        if score >= best * (settings.part_tie if part_of.get(number) == part_of.get(winner) else settings.tie)
    }


def _merge(found: dict[int, float], more: dict[int, float]) -> None:
    for number, confidence in more.items():
        found[number] = max(found.get(number, 0.0), confidence)


def explain(sentence: str, index: ArticleIndex, settings: Settings, context: Context | None = None) -> dict[int, float]:
    """The articles a sentence explains, each with a confidence: union over its clauses and their listed items.

    ``context`` carries what the answer has established so far: the part being
    summarised (after 第二部分…), the articles already discussed, the current list item
    and the question's topic. A context article needs ``evidence`` from the sentence itself;
    its confidence is the sentence's own coverage of it.
    """
    context = context or Context()
    found: dict[int, float] = {}
    # The sentence's own coverage of each article, as a whole (事在四方，要在中央 is too light to decide
    # alone, but is ground enough for the article its question asks about) and clause by clause.
    whole: dict[int, float] = index.scores(index.without_part_titles(sentence))[1]
    own: dict[int, float] = dict(whole)
    # An item's heading (一是服务技能型社会建设。) is terse by form, not a stock phrase: its coverage is not scaled down.
    heading = is_item_heading(sentence)
    # A sentence that speaks of no sanction restates a duty, not the article sanctioning its breach.
    barred = index.liability if SANCTION.search(sentence) is None else set()
    for clause in clauses(index.without_part_titles(sentence)):
        named = index.named_titles(clause, settings.title, settings.title_in_order)
        _merge(found, named)
        _merge(found, index.named_tenets(clause, settings.title_in_order))
        total, scores = index.scores(clause)
        scores = {number: value for number, value in scores.items() if number not in barred}
        if total < settings.min_weight:
            continue
        _merge(own, scores)
        if named:
            continue  # the clause quotes a heading: the other articles that use its words only refer to it
        if settings.others and index.other_score(clause) > max(scores.values(), default=0.0):
            continue  # the clause restates the preamble, a part's introduction or the closing
        weight = 1.0 if heading or not settings.saturation else min(1.0, total / settings.saturation)
        _merge(found, {n: c * weight for n, c in _best(scores, settings.coverage, settings, index.part_of).items()})
        # A clause that lists several measures (A、B、C) may restate several articles.
        pieces = [piece for piece in clause.split("、") if piece]
        if len(pieces) > 1:
            for piece in pieces:
                piece_total, piece_scores = index.scores(piece)
                piece_scores = {number: value for number, value in piece_scores.items() if number not in barred}
                if piece_total >= settings.min_piece_weight:
                    piece_weight = min(1.0, piece_total / settings.saturation) if settings.saturation else 1.0
                    _merge(found, {n: c * piece_weight for n, c in _best(piece_scores, settings.piece_coverage, settings, index.part_of).items()})
    floors = [(context.scope, settings.scope_coverage), (context.topics, settings.topic_coverage), (context.item, settings.item_coverage), (context.asked, 0.0)]
    for articles, floor in floors:
        for number in articles:
            evidence = own.get(number, 0.0)
            if evidence >= max(floor, settings.evidence) and evidence > 0:
                _merge(found, {number: min(1.0, evidence + settings.context)})
    _merge(found, _whole_part(found, own, context.scope, settings))
    _merge(found, _chapter_summary(whole, own, context.chapter, settings))
    return {number: value for number, value in found.items() if number not in barred}


def _chapter_summary(whole: dict[int, float], own: dict[int, float], chapter: set[int], settings: Settings) -> dict[int, float]:
    """In a list item whose heading names a law's chapter, a sentence that restates no article of its own
    (no clause covers one to ``coverage``: 建立飞行活动申请制度，明确需提出飞行活动申请的情形以及审批权限和审批时限等)
    summarises several of that chapter's articles in new words: those the whole sentence covers best (within
    ``part_tie`` of the best of them, and at least ``evidence``), each with its clauses' best coverage plus
    what context adds."""
    if not chapter or any(value >= settings.coverage for value in own.values()):
        return {}
    best = max((whole.get(number, 0.0) for number in chapter), default=0.0)
    least = max(settings.evidence, best * settings.part_tie)
    return {number: min(1.0, own[number] + settings.context) for number in chapter if whole.get(number, 0.0) >= least and whole[number] > 0}


def is_item_heading(sentence: str) -> bool:
    """Whether the sentence is the heading of a list item: its marker and one clause (一是巩固职业教育类型定位。)."""
    return ITEM_MARKER.match(sentence) is not None and len(clauses(sentence)) == 1


def _whole_part(found: dict[int, float], own: dict[int, float], scope: set[int], settings: Settings) -> dict[int, float]:
    """After 第二部分“…”, a sentence that confidently restates at least two of the part's articles, and half of
    them, summarises the whole part: its other articles too (健全…纵向贯通、横向融通的培养体系, for a part of three)."""
    restated = [number for number in scope if number in found and found[number] >= settings.publish]
    if len(restated) < 2 or 2 * len(restated) < len(scope):
        return {}
    # As sure as the least sure of the articles it restates: the summary is the evidence, not the missing article's words.
    surely = min(found[number] for number in restated)
    return {number: max(own.get(number, 0.0), surely) for number in scope if number not in restated}


def question_topic(question: str, index: ArticleIndex, settings: Settings) -> dict[int, float]:
    """The articles a question asks about (如何推进职业本科教育稳步发展 → the article that says 稳步发展职业本科教育),
    each with the question's coverage of it: how surely the question names it."""
    found: dict[int, float] = {}
    for clause in clauses(index.without_part_titles(question)):
        total, scores = index.scores(clause)
        if total >= settings.min_weight:
            _merge(found, _best(scores, settings.question_coverage, settings, index.part_of))
    return found


def reports_speech(sentence: str) -> bool:
    """Whether a sentence reports what someone said or instructed, rather than what a document says."""
    return REPORTED_SPEECH.search(sentence) is not None and CITES_A_DOCUMENT not in sentence


def is_background(sentence: str) -> bool:
    """Whether a sentence explains no article: a remark reported as someone's, an account of the period,
    an evaluation of a meeting's being held, or the announcement of a list that follows."""
    if reports_speech(sentence) or EVENT.search(sentence) is not None or ANNOUNCEMENT.search(sentence) is not None:
        return True
    return PERIOD.search(sentence) is not None and CITES_A_DOCUMENT not in sentence


@dataclass
class Context:
    """What an answer has established before the current sentence."""

    scope: set[int] = field(default_factory=set)
    """Articles of the part the answer is summarising (since its last 第…部分, within the paragraph)."""

    topics: set[int] = field(default_factory=set)
    """Articles explained earlier in the same answer."""

    item: set[int] = field(default_factory=set)
    """Articles the current item of a list (一是…) opened with."""

    asked: dict[int, float] = field(default_factory=dict)
    """Articles the question asks about, with the question's coverage of each."""

    chapter: set[int] = field(default_factory=set)
    """Articles of the part (a law's chapter) whose theme the current list item's heading names
    (二是规范空域划设和飞行活动 for 第三章 空域和飞行活动管理), for the item's later sentences."""


def _sentence_articles(sentence: str, index: ArticleIndex, settings: Settings, context: Context) -> dict[int, float]:
    """``explain``, opening a new list item (一是…) when the sentence starts one."""
    opens_item = ENUMERATION.search(sentence) is not None
    if opens_item:
        context.item, context.chapter = set(), set()
    articles = explain(sentence, index, settings, context)
    if opens_item:
        context.item = set(articles)
        # The heading names the chapter's theme, which is no article's content: it links nothing by that,
        # but what the item says next summarises that chapter's articles.
        context.chapter = index.named_part(sentence) if is_item_heading(sentence) and index.law else set()
    return articles


def _answer_topic(found: dict[int, float], context: Context, settings: Settings) -> dict[int, float]:
    """An answer explains what its question asks: when the question names one article and the answer has
    itself confirmed it (a sentence confidently about it), a sentence with no wording of another article explains that
    article (一是把握好速度与质量的关系, in the answer to 如何推进职业本科教育稳步发展). Its confidence is the
    question's coverage of the article, where the sentence's own would be, plus what context adds.

    Not in a law (第X条), where the question is no context at all (``align``): its articles are single provisions without headings, and a question about a law
    names a theme that runs through many of them (如何体现分级分类考核, 在确保飞行安全方面规定了哪些措施), so
    the article its wording matches best is not what the answer is about. An Opinion's article is a whole
    measure under its heading, and a question naming it asks about that measure."""
    if len(context.asked) != 1 or not set(context.asked) <= context.topics:
        return {}
    if any(value >= settings.suggest for number, value in found.items() if number not in context.asked):
        return {}  # the sentence has wording of another article: what it is about is for its wording, or a reviewer, to say
    return {number: min(1.0, coverage + settings.context) for number, coverage in context.asked.items()}


def part_mentions(sentence: str, part_count: int) -> tuple[int, ...]:
    numbers = (parse_chinese_numeral(match) for match in PART_MENTION.findall(sentence))
    return tuple(sorted({number for number in numbers if number and number <= part_count}))


def _link(qa: int, segment: Segment, found: dict[int, float], parts: tuple[int, ...], settings: Settings) -> Link:
    confidence = {number: round(value, 3) for number, value in sorted(found.items()) if value >= settings.suggest}
    published = tuple(number for number, value in confidence.items() if value >= settings.publish)
    suggested = tuple(number for number in confidence if number not in published)
    return Link(qa, segment, published, parts, suggested, confidence)


def align(
    document: Document,
    settings: Settings | None = None,
    overrides: list[Decision] | None = None,
    genre: GenreStats | None = None,
) -> Alignment:
    """Link every answer sentence of the Q&A to the articles and parts it explains, with a confidence for each link."""
    settings = settings or Settings()
    alignment = Alignment()
    if not document.qa:
        return alignment
    index = ArticleIndex(document, settings, genre)
    for item in document.qa.items:
        # A law's question names a theme, not an article (see _answer_topic): it is no context there.
        asked = question_topic(item.question.zh, index, settings) if document.form != "law" else {}
        context = Context(asked=asked)
        for paragraph in item.answer:
            context.scope, context.item, context.chapter = set(), set(), set()
            for segment in paragraph.segments:
                parts = part_mentions(segment.zh, len(document.parts))
                if parts:
                    context.scope = {n for part in parts for n in document.part(part).articles}
                found = {} if is_background(segment.zh) else _sentence_articles(segment.zh, index, settings, context)
                if not parts and not is_background(segment.zh):
                    _merge(found, _answer_topic(found, context, settings))
                # Only what the sentence is confidently about becomes a topic the answer keeps discussing.
                context.topics |= {number for number, value in found.items() if value >= settings.publish}
                alignment.links[segment.id] = _link(item.number, segment, found, parts, settings)
    for override in overrides or []:
        override.apply(alignment, len(document.articles))
    return alignment


# -- overrides ---------------------------------------------------------------


def _named_link(alignment: Alignment, segment: str, articles: tuple[int, ...], article_count: int, what: str, file: str, line: int) -> Link:
    """The link of the answer sentence a reviewed decision names, once the sentence and its articles exist."""
    link = alignment.links.get(segment)
    if link is None:
        raise InputError(file, line, f"{what} names segment '{segment}', which is not an answer sentence")
    for number in articles:
        if not 1 <= number <= article_count:
            raise InputError(file, line, f"{what} names article {number}: expected 1 to {article_count}")
    return link


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
        link = _named_link(alignment, self.segment, (*self.add, *self.remove), article_count, "override", self.file, self.line)
        articles = (set(link.articles) | set(self.add)) - set(self.remove)
        suggested = tuple(n for n in link.suggested if n not in articles and n not in self.remove)
        confidence = {**link.confidence, **{n: 1.0 for n in self.add}}
        alignment.links[self.segment] = Link(
            link.qa, link.segment, tuple(sorted(articles)), link.parts, suggested, confidence, reviewed=True
        )


@dataclass(frozen=True)
class Reviewed:
    """A reviewer's decision on one sentence (from the review sheet): exactly these articles, no others."""

    segment: str
    sentence: str
    keep: tuple[int, ...]
    why: str
    file: str
    line: int

    def apply(self, alignment: Alignment, article_count: int) -> None:
        link = _named_link(alignment, self.segment, self.keep, article_count, "review", self.file, self.line)
        confidence = {**link.confidence, **{n: 1.0 for n in self.keep}}
        alignment.links[self.segment] = Link(link.qa, link.segment, tuple(sorted(self.keep)), link.parts, (), confidence, reviewed=True)


Decision = Override | Reviewed


def stale_overrides(document: Document, overrides: list[Decision], settings: Settings | None = None) -> list[str]:
    """Reviewed decisions that no longer fit: overrides the aligner has made needless (links it now
    adds, or no longer makes, by itself) and reviews of a sentence whose text has changed since.

    Each as ``file:line: message``; ``python -m explainer check`` reports them, so that the
    reviewed file keeps only the corrections still needed.
    """
    links = align(document, settings).links
    problems = []
    for decision in overrides:
        if isinstance(decision, Reviewed):
            link = links.get(decision.segment)
            if link is not None and decision.sentence and decision.sentence != link.segment.zh:
                problems.append(f"{decision.file}:{decision.line}: review of {decision.segment} is stale: the sentence has changed since; review it again")
            continue
        found = set(links[decision.segment].articles) if decision.segment in links else set()
        needless = [f"already links article {n}" for n in decision.add if n in found]
        needless += [f"no longer links article {n}" for n in decision.remove if n not in found]
        if needless:
            problems.append(f"{decision.file}:{decision.line}: override of {decision.segment} is stale: the aligner {', '.join(needless)}")
    return problems


def overrides_path(source: Path) -> Path:
    return source.with_suffix(".alignment.yml")


ALIGNMENT_KEYS: dict[str, frozenset[str]] = {
    "file": frozenset({"overrides", "reviewed"}),
    "overrides": frozenset({"segment", "add", "remove", "why"}),
    "reviewed": frozenset({"segment", "sentence", "links", "why"}),
    "reviewed links": frozenset({"article", "heading", "confidence", "keep"}),
}
"""Every key ``sources/<slug>.alignment.yml`` may hold, by place: the file's top level, an override,
a reviewed sentence, one link of a reviewed sentence. Any other key is an error."""


def _known_keys(path: Path, mapping: object, place: str) -> None:
    if not isinstance(mapping, dict):
        return
    for key in mapping:
        if key not in ALIGNMENT_KEYS[place]:
            line = mapping.key_line(key) if hasattr(mapping, "key_line") else 1
            where = place if place != "file" else "the file"
            # The nearest known key when one is close (difflib), else the list of them.
            message = unknown_key_message(str(key), ALIGNMENT_KEYS[place]).replace(f"unknown key '{key}':", f"unknown key '{key}' in {where}:", 1)
            raise InputError(str(path), line, message)


def load_overrides(path: Path) -> list[Decision]:
    """``sources/<slug>.alignment.yml``: ``overrides`` ({segment, add, remove, why}) and ``reviewed``
    sentences ({segment, sentence, links: [{article, keep, …}], why}) as the review sheet writes them."""
    if not path.exists():
        return []
    data = load_yaml(path)
    if data is None:
        return []
    if not isinstance(data, dict) or not any(isinstance(data.get(key), list) for key in ("overrides", "reviewed")):
        raise InputError(str(path), getattr(data, "line", 1), "expected 'overrides:' or 'reviewed:' with a list of sentences")
    _known_keys(path, data, "file")
    result: list[Decision] = []
    entries = data.get("overrides") or []
    for entry, line in zip(entries, getattr(entries, "lines", [])):
        if not isinstance(entry, dict) or not isinstance(entry.get("segment"), str):
            raise InputError(str(path), line, "each override needs 'segment' (an answer sentence id such as q5-p1-s3)")
        _known_keys(path, entry, "overrides")
        if not isinstance(entry.get("why"), str) or not entry["why"].strip():
            raise InputError(str(path), line, f"override of {entry['segment']} needs 'why'")
        add, remove = entry.get("add") or [], entry.get("remove") or []
        numbers = [*add, *remove] if isinstance(add, list) and isinstance(remove, list) else None
        if numbers is None or not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers) or not numbers:
            raise InputError(str(path), line, f"override of {entry['segment']} needs 'add' or 'remove' with article numbers")
        result.append(Override(entry["segment"], tuple(add), tuple(remove), entry["why"].strip(), str(path), line))
    reviewed = data.get("reviewed") or []
    for entry, line in zip(reviewed, getattr(reviewed, "lines", [])):
        result.append(_reviewed(path, entry, line))
    return result


def _reviewed(path: Path, entry: object, line: int) -> Reviewed:
    if not isinstance(entry, dict) or not isinstance(entry.get("segment"), str):
        raise InputError(str(path), line, "each reviewed sentence needs 'segment' (an answer sentence id such as q5-p1-s3)")
    _known_keys(path, entry, "reviewed")
    links = entry.get("links") or []
    if not isinstance(links, list):
        raise InputError(str(path), entry.line_of("links"), f"review of {entry['segment']}: expected 'links:' with a list of {{article, keep}}")
    keep = []
    for link, link_line in zip(links, getattr(links, "lines", [])):
        _known_keys(path, link, "reviewed links")
        article = link.get("article") if isinstance(link, dict) else None
        decision = link.get("keep") if isinstance(link, dict) else None
        if not isinstance(article, int) or isinstance(article, bool) or not isinstance(decision, bool):
            raise InputError(str(path), link_line, f"review of {entry['segment']}: each link needs 'article' (a number) and 'keep' (true or false)")
        if decision:
            keep.append(article)
    why = entry.get("why") if isinstance(entry.get("why"), str) else ""
    sentence = entry.get("sentence") if isinstance(entry.get("sentence"), str) else ""
    return Reviewed(entry["segment"], sentence, tuple(sorted(set(keep))), why.strip(), str(path), line)


def align_document(document: Document, settings: Settings | None = None) -> Alignment:
    """Align with the reviewed overrides beside the document's source."""
    return align(document, settings, load_overrides(overrides_path(Path(document.source))))
