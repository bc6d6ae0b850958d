"""Command line: ``python -m explainer build|check|parse|translate|serve|align|cname``.

Bad input ends with one line ``file:line: message`` on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from .common.errors import InputError
from .common.files import LOCK_WAIT_SECONDS, BuildBusy, OutputError
from .translation.engines import DEFAULT_ENGINE, ENGINES

EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    signal.signal(signal.SIGTERM, _terminate)
    try:
        return int(args.handler(args) or 0)
    except (InputError, OutputError) as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except BuildBusy as error:
        print(str(error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Terminated:
        return 128 + signal.SIGTERM
    except BrokenPipeError:
        # A reader such as `head` closed the pipe: not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


class Terminated(BaseException):
    """SIGTERM, raised like KeyboardInterrupt so that cleanup runs: the staging folder is
    removed and child processes (Pagefind) are stopped before the command exits."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m explainer", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."), help="project directory (default: current directory)")
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build site/ in all languages")
    build.add_argument("--no-strict", action="store_true", help="do not fail on MkDocs warnings")
    build.add_argument(
        "--wait", type=float, default=LOCK_WAIT_SECONDS, metavar="SECONDS",
        help=f"how long to wait for another build of the same site to finish (default {LOCK_WAIT_SECONDS:.0f})",
    )
    build.set_defaults(handler=_build)

    check = commands.add_parser("check", help="report repairs, suspicious spots, translation and terminology problems")
    check.add_argument("file", nargs="?", type=Path, help="a source text (default: every document of the project)")
    check.add_argument("--pot", type=Path, help="also write a fresh PO template for translators to this path")
    check.set_defaults(handler=_check)

    parse = commands.add_parser("parse", help="print the document model of FILE as JSON")
    parse.add_argument("file", type=Path)
    parse.set_defaults(handler=_parse)

    translate = commands.add_parser("translate", help="update PO files and fill missing entries with machine drafts")
    translate.add_argument("--lang", help="a language of documents.yml whose text comes from PO catalogs (default: the first)")
    translate.add_argument(
        "--engine", default=DEFAULT_ENGINE, choices=sorted(ENGINES),
        help=f"machine-translation service: {', '.join(sorted(ENGINES))} (default {DEFAULT_ENGINE})",
    )
    translate.add_argument("--timeout", type=float, default=10.0, help="seconds a whole request may take (default 10)")
    translate.add_argument("--doc", help="only this document slug")
    translate.set_defaults(handler=_translate)

    serve = commands.add_parser("serve", help="build, serve site/ on localhost and rebuild on changes")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(handler=_serve)

    align = commands.add_parser("align", help="write the review sheet of a document's Q&A ↔ article links")
    align.add_argument("--review", metavar="DOC", required=True, help="a document's slug (documents.yml) or source file")
    align.add_argument("--output", type=Path, help="where to write the sheet (default: <source>.alignment.review.yml)")
    align.set_defaults(handler=_align)

    cname = commands.add_parser("cname", help="print the custom domain of site_url for GitHub Pages' CNAME file (empty for *.github.io)")
    cname.set_defaults(handler=_cname)
    return parser


def _build(args: argparse.Namespace) -> int:
    from .backend.build import BuildError, Timings, build_site

    timings = Timings()
    try:
        content = build_site(args.root, strict=not args.no_strict, timings=timings, wait=args.wait)
    except BuildError as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    pages = sum(len(pages) for pages in content.pages.values())
    stages = ", ".join(f"{stage} {seconds:.2f}s" for stage, seconds in timings.stages.items())
    print(f"built site/: {pages} pages in {len(content.pages)} languages ({stages})")
    return 0


def _check(args: argparse.Namespace) -> int:
    from .check import run_check

    return run_check(args.root, args.file, args.pot)


def _parse(args: argparse.Namespace) -> int:
    from .export.data import document_export
    from .document.parse import parse_file
    from .config.project import DocumentConfig

    document = parse_file(args.file)
    config = DocumentConfig(slug=document.slug, source=args.file, is_default=True)
    data = document_export(document, config, texts=None, with_urls=False)
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _translate(args: argparse.Namespace) -> int:
    from .translation.machine import translate_project

    return translate_project(args.root, args.lang, args.engine, args.timeout, args.doc)


def _serve(args: argparse.Namespace) -> int:
    from .backend.serve import serve

    return serve(args.root, args.port)


def _align(args: argparse.Namespace) -> int:
    from .align.review import write_review_sheet
    from .config.project import load_project
    from .document.parse import parse_file

    candidate = Path(args.review)
    if candidate.suffix == ".txt" or candidate.exists():
        document = parse_file(candidate)
    else:
        configs = {config.slug: config for config in load_project(args.root).documents}
        if args.review not in configs:
            raise InputError("documents.yml", 0, f"no document '{args.review}': expected one of {', '.join(configs)} or a source file")
        document = parse_file(configs[args.review].source, args.review)
    if document.qa is None:
        raise InputError(document.source, 0, "this document has no Q&A: there are no links to review")
    target = write_review_sheet(document, args.output)
    links = sum(1 for _ in target.read_text(encoding="utf-8").splitlines() if "keep:" in _)
    print(f"wrote {target}: {links} proposed links; edit keep: and save it as {Path(document.source).with_suffix('.alignment.yml')}")
    return 0


def _cname(args: argparse.Namespace) -> int:
    from .config.site import custom_domain, site_url

    print(custom_domain(site_url(args.root)))
    return 0
