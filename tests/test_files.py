"""Atomic writes (explainer/common/files.py): whole files only, with the mode a reader expects."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from explainer.common.files import NEW_FILE_MODE, exchange, write_atomic, write_if_changed


def test_a_new_file_gets_the_mode_of_any_new_file(tmp_path: Path) -> None:
    path = tmp_path / "a" / "new.json"
    write_atomic(path, "{}")
    assert path.read_text(encoding="utf-8") == "{}"
    assert path.stat().st_mode & 0o7777 == NEW_FILE_MODE
    assert [p.name for p in path.parent.iterdir()] == ["new.json"]  # no temporary file left


def test_a_rewritten_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "translation.po"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert (path.read_text(encoding="utf-8"), path.stat().st_mode & 0o7777) == ("new", 0o640)


def test_a_rewrite_replaces_the_file_instead_of_writing_into_it(tmp_path: Path) -> None:
    # `make serve` stages hard links to the live site: writing in place would change the live file.
    live, staged = tmp_path / "live.html", tmp_path / "staged.html"
    live.write_text("live", encoding="utf-8")
    staged.hardlink_to(live)
    write_atomic(staged, "rebuilt")
    assert (live.read_text(encoding="utf-8"), staged.read_text(encoding="utf-8")) == ("live", "rebuilt")


def test_write_if_changed_leaves_an_equal_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    assert write_if_changed(path, "text") is True
    before = path.stat().st_mtime_ns
    assert write_if_changed(path, "text") is False
    assert path.stat().st_mtime_ns == before


def test_a_file_in_new_nested_folders_is_written(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "c" / "page.html"
    write_atomic(path, "text")
    assert path.read_text(encoding="utf-8") == "text"


def test_the_temporary_file_is_a_hidden_scratch_file_beside_the_target(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Beside it, so that the rename is atomic (one filesystem); named .<name>.….tmp, so that
    # `make serve`'s watcher ignores it and only the rename counts as the change.
    from explainer.backend.serve import is_scratch_file

    renamed: list[tuple[str, str]] = []
    original = os.replace
    monkeypatch.setattr(os, "replace", lambda source, target: (renamed.append((str(source), str(target))), original(source, target))[1])
    path = tmp_path / "translation.po"
    write_atomic(path, "text")
    [(source, target)] = renamed
    temporary = Path(source)
    assert (temporary.parent, target) == (tmp_path, str(path))
    assert temporary.name.startswith(".translation.po.") and temporary.name.endswith(".tmp")
    assert is_scratch_file(temporary.name)


def test_exchange_reports_a_missing_path_with_its_errno(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    with pytest.raises(FileNotFoundError) as raised:
        exchange(tmp_path / "missing", tmp_path / "site")
    assert (raised.value.errno, raised.value.strerror) == (errno.ENOENT, os.strerror(errno.ENOENT))
    assert (raised.value.filename, raised.value.filename2) == (str(tmp_path / "missing"), str(tmp_path / "site"))
    assert (tmp_path / "site").is_dir()
