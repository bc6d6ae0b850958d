"""Builds that deploy safely: a symlinked or unwritable site/, concurrent builds, killed builds, serve with no site.

Each test builds a small project (the bundled configuration, glossary and
templates with one short fixture document), a few seconds per build.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from explainer.common import files
from explainer.common.files import OutputError, build_lock, exchange, replace_directory
from explainer.backend.serve import Rebuilder, make_server
from explainer.backend.build import build_site

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = ROOT / "tests" / "fixtures" / "documents" / "xinhua-half-width.txt"


def small_project(folder: Path) -> Path:
    """The bundled project's configuration, glossary and templates with one short document."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "overrides", "glossary", "docs/assets"):
        source, target = ROOT / name, folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target)
    (folder / "sources").mkdir()
    shutil.copy2(DOCUMENT, folder / "sources" / "small.txt")
    shutil.copy2(DOCUMENT.with_suffix(".corrections.yml"), folder / "sources" / "small.corrections.yml")
    (folder / "documents.yml").write_text("documents:\n  - slug: small\n    source: sources/small.txt\n", encoding="utf-8")
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return small_project(tmp_path / "project")


def build_command(project: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "explainer", "--root", str(project), "build", *options]


def run(command: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=300, **options)


# --- site/ as a symbolic link -------------------------------------------------------------------


def test_a_symlinked_site_gets_its_target_replaced_and_keeps_the_link(project: Path, tmp_path: Path) -> None:
    www = tmp_path / "www"
    www.mkdir()
    (project / "site").symlink_to(www / "policy")  # a deployment's link, to a folder not built yet
    build_site(project)
    first = (www / "policy").stat().st_ino
    assert (project / "site").is_symlink() and os.readlink(project / "site") == str(www / "policy")
    assert (www / "policy" / "index.html").is_file() and (www / "policy" / "en" / "index.html").is_file()

    (project / "site" / "stale.html").write_text("from the previous build", encoding="utf-8")
    build_site(project)
    assert (project / "site").is_symlink() and os.readlink(project / "site") == str(www / "policy")
    assert (www / "policy").stat().st_ino != first  # a new directory took the old one's place
    assert not (www / "policy" / "stale.html").exists() and (www / "policy" / "index.html").is_file()
    assert sorted(path.name for path in www.iterdir()) == [".policy.lock", "policy"]  # no staging or old site left
    assert not [path.name for path in project.iterdir() if path.name.startswith(".site")]


# --- site/ not writable -------------------------------------------------------------------------


def unprivileged(command: list[str]) -> list[str]:
    """``command`` run without the capabilities that let root ignore file permissions.

    CI runs as root, for whom no folder is read-only; without CAP_DAC_OVERRIDE (and
    its kin) root is bound by a folder's mode like anyone else (util-linux's setpriv).
    """
    if os.geteuid() != 0:
        return command
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--", *command]


@pytest.fixture
def restore_modes(tmp_path: Path) -> Iterator[None]:
    yield
    for path in [tmp_path, *tmp_path.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)


def test_an_unwritable_link_target_is_one_line_and_exit_2(project: Path, tmp_path: Path, restore_modes: None) -> None:
    www = tmp_path / "www"
    (www / "policy").mkdir(parents=True)
    (www / "policy" / "index.html").write_text("live", encoding="utf-8")
    www.chmod(0o555)  # the web root belongs to someone else
    (project / "site").symlink_to(www / "policy")

    result = run(unprivileged(build_command(project)))
    assert (result.returncode, result.stderr) == (
        2,
        f"site/: cannot build into {www}/policy: the folder {www} is not writable (a build writes the new site beside the old one)\n",
    )
    assert (www / "policy" / "index.html").read_text(encoding="utf-8") == "live"
    assert sorted(path.name for path in www.iterdir()) == ["policy"]


def test_an_unwritable_site_is_one_line_and_a_later_build_works(project: Path, restore_modes: None) -> None:
    site = project / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("live", encoding="utf-8")
    for folder in (site / "en", site):
        folder.chmod(0o555)
    # A folder the build user cannot change: the old site could not be deleted after the swap.
    result = run(unprivileged(build_command(project)))
    assert (result.returncode, result.stderr) == (
        2,
        f"site/: cannot replace {site}: {site} is not writable (a build deletes the old site)\n",
    )
    assert [path.name for path in project.iterdir() if path.name.startswith(".site")] == []  # nothing left to trip a later build
    assert (site / "index.html").read_text(encoding="utf-8") == "live"

    for folder in (site, site / "en"):
        folder.chmod(0o755)
    result = run(unprivileged(build_command(project)))
    assert result.returncode == 0, result.stderr
    assert "<html" in (site / "index.html").read_text(encoding="utf-8")


