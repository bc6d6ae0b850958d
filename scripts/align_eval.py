"""Evaluate the aligner against hand labels (tests/data/alignment_labels.yml).

A tool of the tests and the bench, not of the generator: it reads the test tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from explainer.align.aligner import Alignment, Settings, align
from explainer.common.errors import InputError
from explainer.document.model import Document
from explainer.common.yamlfile import load_yaml

LABELS = Path("tests/data/alignment_labels.yml")


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    true_positives: int
    false_positives: int
    false_negatives: int

    @classmethod
    def from_counts(cls, true_positives: int, false_positives: int, false_negatives: int) -> Scores:
        """Precision and recall of these counts (1.0 where nothing was predicted, or nothing expected)."""
        found, expected = true_positives + false_positives, true_positives + false_negatives
        return cls(
            true_positives / found if found else 1.0,
            true_positives / expected if expected else 1.0,
            true_positives,
            false_positives,
            false_negatives,
        )

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_labels(path: Path, document: Document) -> dict[str, set[int]]:
    """Hand labels keyed by answer segment id (sentences are matched by their text within each item)."""
    data = load_yaml(path)
    assert document.qa is not None
    labels: dict[str, set[int]] = {}
    for item_labels in data["items"]:
        item = document.qa.items[item_labels["qa"] - 1]
        by_text = {segment.zh: segment.id for paragraph in item.answer for segment in paragraph.segments}
        for sentence in item_labels["sentences"]:
            if sentence["zh"] not in by_text:
                raise InputError(str(path), sentence.line, f"labelled sentence not found in Q&A item {item.number}: {sentence['zh'][:20]}")
            segment_id = by_text[sentence["zh"]]
            if sentence.get("id", segment_id) != segment_id:
                raise InputError(str(path), sentence.line, f"labelled sentence {sentence['id']} is {segment_id} in the source: {sentence['zh'][:20]}")
            labels[segment_id] = set(sentence["articles"])
    return labels


def score(alignment: Alignment, labels: dict[str, set[int]]) -> Scores:
    """Micro precision and recall over (sentence, article) pairs."""
    tp = fp = fn = 0
    for segment_id, gold in labels.items():
        predicted = set(alignment.links[segment_id].articles)
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    return Scores.from_counts(tp, fp, fn)


def evaluate(document: Document, labels_path: Path, settings: Settings | None = None) -> Scores:
    """Precision and recall of the aligner without overrides."""
    return score(align(document, settings), load_labels(labels_path, document))



REGISTRY = Path("tests/data/labelled_documents.yml")

METHODS: dict[str, Settings] = {
    "published (Settings())": Settings(),
    "every proposed link": Settings(publish=0.0),
    "without genre weighting": Settings(genre=0.0),
    "without non-article texts": Settings(others=False),
    "with moved verbs": Settings(moved_verbs=True),
}
"""The aligner's variants that README (Alignment) and ``make bench`` report per labelled document:
the links it publishes, every link it proposes (suggestions included), and ablations."""


@dataclass(frozen=True)
class LabelledDocument:
    """A document whose answer sentences were labelled by hand, with its labels."""

    slug: str
    document: Document
    labels: dict[str, set[int]]


def labelled_documents(root: Path = Path(".")) -> list[LabelledDocument]:
    """The labelled documents listed in ``tests/data/labelled_documents.yml``, parsed, with their labels."""
    from explainer.document.parse import parse_file

    data = load_yaml(root / REGISTRY)
    result = []
    for entry in data["documents"]:
        document = parse_file(root / entry["source"], entry["slug"])
        result.append(LabelledDocument(entry["slug"], document, load_labels(root / entry["labels"], document)))
    return result


MIN_PRECISION = 0.9
"""Precision first: the rule that chooses settings on a tuning document keeps those reaching this precision."""

Counts = tuple[int, int, int]


def grid_counts(documents: list[LabelledDocument], grid: dict[str, tuple[float, ...]], values: tuple[float, ...]) -> dict[str, Counts]:
    """Links right, wrong and missed on each document with these values of the grid's settings."""
    from dataclasses import replace

    settings = replace(Settings(), **dict(zip(grid, values)))
    counts = {}
    for labelled in documents:
        found = score(align(labelled.document, settings), labelled.labels)
        counts[labelled.slug] = (found.true_positives, found.false_positives, found.false_negatives)
    return counts


def choose(results: list[tuple[tuple[float, ...], dict[str, Counts]]], slug: str) -> tuple[float, ...]:
    """The rule: best F1 among the settings with precision ≥ MIN_PRECISION on this document (else best F1), middle of the ties."""

    def rank(counts: dict[str, Counts]) -> tuple[bool, float]:
        found = Scores.from_counts(*counts[slug])
        return (found.precision >= MIN_PRECISION, round(found.f1, 9))

    best = max(rank(counts) for _, counts in results)
    tied = [values for values, counts in results if rank(counts) == best]
    return tied[len(tied) // 2]


def leave_one_document_out(results: list[tuple[tuple[float, ...], dict[str, Counts]]], slugs: list[str]) -> dict[str, tuple[tuple[float, ...], Scores]]:
    """held-out document → (settings, scores): settings chosen on all the other documents together by
    :func:`choose_jointly`, counted on the document left out: how the aligner does on a document never seen."""
    by_values = dict(results)
    found = {}
    for held_out in slugs:
        others = [(values, {slug: value for slug, value in counts.items() if slug != held_out}) for values, counts in results]
        values = choose_jointly(others)
        found[held_out] = (values, Scores.from_counts(*by_values[values][held_out]))
    return found


def choose_jointly(results: list[tuple[tuple[float, ...], dict[str, Counts]]]) -> tuple[float, ...]:
    """How ``Settings()`` was chosen, on every document of ``results``: precision ≥ MIN_PRECISION on every
    document, then the best F1 of the worst document, then the best mean F1, the middle of the ties.
    Precision comes first: where no setting reaches MIN_PRECISION on every document, the best precision of
    the worst document decides before F1."""

    def rank(counts: dict[str, Counts]) -> tuple[bool, float, float, float]:
        scores = [Scores.from_counts(*value) for value in counts.values()]
        return (
            all(found.precision >= MIN_PRECISION for found in scores),
            0.0 if all(found.precision >= MIN_PRECISION for found in scores) else round(min(found.precision for found in scores), 9),
            round(min(found.f1 for found in scores), 9),
            round(sum(found.f1 for found in scores) / len(scores), 9),
        )

    best = max(rank(counts) for _, counts in results)
    tied = [values for values, counts in results if rank(counts) == best]
    return tied[len(tied) // 2]
