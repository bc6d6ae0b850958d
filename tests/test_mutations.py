"""Random damage to every input file: parse, check and build answer with exit 0 or 2, never a traceback.

Hypothesis mutates one input file of a copy of the project (a source, its PO file,
terms.yml, documents.yml, the corrections and alignment files, mkdocs.yml, an interface catalog): it
deletes, inserts, duplicates, swaps or truncates, with pieces chosen to hit the
grammars (quotes, backslashes, YAML indentation, PO keywords, numbering, NUL).
The contract: exit status 0 (or 1 for check: problems listed), or 2 with exactly one
line ``file:line: …`` on stderr; never a traceback; after a failed build ``site/``
is the old site, after a successful one the new.

parse and check run in-process (fast); build runs as a process, as users run it,
and is marked ``slow`` (``make test`` runs it; ``-m "not slow"`` leaves it out).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import copy_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.cli import main

SOURCE = "sources/vocational-education-2021.txt"
INPUT_FILES = (
    SOURCE,
    "translations/en/vocational-education-2021.po",
    "glossary/terms.yml",
    "documents.yml",
    "sources/vocational-education-2021.corrections.yml",
    "sources/vocational-education-2021.alignment.yml",
    "mkdocs.yml",
    "translations/zh-Hans/interface.po",
)
"""The project's input files; the interface catalog is the package's, copied where a project overrides it."""
INTERFACE_CATALOG = Path(__file__).resolve().parent.parent / "explainer" / "render" / "locale" / "zh-Hans" / "LC_MESSAGES" / "interface.po"
PIECES = (
    '"', "\\", "\\q", ":", ": ", "- ", "  ", "\t", "\n", "\n\n", "#", "#~ ", "#, fuzzy\n", "msgid ", "msgstr ", 'msgctxt "x"\n',
    "msgstr[0] ", "{", "}", "[", "]", "&", "*", "!!python/object:os.system ", "!ENV X", "---\n", "\x00", "\x85", "\ufeff",
    "一、", "(二十)", "（三）", "问：", "答：", "《", "》", "。", "？", "<script>", "{{ x }}", "null", "5", "-1", "true", "~",
)
ONE_LINE_ERROR = re.compile(r"^[^\n:]+:\d+: [^\n]+\n$")
EXAMPLES = {"fast": int(os.environ.get("MUTATION_EXAMPLES", "40")), "build": int(os.environ.get("MUTATION_BUILDS", "6"))}
"""Modest counts: about a minute for the in-process commands, two for the builds (a build is a few seconds).
A deeper run: ``MUTATION_EXAMPLES=500 MUTATION_BUILDS=40 .venv/bin/python -m pytest tests/test_mutations.py``."""

MUTATIONS: list[str] = []
"""Every mutation tried, for the figures in the README (`pytest -s` prints the count)."""


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, str, int, int, str]:
    """(file, operation, position, length, piece): one change to one input file."""
    file = draw(st.sampled_from(INPUT_FILES))
    operation = draw(st.sampled_from(("insert", "delete", "replace", "duplicate_line", "swap_lines", "truncate")))
    position = draw(st.integers(min_value=0, max_value=10**6))
    length = draw(st.integers(min_value=1, max_value=40))
    piece = draw(st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=6)))
    return file, operation, position, length, piece


def mutate(text: str, operation: str, position: int, length: int, piece: str) -> str:
    at = position % (len(text) + 1)
    lines = text.split("\n")
    line = position % len(lines)
    if operation == "insert":
        return text[:at] + piece + text[at:]
    if operation == "delete":
        return text[:at] + text[at + length :]
    if operation == "replace":
        return text[:at] + piece + text[at + len(piece) :]
    if operation == "duplicate_line":
        return "\n".join([*lines[: line + 1], lines[line], *lines[line + 1 :]])
    if operation == "swap_lines":
        other = (line + length) % len(lines)
        lines[line], lines[other] = lines[other], lines[line]
        return "\n".join(lines)
    return text[:at]  # truncate


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project's input files (each example starts from a hard-linked copy of it)."""
    return with_interface_catalog(copy_project(tmp_path_factory.mktemp("pristine")))


def with_interface_catalog(project: Path) -> Path:
    target = project / "translations" / "zh-Hans" / "interface.po"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(INTERFACE_CATALOG, target)
    return project


