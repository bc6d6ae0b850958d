"""Machine drafts with deep-translator: fill missing PO entries, never touch reviewed ones.

Every request has a timeout on the whole request, not only on each read
(deep-translator sets none, so a hung or trickling service would hang the command). Drafts for every document are collected first and
written only when all requests succeeded, each file atomically: when the
service cannot be reached, one clear line is printed and no file changes.
"""

from __future__ import annotations

import contextlib
import functools
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import polib
import requests

from ..config.project import load_project
from ..document.parse import parse_file
from .engines import ENGINES, SOURCE_LANGUAGE
from .catalog import MACHINE_DRAFT, Catalog, load_catalog, po_path, synchronise, write_po_if_changed



class ServiceUnavailable(Exception):
    """The translation service could not be reached or gave no translation."""


class Engine(Protocol):
    """Anything that turns one Chinese sentence into a draft translation."""

    def translate(self, text: str) -> str: ...


@contextlib.contextmanager
def request_timeout(seconds: float) -> Iterator[None]:
    """Give every ``requests`` call made inside the block a timeout.

    deep-translator calls ``requests.get``/``requests.post`` without one; wrapping
    them for the duration of a run bounds every request without forking the library.
    """
    originals = {name: getattr(requests, name) for name in ("get", "post")}
    try:
        for name, function in originals.items():
            setattr(requests, name, functools.partial(function, timeout=seconds))
        yield
    finally:
        for name, function in originals.items():
            setattr(requests, name, function)


def deep_translator_engine(name: str, lang: str) -> Engine:
    """A deep-translator engine by name (one of :data:`ENGINES`), with that service's codes for our languages."""
    import deep_translator

    if name not in ENGINES:
        raise ValueError(f"unknown engine '{name}': expected one of {', '.join(sorted(ENGINES))}")
    spec = ENGINES[name]
    translator = getattr(deep_translator, spec.translator)
    try:
        return _Checked(translator(source=spec.code(SOURCE_LANGUAGE), target=spec.code(lang)))
    except deep_translator.exceptions.LanguageNotSupportedException:
        raise ValueError(f"the {name} engine does not translate into '{lang}' (as '{spec.code(lang)}')") from None


class _Checked:
    """A deep-translator engine whose answer is checked: some return None or raise StopIteration for an empty answer."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def translate(self, text: str) -> str:
        try:
            answer = self.engine.translate(text)
        except StopIteration:
            answer = None
        if not isinstance(answer, str) or not answer.strip():
            raise ServiceUnavailable("the service returned no translation")
        return answer


class RequestTimedOut(Exception):
    """A request took longer than the whole-request timeout."""


class Timed:
    """An engine whose every ``translate`` call ends within ``seconds``, however slowly the service answers.

    A socket timeout (``requests``' ``timeout``) bounds each read, not the request:
    a service sending one byte a second never trips it. The call runs in a daemon
    thread, abandoned at the deadline (the command then exits, writing nothing).
    """

    def __init__(self, engine: Engine, seconds: float) -> None:
        self.engine = engine
        self.seconds = seconds

    def translate(self, text: str) -> str:
        outcome: list[tuple[bool, Any]] = []

        def run() -> None:
            try:
                outcome.append((True, self.engine.translate(text)))
            except BaseException as error:  # handed to the caller's thread below
                outcome.append((False, error))

        worker = threading.Thread(target=run, name="translate-request", daemon=True)
        worker.start()
        worker.join(self.seconds)
        if worker.is_alive() or not outcome:
            raise RequestTimedOut
        succeeded, value = outcome[0]
        if not succeeded:
            raise value
        return value  # type: ignore[no-any-return]


@dataclass
class DraftResult:
    path: Path
    po: polib.POFile
    catalog: Catalog
    drafted: int
    kept: int


def draft_document(po: polib.POFile, engine: Engine, engine_name: str) -> tuple[int, int]:
    """Fill empty entries with fuzzy machine drafts; return (drafted, kept)."""
    drafted = kept = 0
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgstr.strip():
            kept += 1
            continue
        entry.msgstr = engine.translate(entry.msgid).strip()
        if "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
        entry.comment = f"{MACHINE_DRAFT} ({engine_name}); review before removing the fuzzy flag"
        drafted += 1
    return drafted, kept


def translate_project(
    root: Path,
    lang: str | None,
    engine_name: str,
    timeout: float,
    only: str | None = None,
    engine: Engine | None = None,
) -> int:
    """``python -m explainer translate``: returns the exit status."""
    project = load_project(root)
    translated = project.languages.translated()
    lang = lang or (translated[0].code if translated else "")
    if lang not in project.languages or not project.languages[lang].translated:
        codes = ", ".join(language.code for language in translated)
        print(f"translate: '{lang}' is not a translated language of documents.yml: expected one of {codes}", file=sys.stderr)
        return 2
    configs = [config for config in project.documents if only is None or config.slug == only]
    if only is not None and not configs:
        print(f"translate: no document with slug '{only}' in documents.yml", file=sys.stderr)
        return 2
    try:
        engine = Timed(engine or deep_translator_engine(engine_name, lang), timeout)
    except ValueError as error:
        print(f"translate: {error}", file=sys.stderr)
        return 2
    results: list[DraftResult] = []
    try:
        with request_timeout(timeout):
            for config in configs:
                document = parse_file(config.source, config.slug)
                path = po_path(root, lang, document.slug)
                catalog = load_catalog(path)
                po = synchronise(document, catalog, lang)
                drafted, kept = draft_document(po, engine, engine_name)
                results.append(DraftResult(path, po, catalog, drafted, kept))
    except RequestTimedOut:
        print(f"translate: the {engine_name} service did not answer within {timeout:g} s; no file was changed", file=sys.stderr)
        return 2
    except (requests.RequestException, OSError, ServiceUnavailable) as error:
        print(f"translate: the {engine_name} service could not be reached ({type(error).__name__}); no file was changed", file=sys.stderr)
        return 1
    except Exception as error:  # deep-translator's own errors (quota, not found …) share no base class
        if type(error).__module__.startswith("deep_translator"):
            print(f"translate: the {engine_name} service refused the request ({type(error).__name__}); no file was changed", file=sys.stderr)
            return 1
        raise
    for result in results:
        written = write_po_if_changed(result.po, result.catalog)
        outcome = "" if written else "; file unchanged"
        print(f"{result.path}: {result.drafted} machine draft(s) added, {result.kept} existing translation(s) kept{outcome}")
    return 0