# --- the swap ----------------------------------------------------------------------------------


def _site(folder: Path, text: str) -> Path:
    (folder / "en").mkdir(parents=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "en" / "index.html").write_text(text, encoding="utf-8")
    return folder


FILESYSTEM_CHANGES = (
    (os, "rename"), (os, "replace"), (os, "rmdir"), (os, "unlink"), (os, "remove"), (shutil, "rmtree"), (files, "exchange"),
)
"""Every way code here can move or delete a path: after each, the site must still be there."""


@pytest.fixture
def site_watch(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], list[str]]:
    """Check after every rename and deletion that ``site/index.html`` still exists; returns the moments it did not."""
    missing: list[str] = []

    def watch(site: Path) -> list[str]:
        for module, name in FILESYSTEM_CHANGES:
            original = getattr(module, name)

            def checked(*args: Any, _original: Callable[..., Any] = original, _name: str = name, **kwargs: Any) -> Any:
                result = _original(*args, **kwargs)
                if not (site / "index.html").is_file():
                    missing.append(f"{_name}{tuple(str(arg) for arg in args)}")
                return result

            monkeypatch.setattr(module, name, checked)
        return missing

    return watch


def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path) -> None:
    first, second = _site(tmp_path / "a", "a"), _site(tmp_path / "b", "b")
    assert exchange(first, second) is True  # the filesystems we build on support it: the swap below relies on it
    assert ((first / "index.html").read_text(), (second / "index.html").read_text()) == ("b", "a")


def test_the_swap_never_leaves_no_site(tmp_path: Path, site_watch: Callable[[Path], list[str]]) -> None:
    site, staging = _site(tmp_path / "site", "old"), _site(tmp_path / ".site.1-new", "new")
    missing = site_watch(site)
    replace_directory(staging, site)
    assert missing == []
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]  # the old site is deleted afterwards


def test_a_whole_build_never_leaves_no_site(project: Path, site_watch: Callable[[Path], list[str]]) -> None:
    site = _site(project / "site", "old")
    missing = site_watch(site)
    build_site(project)
    assert missing == []
    assert "<html" in (site / "index.html").read_text(encoding="utf-8")


def test_without_exchange_the_old_site_is_renamed_aside_then_deleted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "exchange", lambda first, second: False)  # a filesystem without RENAME_EXCHANGE
    site, staging = _site(tmp_path / "site", "old"), _site(tmp_path / ".site.1-new", "new")
    replace_directory(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_the_first_swap_moves_the_staging_folder_in(tmp_path: Path) -> None:
    staging = _site(tmp_path / ".site.1-new", "new")
    replace_directory(staging, tmp_path / "site")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_a_file_in_place_of_the_site_is_one_line(project: Path) -> None:
    (project / "site").write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputError) as raised:
        build_site(project)
    assert str(raised.value) == f"site/: cannot build into {project}/site: it is a file, not a folder"


# --- concurrent builds -------------------------------------------------------------------------

ROUNDS = 3


