"""Grid search of the aligner's thresholds against the hand labels: how explainer.align.Settings was chosen.

    .venv/bin/python scripts/align_grid.py [--top 15]

Prints the settings with the best F1 among those with precision ≥ 0.9 and recall ≥ 0.95, and how
many neighbouring settings do as well (a plateau, not a spike, is what to pick).
Runs on the bundled document and tests/data/alignment_labels.yml; takes a few minutes.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explainer.align import Settings, align  # noqa: E402
from explainer.align_eval import Scores, load_labels, score  # noqa: E402
from explainer.parse import parse_file  # noqa: E402

SOURCE = ROOT / "sources" / "vocational-education-2021.txt"
LABELS = ROOT / "tests" / "data" / "alignment_labels.yml"
GRID = {
    "coverage": (0.45, 0.5, 0.55),
    "tie": (0.8, 0.9),
    "part_tie": (0.25, 0.3, 0.35, 0.4, 0.5),
    "item_coverage": (0.03, 0.05, 0.1),
    "question_coverage": (0.25, 0.3, 0.35, 0.4),
    "scope_coverage": (0.0, 0.05, 0.1),
    "topic_coverage": (0.4, 0.5, 0.6),
}
MIN_PRECISION = 0.9
MIN_RECALL = 0.95
"""The issue's targets: settings must meet both; among those, the best F1 wins."""

_document = parse_file(SOURCE, "vocational-education-2021")
_labels = load_labels(LABELS, _document)


def evaluate(values: tuple[float, ...]) -> tuple[tuple[float, ...], Scores]:
    settings = replace(Settings(), **dict(zip(GRID, values)))
    return values, score(align(_document, settings), _labels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=15)
    arguments = parser.parse_args()
    combinations = list(itertools.product(*GRID.values()))
    with ProcessPoolExecutor() as pool:
        results = list(pool.map(evaluate, combinations, chunksize=64))
    current = evaluate(tuple(asdict(Settings())[name] for name in GRID))[1]
    eligible = [(values, scores) for values, scores in results if scores.precision >= MIN_PRECISION and scores.recall >= MIN_RECALL]
    eligible.sort(key=lambda result: (-result[1].f1, -result[1].precision))
    print(f"{len(combinations)} settings; {len(eligible)} with precision ≥ {MIN_PRECISION} and recall ≥ {MIN_RECALL}")
    best_f1 = max(results, key=lambda result: result[1].f1)
    print(f"best F1 without the targets: {best_f1[1].f1:.3f} (precision {best_f1[1].precision:.3f}, recall {best_f1[1].recall:.3f})")
    print(f"current Settings(): precision {current.precision:.3f}, recall {current.recall:.3f}, F1 {current.f1:.3f}")
    print(" | ".join(GRID) + " | precision | recall | F1")
    for values, scores in eligible[: arguments.top]:
        print(" | ".join(f"{value:g}" for value in values) + f" | {scores.precision:.3f} | {scores.recall:.3f} | {scores.f1:.3f}")
    if eligible:
        best = eligible[0][1].f1
        plateau = sum(1 for _, scores in eligible if scores.f1 >= best - 1e-9)
        print(f"{plateau} settings reach the best F1 {best:.3f}")
        for name in GRID:
            index = list(GRID).index(name)
            values = sorted({values[index] for values, scores in eligible if scores.f1 >= best - 1e-9})
            print(f"  {name}: {', '.join(f'{value:g}' for value in values)}")


if __name__ == "__main__":
    main()
