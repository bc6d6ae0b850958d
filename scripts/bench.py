"""``make bench``: the performance figures of the site and its build, in one table and ``bench.json``.

Run it with ``make bench`` (which installs nginx and Lighthouse first) or
``.venv/bin/python scripts/bench.py [--only SECTION ...]``. Nothing here
touches the network: every server runs on loopback and stops by itself.

Adding your own figures
=======================
A section is a function that takes the :class:`Bench` context and returns a list
of :class:`Row`; register it with one line in ``SECTIONS`` at the bottom::

    def search_section(bench: Bench) -> list[Row]:
        site = bench.built_site()                       # a strict build of a temporary copy of the project
        size = (site / "search" / "index.json").stat().st_size / 1024
        return [Row("search", "index payload (zh-Hans)", size, "KB", limit=60, ok=size <= 60)]

    SECTIONS = [..., search_section]

A row is one figure: ``Row(section, figure, value, unit, limit, ok, note)``.
``limit`` is a number (a ceiling, or a floor with ``at_least=True``) or a text;
``ok`` is True/False when the figure has a target, None when it only informs.
Helpers on :class:`Bench`: ``project_copy(name, documents=N)`` (a temporary
copy of the project, optionally with N synthetic copies of the seed document),
``build(project)`` (a build in a fresh process: seconds, stages, peak memory),
``built_site()`` and ``served_url()`` (the copy built once and served by nginx with
the precompressed files), ``lighthouse(url)`` (a Lighthouse report as a dict).
A section that raises is reported as one failed row and the others still run.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `python scripts/bench.py` imports explainer from this tree

PYTHON = sys.executable
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
ARTICLE_PAGES = ("articles/05/", "en/articles/05/")
BUDGET_KB = 150
LIGHTHOUSE_RUNS = 3
OWN_STAGES = ("parse", "align", "glossary", "render")
"""The pipeline's stages (our code); the rest is MkDocs/Material, writing files and compressing."""

COPY_IGNORED = {
    ".git", ".venv", "node_modules", "site", ".build", ".pytest_cache", ".hypothesis", ".scratch", "tests", "bench.json", "__pycache__",
}


@dataclass
class Row:
    """One figure of the bench table."""

    section: str
    figure: str
    value: float | int | str
    unit: str = ""
    limit: float | str = ""
    ok: bool | None = None
    note: str = ""
    at_least: bool = False

    def limit_text(self) -> str:
        if isinstance(self.limit, (int, float)) and not isinstance(self.limit, bool):
            return f"{'≥' if self.at_least else '≤'} {_number(self.limit)}"
        return str(self.limit)


@dataclass
class BuildRun:
    """One build in a fresh process."""

    seconds: float
    """Wall time of the whole command, as `python -m explainer build` (interpreter start and imports included)."""
    build_seconds: float
    """Time inside build_site (what the stage breakdown adds up to)."""
    stages: dict[str, float]
    cpu_seconds: float
    """User and system CPU time of the build and its subprocesses (Pagefind): what a busy machine does not inflate."""
    peak_mb: float
    pages: int
    glossary_links: float
    """Seconds spent in the glossary Markdown extension (our code, run inside MkDocs)."""


