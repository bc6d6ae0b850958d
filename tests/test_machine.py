"""Machine drafts: only missing entries, fuzzy with a comment, timeouts, nothing written on failure."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
import requests

from explainer.translation import machine
from explainer.translation.machine import request_timeout, translate_project
from project_copy import FakeEngine, small_project



class UnreachableEngine:
    def translate(self, text: str) -> str:
        raise requests.ConnectionError("no network here")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return small_project(tmp_path)


def test_fills_only_missing_entries_as_fuzzy_machine_drafts(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    engine = FakeEngine()
    assert translate_project(project, "en", "fake", 5.0, engine=engine) == 0
    po = polib.pofile(str(project / "translations/en/t.po"))
    entries = {entry.msgctxt: entry for entry in po}
    assert entries["title"].msgstr == "Opinions on Testing" and "fuzzy" not in entries["title"].flags
    assert "关于测试的意见" not in engine.calls
    drafted = entries["a01-p1-s1"]
    assert drafted.msgstr == "EN[坚持立德树人。]"
    assert "fuzzy" in drafted.flags
    assert drafted.comment == "machine draft (fake); review before removing the fuzzy flag"
    assert capsys.readouterr().out == f"{project}/translations/en/t.po: 4 machine draft(s) added, 1 existing translation(s) kept\n"


def test_unreachable_service_changes_no_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "translations/en/t.po"
    before = path.read_bytes()
    assert translate_project(project, "en", "google", 5.0, engine=UnreachableEngine()) == 1
    assert path.read_bytes() == before
    assert capsys.readouterr().err == "translate: the google service could not be reached (ConnectionError); no file was changed\n"


def test_real_engine_offline_is_one_clear_line(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """deep-translator's Google engine, with requests refusing to connect (no test touches the network)."""
    seen: dict[str, object] = {}

    def refuse(*args: object, **kwargs: object) -> None:
        seen.update(kwargs)
        raise requests.ConnectionError("refused")

    monkeypatch.setattr(requests, "get", refuse)
    before = (project / "translations/en/t.po").read_bytes()
    assert translate_project(project, "en", "google", 7.5) == 1
    assert seen["timeout"] == 7.5
    assert (project / "translations/en/t.po").read_bytes() == before
    assert "could not be reached (ConnectionError); no file was changed" in capsys.readouterr().err


def test_request_timeout_wraps_and_restores(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, object]] = []
    monkeypatch.setattr(requests, "get", lambda *args, **kwargs: calls.append(kwargs))
    original = requests.get
    with request_timeout(3.0):
        requests.get("http://127.0.0.1:9/")
    assert calls == [{"timeout": 3.0}]
    assert requests.get is original


def test_unknown_engine(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert translate_project(project, "en", "babelfish", 5.0) == 2
    assert capsys.readouterr().err == "translate: unknown engine 'babelfish': expected one of google, mymemory\n"


def test_engine_names_map_to_deep_translator() -> None:
    google, mymemory = (machine.deep_translator_engine(name, "en").engine for name in ("google", "mymemory"))
    assert (type(google).__name__, google._source, google._target) == ("GoogleTranslator", "zh-CN", "en")
    assert (type(mymemory).__name__, mymemory._source, mymemory._target) == ("MyMemoryTranslator", "zh-CN", "en-GB")
