"""Rebuild the genre statistics of the aligner from a folder of real policy texts.

    .venv/bin/python scripts/genre_stats.py CORPUS_DIR [--exclude NAME ...] [--output explainer/data/genre_trigrams.tsv]

Each ``*.txt`` file of CORPUS_DIR is one published text (or an excerpt of one): an
Opinion, a decision, a law, a press Q&A. Lines starting with ``#`` are its metadata
(the first should be ``# source: URL (what it is)``) and are not counted. Traditional
characters are converted to Simplified first, so that a text reposted in either script
counts once.

The output lists, for every character trigram found in at least two of the texts, in how
many texts it occurs: phrases the whole genre shares (以习近平新时代中国特色社会主义思想为指导,
党的十八大以来, 各地区各部门) then weigh little in the aligner, whatever the document.
Its header records the sources. Leave out (``--exclude``) any document the aligner is
measured on, so that its figures stay honest.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explainer.align.aligner import GENRE_DATA, genre_table, ngrams  # noqa: E402


def corpus_texts(folder: Path, exclude: set[str]) -> list[tuple[str, str, str]]:
    """(file name, source line, text) of every text in the folder, sorted by name."""
    texts = []
    for path in sorted(folder.glob("*.txt")):
        if path.name in exclude or path.stem in exclude:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        meta = [line for line in lines if line.startswith("#")]
        source = next((line.split("source:", 1)[1].strip() for line in meta if "source:" in line), "source not recorded")
        body = "\n".join(line for line in lines if not line.startswith("#"))
        texts.append((path.name, source, body))
    return texts


def to_simplified(text: str) -> str:
    from opencc import OpenCC

    return OpenCC("t2s").convert(text)


def build(folder: Path, exclude: set[str]) -> str:
    texts = corpus_texts(folder, exclude)
    grams = [set(ngrams(to_simplified(body))) for _, _, body in texts]
    return genre_table(grams, [f"{name}: {source}" for name, source, _ in texts])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--exclude", nargs="*", default=[], help="file names (or stems) to leave out")
    parser.add_argument("--output", type=Path, default=ROOT / GENRE_DATA)
    arguments = parser.parse_args()
    table = build(arguments.corpus, set(arguments.exclude))
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(table, encoding="utf-8")
    rows = sum(1 for line in table.splitlines() if line and not line.startswith("#"))
    print(f"wrote {arguments.output}: {rows} trigrams")


if __name__ == "__main__":
    main()
