"""No traceback from configuration: every value typed, every unknown key named with the nearest known one.

Each case edits one file of a copy of the project and runs the command line: exit
status 2 and exactly one line ``file:line: what was expected`` on stderr.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hostile import copy_project


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "explainer", *args], cwd=project, capture_output=True, text=True, timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    )


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("pristine"))


@pytest.fixture
def project(pristine: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "project"
    shutil.copytree(pristine, target)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text and old != new, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, fragment: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


MKDOCS_CASES = [
    ("theme:\n  name: material", "theme: 5\nunused:\n  name: material", "theme: 5", "'theme': expected a theme name or a mapping with 'name', found 5"),
    (
        "markdown_extensions:\n",
        "markdown_extensions: 7\nold_extensions:\n",
        "markdown_extensions: 7",
        "'markdown_extensions': expected a list, each item an extension name, or a mapping of one extension name to its options, found 7",
    ),
    (
        "site_url: https://policy-explainer.github.io/",
        "site_url: policy-explainer.github.io",
        "site_url:",
        "'site_url': expected an absolute http:// or https:// address such as https://example.org/docs/, found 'policy-explainer.github.io'",
    ),
    ("use_directory_urls: true", "use_directory_urls: 1", "use_directory_urls", "'use_directory_urls': expected true or false, found 1"),
    ("  features:\n    - navigation.indexes", "  features:\n    - 12", "- 12", "'theme': 'features': item 1: expected a feature name, found 12"),
    ("site_url:", "site_colour: red\nsite_url:", "site_colour", "unknown key 'site_colour': did you mean 'site_url'?"),
]


@pytest.mark.parametrize(("old", "new", "at", "message"), MKDOCS_CASES, ids=[case[2] for case in MKDOCS_CASES])
def test_mkdocs_yml_values_are_typed(project: Path, old: str, new: str, at: str, message: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if old.startswith("theme:\n") or old.startswith("markdown_extensions:\n"):
        # The old block stays under another (unknown) key would be a second error: remove the block instead.
        key = old.split(":")[0]
        text = re.sub(rf"^{key}:\n(?:[ #].*\n|\n)*", new.split("\n")[0] + "\n", text, count=1, flags=re.M)
        config.write_text(text, encoding="utf-8")
    else:
        replace_in(config, old, new)
    result = run(project, "build")
    assert (result.returncode, result.stderr) == (2, f"{config}:{line_of(config, at)}: {message}\n")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  - explainer.glossary.extension:", "  - nosuch.extension:\n  - explainer.glossary.extension:", "'markdown_extensions': Failed to load extension 'nosuch.extension'.; ModuleNotFoundError: No module named 'nosuch'"),
        ("  name: material", "  name: materiel", "'theme': Unrecognised theme name: 'materiel'. The available installed themes are: mkdocs, readthedocs, material"),
    ],
)
def test_mkdocs_own_validation_names_mkdocs_yml_and_the_line(project: Path, old: str, new: str, message: str) -> None:
    """What only MkDocs can check (an extension that cannot load, a theme not installed): mkdocs.yml, never a temporary file."""
    config = project / "mkdocs.yml"
    replace_in(config, old, new)
    result = run(project, "build")
    key = message.split("'")[1]
    assert (result.returncode, result.stderr) == (2, f"{config}:{line_of(config, key + ':')}: {message}\n")
    assert ".build" not in result.stderr


UNKNOWN_KEYS = [
    ("documents.yml", "    short_title:", "    short_tittle:", "short_tittle", "document: unknown key 'short_tittle': did you mean 'short_title'?"),
    ("documents.yml", "# The documents of the site.", "colour: red\n# The documents of the site.", "colour", "unknown key 'colour': expected one of documents, languages"),
    ("glossary/terms.yml", "    category: principles\n", "    category: principles\n    colour: red\n", "colour", "term 'xi-jinping-thought': unknown key 'colour': expected one of category, definition, en, en_avoid, en_variants, id, note, pinyin, related, zh-Hans, zh-Hant"),
    ("glossary/terms.yml", "    en_variants: [\"Xi Jinping Thought\"]", "    en_variant: [\"Xi Jinping Thought\"]", "en_variant:", "term 'xi-jinping-thought': unknown key 'en_variant': did you mean 'en_variants'?"),
    ("sources/vocational-education-2021.corrections.yml", "    why: Two issuing bodies", "    reason: Two issuing bodies", "reason:", "'accepted' entry: unknown key 'reason': expected one of line, text, why"),
    ("sources/vocational-education-2021.alignment.yml", "    remove: [1]", "    remvoe: [1]", "remvoe", "unknown key 'remvoe' in overrides: did you mean 'remove'?"),
]


@pytest.mark.parametrize(("name", "old", "new", "at", "message"), UNKNOWN_KEYS, ids=[f"{case[0]}-{case[3]}" for case in UNKNOWN_KEYS])
def test_unknown_keys_suggest_the_nearest_known_key(project: Path, name: str, old: str, new: str, at: str, message: str) -> None:
    path = project / name
    replace_in(path, old, new)
    result = run(project, "check")
    assert (result.returncode, result.stderr) == (2, f"{name}:{line_of(path, at)}: {message}\n")


def test_a_category_that_is_not_a_mapping_is_reported_at_its_line(project: Path) -> None:
    path = project / "glossary" / "terms.yml"
    replace_in(path, "  - id: system\n    zh-Hans: 体系与贯通\n    en: System and pathways\n", "  - system\n")
    result = run(project, "check")
    assert (result.returncode, result.stderr) == (2, f"glossary/terms.yml:{line_of(path, '  - system')}: each category must be a mapping with id, zh-Hans and en\n")
