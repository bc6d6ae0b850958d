"""``make mutate``'s summary: after ``mutmut run``, the mutants of each core module, the survivors and the survival rate.

The survival rate leaves out the mutants recorded as equivalent in
``tests/data/equivalent_mutants.yml`` (a change that no input can tell apart,
each with the reason), and counts a mutant that no fast test reaches as a survivor.
Each survivor is printed with its diff, so that it can be killed with a test or recorded as equivalent.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENT = ROOT / "tests" / "data" / "equivalent_mutants.yml"
SURVIVING = ("survived", "no tests")
"""Statuses of mutants that no test killed."""
DETECTED = ("killed", "timeout")
"""Statuses of mutants a test noticed (a mutant that loops forever is stopped by mutmut's timeout)."""


def load_results(root: Path) -> dict[str, tuple[str, str]]:
    """Mutant name → (source file, status), from the ``.meta`` files ``mutmut run`` leaves in ``mutants/``."""
    from mutmut.stats import status_by_exit_code

    results: dict[str, tuple[str, str]] = {}
    for meta in sorted((root / "mutants").rglob("*.py.meta")):
        source = meta.relative_to(root / "mutants").as_posix().removesuffix(".meta")
        for name, exit_code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items():
            results[name] = (source, status_by_exit_code[exit_code])
    return results


def load_equivalent(path: Path = EQUIVALENT) -> dict[str, str]:
    """Mutant name → why no input can tell it from the original."""
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(name): str(why) for name, why in data.items()}


def diff(name: str, source: str) -> str:
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    return str(get_diff_for_mutant(name, path=Path(source)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-diffs", action="store_true", help="list the survivors without their diffs")
    args = parser.parse_args(argv)
    results = load_results(ROOT)
    if not results:
        print("no mutation results in mutants/: run `make mutate`", file=sys.stderr)
        return 2
    equivalent = load_equivalent()
    print(f"{'module':42} {'mutants':>8} {'killed':>7} {'equiv.':>7} {'survived':>9}")
    by_module: dict[str, Counter[str]] = {}
    for name, (source, status) in results.items():
        counts = by_module.setdefault(source, Counter())
        counts["mutants"] += 1
        counts["equivalent" if name in equivalent else "killed" if status in DETECTED else status] += 1
    for source, counts in sorted(by_module.items()):
        survived = sum(counts[status] for status in SURVIVING)
        print(f"{source:42} {counts['mutants']:>8} {counts['killed']:>7} {counts['equivalent']:>7} {survived:>9}")
    survivors = sorted(name for name, (_, status) in results.items() if status in SURVIVING and name not in equivalent)
    other = Counter(status for name, (_, status) in results.items() if status not in (*SURVIVING, *DETECTED) and name not in equivalent)
    counted = sum(1 for name in results if name not in equivalent and results[name][1] in (*SURVIVING, *DETECTED))
    rate = 100 * len(survivors) / counted if counted else 0.0
    print(
        f"\n{len(results)} mutants: {counted - len(survivors)} killed, {len(survivors)} survived, "
        f"{sum(1 for name in results if name in equivalent)} equivalent (tests/data/equivalent_mutants.yml)"
        + (f", {dict(other)}" if other else "")
    )
    print(f"survival rate of non-equivalent mutants: {rate:.1f}% (goal: under 10%)")
    stale = sorted(name for name in equivalent if name not in results or results[name][1] in DETECTED)
    if stale:
        print(f"\nrecorded as equivalent but now killed or gone (remove them): {', '.join(stale)}")
    if survivors:
        print("\nsurvivors:")
        for name in survivors:
            print(f"  {name} ({results[name][1]})")
            if not args.no_diffs:
                print("    " + diff(name, results[name][0]).strip().replace("\n", "\n    "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