@dataclass
class Bench:
    """What sections share: a scratch folder, project copies, one served build, tools."""

    root: Path
    work: Path
    _cache: dict[str, Any] = field(default_factory=dict)
    _stack: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)

    def project_copy(self, name: str, documents: int = 1, site_url: str | None = None) -> Path:
        """A copy of the project's sources of truth in a new folder; ``documents`` ≥ 2 adds synthetic copies of the seed."""
        target = self.work / name
        shutil.copytree(self.root, target, ignore=_ignored_in_copy(self.root))
        target.chmod(0o755)
        if documents > 1:
            add_synthetic_documents(target, documents)
        if site_url is not None:
            set_site_url(target, site_url)
        return target

    def build(self, project: Path, output: Path | None = None) -> BuildRun:
        """Build ``project`` with ``python -m explainer build`` semantics in a fresh process."""
        output = output or project / "site"
        start = time.perf_counter()
        result = subprocess.run(
            [PYTHON, __file__, "--build-child", str(project), str(output)],
            capture_output=True, text=True, timeout=900, env=_child_environment(),
        )
        if result.returncode != 0:
            raise RuntimeError(f"build of {project} failed:\n{result.stderr[-3000:]}")
        seconds = time.perf_counter() - start
        data = json.loads(result.stdout.strip().splitlines()[-1])
        return BuildRun(seconds=seconds, **data)

    def built_site(self) -> Path:
        """The project built once (strict) with site_url set to the bench's nginx address."""
        if "site" not in self._cache:
            port = free_port()
            project = self.project_copy("served", site_url=f"http://127.0.0.1:{port}/")
            self.build(project)
            self._cache["site"] = project / "site"
            self._cache["port"] = port
        return self._cache["site"]  # type: ignore[no-any-return]

    def served_url(self) -> str:
        """``http://127.0.0.1:<port>/`` where nginx serves :meth:`built_site` with gzip_static (and brotli_static)."""
        if "url" not in self._cache:
            site = self.built_site()
            port = self._cache["port"]
            self._cache["url"] = self._stack.enter_context(nginx(site, port, self.work / "nginx"))
        return self._cache["url"]  # type: ignore[no-any-return]

    def lighthouse(self, url: str) -> dict[str, Any]:
        """A Lighthouse report (mobile preset, the default) of ``url`` with Debian's chromium."""
        if not LIGHTHOUSE.exists():
            raise RuntimeError("Lighthouse is not installed: run `make bench` (npm ci installs it into node_modules/)")
        self._cache["lighthouse_runs"] = run = self._cache.get("lighthouse_runs", 0) + 1
        output = self.work / f"lighthouse-{run}-{re.sub(r'[^A-Za-z0-9]+', '-', urlparse(url).path).strip('-') or 'home'}.json"
        result = subprocess.run(
            [
                str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking",
            ],
            capture_output=True, text=True, timeout=300, env=_child_environment() | {"CHROME_PATH": CHROMIUM},
        )
        if result.returncode != 0 or not output.exists():
            raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        return json.loads(output.read_text(encoding="utf-8"))  # type: ignore[no-any-return]

    def close(self) -> None:
        self._stack.close()


def _ignored_in_copy(root: Path) -> Callable[[str, list[str]], set[str]]:
    def ignored(directory: str, names: list[str]) -> set[str]:
        skipped = {name for name in names if name.endswith((".pyc", ".egg-info")) or name.startswith(".site.")}
        if Path(directory) == root:
            skipped |= {name for name in names if name in COPY_IGNORED}
        if Path(directory) == root / "docs":
            skipped |= {name for name in names if name != "assets"}  # generated Markdown trees
        return skipped

    return ignored


def add_synthetic_documents(project: Path, count: int) -> None:
    """Register ``count - 1`` copies of the seed document under new slugs (its text, corrections, translations)."""
    config_path = project / "documents.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    seed = config["documents"][0]
    slug = seed["slug"]
    for number in range(2, count + 1):
        copy_slug = f"{slug}-copy-{number}"
        for path in list((project / "sources").glob(f"{slug}.*")):
            shutil.copyfile(path, path.with_name(copy_slug + path.name[len(slug):]))
        for path in list((project / "translations").glob(f"*/{slug}.*")):
            shutil.copyfile(path, path.with_name(copy_slug + path.name[len(slug):]))
        entry = dict(seed, slug=copy_slug, source=f"sources/{copy_slug}.txt")
        entry["short_title"] = {lang: f"{title} ({number})" for lang, title in (seed.get("short_title") or {}).items()}
        config["documents"].append(entry)
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def set_site_url(project: Path, url: str) -> None:
    """Point mkdocs.yml's site_url (the one place it is configured) at ``url``."""
    path = project / "mkdocs.yml"
    text, count = re.subn(r"(?m)^site_url:.*$", f"site_url: {url}", path.read_text(encoding="utf-8"))
    if count != 1:
        raise RuntimeError(f"{path}: expected one site_url line, found {count}")
    path.write_text(text, encoding="utf-8")


def _child_environment() -> dict[str, str]:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- nginx -----------------------------------------------------------------------------------------

NGINX_CONFIG = """\
{load_brotli}
daemon off;
master_process off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    types {{ application/x-tbx+xml tbx; }}
    default_type application/octet-stream;
    access_log {work}/access.log;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    sendfile on;
    server {{
        listen 127.0.0.1:{port};
        root {site};
        gzip_static on;
        gzip_vary on;
        {brotli_static}
        location ~* "\\.[0-9a-f]{{8}}(\\.min)?\\.(css|js)$" {{
            add_header Cache-Control "public, max-age=31536000, immutable";
        }}
        error_page 404 /404.html;
    }}
}}
"""


