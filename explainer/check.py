"""``python -m explainer check``: everything a reviewer should see, in one report.

For each document: the repairs the parser made, the suspicious spots in the
source and their review status, dropped lines, the reviewed alignment
overrides (and any the aligner has made stale), then translation and
terminology problems; for the project, every interface string a language's
catalog lacks. Exit status 1 when anything needs attention, 0 when clean, 2 on
bad input.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .align.aligner import Override, Settings, align, load_overrides, overrides_path, stale_overrides
from .document.model import Document
from .document.parse import parse_file
from .config.languages import Languages
from .config.project import load_project
from .input_checks import configuration_problems, source_problems, translation_input_problems
from .translation.catalog import template, write_po

Checker = Callable[[Path, Document], list[str]]


def source_report(document: Document) -> tuple[list[str], int]:
    """Lines describing repairs, notices and dropped lines; the count of open notices."""
    lines = []
    for repair in document.repairs:
        lines.append(f"{document.source}:{repair.line}: repair ({repair.kind}): {repair.description}")
    open_count = 0
    for notice in document.notices:
        status = notice.status if notice.status == "open" else f"{notice.status}: {notice.why}"
        lines.append(f"{document.source}:{notice.line}:{notice.column}: {notice.kind} '{notice.text}' ({status})")
        open_count += notice.status == "open"
    for dropped in document.dropped:
        lines.append(f"{document.source}:{dropped.line}: dropped ({dropped.reason}): {dropped.text}")
    return lines, open_count


def alignment_report(document: Document) -> tuple[list[str], list[str]]:
    """The alignment of a document: its reviewed decisions (shown like repairs), what the aligner
    publishes and suggests with their confidence, and the stale decisions (problems).

    Suggestions are links proposed below the confidence to publish, on sentences no one has
    reviewed yet: not problems, but what ``python -m explainer align --review`` asks a reviewer about.
    """
    decisions = load_overrides(overrides_path(Path(document.source)))
    lines = []
    reviewed = 0
    for decision in decisions:
        if isinstance(decision, Override):
            changes = [f"+{n}" for n in decision.add] + [f"-{n}" for n in decision.remove]
            lines.append(f"{decision.file}:{decision.line}: alignment override of {decision.segment}: articles {' '.join(changes)} ({decision.why})")
        else:
            reviewed += 1
    alignment = align(document, overrides=decisions)
    published = sum(len(link.articles) for link in alignment.links.values())
    suggestions = [(link, number) for link, number in alignment.suggestions() if not link.reviewed]
    if reviewed:
        lines.append(f"alignment: {reviewed} answer sentences reviewed ({overrides_path(Path(document.source)).name})")
    lines.append(
        f"alignment: {published} links published (confidence ≥ {Settings().publish:g} or reviewed), "
        f"{len(suggestions)} suggestion{'' if len(suggestions) == 1 else 's'} for review (python -m explainer align --review {document.slug})"
    )
    for link, number in suggestions:
        lines.append(
            f"{document.source}:{link.segment.line}: suggestion: {link.segment.id} → article {number} "
            f"(confidence {link.confidence[number]:.2f}): {link.segment.zh[:24]}…"
        )
    return lines, stale_overrides(document, decisions) if decisions else []


def summary(document: Document) -> str:
    segments = sum(1 for _ in document.segments())
    items = len(document.qa.items) if document.qa else 0
    return (
        f"{document.source}: {len(document.parts)} parts, {len(document.articles)} articles, {items} Q&A items, "
        f"{segments} segments, {len(document.repairs)} repairs, {len(document.notices)} suspicious spots, "
        f"{len(document.dropped)} dropped lines"
    )


def run_check(root: Path, file: Path | None, pot: Path | None) -> int:
    """Print the report; return 1 if anything is open, else 0."""
    from .translation.conversion import OVERRIDES_FILE, use_conversion_table

    use_conversion_table(root / OVERRIDES_FILE)
    problems = 0
    if file is not None:
        documents = [parse_file(file)]
    else:
        project = load_project(root)
        documents = [parse_file(config.source, config.slug) for config in project.documents]
        problems += _report_interface(project.languages)
        for problem in configuration_problems(root):
            print(problem)
            problems += 1
    for document in documents:
        lines, open_notices = source_report(document)
        print(summary(document))
        for line in lines:
            print(f"  {line}")
        problems += open_notices
        for problem in source_problems(document):
            print(f"  {problem}")
            problems += 1
        if document.qa is not None:
            overrides, stale = alignment_report(document)
            for line in overrides + stale:
                print(f"  {line}")
            problems += len(stale)
        if file is None:
            from .translation.review import review_report

            summary_lines, unreviewed = review_report(root, document)
            for line in summary_lines + unreviewed:
                print(f"  {line}")
            problems += len(unreviewed)
            for checker in _checkers():
                found = checker(root, document)
                for problem in found:
                    print(f"  {problem}")
                problems += len(found)
        if pot is not None:
            target = pot if len(documents) == 1 else pot.with_name(f"{document.slug}.pot")
            write_po(template(document), target)
            print(f"  wrote template {target}")
    if file is None:
        from .glossary.checks import traditional_term_problems

        found = traditional_term_problems(root)
        for problem in found:
            print(f"  {problem}")
        problems += len(found)
    print(f"check: {problems} problem(s)" if problems else "check: clean")
    return 1 if problems else 0


def _report_interface(registry: Languages) -> int:
    """Print the interface strings missing from the catalogs; return how many."""
    from .render.interface_check import interface_problems

    found = interface_problems(registry)
    if found:
        print("interface strings:")
        for problem in found:
            print(f"  {problem}")
    return len(found)


def _checkers() -> list[Checker]:
    from .glossary.checks import avoided_problems, term_problems
    from .translation.checks import translation_problems
    from .translation.style import style_problems, traditional_problems

    return [translation_input_problems, translation_problems, term_problems, avoided_problems, style_problems, traditional_problems]
