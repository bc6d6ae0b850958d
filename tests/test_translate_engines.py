"""`translate --engine X` for every engine its help lists, against fake services on loopback, and the whole-request timeout.

Each fake answers in the format of the real service (deep-translator parses it);
the engines' addresses are pointed at it, so no test touches the network.
"""

from __future__ import annotations

import http.server
import json
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import polib
import pytest
from deep_translator.constants import BASE_URLS

from explainer.cli import _parser
from explainer.translation.machine import translate_project
from project_copy import small_project



def _google(query: dict[str, list[str]]) -> tuple[str, bytes]:
    assert (query["sl"], query["tl"]) == (["zh-CN"], ["en"])
    return "text/html; charset=utf-8", f'<html><body><div class="result-container">EN[{query["q"][0]}]</div></body></html>'.encode()


def _mymemory(query: dict[str, list[str]]) -> tuple[str, bytes]:
    assert query["langpair"] == ["zh-CN|en-GB"]
    answer = {"responseData": {"translatedText": f"EN[{query['q'][0]}]"}, "matches": []}
    return "application/json", json.dumps(answer).encode()


FAKE_SERVICES: dict[str, tuple[str, Callable[[dict[str, list[str]]], tuple[str, bytes]]]] = {
    "google": ("GOOGLE_TRANSLATE", _google),
    "mymemory": ("MYMEMORY", _mymemory),
}
"""Engine name → deep-translator's address key and a fake answer in that service's format."""


class _FakeService(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        url = urlparse(self.path)
        content_type, body = FAKE_SERVICES[url.path.strip("/")][1](parse_qs(url.query))
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return small_project(tmp_path)


@pytest.fixture
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def fake_services(monkeypatch: pytest.MonkeyPatch, no_proxy: None) -> Iterator[None]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FakeService)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    for name, (key, _) in FAKE_SERVICES.items():
        monkeypatch.setitem(BASE_URLS, key, f"http://127.0.0.1:{server.server_address[1]}/{name}")
    yield
    server.shutdown()
    server.server_close()


def listed_engines() -> list[str]:
    """The engines `translate --help` offers, read from the help text itself."""
    translate = _parser()._subparsers._group_actions[0].choices["translate"]  # type: ignore[union-attr]
    help_text = translate.format_help()
    match = re.search(r"--engine \{([a-z,]+)\}", help_text)
    assert match, help_text
    return match.group(1).split(",")


def test_the_help_lists_the_engines_with_fakes() -> None:
    assert listed_engines() == sorted(FAKE_SERVICES)


@pytest.mark.parametrize("engine", listed_engines())
def test_every_listed_engine_drafts_through_its_service(engine: str, project: Path, fake_services: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert translate_project(project, "en", engine, 10.0) == 0, capsys.readouterr().err
    entries = {entry.msgctxt: entry for entry in polib.pofile(str(project / "translations/en/t.po"))}
    assert entries["a01-p1-s1"].msgstr == "EN[坚持立德树人。]"
    assert entries["a01-p1-s1"].comment == f"machine draft ({engine}); review before removing the fuzzy flag"
    assert capsys.readouterr().err == ""


class TricklingService:
    """A service on loopback that answers one byte a second, forever: no single read ever times out."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.connections: list[socket.socket] = []
        self.stopped = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}/google"

    def _serve(self) -> None:
        while not self.stopped.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(connection)
            threading.Thread(target=self._trickle, args=(connection,), daemon=True).start()

    def _trickle(self, connection: socket.socket) -> None:
        answer = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X-Slow: " + b"." * 10_000
        try:
            connection.recv(65536)
            for byte in answer:
                if self.stopped.wait(1.0):
                    return
                connection.sendall(bytes([byte]))
        except OSError:
            return

    def close(self) -> None:
        self.stopped.set()
        self.listener.close()
        for connection in self.connections:
            connection.close()


def test_the_timeout_bounds_the_whole_request(project: Path, monkeypatch: pytest.MonkeyPatch, no_proxy: None, capsys: pytest.CaptureFixture[str]) -> None:
    service = TricklingService()
    monkeypatch.setitem(BASE_URLS, "GOOGLE_TRANSLATE", service.url)
    path = project / "translations/en/t.po"
    before = path.read_bytes()
    status: list[int] = []
    start = time.monotonic()
    runner = threading.Thread(target=lambda: status.append(translate_project(project, "en", "google", 2.0)), daemon=True)
    runner.start()
    runner.join(30)  # without a whole-request timeout it would trickle on for hours
    seconds = time.monotonic() - start
    service.close()
    assert status == [2], f"translate still running after {seconds:.0f} s"
    assert capsys.readouterr().err == "translate: the google service did not answer within 2 s; no file was changed\n"
    assert path.read_bytes() == before
