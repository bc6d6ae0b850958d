"""Command line: ``python -m explainer build|check|parse|translate|serve|cname``.

Bad input ends with one line ``file:line: message`` on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .common.errors import InputError

EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        return int(args.handler(args) or 0)
    except InputError as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # A reader such as `head` closed the pipe: not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m explainer", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."), help="project directory (default: current directory)")
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build site/ in all languages")
    build.add_argument("--no-strict", action="store_true", help="do not fail on MkDocs warnings")
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
    translate.add_argument("--engine", default="google", help="deep-translator engine (google, mymemory, …)")
    translate.add_argument("--timeout", type=float, default=10.0, help="seconds per request")
    translate.add_argument("--doc", help="only this document slug")
    translate.set_defaults(handler=_translate)

    serve = commands.add_parser("serve", help="build, serve site/ on localhost and rebuild on changes")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(handler=_serve)

    cname = commands.add_parser("cname", help="print the custom domain of site_url for GitHub Pages' CNAME file (empty for *.github.io)")
    cname.set_defaults(handler=_cname)
    return parser


def _build(args: argparse.Namespace) -> int:
    from .backend.build import BuildError, Timings, build_site

    timings = Timings()
    try:
        content = build_site(args.root, strict=not args.no_strict, timings=timings)
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


def _cname(args: argparse.Namespace) -> int:
    from .config.site import custom_domain, site_url

    print(custom_domain(site_url(args.root)))
    return 0
