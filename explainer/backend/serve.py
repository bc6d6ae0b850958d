"""``python -m explainer serve``: build, serve ``site/`` on loopback, rebuild on every change.

The sources of truth are watched (texts, translations, glossary, the project and
MkDocs configuration, template overrides and hand-written assets). Changes are
gathered for a short quiet period, then the whole site is rebuilt; the build
swaps the finished site into place, so the server never sends a half-built page,
and a failed build (bad input, MkDocs warning) leaves the last good site served.
"""

from __future__ import annotations

import functools
import html
import http.server
import io
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from ..common.errors import InputError
from ..common.files import BuildBusy, OutputError
from .incremental import PageReuse
from .build import BuildError, Timings, build_site

WATCHED_DIRECTORIES = ("sources", "translations", "glossary", "overrides", "docs/assets")
WATCHED_FILES = ("documents.yml", "mkdocs.yml")
CHANGE_EVENTS = frozenset({"created", "modified", "deleted", "moved", "closed"})
"""Events that mean content changed ("opened" and "closed_no_write" come from reading: the build itself)."""

QUIET_PERIOD = 0.15
"""Seconds without a new change before rebuilding: an editor's save is several events."""


def is_scratch_file(name: str) -> bool:
    """Editors' and atomic writers' temporary files: their final rename is the change that counts."""
    return name.startswith((".", "#", "~")) or name.endswith(("~", ".swp", ".swx", ".tmp", ".part")) or name == "4913"


@dataclass
class BuildResult:
    """One (re)build: when it ended, whether it succeeded, what it said."""

    number: int
    ok: bool
    seconds: float
    message: str
    changed: tuple[str, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)


