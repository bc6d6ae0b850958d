"""The package's layering, as import-linter contracts (pyproject.toml), and proof that they bite."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the package of ``project`` (its own copy first on the path, not the installed one)."""
    environment = os.environ | {"PYTHONPATH": str(project), "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=project, env=environment, capture_output=True, text=True, timeout=300
    )


def test_the_import_contracts_hold() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 5 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("module", "added", "broken"),
    [
        # A renderer reaching into the MkDocs layer, as teaching.py once did inside a function.
        (
            "explainer/render/views.py",
            "\n\ndef _base_url():\n    from ..backend.build import site_url\n\n    return site_url\n",
            ["Stages import only the stages below them BROKEN", "The core never imports the MkDocs layer, MkDocs or Material BROKEN"],
        ),
        # The document model importing MkDocs itself.
        ("explainer/document/model.py", "\nimport mkdocs  # noqa: F401\n", ["The core never imports the MkDocs layer, MkDocs or Material BROKEN"]),
        # A stage importing the command line.
        ("explainer/backend/serve.py", "\nfrom ..cli import main  # noqa: F401\n", ["Nothing imports the command line (but python -m explainer) BROKEN"]),
        # Two modules of one package importing each other.
        ("explainer/render/markup.py", "\nfrom .pages import Page  # noqa: F401\n", ["No import cycles between the modules of any package BROKEN"]),
        # The aligner reading translations.
        ("explainer/align/aligner.py", "\nfrom ..translation.catalog import Texts  # noqa: F401\n", ["The aligner and the translations know nothing of each other BROKEN"]),
    ],
)
def test_a_broken_contract_fails(tmp_path: Path, module: str, added: str, broken: list[str]) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "explainer", project / "explainer", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", project / "pyproject.toml")
    with (project / module).open("a", encoding="utf-8") as file:
        file.write(added)
    result = lint_imports(project)
    assert result.returncode == 1, result.stdout + result.stderr
    for line in broken:
        assert line in result.stdout
