"""``python -m explainer add FILE [--slug S]``: a new document in one command (issue 15)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.document.model import Document, Paragraph, Segment
from explainer.glossary.candidates import candidate_terms, repeated_phrases
from project_copy import SEED, SEED_FILES, copy_files

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "documents"


def project(target: Path) -> Path:
    """A copy of the bundled project to add documents to."""
    return copy_files(target, ("documents.yml", *SEED_FILES))


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "explainer", "--root", str(root), *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_add_copies_lists_writes_the_template_and_reports(tmp_path: Path) -> None:
    root = project(tmp_path / "project")
    before = (root / "documents.yml").read_text(encoding="utf-8")
    result = run(root, "add", str(FIXTURES / "law-npc-chapters.txt"), "--slug", "vocational-law")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "added sources/vocational-law.txt as 'vocational-law' (law): 3 parts, 8 articles, 0 Q&A items, 24 segments, "
        "0 repairs, 0 suspicious spots, 6 dropped lines"
    )
    assert lines[1:4] == ["  documents.yml: new entry 'vocational-law'", "  translations/vocational-law.pot: template with 24 entries", "check: clean"]
    assert (root / "sources/vocational-law.txt").read_bytes() == (FIXTURES / "law-npc-chapters.txt").read_bytes()
    after = (root / "documents.yml").read_text(encoding="utf-8")
    assert after == before + "  - slug: vocational-law\n    source: sources/vocational-law.txt\n", "comments and entries kept, one entry added"
    pot = (root / "translations/vocational-law.pot").read_text(encoding="utf-8")
    assert 'msgctxt "a05-p1-s1"\nmsgid "设立职业学校，应当符合下列基本条件："' in pot
    assert any(line.startswith("candidate terms glossary/terms.yml lacks") for line in lines)
    assert "  line 17: 职业学校教育 (repeated phrase, 5×)" in lines


def test_add_then_build_shows_translation_pending(tmp_path: Path) -> None:
    root = project(tmp_path / "project")
    assert run(root, "add", str(FIXTURES / "decision-items-fullwidth.txt"), "--slug", "decision-2014").returncode == 0
    assert run(root, "add", str(FIXTURES / "qa-only-xinhua.txt"), "--slug", "law-qa").returncode == 0
    result = run(root, "build")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    english = (site / "en/decision-2014/articles/2-1/index.html").read_text(encoding="utf-8")
    assert "Translation pending" in english and "Part II, item 1" in english
    assert (site / "decision-2014/articles/1-3/index.html").is_file()
    assert (site / "law-qa/qa/3/index.html").is_file()
    assert not (site / "law-qa/articles").exists(), "a Q&A published alone has no full-text or article pages"
    data = json.loads((site / "data/law-qa.json").read_text(encoding="utf-8"))
    assert data["form"] == "qa" and data["articles"] == [] and data["parts"] == []
    assert all(segment["links"] == [] for item in data["qa"] for paragraph in item["answer"] for segment in paragraph), "no alignment"
    index = json.loads((site / "data/documents.json").read_text(encoding="utf-8"))
    assert [document["slug"] for document in index] == [SEED, "decision-2014", "law-qa"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((str(FIXTURES / "law-npc-chapters.txt"), "--slug", SEED), "slug 'vocational-education-2021' is already a document of the site: choose another with --slug"),
        ((str(FIXTURES / "law-npc-chapters.txt"), "--slug", "Bad Slug"), "slug 'Bad Slug' must be lowercase letters, digits and hyphens"),
        ((str(FIXTURES / "law-npc-chapters.txt"), "--slug", "glossary"), "slug 'glossary' is reserved for a site section: choose another with --slug"),
    ],
)
def test_add_refuses_a_bad_slug_and_changes_nothing(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    root = project(tmp_path / "project")
    before = snapshot(root)
    result = run(root, "add", *args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"{root}/documents.yml:0: {message}\n")
    assert snapshot(root) == before


def test_add_of_a_text_the_parser_refuses_changes_nothing(tmp_path: Path) -> None:
    root = project(tmp_path / "project")
    broken = tmp_path / "broken.txt"
    broken.write_text((FIXTURES / "gov-cn-full-width.txt").read_text(encoding="utf-8").replace("（四）", "（五）"), encoding="utf-8")
    before = snapshot(root)
    result = run(root, "add", str(broken))
    assert (result.returncode, result.stderr) == (2, f"{broken}:26: expected article (四), found (五), which skips a number\n")
    assert snapshot(root) == before


def test_a_file_name_without_latin_letters_needs_a_slug(tmp_path: Path) -> None:
    root = project(tmp_path / "project")
    source = tmp_path / "职业教育法.txt"
    shutil.copy(FIXTURES / "law-markdown.md", source)
    result = run(root, "add", str(source))
    assert (result.returncode, result.stderr) == (2, f"{source}:0: the file name gives no URL-safe slug: expected --slug with lowercase letters, digits and hyphens\n")


def test_markdown_source_keeps_its_suffix(tmp_path: Path) -> None:
    root = project(tmp_path / "project")
    result = run(root, "add", str(FIXTURES / "law-markdown.md"))
    assert result.returncode == 0, result.stderr
    assert (root / "sources/law-markdown.md").is_file()
    assert "    source: sources/law-markdown.md\n" in (root / "documents.yml").read_text(encoding="utf-8")


def segments(*texts: str) -> Document:
    paragraphs = tuple(Paragraph(f"pre-p{index}", (Segment(f"pre-p{index}-s1", text, index),), index) for index, text in enumerate(texts, 1))
    return Document("x", "x.txt", None, Segment("title", "关于测试的意见", 1), paragraphs, (), (), None)


def test_candidate_terms_of_each_kind() -> None:
    document = segments(
        "实施中国特色高水平高职学校和专业建设计划（以下简称“双高计划”）。",
        "推进“双师型”教师队伍建设，落实“双师型”教师标准。",
        "支持“双师型”教师到企业实践，建设产教融合实训基地。产教融合实训基地由校企共建。",
    )
    found = {(candidate.text, candidate.kind, candidate.count) for candidate in candidate_terms(document, None)}
    assert ("双高计划", "abbreviation", 1) in found
    assert ("双师型", "quoted coinage", 3) in found
    assert ("中国特色高水平高职学校和专业建设计划", "programme or plan", 1) in found
    assert ("产教融合实训基地", "programme or plan", 2) in found


def test_repeated_phrases_are_maximal_and_not_sentence_pieces() -> None:
    texts = ["要深化产教融合改革。", "并深化产教融合改革，", "深化产教融合改革的成果"]
    document = segments(*texts)
    assert repeated_phrases(list(document.segments())) == [("深化产教融合改革", 3, 1)]
