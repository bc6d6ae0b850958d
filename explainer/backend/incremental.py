"""Rebuilds that render only the changed pages, for ``make serve``.

Editing one PO entry changes a handful of pages (the article in English, its
side-by-side views), yet a full build renders every page of every language.
:class:`PageReuse` keeps each language's generated Markdown in a folder that
lives as long as the ``serve`` process and rewrites only the files whose text
changed, so unchanged files keep their modification times. When nothing else
that MkDocs reads changed (the language's navigation, the set of pages, the
configuration, templates, assets and term base: the language's *frame*), the
language's output is copied from the live site into the staging folder and MkDocs
runs in its "dirty" mode, which renders only the pages whose Markdown is newer
than their HTML. Any change to the frame gets a full build of that language.
``tests/test_serve.py`` checks that the result equals a full build, byte for byte.

Plain ``build`` never uses any of this.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..common.files import write_if_changed
from ..config.languages import languages
from ..render.urls import lang_prefix

MKDOCS_INPUTS = ("mkdocs.yml", "overrides", "docs/assets", "glossary")
"""Files that MkDocs reads by itself (configuration, templates, static assets, the
glossary extension's term base), beside the Markdown that the pipeline generates.
A new MkDocs-time input must be added here, or a change to it would leave the
pages whose Markdown stayed the same unrendered."""

DIRTY_WARNING = "A 'dirty' build is being performed"
DIRTY_HOOKS = Path(__file__).with_name("incremental_hooks.py")
"""MkDocs hooks added to dirty builds: they give the pages that are not rendered their titles."""


@dataclass
class PageReuse:
    """Per language: the frame of the last successful build, and where that site is."""

    root: Path
    frames: dict[str, str] = field(default_factory=dict)
    site_identity: tuple[int, int] | None = None
    partial: list[str] = field(default_factory=list)
    """Languages rebuilt page by page in the latest build (the others were built in full)."""
    _pending: dict[str, str] = field(default_factory=dict)
    _docs: Path | None = None

    def start(self) -> None:
        """Begin a build: nothing remembered until it succeeds."""
        self.partial = []
        self._pending = {}

    def prepare(self, lang: str, content: Any, target: Path, staging: Path) -> tuple[Path, bool]:
        """Write ``lang``'s Markdown into its lasting docs folder; returns that folder and whether to build dirty.

        For a dirty build, the language's current output is copied into ``staging``
        first, with its modification times. ``content`` is the pipeline's SiteContent.
        """
        frame = frame_fingerprint(self.root, lang, content)
        self._pending[lang] = frame
        docs_dir = self._docs_root() / lang
        dirty = self.frames.get(lang) == frame and self.site_identity == _identity(target) and docs_dir.is_dir()
        if dirty:
            copy_language(target, staging, lang)
            self.partial.append(lang)
        else:
            shutil.rmtree(docs_dir, ignore_errors=True)
        write_changed_docs(docs_dir, content.pages[lang], self.root / "docs" / "assets")
        return docs_dir, dirty

    def remember(self, target: Path) -> None:
        """The build succeeded and ``target`` is now the site built from the pending frames."""
        self.frames = dict(self._pending)
        self.site_identity = _identity(target)

    def close(self) -> None:
        """Remove the lasting docs folders."""
        if self._docs is not None:
            shutil.rmtree(self._docs, ignore_errors=True)
            self._docs = None

    def _docs_root(self) -> Path:
        if self._docs is None:
            (self.root / ".build").mkdir(exist_ok=True)
            self._docs = Path(tempfile.mkdtemp(prefix="serve-docs-", dir=self.root / ".build"))
        return self._docs


def _identity(site: Path) -> tuple[int, int] | None:
    # The build swaps a new directory into place, so its inode tells whether site/
    # is still the one we built (and not, say, the output of a `make build` run meanwhile).
    try:
        stat = site.stat()
    except FileNotFoundError:
        return None
    return (stat.st_dev, stat.st_ino)


def frame_fingerprint(root: Path, lang: str, content: Any) -> str:
    """A digest of what every page of one language depends on, beside its own Markdown."""
    digest = hashlib.sha256()
    digest.update(lang.encode())
    digest.update(json.dumps(sorted(content.pages[lang])).encode())
    digest.update(json.dumps(content.nav[lang], default=repr, sort_keys=True).encode())
    for path in _input_files(root):
        digest.update(b"\0input\0" + path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _input_files(root: Path) -> list[Path]:
    files: list[Path] = []
    for name in MKDOCS_INPUTS:
        path = root / name
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file()))
    return files


def write_changed_docs(docs_dir: Path, pages: dict[str, str], assets: Path) -> None:
    """Write the Markdown files whose text changed (others keep their times) and the assets, with their times."""
    for path, markdown in pages.items():
        write_if_changed(docs_dir / path, markdown)
    if assets.is_dir():
        shutil.copytree(assets, docs_dir / "assets", dirs_exist_ok=True)


def copy_language(site: Path, staging: Path, lang: str) -> None:
    """Copy one language's output with its times; the default language's (the site root) without the
    other languages' folders and the data exports. Precompressed siblings are left out: the build writes them anew.

    Files are hard-linked, not copied (a tenth of the time): whatever the build then
    writes replaces a file instead of writing into it (``incremental_hooks.py`` unlinks what
    MkDocs will write; our own stages write atomically), so the live site stays as it was."""
    prefix = lang_prefix(lang).rstrip("/")
    source = site / prefix if prefix else site
    destination = staging / prefix if prefix else staging
    others = {lang_prefix(other).rstrip("/") for other in languages().codes if other != lang} - {""}

    def skipped(directory: str, names: list[str]) -> set[str]:
        skip = {name for name in names if name.endswith((".gz", ".br"))}
        if Path(directory) == source:
            skip |= {name for name in names if name in others or name == "data"}
        return skip

    shutil.copytree(source, destination, ignore=skipped, dirs_exist_ok=True, copy_function=_link_or_copy)


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:  # a file system without hard links
        shutil.copy2(source, destination)


class HideDirtyWarning(logging.Filter):
    """MkDocs warns at every dirty build that links may be stale; ours are kept exact by the frame check."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


HIDE_DIRTY_WARNING = HideDirtyWarning()
"""One instance, so that adding it at every dirty build adds it once."""
