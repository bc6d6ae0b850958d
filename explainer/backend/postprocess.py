"""Post-build steps for publishing: cache-busting asset names and precompressed files.

:func:`finish_site` runs on the staging directory of a build, after MkDocs and
every other stage wrote their files and before the staging directory replaces
``site/``, so a served site never mixes old and new files.

1. The hand-written CSS and JS files of ``docs/assets`` get content-hashed names
   (``assets/explainer.css`` → ``assets/explainer.1a2b3c4d.css``) and every
   reference in the built HTML, CSS and JS follows, so a server may tell browsers
   to cache them for ever. Material's own assets are hashed by the theme already.
2. Every text file gets ``.gz`` and ``.br`` siblings, which static servers send
   as they are (nginx ``gzip_static``/``brotli_static``) instead of compressing
   on every request. Brotli's best quality (11) runs at about 1 MB/s, so it is kept
   for stylesheets and scripts, which change with a theme upgrade only; pages and
   data, which change with every edit, use quality 10 (2–3% larger, 3× faster).
   Compressed bytes are kept in a content-addressed cache under
   ``.build/compress-cache``: a rebuild only compresses files whose content changed.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import brotli

from ..common.files import write_atomic

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".tbx", ".csv", ".txt", ".webmanifest"})
"""Files worth compressing: text formats. Images, fonts and Pagefind's fragments are compressed already."""

HASHED_SUFFIXES = frozenset({".css", ".js", ".mjs"})
"""Hand-written assets that get content-hashed names (other assets keep stable names that scripts may build)."""

REFERENCING_SUFFIXES = frozenset({".html", ".css", ".js", ".mjs"})
"""Files in which references to hashed assets are rewritten."""

HASH_LENGTH = 8
"""Hex digits of the content hash in a file name, as in Material's own asset names."""

COMPRESSIONS = (".gz", ".br")
BROTLI_BEST_FOR = frozenset({".css", ".js", ".mjs"})
"""Suffixes compressed at brotli quality 11; every other text file at 10."""
CACHE_DIR = ".build/compress-cache"
CACHE_MAX_AGE = 14 * 24 * 3600
"""Cache entries unused for this long are removed after a build."""

WORKERS = 2
"""Compression threads: the brotli and zlib bindings release the GIL while they compress."""


@dataclass
class PublishStats:
    """What :func:`finish_site` did, for the build log and ``make bench``."""

    hashed: dict[str, str]
    files: int = 0
    unique: int = 0
    compressed_now: int = 0
    original_bytes: int = 0
    gzip_bytes: int = 0
    brotli_bytes: int = 0
    seconds: float = 0.0


def finish_site(root: Path, site_dir: Path, compress: bool = True) -> PublishStats:
    """Hash the hand-written assets, then precompress every text file of ``site_dir`` (unless ``compress`` is off)."""
    start = time.perf_counter()
    hashed = hash_assets(site_dir, root / "docs" / "assets")
    stats = precompress(site_dir, CompressionCache(root / CACHE_DIR)) if compress else PublishStats(hashed={})
    stats.hashed = hashed
    stats.seconds = time.perf_counter() - start
    return stats


def hashed_name(relative: str, content: bytes) -> str:
    """``css/explainer.css`` + content → ``css/explainer.1a2b3c4d.css``."""
    stem, dot, suffix = relative.rpartition(".")
    digest = hashlib.sha256(content).hexdigest()[:HASH_LENGTH]
    return f"{stem}.{digest}.{suffix}" if dot else f"{relative}.{digest}"


def asset_names(assets_dir: Path) -> dict[str, str]:
    """Relative path → hashed relative path of each hand-written CSS and JS file."""
    if not assets_dir.is_dir():
        return {}
    names = {}
    for path in sorted(assets_dir.rglob("*")):
        if path.is_file() and path.suffix in HASHED_SUFFIXES:
            relative = path.relative_to(assets_dir).as_posix()
            names[relative] = hashed_name(relative, path.read_bytes())
    return names


def hash_assets(site_dir: Path, assets_dir: Path) -> dict[str, str]:
    """Rename the copies of ``assets_dir``'s CSS and JS in every language and rewrite their references.

    Every language copies the same ``docs/assets``, so one mapping serves the whole
    site. The unhashed copies are removed: a forgotten reference must show up as a
    broken link in the tests, not as a stale file in readers' caches.
    """
    names = asset_names(assets_dir)
    if not names:
        return names
    for relative, hashed in names.items():
        for copy in _copies(site_dir, relative):
            os.replace(copy, copy.parent / Path(hashed).name)
    reference = _reference_pattern(names)
    for path in site_dir.rglob("*"):
        if path.suffix in REFERENCING_SUFFIXES and path.is_file():
            text = path.read_text(encoding="utf-8")
            rewritten = reference.sub(lambda match: "assets/" + names[match.group(1)], text)
            if rewritten != text:
                write_atomic(path, rewritten)  # a new file: `make serve` stages hard links to the live site
    return names


