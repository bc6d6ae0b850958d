"""Shared fixtures: the project root, one strict build of the site, a served site and a browser."""

from __future__ import annotations

import difflib
import functools
import http.server
import os
import shutil
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# A shell without job control starts a background command (`make test &`, nohup) with SIGINT ignored, and
# an ignored signal stays ignored in every child: the builds the tests interrupt with Ctrl-C would never
# see it. A handled signal is reset to the default in a child, so handle it here.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


SLOW_FIXTURES = frozenset({"built_site", "site_url", "browser", "page", "multi_site", "multi_url"})
"""Fixtures that build a whole site or start a browser: what ``--fast`` leaves out."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update", action="store_true", help="rewrite golden files instead of comparing with them")
    parser.addoption("--fast", action="store_true", help="only the tests that build no site and start no browser (make mutate)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--fast"):
        return
    slow = [item for item in items if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or item.get_closest_marker("browser")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item not in slow]


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update"))


@pytest.fixture(scope="session")
def golden(update_golden: bool):  # type: ignore[no-untyped-def]
    """Compare text with ``tests/golden/<name>``; with --update, rewrite it."""

    def compare(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update_golden or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            if not update_golden:
                pytest.fail(f"golden file {path} did not exist and was written; review it and run again")
            return
        expected = path.read_text(encoding="utf-8")
        if actual != expected:
            diff = "".join(
                difflib.unified_diff(
                    expected.splitlines(keepends=True), actual.splitlines(keepends=True), f"golden/{name}", "actual", n=2
                )
            )
            pytest.fail(f"output differs from golden/{name} (run pytest --update to accept):\n{diff[:6000]}")

    return compare


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One strict build of the bundled project, shared by the build and browser tests."""
    from explainer.backend.build import build_site

    output = tmp_path_factory.mktemp("build") / "site"
    build_site(ROOT, strict=True, output=output)
    return output


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature from the base class
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on loopback."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not shutil.which("chromium") and not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: run `make test`, which installs it (apt-get install chromium fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _default_languages_after_each_test() -> Iterator[None]:
    """Loading a project makes its languages (and interface catalogs) the registry in use, and its
    Traditional conversion overrides the table in use; a test that loads a hostile, a four-language or a
    copied project must leave neither to the tests after it."""
    yield
    from explainer.config import languages as registry
    from explainer.translation.conversion import use_default_conversion_table

    registry._active.clear()
    use_default_conversion_table()