@contextlib.contextmanager
def nginx(site: Path, port: int, work: Path) -> Iterator[str]:
    """nginx serving ``site`` on 127.0.0.1:``port`` from a temporary configuration; stopped on exit."""
    if not Path(NGINX).exists():
        raise RuntimeError("nginx is not installed: `make bench` installs it (apt-get install nginx)")
    work.mkdir(parents=True, exist_ok=True)
    has_brotli = BROTLI_MODULE.exists()
    config = work / "nginx.conf"
    config.write_text(
        NGINX_CONFIG.format(
            work=work, port=port, site=site,
            load_brotli=f"load_module {BROTLI_MODULE};" if has_brotli else "",
            brotli_static="brotli_static on;" if has_brotli else "",
        ),
        encoding="utf-8",
    )
    process = subprocess.Popen([NGINX, "-c", str(config), "-p", str(work)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_for_port(port, process, work / "error.log")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = (process.stderr.read().decode() if process.stderr else "") + (log.read_text() if log.exists() else "")
            raise RuntimeError(f"nginx stopped at start:\n{error}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise RuntimeError("nginx did not start listening within 10 s")


# --- sections --------------------------------------------------------------------------------------


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def build_section(bench: Bench) -> list[Row]:
    """A full three-language build: with an empty compression cache, then as usual; the stage breakdown."""
    project = bench.project_copy("build")
    cold = bench.build(project)
    warm = bench.build(project)
    total = warm.build_seconds
    own = sum(warm.stages.get(stage, 0.0) for stage in OWN_STAGES) + warm.glossary_links
    rows = [
        Row("build", "full build, 3 languages, first (empty compression cache)", cold.seconds, "s",
            note=f"{cold.pages} pages; CPU {cold.cpu_seconds:.1f} s; {_load()}"),
        Row("build", "full build, 3 languages", warm.seconds, "s", limit=10, ok=warm.seconds <= 10,
            note=f"`python -m explainer build`; CPU {warm.cpu_seconds:.1f} s; {_load()}"),
        Row("build", "  of which build_site (the stages below)", total, "s", note="the rest: Python start and imports"),
    ]
    for stage, seconds in warm.stages.items():
        rows.append(Row("build", f"  stage {stage}", seconds, "s", note=f"{100 * seconds / total:.0f}%"))
    rows.append(Row("build", "  glossary links (inside stage mkdocs)", warm.glossary_links, "s",
                    note=f"{100 * warm.glossary_links / total:.0f}%"))
    share = 100 * own / total
    rows.append(Row("build", f"own stages ({', '.join(OWN_STAGES)}, glossary links) in build_site", share, "%", limit=15, ok=share < 15))
    rows.append(Row("build", "peak memory", warm.peak_mb, "MB"))
    return rows


SCALE_DOCUMENTS = (1, 5, 20)
LINEAR_TOLERANCE = 1.25
"""How much the cost of one more document may grow from the 1→5 step to the 5→20 step."""


def scale_section(bench: Bench) -> list[Row]:
    """Time and peak memory for 1, 5 and 20 documents (synthetic copies of the seed); the cost per document must not grow."""
    runs: dict[int, BuildRun] = {}
    rows = []
    for count in SCALE_DOCUMENTS:
        project = bench.project_copy(f"scale-{count}", documents=count)
        bench.build(project)  # fills this copy's compression cache: the figure is a rebuild's
        runs[count] = run = bench.build(project)
        label = f"{count} document{'s' if count > 1 else ''}"
        rows.append(Row("scale", f"{label}: build", run.seconds, "s", note=f"{run.pages} pages; CPU {run.cpu_seconds:.1f} s; {_load()}"))
        rows.append(Row("scale", f"{label}: peak memory", run.peak_mb, "MB"))
        shutil.rmtree(project, ignore_errors=True)
    # CPU time, not wall time: other work on a shared machine inflates the latter unevenly.
    small, middle, large = (runs[count].cpu_seconds for count in SCALE_DOCUMENTS)
    first = (middle - small) / (SCALE_DOCUMENTS[1] - SCALE_DOCUMENTS[0])
    later = (large - middle) / (SCALE_DOCUMENTS[2] - SCALE_DOCUMENTS[1])
    growth = later / first if first > 0 else float("inf")
    memory_first = (runs[5].peak_mb - runs[1].peak_mb) / 4
    memory_later = (runs[20].peak_mb - runs[5].peak_mb) / 15
    rows += [
        Row("scale", "CPU seconds per added document, 1→5", first, "s"),
        Row("scale", "CPU seconds per added document, 5→20", later, "s"),
        Row("scale", "growth of the cost per document (1 = linear)", growth, "×", limit=LINEAR_TOLERANCE, ok=growth <= LINEAR_TOLERANCE,
            note="CPU per added document from 5 to 20 over that from 1 to 5"),
        Row("scale", "MB per added document, 1→5 / 5→20", f"{memory_first:.1f} / {memory_later:.1f}", "MB"),
    ]
    return rows


def rebuild_section(bench: Bench) -> list[Row]:
    """The `make serve` rebuild after editing one PO entry, with the serve code's watcher and rebuilder."""
    import threading

    from explainer.backend.serve import Rebuilder, watch

    project = bench.project_copy("serve")
    site = project / "site"
    rebuilder = Rebuilder(project, log=lambda message: None)
    first = rebuilder.build()
    if not first.ok:
        raise RuntimeError(first.message)
    observer = watch(project, rebuilder.changed)
    rebuilder.start()
    swapped: list[float] = []
    old_site = site.stat().st_ino

    def watch_swap() -> None:
        # The build swaps a new directory into place: the moment readers get the new pages.
        deadline = time.perf_counter() + 120
        while time.perf_counter() < deadline:
            with contextlib.suppress(FileNotFoundError):
                if site.stat().st_ino != old_site:
                    swapped.append(time.perf_counter())
                    return
            time.sleep(0.005)

    try:
        po = sorted((project / "translations").glob("en/*.po"))[0]
        edited, entry = edit_one_po_entry(po)
        poller = threading.Thread(target=watch_swap, daemon=True)
        poller.start()
        cpu_before = _cpu_seconds()
        start = time.perf_counter()
        po.write_text(edited, encoding="utf-8")
        result = rebuilder.wait_for_build(after=1, timeout=120)
        seconds = time.perf_counter() - start
        cpu = _cpu_seconds() - cpu_before
        poller.join()
    finally:
        observer.stop()
        rebuilder.stop()
        observer.join()
    if result is None or not result.ok or not swapped:
        raise RuntimeError(f"the rebuild after editing {po.name} failed: {result.message if result else 'no build within 120 s'}")
    in_place = swapped[0] - start
    shown = any(entry in path.read_text(encoding="utf-8") for path in (site / "en").rglob("index.html"))
    partial = ", ".join(rebuilder.reuse.partial) or "none"
    return [
        Row("serve", "rebuild after editing one PO entry: save → new site in place", in_place, "s", limit=3, ok=in_place <= 3 and shown,
            note=f"{_load()}; page by page in: {partial}" + ("" if shown else "; EDIT NOT VISIBLE")),
        Row("serve", "  save → rebuild finished (old site removed)", seconds, "s",
            note=f"CPU {cpu:.1f} s; " + _stages(result.timings)),
    ]


def edit_one_po_entry(po: Path) -> tuple[str, str]:
    """The PO file's text with one translated entry changed, and a marker (plain words) that the edit added.

    The entry is the first sentence of an article's text: the usual edit, and the one that
    reaches the most outputs (the article page, its side-by-side views, the printable text
    and the search index of every language that shows the English).
    """
    import polib

    catalog = polib.pofile(str(po))
    entry = next(item for item in catalog if item.msgstr and not item.obsolete and re.fullmatch(r"a\d+-p1-s1", item.msgctxt or ""))
    marker = f"benchmark edit {os.getpid()} {time.time_ns()}"
    entry.msgstr = f"{entry.msgstr} {marker}"
    return str(catalog), marker


def budget_section(bench: Bench) -> list[Row]:
    """An article page on a phone: bytes on first load, other hosts, Lighthouse's mobile scores, the heaviest items."""
    base = bench.served_url()
    rows: list[Row] = []
    for page in ARTICLE_PAGES:
        url = base + page
        # Lighthouse's scores vary from run to run: keep the run with the median performance score.
        reports = sorted((bench.lighthouse(url) for _ in range(LIGHTHOUSE_RUNS)), key=lambda r: r["categories"]["performance"]["score"] or 0)
        report = reports[len(reports) // 2]
        requests = report["audits"]["network-requests"]["details"]["items"]
        failed = sorted({urlparse(item["url"]).path for item in requests if item.get("statusCode", 200) >= 400})
        total_kb = sum(item.get("transferSize", 0) for item in requests) / 1024
        own_host = urlparse(base).netloc
        foreign = sorted({urlparse(item["url"]).netloc for item in requests if urlparse(item["url"]).netloc not in (own_host, "")})
        label = "/" + page
        rows.append(Row("budget", f"{label}: transferred on first load", total_kb, "KB", limit=BUDGET_KB, ok=total_kb <= BUDGET_KB,
                        note=f"{len(requests)} requests"))
        rows.append(Row("budget", f"{label}: requests to other hosts", len(foreign), "", limit=0, ok=not foreign, note=", ".join(foreign)))
        rows.append(Row("budget", f"{label}: failed requests (4xx, 5xx)", len(failed), "", limit=0, ok=not failed, note=", ".join(failed)))
        heaviest = sorted(requests, key=lambda item: item.get("transferSize", 0), reverse=True)[:5]
        for item in heaviest:
            path = urlparse(item["url"]).path
            rows.append(Row("budget", f"  {_shorten(path)}", item.get("transferSize", 0) / 1024, "KB",
                            note=f"{item.get('resourceSize', 0) / 1024:.0f} KB uncompressed"))
        targets = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
        for category, floor in targets.items():
            score = report["categories"][category]["score"]
            failing = [
                audit_id for audit_id, audit in report["audits"].items()
                if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
                and audit_id in {ref["id"] for ref in report["categories"][category]["auditRefs"] if ref.get("weight", 0) > 0}
            ]
            rows.append(Row("lighthouse", f"{label}: {category}", score if score is not None else "n/a", "", limit=floor, at_least=True,
                            ok=score is not None and score >= floor, note=("below 1: " + ", ".join(failing[:6])) if failing else ""))
        metrics = report["audits"]
        rows.append(Row("lighthouse", f"{label}: LCP / TBT / CLS (median of {LIGHTHOUSE_RUNS} runs)",
                        f"{metrics['largest-contentful-paint']['numericValue'] / 1000:.2f} s / "
                        f"{metrics['total-blocking-time']['numericValue']:.0f} ms / {metrics['cumulative-layout-shift']['numericValue']:.3f}"))
    return rows


def _cpu_seconds() -> float:
    import resource

    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(item.ru_utime + item.ru_stime for item in usage)


def _stages(stages: dict[str, float]) -> str:
    return ", ".join(f"{stage} {seconds:.2f}" for stage, seconds in stages.items())


def _shorten(path: str, width: int = 58) -> str:
    return path if len(path) <= width else "…" + path[-(width - 1):]


from search_bench import search_section  # noqa: E402 - recall@5 and bytes per query (issue 8)


LONG_LINE_SENTENCES = (2_500, 5_000, 10_000, 50_000)


def add_long_line(project: Path, sentences: int) -> None:
    """Append ``sentences`` short numbered sentences to the first article's line of the default document (line numbers unchanged)."""
    config = yaml.safe_load((project / "documents.yml").read_text(encoding="utf-8"))
    source = project / config["documents"][0]["source"]
    lines = source.read_text(encoding="utf-8").split("\n")
    first = next(index for index, line in enumerate(lines) if re.match(r"[(（]一[)）]", line.strip()))
    lines[first] += "".join(f"第{number}项工作要落实。" for number in range(1, sentences + 1))
    source.write_text("\n".join(lines), encoding="utf-8")


def long_lines_section(bench: Bench) -> list[Row]:
    """One source line of many short sentences: the build's cost per sentence must not grow with the line."""
    baseline = bench.build(bench.project_copy("long-0"))
    rows = [Row("long lines", "build without the long line", baseline.seconds, "s", note=f"CPU {baseline.cpu_seconds:.1f} s; {_load()}")]
    per_sentence: dict[int, float] = {}
    for sentences in LONG_LINE_SENTENCES:
        project = bench.project_copy(f"long-{sentences}")
        add_long_line(project, sentences)
        run = bench.build(project)
        per_sentence[sentences] = 1000 * (run.cpu_seconds - baseline.cpu_seconds) / sentences
        rows.append(Row("long lines", f"{sentences:,} sentences on one line: build", run.seconds, "s",
                        note=f"CPU {run.cpu_seconds:.1f} s; stage mkdocs {run.stages.get('mkdocs', 0):.1f} s; {_load()}"))
        rows.append(Row("long lines", f"{sentences:,} sentences: CPU ms per sentence", per_sentence[sentences], "ms",
                        note="the build's CPU time beyond the build without the line, per sentence"))
        shutil.rmtree(project)
    small, large = per_sentence[LONG_LINE_SENTENCES[1]], per_sentence[LONG_LINE_SENTENCES[-1]]
    growth = large / small
    rows.append(Row("long lines", f"growth of the cost per sentence, {LONG_LINE_SENTENCES[1]:,} → {LONG_LINE_SENTENCES[-1]:,}", growth, "×",
                    limit=LINEAR_TOLERANCE, ok=growth <= LINEAR_TOLERANCE, note="1 = linear; quadratic would be 10"))
    return rows


ALIGNMENT_TARGETS = {"vocational-education-2021": (0.9, 0.95)}
"""Precision and recall the issues ask for on the seed; on any other labelled document, issue 18's goal."""
UNSEEN_TARGET = (0.9, 0.8)
BENCH_GRID = {"publish": (0.4, 0.5, 0.6), "context": (0.3, 0.5), "saturation": (30.0, 45.0), "genre": (0.3, 0.5)}
"""A small grid for the leave-one-document-out rows (scripts/align_grid.py searches a larger one)."""


def alignment_section(bench: Bench) -> list[Row]:
    """The Q&A ↔ article aligner against the hand labels of every labelled document, without reviewed
    decisions: each method's published links, then, for each document, settings chosen on all the others and counted on it."""
    import itertools

    from align_eval import METHODS, grid_counts, labelled_documents, leave_one_document_out, score
    from explainer.align.aligner import align

    documents = labelled_documents(ROOT)
    rows = []
    for labelled in documents:
        least_precision, least_recall = ALIGNMENT_TARGETS.get(labelled.slug, UNSEEN_TARGET)
        for method, settings in METHODS.items():
            found = score(align(labelled.document, settings), labelled.labels)
            note = f"{method}: {found.true_positives} right, {found.false_positives} wrong, {found.false_negatives} missed"
            target = method == "published (Settings())"
            rows.append(Row("alignment", f"{labelled.slug}: precision, {method}", round(found.precision, 3), "",
                            least_precision if target else "", found.precision >= least_precision if target else None, note, at_least=True))
            rows.append(Row("alignment", f"{labelled.slug}: recall, {method}", round(found.recall, 3), "",
                            least_recall if target else "", found.recall >= least_recall if target else None, note, at_least=True))
    results = [(values, grid_counts(documents, BENCH_GRID, values)) for values in itertools.product(*BENCH_GRID.values())]
    slugs = [labelled.slug for labelled in documents]
    for held_out, (values, found) in leave_one_document_out(results, slugs).items():
        chosen = ", ".join(f"{name}={value:g}" for name, value in zip(BENCH_GRID, values))
        rows.append(Row("alignment", f"held out {held_out} (tuned on the others): precision / recall",
                        f"{found.precision:.3f} / {found.recall:.3f}", "", "", None, f"{len(results)} settings of {', '.join(BENCH_GRID)}; chosen {chosen}"))
    return rows


SECTIONS: list[Callable[[Bench], list[Row]]] = [
    build_section,
    scale_section,
    rebuild_section,
    budget_section,
    search_section,
    alignment_section,
    long_lines_section,
]
"""Each section runs in this order; register yours with one line (see the top of this file)."""


# --- the child build --------------------------------------------------------------------------------


def build_child(project: Path, output: Path) -> None:
    """Build in this (fresh) process and print one JSON line: seconds, stages, peak memory, pages."""
    import resource

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    glossary_seconds = _time_glossary_extension()
    from explainer.backend.build import Timings, build_site

    timings = Timings()
    start = time.perf_counter()
    content = build_site(project, strict=True, timings=timings, output=output)
    seconds = time.perf_counter() - start
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu_seconds = sum(item.ru_utime + item.ru_stime for item in usage)
    peak_mb = usage[0].ru_maxrss / 1024
    pages = sum(len(pages) for pages in content.pages.values())
    print(json.dumps({"build_seconds": seconds, "stages": timings.stages, "cpu_seconds": cpu_seconds, "peak_mb": peak_mb, "pages": pages, "glossary_links": glossary_seconds()}))


def _time_glossary_extension() -> Callable[[], float]:
    """Add up the time spent in the glossary Markdown extension, which MkDocs runs on every page."""
    spent = [0.0]
    try:
        from explainer.glossary import extension as glossary_ext
    except ImportError:
        return lambda: 0.0

    def timed(function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - start

        return wrapper

    for class_name, method in (("GlossaryExtension", "extendMarkdown"), ("GlossaryTreeprocessor", "run")):
        cls = getattr(glossary_ext, class_name, None)
        if cls is not None and hasattr(cls, method):
            setattr(cls, method, timed(getattr(cls, method)))
    return lambda: spent[0]


# --- the table -------------------------------------------------------------------------------------


def _number(value: float | int) -> str:
    if isinstance(value, int):
        return str(value)
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def format_table(rows: list[Row]) -> str:
    """The rows as a Markdown table (printed, and pasted into the README)."""
    lines = ["| section | figure | value | target | ok | note |", "|---|---|---:|---|:-:|---|"]
    for row in rows:
        value = row.value if isinstance(row.value, str) else _number(row.value)
        unit = f" {row.unit}" if row.unit and not isinstance(row.value, str) else ""
        ok = {True: "✓", False: "✗", None: ""}[row.ok]
        figure = row.figure.replace("|", "\\|")
        lines.append(f"| {row.section} | {figure} | {value}{unit} | {row.limit_text()} | {ok} | {row.note.replace('|', '/')} |")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    cpu = ""
    with contextlib.suppress(OSError):
        cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "")
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "cpu": cpu or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gb": round(memory_gb, 1),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
    }


def run(sections: list[Callable[[Bench], list[Row]]], output: Path, keep: bool = False) -> int:
    started = datetime.datetime.now().astimezone()
    host = machine()
    rows: list[Row] = []
    bench = Bench(ROOT, Path(tempfile.mkdtemp(prefix="explainer-bench-")))
    bench.work.chmod(0o755)  # nginx's worker may run as another user
    try:
        for section in sections:
            print(f"bench: {section.__name__} …", file=sys.stderr, flush=True)
            start = time.perf_counter()
            try:
                rows += section(bench)
            except Exception as error:  # one broken section must not hide the others' figures
                message = str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__
                rows.append(Row(section.__name__.removesuffix("_section"), "section failed", "error", ok=False, note=message[:200]))
                traceback.print_exc()
            print(f"bench: {section.__name__} took {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    finally:
        bench.close()
        if keep:
            print(f"bench: kept the scratch folder {bench.work} (project copies, Lighthouse reports)", file=sys.stderr)
        else:
            shutil.rmtree(bench.work, ignore_errors=True)
    title = f"Bench of {started:%Y-%m-%d %H:%M %Z}: {host['cpu']}, {host['cores']} cores, {host['memory_gb']} GB, Python {host['python']}"
    print(title)
    print()
    print(format_table(rows))
    report = {"date": started.isoformat(timespec="seconds"), "machine": host, "rows": [asdict(row) for row in rows]}
    output.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {output}")
    return 0 if all(row.ok is not False for row in rows) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=textwrap.dedent(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--only", nargs="*", metavar="SECTION", help="run these sections only (names without _section)")
    parser.add_argument("--output", type=Path, default=ROOT / "bench.json")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder (project copies, Lighthouse reports) for inspection")
    parser.add_argument("--build-child", nargs=2, type=Path, metavar=("PROJECT", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.build_child:
        build_child(*args.build_child)
        return 0
    sections = SECTIONS
    if args.only:
        known = {section.__name__.removesuffix("_section"): section for section in SECTIONS}
        unknown = [name for name in args.only if name not in known]
        if unknown:
            parser.error(f"unknown section(s) {', '.join(unknown)}; known: {', '.join(known)}")
        sections = [known[name] for name in args.only]
    return run(sections, args.output, args.keep)


if __name__ == "__main__":
    sys.exit(main())