@pytest.fixture(scope="module")
def pristine_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same with its site built once, so that a failed build has an old site to keep."""
    project = with_interface_catalog(copy_project(tmp_path_factory.mktemp("pristine-built")))
    result = subprocess.run([sys.executable, "-m", "explainer", "build"], cwd=project, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return project


def fresh_copy(pristine: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(pristine, target, copy_function=os.link, ignore=shutil.ignore_patterns("site", ".build"))
    for name in ("site", ".build"):
        if (pristine / name).exists():
            shutil.copytree(pristine / name, target / name, copy_function=os.link)
    for name in INPUT_FILES:  # the files a mutation writes must not share their inode with the pristine copy
        data = (target / name).read_bytes()
        (target / name).unlink()
        (target / name).write_bytes(data)
    return target


def apply(project: Path, change: tuple[str, str, int, int, str]) -> None:
    file, operation, position, length, piece = change
    path = project / file
    path.write_text(mutate(path.read_text(encoding="utf-8"), operation, position, length, piece), encoding="utf-8")
    MUTATIONS.append(f"{file} {operation}")


def assert_contract(status: int, stderr: str, allowed: tuple[int, ...], what: str) -> None:
    assert "Traceback" not in stderr, f"{what}: {stderr}"
    assert status in allowed, f"{what}: exit {status}: {stderr}"
    if status == 2:
        assert ONE_LINE_ERROR.match(stderr), f"{what}: not one line file:line: …: {stderr!r}"


def run_in_process(project: Path, *args: str) -> tuple[int, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = main(["--root", str(project), *args])
    return status, stderr.getvalue()


@settings(max_examples=EXAMPLES["fast"], deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(change=mutations())
def test_parse_and_check_survive_any_damage(pristine: Path, tmp_path: Path, change: tuple[str, str, int, int, str]) -> None:
    project = fresh_copy(pristine, tmp_path / "project")
    apply(project, change)
    status, stderr = run_in_process(project, "parse", str(project / SOURCE))
    assert_contract(status, stderr, (0, 2), f"parse after {change}")
    status, stderr = run_in_process(project, "check")
    assert_contract(status, stderr, (0, 1, 2), f"check after {change}")


def site_state(site: Path) -> dict[str, int]:
    return {path.relative_to(site).as_posix(): path.stat().st_ino for path in site.rglob("*") if path.is_file()}


@pytest.mark.slow
@settings(max_examples=EXAMPLES["build"], deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(change=mutations())
def test_build_survives_any_damage_and_keeps_the_old_site_or_makes_the_new(pristine_built: Path, tmp_path: Path, change: tuple[str, str, int, int, str]) -> None:
    project = fresh_copy(pristine_built, tmp_path / "project")
    before = site_state(project / "site")
    apply(project, change)
    result = subprocess.run(
        [sys.executable, "-m", "explainer", "build"], cwd=project, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert_contract(result.returncode, result.stderr, (0, 2), f"build after {change}")
    after = site_state(project / "site")
    if result.returncode == 2:
        assert after == before, "a failed build changed site/"
    else:
        assert set(after) >= {"index.html", "en/index.html", "zh-Hant/index.html", "data/documents.json"}
        assert not set(after.values()) & set(before.values()), "a successful build left files of the old site in place"


def test_mutations_reach_every_input_file() -> None:
    """The strategy can pick every file: a file left out would never be tested."""
    assert set(INPUT_FILES) == {
        SOURCE,
        "translations/en/vocational-education-2021.po",
        "glossary/terms.yml",
        "documents.yml",
        "sources/vocational-education-2021.corrections.yml",
        "sources/vocational-education-2021.alignment.yml",
        "mkdocs.yml",
        "translations/zh-Hans/interface.po",
    }
    assert mutate("abc\ndef", "insert", 1, 1, "X") == "aXbc\ndef"
    assert mutate("abc\ndef", "delete", 1, 2, "") == "a\ndef"
    assert mutate("abc\ndef", "duplicate_line", 1, 1, "") == "abc\ndef\ndef"
    assert mutate("abc\ndef", "swap_lines", 0, 1, "") == "def\nabc"
    assert mutate("abc\ndef", "truncate", 5, 1, "") == "abc\nd"
