"""``python -m explainer add FILE [--slug S]``: bring a new document into the site in one command.

1. Parse FILE first: a text the parser refuses changes nothing (one ``file:line`` line, exit 2).
2. Copy it, byte for byte, into ``sources/`` (with its ``.corrections.yml`` when there is one).
3. Add an entry to ``documents.yml`` as text, so every comment and blank line of the file stays.
4. Write the PO template ``translations/<slug>.pot`` for translators.
5. Report what ``check`` finds in the text, and the candidate glossary terms the term base lacks
   (quoted coinages, defined abbreviations, programme names, repeated phrases), so that the
   operator settles the terms before anyone translates.

The site then builds with the new document; its English pages show the "translation pending"
notice until ``translations/en/<slug>.po`` is filled (by translators, or drafted by ``translate``).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from .check import source_report, summary
from .common.errors import InputError
from .common.files import write_atomic
from .common.yamlfile import load_yaml
from .config.project import CONFIG_FILE, RESERVED_SLUGS, SLUG_RE, load_project
from .document.corrections import corrections_path
from .document.parse import parse_file
from .glossary.candidates import Candidate, candidate_terms
from .glossary.terms import load_glossary
from .translation.catalog import template, write_po

GLOSSARY_FILE = "glossary/terms.yml"
SOURCE_SUFFIXES = (".txt", ".md")
CANDIDATES_SHOWN = 40
"""How many candidate terms the report lists (the most telling first); the rest are counted."""


def add_document(root: Path, file: Path, slug: str | None) -> int:
    """Add ``file`` to the project at ``root``; print what was done and what to review. Returns the exit status."""
    if not file.is_file():
        raise InputError(str(file), 0, "no such file: expected the text of a document")
    slug = slug or slug_from_name(file)
    project = load_project(root)
    _check_slug(root, slug, [config.slug for config in project.documents])
    suffix = file.suffix.lower() if file.suffix.lower() in SOURCE_SUFFIXES else ".txt"
    target = root / "sources" / f"{slug}{suffix}"
    if target.exists() and target.resolve() != file.resolve():
        raise InputError(str(target), 0, f"a source named '{target.name}' already exists: choose another slug with --slug")
    document = parse_file(file, slug)
    config_text = _with_entry((root / CONFIG_FILE).read_text(encoding="utf-8"), slug, f"sources/{target.name}", root / CONFIG_FILE)

    if target.resolve() != file.resolve():
        _copy(file, target)
        beside = corrections_path(file)
        if beside.is_file():
            _copy(beside, corrections_path(target))
    write_atomic(root / CONFIG_FILE, config_text)
    pot = root / "translations" / f"{slug}.pot"
    write_po(template(document), pot)

    document = parse_file(target, slug)
    print(f"added {target.relative_to(root)} as '{slug}' ({document.form}): {summary(document).split(': ', 1)[1]}")
    print(f"  {CONFIG_FILE}: new entry '{slug}'")
    print(f"  {pot.relative_to(root)}: template with {sum(1 for _ in document.segments())} entries")
    lines, open_notices = source_report(document)
    print(f"check: {open_notices} problem(s)" if open_notices else "check: clean")
    for line in lines:
        print(f"  {line}")
    glossary_path = root / GLOSSARY_FILE
    glossary = load_glossary(str(glossary_path)) if glossary_path.is_file() else None
    _print_candidates(candidate_terms(document, glossary), GLOSSARY_FILE)
    print(f"next: review the terms, then translate translations/en/{slug}.po (or draft it: python -m explainer translate --doc {slug})")
    return 0


def slug_from_name(file: Path) -> str:
    """``Vocational_Law 2022.txt`` → ``vocational-law-2022``; a name without Latin letters or digits gives none."""
    slug = re.sub(r"[^a-z0-9]+", "-", file.stem.lower()).strip("-")
    if not slug:
        raise InputError(str(file), 0, "the file name gives no URL-safe slug: expected --slug with lowercase letters, digits and hyphens")
    return slug


def _check_slug(root: Path, slug: str, taken: list[str]) -> None:
    config = str(root / CONFIG_FILE)
    if not SLUG_RE.match(slug):
        raise InputError(config, 0, f"slug '{slug}' must be lowercase letters, digits and hyphens")
    if slug in RESERVED_SLUGS:
        raise InputError(config, 0, f"slug '{slug}' is reserved for a site section: choose another with --slug")
    if slug in taken:
        raise InputError(config, 0, f"slug '{slug}' is already a document of the site: choose another with --slug")


def _with_entry(text: str, slug: str, source: str, path: Path) -> str:
    """``documents.yml`` with one more entry at the end of its ``documents:`` list; comments kept."""
    data = load_yaml(path)
    lines = text.splitlines(keepends=True)
    entries = data["documents"]
    first = lines[entries.lines[0] - 1]
    indent = first[: len(first) - len(first.lstrip())]
    start = next(index for index, line in enumerate(lines) if re.match(r"^documents\s*:", line))
    end = next((index for index in range(start + 1, len(lines)) if re.match(r"^[^\s#-]", lines[index])), len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    if end and not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    entry = [f"{indent}- slug: {slug}\n", f"{indent}  source: {source}\n"]
    return "".join(lines[:end] + entry + lines[end:])


def _copy(source: Path, target: Path) -> None:
    """Copy bytes exactly (the source is kept as published), atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(source.read_bytes())
        os.chmod(temporary, 0o644 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _print_candidates(candidates: list[Candidate], glossary_file: str) -> None:
    if not candidates:
        print(f"candidate terms: none that {glossary_file} lacks")
        return
    print(f"candidate terms {glossary_file} lacks ({len(candidates)}): review them before translating")
    for candidate in candidates[:CANDIDATES_SHOWN]:
        print(f"  line {candidate.line}: {candidate.text} ({candidate.kind}, {candidate.count}×)")
    if len(candidates) > CANDIDATES_SHOWN:
        print(f"  … and {len(candidates) - CANDIDATES_SHOWN} more repeated phrases or names")
