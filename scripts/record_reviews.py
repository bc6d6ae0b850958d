"""Record a round of the independent second reading in the English PO file.

    .venv/bin/python scripts/record_reviews.py --round 1 --date 2026-11-30 \
        --packet review/packet.tsv review/grades-1.tsv [--replies replies.tsv]

Each grades file (columns id, grade, category, note, suggestion; the reviewer is
named by the file: grades-1.tsv → reviewer-1) adds one ``review:`` line per
segment, fingerprinting the Chinese and the English the reviewer read (taken
from the packet, so a revision made since is not mistaken for the text read),
and a ``review-note:`` line for every grade above 0. A replies file (id, reply)
records the translator's answer to a note. The PO file is rewritten atomically;
msgid and msgstr are never touched.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from explainer.translation.catalog import write_po  # noqa: E402
from explainer.translation.review import add_comment, review_line  # noqa: E402

PO_FILE = ROOT / "translations/en/vocational-education-2021.po"


def unescape(text: str) -> str:
    """Undo the packet's escapes (\\t, \\n, \\\\)."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"t": "\t", "n": "\n", "\\": "\\"}.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--round", type=int, required=True)
    parser.add_argument("--date", required=True)
    parser.add_argument("--packet", type=Path, required=True, help="the packet the reviewers read (id, zh, en)")
    parser.add_argument("--replies", type=Path, help="id, reply: the translator's answers to notes")
    parser.add_argument("grades", type=Path, nargs="+")
    args = parser.parse_args()
    read = {row["id"]: (unescape(row["zh"]), unescape(row["en"])) for row in rows(args.packet)}
    po = polib.pofile(str(PO_FILE), encoding="utf-8", wrapwidth=0)
    entries = {entry.msgctxt: entry for entry in po if not entry.obsolete}
    for grades in args.grades:
        reviewer = "reviewer-" + grades.stem.split("-", 1)[1]
        for row in rows(grades):
            segment_id = row["id"]
            if segment_id not in read or segment_id not in entries:
                print(f"{grades}: {segment_id}: not in the packet or the PO file", file=sys.stderr)
                return 2
            chinese, english = read[segment_id]
            grade, category = int(row["grade"]), (row.get("category") or "").strip()
            entry = entries[segment_id]
            add_comment(entry, review_line(args.date, reviewer, args.round, grade, category if grade else "", chinese, english))
            if grade:
                note = " ".join((row.get("note") or "").split())
                suggestion = " ".join((row.get("suggestion") or "").split())
                add_comment(entry, f"review-note: {reviewer} round {args.round}: {note}" + (f" Suggested: {suggestion}" if suggestion else ""))
    if args.replies:
        for row in rows(args.replies):
            add_comment(entries[row["id"]], f"review-reply: translator round {args.round}: {' '.join(row['reply'].split())}")
    write_po(po, PO_FILE)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
