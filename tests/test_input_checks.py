"""check reports markup and control characters in what people write; pages never carry them raw."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import copy_project

from explainer.input_checks import control_characters, markup_in
from explainer.render import markup

SOURCE = "sources/vocational-education-2021.txt"
PO = "translations/en/vocational-education-2021.po"


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "explainer", *args], cwd=project, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("pristine"))


@pytest.fixture
def project(pristine: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(pristine, tmp_path / "project"))


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` by ``new``; the line where it was."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_what_counts_as_markup() -> None:
    assert markup_in("A <b>bold</b> claim") == "<b>"
    assert markup_in('x"><svg onload=alert(1)>') == "<svg onload=alert(1)>"
    assert markup_in("R&amp;D") == "&amp;"
    assert markup_in("{{ config }}") == "{{"
    assert markup_in("see JavaScript: the guide") == "JavaScript:"
    for plain in ("R&D and 3 < 5", "中文+职业技能", "《意见》", "a > b", "{x}"):
        assert markup_in(plain) is None, plain


def test_control_characters_are_located_and_never_written_raw() -> None:
    assert list(control_characters("ab\n c\x00d\x85\te")) == [(2, 3, "\x00"), (2, 5, "\x85")]
    assert markup.text("a\x00b\x1fc\x7fd\x9fe\tf") == "a\ufffdb\ufffdc\ufffdd\ufffde\tf"
    assert markup.attribute("\x01<") == "\ufffd&lt;"
    assert markup.html_text("\x0b&") == "\ufffd&amp;"


def test_check_names_each_piece_of_markup_and_each_control_character(project: Path) -> None:
    source, po = project / SOURCE, project / PO
    title_line = edit(source, "二、强化职业教育类型特色", "二、强化职业教育类型特色<i>")
    nul_line = edit(source, "职业教育是国民教育体系", "职业教育\x00是国民教育体系")
    msgstr_line = edit(po, 'msgstr "Main Objectives"', 'msgstr "Main <b onmouseover=x>Objectives"')
    bell_line = edit(po, 'msgstr "Work Requirements"', 'msgstr "Work\x07 Requirements"')
    short_title_line = edit(project / "documents.yml", "      en: Opinions on Modern Vocational Education (2021)", "      en: Opinions {{ x }}")
    result = run(project, "check")
    lines = result.stdout.splitlines()
    assert result.returncode == 1, result.stderr
    assert f"  {SOURCE}:{title_line}: part2-t: markup '<i>' in the text: pages show it as text; remove it" in lines
    assert f"  {SOURCE}:{nul_line}:5: control character U+0000: pages show it as U+FFFD; remove it" in lines
    import polib  # an entry is named by its first line: its first comment (the review record) or its "#:" reference

    entry_line = next(entry.linenum for entry in polib.pofile(str(po), wrapwidth=0) if entry.msgctxt == "a03-t")
    assert entry_line < msgstr_line
    assert f"  {PO}:{entry_line}: a03-t: markup '<b onmouseover=x>' in the translation: pages show it as text; remove it" in lines
    assert f"  {PO}:{bell_line}:13: control character U+0007: pages show it as U+FFFD; remove it" in lines
    assert f"documents.yml:{short_title_line}: markup '{{{{' in a configuration string: pages show it as text; remove it" in lines


def test_control_characters_reach_no_page_raw(project: Path) -> None:
    edit(project / SOURCE, "职业教育是国民教育体系", "职业教育\x00是国民\x85教育体系")
    edit(project / PO, "Vocational education is an important", "Vocational\x07 education\x1b is an important")
    result = run(project, "build")
    assert result.returncode == 0, result.stderr
    raw = []
    for path in (project / "site").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if any(char in text for char in ("\x00", "\x85", "\x07", "\x1b")):
            raw.append(str(path.relative_to(project / "site")))
    assert raw == []
    assert "职业教育\ufffd是国民\ufffd教育体系" in (project / "site" / "articles" / "index.html").read_text(encoding="utf-8")


def test_the_term_check_fires_where_the_english_lacks_the_rendering(project: Path) -> None:
    """The seed is consistent, so only a planted inconsistency shows that the check can fire at all."""
    from explainer.document.parse import parse_file
    from explainer.glossary.checks import term_problems
    from explainer.glossary.terms import load_glossary

    line = edit(project / PO, 'implement the Double High-Level Plan effectively', "implement the two plans effectively")
    document = parse_file(project / SOURCE, "vocational-education-2021")
    term = load_glossary(str(project / "glossary" / "terms.yml")).term("double-high-plan")
    renderings = " / ".join((term.en, *term.en_variants))
    import polib  # the entry is named by its first line (its review record comes first)

    line = next(entry.linenum for entry in polib.pofile(str(project / PO), wrapwidth=0) if entry.msgctxt == "a05-p1-s3") + 3
    assert term_problems(project, document) == [
        f"{project / PO}:{line - 3}: a05-p1-s3: term 双高计划 (double-high-plan) is not rendered as '{renderings}'"
    ]
    result = run(project, "check")
    assert result.returncode == 1 and f"  {PO}:{line - 3}: a05-p1-s3: term 双高计划 (double-high-plan)" in result.stdout