def test_builds_started_together_take_turns_and_all_succeed(project: Path) -> None:
    """The issue saw FileNotFoundError in 6 of 16 pairs of builds started within a second."""
    build_site(project)  # a site to replace, as on a server: the race was in the swap
    waited = 0
    for _ in range(ROUNDS):
        processes = [subprocess.Popen(build_command(project), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [(process.wait(timeout=300), *process.communicate()) for process in processes]
        for status, out, err in results:
            assert status == 0 and out.startswith("built site/: "), err
            assert err in ("",) or (err.count("\n") == 1 and "another build (pid " in err and "is running; waiting for it" in err), err
        waited += sum(1 for _, _, err in results if err)
        assert (project / "site" / "index.html").is_file()
        assert not [path.name for path in project.iterdir() if path.name.startswith(".site.") and path.name != ".site.lock"]
    assert waited >= 1  # at least once the second build found the first one running


def test_a_build_gives_up_after_its_wait_with_one_line(project: Path) -> None:
    with build_lock(project / "site", "site/", 0, lambda message: None):
        result = run(build_command(project, "--wait", "1"))
    assert result.returncode == 1
    assert result.stderr == (
        f"site/: another build (pid {os.getpid()}) is running; waiting for it to finish (at most 1 s)\n"
        f"site/: another build (pid {os.getpid()}) was still running after 1 s; gave up\n"
    )
    assert not (project / "site").exists()


def test_the_lock_is_released_when_its_holder_is_killed(project: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from explainer.common.files import build_lock\nwith build_lock(__import__('pathlib').Path({str(project / 'site')!r}), 's', 0, print):\n print('locked', flush=True)\n __import__('time').sleep(300)"],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    holder.kill()
    holder.wait()
    said: list[str] = []
    with build_lock(project / "site", "site/", 0, said.append):
        pass
    assert said == []


# --- killed builds leave no child processes ------------------------------------------------------

FAKE_PAGEFIND = """\
import subprocess, sys, time
if sys.argv[1:2] != ["grandchild"]:
    if {grandchild}:
        subprocess.Popen([sys.executable, __file__, "grandchild"])
    print("started", flush=True)
time.sleep(300)
"""


def _processes_running(marker: str) -> list[int]:
    """Pids of live (not zombie) processes whose command line contains ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().decode(errors="replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if marker in command and state != "Z":
            found.append(int(entry.name))
    return found


def _wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.parametrize(
    ("signal_number", "grandchild"),
    [(signal.SIGKILL, False), (signal.SIGTERM, True), (signal.SIGINT, True)],
    ids=["SIGKILL", "SIGTERM with a grandchild", "SIGINT with a grandchild"],
)
def test_a_build_killed_while_indexing_leaves_no_child_process(
    project: Path, tmp_path: Path, signal_number: int, grandchild: bool
) -> None:
    # A stand-in for Pagefind that never finishes (and may start a process of its own), so the
    # build is certainly in its search stage when it is killed. Pagefind itself starts no process:
    # after SIGKILL the kernel kills the direct child; after SIGTERM and Ctrl-C the build kills its group.
    fake = tmp_path / f"fake-pagefind-{signal_number}.py"
    fake.write_text(FAKE_PAGEFIND.format(grandchild=grandchild), encoding="utf-8")
    driver = textwrap.dedent(f"""\
        import sys
        import explainer.backend.search
        explainer.backend.search.pagefind_command = lambda: [sys.executable, {str(fake)!r}]
        from explainer.cli import main
        sys.exit(main(["--root", {str(project)!r}, "build"]))
    """)
    build = subprocess.Popen([sys.executable, "-c", driver], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        expected = 3 * (2 if grandchild else 1)  # one indexer per language

        def indexers() -> list[int]:
            return [pid for pid in _processes_running(str(fake)) if pid != build.pid]  # the driver's own code names the fake too

        started = _wait_until(lambda: len(indexers()) == expected or build.poll() is not None, 120)
        assert started and build.poll() is None, f"the search stage never started: {indexers()}, {build.poll()}"
        children = indexers()
        build.send_signal(signal_number)
        build.wait(timeout=60)
        assert _wait_until(lambda: not indexers(), 10), f"left running: {indexers()} of {children}"
        assert not (project / "site").exists()
        if signal_number != signal.SIGKILL:  # a build that could clean up left no staging folder
            assert not [path.name for path in project.iterdir() if path.name.startswith(".site.") and path.name != ".site.lock"]
            assert "Traceback" not in (build.stderr.read() if build.stderr else "")
    finally:
        build.kill()
        build.wait()
        for pid in _processes_running(str(fake)):
            os.kill(pid, signal.SIGKILL)


# --- serve with no site yet ----------------------------------------------------------------------


def test_serve_with_no_site_and_bad_input_says_so_and_serves_the_error(project: Path) -> None:
    documents = project / "documents.yml"
    documents.write_text(documents.read_text(encoding="utf-8") + "  - slug: Bad <Slug>\n    source: sources/none.txt\n", encoding="utf-8")
    messages: list[str] = []
    rebuilder = Rebuilder(project, log=messages.append)
    result = rebuilder.build()
    error = f"{documents}:4: 'slug' must be lowercase letters, digits and hyphens, found 'Bad <Slug>'"
    assert (result.ok, result.message) == (False, error)
    assert messages == [f"{error}\n(there is no site yet: the server answers every page with this error until a build succeeds)"]
    assert "the last good site is still served" not in messages[0]

    server = make_server(project / "site", 0, build_error=rebuilder.last_error)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        for path in ("/", "/en/articles/01/"):
            with pytest.raises(urllib.error.HTTPError) as raised:
                urllib.request.urlopen(f"http://127.0.0.1:{server.server_address[1]}{path}", timeout=10)
            assert raised.value.code == 503
            page = raised.value.read().decode("utf-8")
            assert "No site yet: the build failed" in page
            assert error.replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#x27;") in page
    finally:
        server.shutdown()
        server.server_close()


def test_serve_after_a_good_build_says_the_last_good_site_is_served(project: Path) -> None:
    messages: list[str] = []
    rebuilder = Rebuilder(project, log=messages.append)
    assert rebuilder.build().ok
    (project / "documents.yml").write_text("documents: 5\n", encoding="utf-8")
    assert not rebuilder.build().ok
    assert messages[-1].endswith("\n(the last good site is still served)")
    assert rebuilder.last_error() is not None
