"""The command line: exit statuses and exact messages, never a traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "explainer", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_parse_prints_the_model_as_json() -> None:
    result = run("parse", "sources/vocational-education-2021.txt")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["articles"]) == 22 and len(data["qa"]) == 8
    assert "url" not in data and "url" not in data["articles"][0]


def test_bad_input_exits_2_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("《意见》\n一、总体要求\n(一) 甲。乙。\n(三) 丙。\n", encoding="utf-8")
    for command in ("parse", "check"):
        result = run(command, str(bad))
        assert result.returncode == 2
        assert result.stderr == f"{bad}:4: expected article (二), found (三), which skips a number\n"
        assert "Traceback" not in result.stderr


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("parse", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert result.stderr == f"{tmp_path / 'nope.txt'}:0: cannot read the file: No such file or directory\n"


def test_check_lists_every_repair_and_suspicious_spot() -> None:
    result = run("check", "sources/vocational-education-2021.txt")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "sources/vocational-education-2021.txt: 7 parts, 22 articles, 8 Q&A items, 222 segments, "
        "7 repairs, 7 suspicious spots, 0 dropped lines"
    )
    assert sum("repair (join)" in line for line in lines) == 5
    assert sum("repair (correction)" in line for line in lines) == 2
    assert any(line.startswith("  sources/vocational-education-2021.txt:31:147: Latin letters in Chinese text 'and' (corrected") for line in lines)
    assert sum(" alignment override of " in line for line in lines) == 6
    assert "  sources/vocational-education-2021.alignment.yml:8: alignment override of q2-p1-s4: articles +1 (予以巩固和优化" in result.stdout
    summary = next(line for line in lines if line.startswith("  alignment: ") and "links published" in line)
    assert re.search(r"links published \(confidence ≥ 0\.\d+ or reviewed\), \d+ suggestions? for review \(python -m explainer align --review vocational-education-2021\)$", summary)
    assert lines[-1] == "check: clean"


def test_check_reports_a_stale_alignment_override(tmp_path: Path) -> None:
    for name in ("vocational-education-2021.txt", "vocational-education-2021.corrections.yml"):
        (tmp_path / name).write_bytes((ROOT / "sources" / name).read_bytes())
    overrides = tmp_path / "vocational-education-2021.alignment.yml"
    overrides.write_text("overrides:\n  - segment: q8-p1-s6\n    add: [21]\n    why: the heading of article 21\n", encoding="utf-8")
    result = run("check", str(tmp_path / "vocational-education-2021.txt"))
    assert result.returncode == 1
    assert f"  {overrides}:2: override of q8-p1-s6 is stale: the aligner already links article 21" in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1] == "check: 1 problem(s)"


def test_check_of_the_project_is_clean() -> None:
    """Sources reviewed, English complete and reviewed, terms consistent: nothing to report."""
    result = run("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "check: clean"
    problems = "\n".join(line for line in result.stdout.splitlines() if "second reading:" not in line)
    assert "translation" not in problems and "term " not in problems
    assert "second reading: 222 of 222 segments reviewed" in result.stdout


def test_cname_prints_the_custom_domain_of_site_url(tmp_path: Path) -> None:
    assert run("cname").stdout == "\n"  # policy-explainer.github.io needs no CNAME
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nsite_url: https://policy.example.org/explainer/\n", encoding="utf-8")
    result = run("--root", str(tmp_path), "cname")
    assert (result.returncode, result.stdout) == (0, "policy.example.org\n")
    (tmp_path / "mkdocs.yml").write_text("site_url: [unclosed\n", encoding="utf-8")
    result = run("--root", str(tmp_path), "cname")
    assert result.returncode == 2 and result.stderr.startswith(f"{tmp_path / 'mkdocs.yml'}:")
