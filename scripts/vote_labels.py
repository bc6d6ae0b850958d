"""Majority vote of independent labellings of a Q&A: the test data of the aligner for one document.

    .venv/bin/python scripts/vote_labels.py SOURCE LABELS.yml [LABELS.yml ...] --output tests/data/<slug>_alignment_labels.yml

Each labelling maps every answer sentence id to ``{articles: [...], why: "..."}`` (the form
the labelling packet asks for); the labeller's name is the file name after ``labels-``.
A link counts when more than half of the labellings make it. Every sentence on which the
labellings differ keeps each one's votes and reasons, and the header gives the agreement
between each pair of labellings (F1 on links).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explainer.document.parse import parse_file  # noqa: E402

Labelling = dict[str, tuple[set[int], str]]


def read_labelling(path: Path) -> Labelling:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(sid): (set(entry.get("articles") or []), str(entry.get("why", "")).strip()) for sid, entry in data.items()}


def agreement(first: Labelling, second: Labelling) -> float:
    """F1 of one labelling's links against the other's."""
    links_a = {(sid, n) for sid, (articles, _) in first.items() for n in articles}
    links_b = {(sid, n) for sid, (articles, _) in second.items() for n in articles}
    if not links_a and not links_b:
        return 1.0
    return 2 * len(links_a & links_b) / (len(links_a) + len(links_b))


def name_of(path: Path) -> str:
    return path.stem.removeprefix("labels-")


def vote(source: Path, paths: list[Path]) -> str:
    document = parse_file(source)
    assert document.qa is not None
    labellings = {name_of(path): read_labelling(path) for path in paths}
    ids = [segment.id for item in document.qa.items for paragraph in item.answer for segment in paragraph.segments]
    for name, labelling in labellings.items():
        missing = [sid for sid in ids if sid not in labelling]
        if missing:
            raise SystemExit(f"labels-{name}.yml: no label for {', '.join(missing[:5])}")
    pairs = ", ".join(f"{a}–{b} {agreement(labellings[a], labellings[b]):.2f}" for a, b in itertools.combinations(labellings, 2))
    header = [
        f"# Which articles each Q&A answer sentence of {source.name} explains: test data of the aligner.",
        f"# {len(labellings)} independent labellings ({', '.join(labellings)}), each made blind from the labelling packet",
        "# (the articles, the answer sentences with their ids, and the written definition of \"explains\" in README,",
        "# Alignment), none by running the aligner. `articles` is the majority vote (a link counts when more than",
        "# half make it); where they differ, `votes` gives each labelling's links and `why` their reasons.",
        f"# Agreement on links (F1): {pairs or 'one labelling only'}.",
        "# Written by scripts/vote_labels.py.",
    ]
    items = []
    for item in document.qa.items:
        sentences = []
        for paragraph in item.answer:
            for segment in paragraph.segments:
                counts: dict[int, int] = {}
                for articles, _ in (labelling[segment.id] for labelling in labellings.values()):
                    for number in articles:
                        counts[number] = counts.get(number, 0) + 1
                majority = sorted(n for n, count in counts.items() if count * 2 > len(labellings))
                entry: dict[str, object] = {"zh": segment.zh, "id": segment.id, "articles": majority}
                if len({frozenset(labelling[segment.id][0]) for labelling in labellings.values()}) > 1:
                    entry["votes"] = {name: sorted(labelling[segment.id][0]) for name, labelling in labellings.items()}
                    entry["why"] = [f"{name}: {labelling[segment.id][1]}" for name, labelling in labellings.items()]
                sentences.append(entry)
        items.append({"qa": item.number, "sentences": sentences})
    body = yaml.safe_dump({"items": items}, allow_unicode=True, sort_keys=False, width=1000)
    return "\n".join(header) + "\n" + body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("labels", type=Path, nargs="+")
    parser.add_argument("--output", type=Path, required=True)
    arguments = parser.parse_args()
    arguments.output.write_text(vote(arguments.source, arguments.labels), encoding="utf-8")
    print(f"wrote {arguments.output}")


if __name__ == "__main__":
    main()
