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