class Rebuilder:
    """Builds the site now and again after each burst of changes, one build at a time."""

    def __init__(self, root: Path, output: Path | None = None, strict: bool = False, log: Callable[[str], None] = print) -> None:
        self.root = root.resolve()
        self.output = output or self.root / "site"
        self.strict = strict
        self.log = log
        self.results: list[BuildResult] = []
        self.reuse = PageReuse(self.root)
        self._pending: set[str] = set()
        self._last_change = 0.0
        self._condition = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._loop, name="rebuilder", daemon=True)

    def build(self, changed: tuple[str, ...] = ()) -> BuildResult:
        """Build once, now; report bad input as ``file:line: message`` and keep the old site."""
        start = time.perf_counter()
        timings = Timings()
        try:
            # No .gz/.br copies: the preview server sends plain files, and compressing
            # every page again was a quarter of a rebuild. `make build` writes them.
            content = build_site(
                self.root, strict=self.strict, timings=timings, output=self.output, reuse=self.reuse, precompress=False
            )
        except (InputError, OutputError, BuildBusy) as error:
            ok, message = False, str(error)
        except BuildError as error:
            ok, message = False, f"build failed: {error}"
        except Exception:  # a bug, not bad input: show it, keep serving the last good site
            ok, message = False, "build failed:\n" + traceback.format_exc()
        else:
            pages = sum(len(pages) for pages in content.pages.values())
            ok, message = True, f"{pages} pages"
            if self.reuse.partial:
                message += f" (changed pages only: {', '.join(self.reuse.partial)})"
        seconds = time.perf_counter() - start
        with self._condition:
            result = BuildResult(len(self.results) + 1, ok, seconds, message, changed, dict(timings.stages))
            self.results.append(result)
            self._condition.notify_all()
        what = f"after changes in {', '.join(changed)}" if changed else ""
        if ok:
            self.log(f"built {self.output} in {seconds:.2f}s: {message} {what}".rstrip())
        else:
            self.log(f"{message}\n{self.failure_consequence()} {what}".rstrip())
        return result

    def failure_consequence(self) -> str:
        """What a reader of the server sees after a failed build: the last good site, or this error."""
        if self.output.is_dir():
            return "(the last good site is still served)"
        return "(there is no site yet: the server answers every page with this error until a build succeeds)"

    def last_error(self) -> str | None:
        """The message of the latest build if it failed, else None."""
        with self._condition:
            latest = self.results[-1] if self.results else None
        return None if latest is None or latest.ok else latest.message

    def start(self) -> None:
        """Start rebuilding in the background after :meth:`changed` calls."""
        self._thread.start()

    def stop(self) -> None:
        with self._condition:
            self._stopping = True
            self._condition.notify_all()
        if self._thread.is_alive():
            self._thread.join()
        self.reuse.close()

    def changed(self, path: str) -> None:
        """Note a changed file; the rebuild starts once changes have been quiet for a moment."""
        with self._condition:
            self._pending.add(path)
            self._last_change = time.monotonic()
            self._condition.notify_all()

    def wait_for_build(self, after: int, timeout: float) -> BuildResult | None:
        """Wait until build number ``after + 1`` (or later) has finished; None on timeout."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while len(self.results) <= after:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                self._condition.wait(remaining)
            return self.results[-1]

    def _loop(self) -> None:
        while True:
            with self._condition:
                while not self._pending and not self._stopping:
                    self._condition.wait()
                if self._stopping:
                    return
                quiet_for = time.monotonic() - self._last_change
                if quiet_for < QUIET_PERIOD:
                    self._condition.wait(QUIET_PERIOD - quiet_for)
                    continue
                changed = tuple(sorted(self._pending))
                self._pending.clear()
            self.build(changed)


class _ChangeHandler(FileSystemEventHandler):
    def __init__(self, root: Path, notify: Callable[[str], None]) -> None:
        self.root = root
        self.notify = notify

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in CHANGE_EVENTS:
            return
        if event.is_directory and event.event_type in ("modified", "closed"):
            return  # a file inside changed: that file's own event counts
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if not raw:
                continue
            path = Path(raw if isinstance(raw, str) else raw.decode())
            relative = self._relevant(path)
            if relative is not None:
                self.notify(relative)

    def _relevant(self, path: Path) -> str | None:
        try:
            relative = path.relative_to(self.root).as_posix()
        except ValueError:
            return None
        if is_scratch_file(path.name):
            return None
        if relative in WATCHED_FILES or any(relative == d or relative.startswith(d + "/") for d in WATCHED_DIRECTORIES):
            return relative
        return None


def watch(root: Path, notify: Callable[[str], None]) -> Observer:
    """Start watching the project's sources of truth; ``notify`` gets each changed path, relative to ``root``."""
    root = root.resolve()
    handler = _ChangeHandler(root, notify)
    observer = Observer()
    for directory in WATCHED_DIRECTORIES:
        if (root / directory).is_dir():
            observer.schedule(handler, str(root / directory), recursive=True)
    # The configuration files sit in the project root, beside site/ and .build/,
    # which change on every build: watch the root shallowly and filter by name.
    observer.schedule(handler, str(root), recursive=False)
    observer.start()
    return observer


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the current site/; no caching, so a reload shows the latest build.

    While there is no site at all (the first build failed), every request gets a
    page with the build's error instead of a bare 404.
    """

    def __init__(self, *args: Any, build_error: Callable[[], str | None] = lambda: None, **kwargs: Any) -> None:
        self.build_error = build_error
        super().__init__(*args, **kwargs)

    def send_head(self):  # type: ignore[no-untyped-def]  # the base class's signature
        if not Path(self.directory).is_dir():
            error = self.build_error() or "no site has been built yet"
            body = NO_SITE_PAGE.format(error=html.escape(error)).encode("utf-8")
            self.send_response(503)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Retry-After", "2")
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's signature
        pass


NO_SITE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">
<title>No site yet: the build failed</title></head>
<body><h1>No site yet: the build failed</h1>
<pre>{error}</pre>
<p>Fix the file named above and save it: the site is rebuilt and this page reloads by itself.</p></body></html>
"""


def make_server(
    site_dir: Path, port: int, host: str = "127.0.0.1", build_error: Callable[[], str | None] = lambda: None
) -> http.server.ThreadingHTTPServer:
    """An HTTP server for ``site_dir``. It resolves the directory on every request,
    so it follows the build's swap of a new site into place; while there is no
    site, it answers with ``build_error()`` (status 503)."""
    handler = functools.partial(_SiteHandler, directory=str(site_dir), build_error=build_error)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    return http.server.ThreadingHTTPServer((host, port), handler)


def serve(root: Path, port: int = 8000) -> int:
    """Build, serve on http://127.0.0.1:<port>/ and rebuild on changes until interrupted."""
    root = root.resolve()
    rebuilder = Rebuilder(root)
    rebuilder.build()
    try:
        server = make_server(root / "site", port, build_error=rebuilder.last_error)
    except OSError as error:
        print(f"cannot serve on 127.0.0.1:{port}: {error.strerror} (try --port)", file=sys.stderr)
        return 1
    observer = watch(root, rebuilder.changed)
    rebuilder.start()
    print(f"serving http://127.0.0.1:{server.server_address[1]}/ — rebuilds when the sources change; Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        rebuilder.stop()
        server.server_close()
        observer.join()
    return 0
