"""Copies of the bundled project for the tests that build, add to or damage one: the sources of
truth and what a build reads beside them, with a fixture's own files laid over them."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
SEED = "vocational-education-2021"
SEED_FILES = (
    "mkdocs.yml",
    "overrides",
    "docs/assets",
    "glossary",
    f"sources/{SEED}.txt",
    f"sources/{SEED}.corrections.yml",
    f"sources/{SEED}.alignment.yml",
    f"translations/en/{SEED}.po",
)
"""The bundled document and what a build reads beside it, without documents.yml (a fixture brings its own)."""


def copy_files(target: Path, names: Iterable[str], over: Path | None = None) -> Path:
    """``names`` (files or folders of the repository) copied into ``target``, then ``over``'s files laid over them."""
    for name in names:
        source, destination = ROOT / name, target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, destination)
        else:
            shutil.copy2(source, destination)
    if over is not None:
        shutil.copytree(over, target, dirs_exist_ok=True)
    return target


SMALL_SOURCE = "《关于测试的意见》\n一、总体要求\n(一) 指导思想。坚持立德树人。加强组织领导。\n"
"""A one-article Opinion, for the tests of `translate`."""


def small_project(target: Path) -> Path:
    """A project of one small document whose English catalog holds only the title's translation."""

    (target / "sources").mkdir(parents=True)
    (target / "sources" / "t.txt").write_text(SMALL_SOURCE, encoding="utf-8")
    (target / "documents.yml").write_text("documents:\n  - slug: t\n    source: sources/t.txt\n", encoding="utf-8")
    po_dir = target / "translations" / "en"
    po_dir.mkdir(parents=True)
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgctxt="title", msgid="关于测试的意见", msgstr="Opinions on Testing"))
    po.save(str(po_dir / "t.po"))
    return target


class FakeEngine:
    """A deterministic stand-in for a translation service, for the tests of `translate`: it drafts
    ``EN[text]`` and records every text it was asked for."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def translate(self, text: str) -> str:
        self.calls.append(text)
        return f"EN[{text}]"