def _copies(site_dir: Path, relative: str) -> Iterable[Path]:
    """Each language's copy of ``assets/<relative>`` (the site root and one folder per other language)."""
    for assets in [site_dir / "assets", *sorted(site_dir.glob("*/assets"))]:
        copy = assets / relative
        if copy.is_file():
            yield copy


def _reference_pattern(names: dict[str, str]) -> re.Pattern[str]:
    # "assets/<name>" as a whole path segment: not "myassets/…", not "explainer.css.map".
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])assets/({alternatives})(?![\w.-])")


class CompressionCache:
    """Compressed bytes by content hash, shared by all builds of a project (tests, serve, bench)."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def _path(self, key: str, suffix: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}{suffix}"

    def get(self, key: str, suffix: str) -> bytes | None:
        if self.directory is None:
            return None
        path = self._path(key, suffix)
        try:
            data = path.read_bytes()
            os.utime(path)  # used: keep it past the next pruning
        except FileNotFoundError:  # never cached, or pruned by a concurrent build
            return None
        return data

    def put(self, key: str, suffix: str, data: bytes) -> None:
        if self.directory is None:
            return
        path = self._path(key, suffix)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)  # concurrent builds write the same bytes: last one wins

    def prune(self, max_age: float = CACHE_MAX_AGE) -> None:
        if self.directory is None or not self.directory.is_dir():
            return
        oldest = time.time() - max_age
        for path in self.directory.glob("*/*"):
            try:
                if path.stat().st_mtime < oldest:
                    path.unlink()
            except FileNotFoundError:
                pass


def compress(data: bytes, encoding: str, best: bool = True) -> bytes:
    """gzip level 9 (with a fixed header, so builds are reproducible) or brotli at quality 11 (``best``) or 10."""
    if encoding == ".gz":
        return gzip.compress(data, compresslevel=9, mtime=0)
    if encoding == ".br":
        return brotli.compress(data, quality=11 if best else 10)
    raise ValueError(f"unknown compression {encoding}")


def text_files(site_dir: Path) -> list[Path]:
    """The files that get precompressed siblings."""
    return sorted(path for path in site_dir.rglob("*") if path.suffix in TEXT_SUFFIXES and path.is_file())


def precompress(site_dir: Path, cache: CompressionCache | None = None) -> PublishStats:
    """Write ``<file>.gz`` and ``<file>.br`` beside every text file, when smaller than the file."""
    cache = cache or CompressionCache(None)
    files = text_files(site_dir)
    contents = {path: path.read_bytes() for path in files}
    # One job per distinct content and encoding: the languages share Material's assets.
    jobs: dict[tuple[str, str], tuple[bytes, bool]] = {}
    keys: dict[Path, str] = {}
    for path, data in contents.items():
        keys[path] = key = hashlib.sha256(data).hexdigest()
        for encoding in COMPRESSIONS:
            best = encoding == ".gz" or path.suffix in BROTLI_BEST_FOR
            jobs[key, _variant(encoding, best)] = (data, best)
    encoded: dict[tuple[str, str], bytes] = {}
    missing: list[tuple[str, str]] = []
    for job in jobs:
        cached = cache.get(*job)
        if cached is None:
            missing.append(job)
        else:
            encoded[job] = cached
    # Largest first, so that one big file does not finish alone at the end.
    missing.sort(key=lambda job: len(jobs[job][0]), reverse=True)
    with ThreadPoolExecutor(WORKERS) as pool:
        results = pool.map(lambda job: compress(jobs[job][0], job[1][:3], jobs[job][1]), missing)
        for job, packed in zip(missing, results):
            encoded[job] = packed
            cache.put(*job, packed)
    stats = PublishStats(hashed={}, files=len(files), unique=len(set(keys.values())), compressed_now=len(missing))
    for path, data in contents.items():
        stats.original_bytes += len(data)
        for encoding in COMPRESSIONS:
            packed = encoded[keys[path], _variant(encoding, encoding == ".gz" or path.suffix in BROTLI_BEST_FOR)]
            sibling = path.with_name(path.name + encoding)
            if len(packed) < len(data):
                sibling.write_bytes(packed)
            else:
                # Not worth it (a tiny file): the server sends the original. A stale
                # sibling written by another tool goes.
                sibling.unlink(missing_ok=True)
                packed = data
            if encoding == ".gz":
                stats.gzip_bytes += len(packed)
            else:
                stats.brotli_bytes += len(packed)
    cache.prune()
    return stats


def _variant(encoding: str, best: bool) -> str:
    """The cache's name for an encoding and quality: .gz, .br11 or .br10."""
    return encoding if encoding == ".gz" else f"{encoding}{11 if best else 10}"
