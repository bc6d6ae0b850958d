"""`make serve`: the watcher, the rebuilder (with unchanged languages copied) and the server, on a copy of the project."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from explainer.backend.serve import Rebuilder, is_scratch_file, make_server, watch
from explainer.backend.build import build_site

ROOT = Path(__file__).resolve().parent.parent


def _bench_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_for_tests", ROOT / "scripts" / "bench.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


bench = _bench_module()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's sources of truth (what scripts/bench.py copies too)."""
    return bench.Bench(ROOT, tmp_path).project_copy("project")


def _po_file(project: Path) -> Path:
    return sorted((project / "translations").glob("en/*.po"))[0]


SEARCH_BUNDLE = "pagefind/"
"""Left out of the comparison: Pagefind names its files with hashes that differ between two full builds of the same site."""


def _tree(site: Path) -> dict[str, bytes]:
    files = {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}
    return {name: path.read_bytes() for name, path in files.items() if not name.startswith(SEARCH_BUNDLE)}


def test_scratch_files_are_ignored() -> None:
    for name in (".vocational.po.swp", "terms.yml~", "#terms.yml#", ".terms.yml.abc.tmp", "4913"):
        assert is_scratch_file(name), name
    for name in ("terms.yml", "vocational-education-2021.po", "explainer.css"):
        assert not is_scratch_file(name), name


def test_a_po_edit_rebuilds_and_the_result_equals_a_full_build(project: Path, tmp_path: Path) -> None:
    messages: list[str] = []
    rebuilder = Rebuilder(project, log=messages.append)
    assert rebuilder.build().ok, messages
    observer = watch(project, rebuilder.changed)
    rebuilder.start()
    po = _po_file(project)
    edited, translation = bench.edit_one_po_entry(po)
    try:
        (po.parent / ".scratch.po.swp").write_text("ignored", encoding="utf-8")
        po.write_text(edited, encoding="utf-8")
        result = rebuilder.wait_for_build(after=1, timeout=180)
    finally:
        observer.stop()
        rebuilder.stop()
        observer.join()
    assert result is not None and result.ok, messages
    assert result.changed == (po.relative_to(project).as_posix(),)
    assert rebuilder.reuse.partial == ["zh-Hans", "en", "zh-Hant"]  # page by page, in every language
    english = "".join(path.read_text(encoding="utf-8") for path in (project / "site" / "en").rglob("index.html"))
    assert translation in english

    full = tmp_path / "full"
    build_site(project, strict=False, output=full, precompress=False)
    incremental, fresh = _tree(project / "site"), _tree(full)
    assert sorted(incremental) == sorted(fresh)
    different = [path for path in fresh if incremental[path] != fresh[path]]
    assert not different, different[:10]


def test_a_rebuild_never_writes_into_the_live_site(project: Path) -> None:
    # The staging folder starts as hard links to the live site: every file the rebuild
    # writes must be a new file, or readers of the live site would see it change mid-build.
    rebuilder = Rebuilder(project, log=lambda message: None)
    assert rebuilder.build().ok
    live, snapshot = project / "site", project / "snapshot"
    shutil.copytree(live, snapshot, copy_function=os.link)  # the live site's files themselves, not copies
    before = {path.relative_to(snapshot): path.read_bytes() for path in snapshot.rglob("*") if path.is_file()}
    po = _po_file(project)
    edited, translation = bench.edit_one_po_entry(po)
    po.write_text(edited, encoding="utf-8")
    assert rebuilder.build().ok
    assert rebuilder.reuse.partial == ["zh-Hans", "en", "zh-Hant"]
    assert translation in "".join(path.read_text(encoding="utf-8") for path in (live / "en" / "articles").rglob("index.html"))
    changed = [relative.as_posix() for relative, content in before.items() if (snapshot / relative).read_bytes() != content]
    assert changed == []
    linked = {path.stat().st_ino for path in snapshot.rglob("*") if path.is_file()}
    assert len([path for path in live.rglob("*") if path.is_file() and path.stat().st_ino in linked]) > len(before) / 2  # linked, not copied


def test_bad_input_keeps_the_last_good_site(project: Path) -> None:
    messages: list[str] = []
    rebuilder = Rebuilder(project, log=messages.append)
    assert rebuilder.build().ok
    before = (project / "site" / "index.html").read_bytes()
    documents = project / "documents.yml"
    documents.write_text(documents.read_text(encoding="utf-8") + "  - slug: Bad Slug\n    source: sources/none.txt\n", encoding="utf-8")
    result = rebuilder.build(("documents.yml",))
    assert not result.ok
    line = len(documents.read_text(encoding="utf-8").splitlines()) - 1
    assert result.message == f"{documents}:{line}: 'slug' must be lowercase letters, digits and hyphens, found 'Bad Slug'"
    assert "Traceback" not in messages[-1] and "the last good site is still served" in messages[-1]
    assert (project / "site" / "index.html").read_bytes() == before


def test_the_server_follows_the_swap_of_a_new_site(tmp_path: Path) -> None:
    import threading

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    server = make_server(site, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.read() == b"old"
            assert response.headers["Cache-Control"] == "no-cache"
        staging = tmp_path / ".site.new"
        staging.mkdir()
        (staging / "index.html").write_text("new", encoding="utf-8")
        from explainer.common.files import replace_directory

        replace_directory(staging, site)
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.read() == b"new"
    finally:
        server.shutdown()
        server.server_close()


def test_make_serve_command_builds_serves_and_rebuilds(project: Path) -> None:
    """`python -m explainer serve` end to end: first build, page served, PO edit shown, Ctrl-C exits 0."""
    process = subprocess.Popen(
        [sys.executable, "-m", "explainer", "--root", str(project), "serve", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"),
    )
    lines: list[str] = []

    def read_until(pattern: str, timeout: float) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        assert process.stdout is not None
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line)
            match = re.search(pattern, line)
            if match:
                return match
        pytest.fail(f"no line matching {pattern!r} in:\n{''.join(lines)}")

    try:
        port = int(read_until(r"serving http://127\.0\.0\.1:(\d+)/", 180).group(1))
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/articles/05/", timeout=10) as response:
            assert response.status == 200 and b'lang="en"' in response.read()
        po = _po_file(project)
        edited, translation = bench.edit_one_po_entry(po)
        po.write_text(edited, encoding="utf-8")
        read_until(r"built .* after changes in translations/en/", 180)
        pages = "".join(path.read_text(encoding="utf-8") for path in (project / "site" / "en").rglob("index.html"))
        assert translation in pages
    finally:
        process.send_signal(signal.SIGINT)
        try:
            code = process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    assert code == 0, "".join(lines)


def test_an_edited_term_base_is_loaded_again(tmp_path: Path) -> None:
    """The glossary extension keeps the term base between pages, but not past an edit (make serve)."""
    import markdown

    from explainer.glossary.extension import GlossaryExtension

    terms = tmp_path / "terms.yml"
    terms.write_text((ROOT / "tests" / "fixtures" / "glossary_terms.yml").read_text(encoding="utf-8"), encoding="utf-8")

    def render() -> str:
        return markdown.markdown("实施好双高计划。", extensions=[GlossaryExtension(terms=str(terms), lang="zh-Hans", url="/glossary/")])

    assert 'href="/glossary/#double-high-plan"' in render()
    assert render() == render()
    terms.write_text(terms.read_text(encoding="utf-8").replace("id: double-high-plan", "id: double-high-level-plan"), encoding="utf-8")
    assert 'href="/glossary/#double-high-level-plan"' in render()
