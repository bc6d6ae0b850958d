"""Site search: one Pagefind index per language, written after the MkDocs builds.

Why Pagefind, and why our own tokens for Chinese
================================================
Material's built-in search ships the whole index (``search/search_index.json``)
to every reader at page load and segments Chinese with jieba's plain cut, so a
part of a compound (力量 in 集中力量, 经费 in 教育经费) finds nothing. Pagefind
splits its index into small chunks fetched per query, keeps one index per
language, and stems English ("apprenticeships" finds "apprenticeship").

Pagefind's own Chinese handling is dictionary segmentation, both when indexing
(jieba's Simplified dictionary, which leaves Traditional text in single
characters) and when searching (the browser's ``Intl.Segmenter``). The two
disagree on compounds and glossary terms (双高计划 becomes 双/高/计划 and matches
pages with 双 and 计划 anywhere), so Chinese pages are indexed here as
overlapping character bigrams instead (学徒制 → 学徒 徒制 制), the classic
approach for Chinese full-text search: any substring of two characters or more
is found, in Simplified and Traditional alike, without a dictionary. The index
of a Chinese language is keyed ``und-Hans`` / ``und-Hant`` (a Han-script text of
undetermined language) so that Pagefind applies no segmentation of its own;
``assets/search.js`` encodes the reader's query the same way and turns the
bigrams back into text for the snippets.

What is indexed
===============
Only the reading text of each page, never navigation or chrome: the page
heading and the paragraphs made of sentence spans (``<p id="a05-p1">`` holding
``<span class="s">``), and each glossary entry as a record of its own
(``/glossary/#double-high-plan``). A page whose front matter says
``search: {exclude: true}`` (Material's convention; the parallel pages use it)
is left out, and so is any element marked ``data-pagefind-ignore``. Results
point at the page, and the search script adds the paragraph of the best match.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from . import children
from ..common.files import write_atomic
from ..common.han import HAN, HAN_CHAR
from ..translation.conversion import convert
from ..config.languages import languages as site_languages
from ..render.urls import lang_prefix

BUNDLE_DIR = "pagefind"
"""Each language's Pagefind bundle, in that language's root (``pagefind/``, ``en/pagefind/``…).

One bundle per language rather than one for the site: a language's folder stays
whole (``make serve`` copies unchanged languages), and a rebuild re-indexes
only the languages whose text changed."""

UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
"""Pagefind's own interfaces, which the site does not use (it draws results in Material's dialog)."""

GLOSSARY_FILTER = ' data-pagefind-filter="glossary:entry"'
"""The one Pagefind filter: glossary entries have it, pages do not (assets/search.js searches them apart).
One key with one value, because Pagefind writes several values of a filter in a random order
and the bundle would differ from one build of the same site to the next."""

SCRIPT_MAP = "script-map.json"
"""In each Chinese bundle: the other script's form of each character the index holds → its own
(學 → 学 for the Simplified index, 学 → 學 for the Traditional one). assets/search.js rewrites a
query with it, so a reader typing in either script finds the pages of either."""

EXCLUDE_MARKER = "data-search-exclude"
"""Set by overrides/partials/search.html on pages whose front matter excludes them from search."""

EXCLUDED_PAGE = re.compile(rf"<div class=\"md-search\"[^>]*\s{EXCLUDE_MARKER}[\s=>]")
ARTICLE = re.compile(r"<article\b[^>]*\bclass=\"md-content__inner\b.*?</article>", re.DOTALL)
"""Material's content element (articles do not nest in our pages)."""

IGNORED = ".headerlink, button, script, style, svg, [aria-hidden=true], [data-pagefind-ignore]"
"""Elements inside the reading text that are controls or decoration, not text."""

_PIECES = re.compile(rf"([{HAN}]+)|(\s+)|([^\s{HAN}]+)")
_WORDLIKE = re.compile(r"[^\W_]")


def index_language(lang: str) -> str:
    """The Pagefind index key of a site language: Chinese gets a key Pagefind does not segment.

    ``zh-Hans`` → ``und-Hans``, ``zh-Hant`` → ``und-Hant``, ``en`` → ``en``.
    assets/search.js derives the same key from the page's ``<html lang>``.
    """
    if not is_bigram_language(lang):
        return lang
    return f"und-{site_languages()[lang].script}"


def is_bigram_language(lang: str) -> bool:
    """Languages whose text is indexed as character bigrams (written without spaces between words): the registry says."""
    return site_languages()[lang].search == "bigrams"


def bigrams(text: str) -> str:
    """Text → space-separated tokens: each run of Han characters as its overlapping bigrams.

    A run ends with its last character alone (``学徒制`` → ``学徒 徒制 制``), so
    that a one-character query, matched as a prefix, finds every occurrence.
    Punctuation right after a run joins that last token (``划”，``): Pagefind
    counts every token as a word position, and a token of punctuation before the
    run would turn into a word of its own. Other text (Latin words, numbers)
    keeps its words. assets/search.js decodes this format: keep the two in step.
    """
    tokens: list[str] = []
    after_han = False
    for han, space, other in _PIECES.findall(text):
        if han:
            tokens += [han[i : i + 2] for i in range(len(han) - 1)] + [han[-1]]
            after_han = True
        elif space:
            after_han = False
        else:
            if after_han and not _WORDLIKE.search(other):
                tokens[-1] += other
            else:
                tokens.append(other)
            after_han = False
    return " ".join(tokens)


@dataclass
class Paragraph:
    """One paragraph of reading text, with the id readers can be sent to."""

    id: str
    text: str


@dataclass
class SearchRecord:
    """What Pagefind indexes for one page, or one glossary entry."""

    url: str
    """Path from the site's root, with the language prefix: ``/en/articles/05/`` or ``/glossary/#double-high-plan``."""
    title: str
    title_id: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    kind: str = "text"
    """``text`` (a page of a document) or ``glossary`` (an entry): assets/search.js lists them apart."""

    def html(self, lang: str) -> str:
        """A minimal page for Pagefind: the title as the heading, each paragraph with its id."""
        encode = bigrams if is_bigram_language(lang) else (lambda text: text)
        heading = f' id="{escape(self.title_id)}"' if self.title_id else ""
        body = [f"<h1{heading}>{escape(encode(self.title))}</h1>"]
        body += [f'<p id="{escape(paragraph.id)}">{escape(encode(paragraph.text))}</p>' for paragraph in self.paragraphs]
        return (
            f'<!DOCTYPE html><html lang="{escape(index_language(lang))}"><head><meta charset="utf-8">'
            f'<meta data-pagefind-meta="title[content]" content="{escape(encode(self.title))}">'
            f'<meta data-pagefind-meta="url[content]" content="{escape(self.url)}"></head>'
            f'<body><main data-pagefind-body{GLOSSARY_FILTER if self.kind == "glossary" else ""}>{"".join(body)}</main></body></html>'
        )


def _text(element: Tag, lang: str) -> str:
    """The readable text of an element (controls removed already); sentences joined as the page shows them."""
    sentences = element.find_all("span", class_="s")
    if sentences:
        joiner = "" if is_bigram_language(lang) else " "
        return joiner.join(sentence.get_text() for sentence in sentences).strip()
    return " ".join(element.get_text(" ").split())


def reading_part(html: str) -> str | None:
    """The part of a built page that search reads: Material's content element, or None for an excluded page or one without it.

    Parsing only the article keeps indexing fast (the header, navigation and footer are
    most of a page), and it is what :func:`site_records` caches by: the asset names
    that ``publish.hash_assets`` rewrites after indexing are outside it.
    """
    if EXCLUDED_PAGE.search(html):
        return None
    match = ARTICLE.search(html)
    return match.group(0) if match else None


def page_records(html: str, url: str, lang: str) -> list[SearchRecord]:
    """The search records of one built page (none if it has no reading text or is excluded)."""
    return article_records(reading_part(html), url, lang)


def article_records(article_html: str | None, url: str, lang: str) -> list[SearchRecord]:
    """The search records of a page's content element (see :func:`reading_part`)."""
    if article_html is None:
        return []
    article = BeautifulSoup(article_html, "html.parser").article
    if article is None or article.has_attr("data-pagefind-ignore"):
        return []
    # One selection per page (soupsieve is the slow part of indexing), find_all below.
    for ignored in article.select(IGNORED):
        ignored.decompose()
    heading = article.find("h1")
    if heading is None:
        return []
    title_id = str(heading.get("id") or "")
    title = _text(heading, lang)
    entries = article.find_all("div", class_="gloss-entry", id=True)
    if entries:
        return [record for record in (_glossary_record(entry, url, lang) for entry in entries) if record]
    paragraphs = [
        Paragraph(str(element["id"]), _text(element, lang))
        for element in article.find_all("p", id=True)
        if element.find("span", class_="s")
    ]
    if not paragraphs and not _is_part_page(url):
        return []
    return [SearchRecord(url, title, title_id, [paragraph for paragraph in paragraphs if paragraph.text])]


def _is_part_page(url: str) -> bool:
    # A part page holds only its title and the list of its articles: its title is worth finding.
    return re.search(r"/parts/\d+/$", url) is not None


def same_language(element: Tag, lang: str) -> bool:
    """Whether an element's text is in the page's language (its own or inherited ``lang``, if any, says so)."""
    for node in [element, *element.parents]:
        if isinstance(node, Tag) and node.get("lang"):
            return str(node["lang"]).split("-")[0].lower() == lang.split("-")[0].lower()
    return True


def glossary_title(term: str, english: str, lang: str) -> str:
    """How a glossary result is titled: the term and its English name, the page's language first.

    ``双高计划（Double High-Level Plan）`` on Chinese pages (full-width brackets, which
    the search script's bigram decoding keeps tight), ``Double High-Level Plan (双高计划)`` on English ones.
    """
    if not (term and english):
        return term or english
    return f"{term}（{english}）" if is_bigram_language(lang) else f"{english} ({term})"


def _glossary_record(entry: Tag, url: str, lang: str) -> SearchRecord | None:
    head = entry.find("p", class_="gloss-head")
    if head is None:
        return None
    entry_id = str(entry["id"])
    term, english = entry.find(class_="gloss-zh"), entry.find(class_="gloss-en")
    title = glossary_title(_text(term, lang) if term else "", _text(english, lang) if english else "", lang) or _text(head, lang)
    # The term and its English name are the title (so either finds the entry); the text is
    # what is written in the page's language: the definition, and on English pages the other
    # English renderings. A Chinese page's English definition would double its index.
    parts = entry.find_all("p", class_="gloss-def")
    parts += [span for variants in entry.find_all("p", class_="gloss-variants") for span in variants.find_all(lang=True)]
    parts = [part for part in parts if same_language(part, lang)]
    paragraphs = [Paragraph(entry_id, _text(part, lang)) for part in parts]
    return SearchRecord(f"{url}#{entry_id}", title, "", [paragraph for paragraph in paragraphs if paragraph.text], "glossary")


def language_root(site_dir: Path, lang: str) -> Path:
    """The folder of one language in a built site (the site root for the default language)."""
    prefix = lang_prefix(lang)
    return site_dir / prefix if prefix else site_dir


def language_pages(site_dir: Path, lang: str) -> Iterator[tuple[Path, str]]:
    """The built HTML pages of one language, with their paths from the site's root (``/en/articles/05/``)."""
    root = language_root(site_dir, lang)
    others = {lang_prefix(other).rstrip("/") for other in site_languages().codes if other != lang} - {""}
    for path in sorted(root.rglob("index.html")):
        relative = path.relative_to(root)
        if relative.parts and relative.parts[0] in others | {BUNDLE_DIR}:
            continue
        directory = relative.parent.as_posix()
        yield path, "/" + lang_prefix(lang) + ("" if directory == "." else directory + "/")


_parsed: dict[tuple[str, str, str], list[SearchRecord]] = {}
"""The records of the previous build's pages, by language, URL and content digest: a `make serve`
rebuild parses only the pages that changed (parsing is half the time of indexing)."""


def site_records(site_dir: Path, lang: str, parsed: dict[tuple[str, str, str], list[SearchRecord]] | None = None) -> list[SearchRecord]:
    """Every search record of one language of a built site; ``parsed`` collects them by page for the next build."""
    records: list[SearchRecord] = []
    for path, url in language_pages(site_dir, lang):
        article = reading_part(path.read_text(encoding="utf-8"))
        # Keyed by the reading part, not the whole file: `make serve` copies unchanged pages from
        # the live site, whose asset names are hashed, so whole files would never match.
        key = (lang, url, hashlib.sha256((article or "").encode()).hexdigest())
        page = _parsed.get(key)
        if page is None:
            page = article_records(article, url, lang)
        if parsed is not None:
            parsed[key] = page
        records += page
    return records


class SearchIndexError(Exception):
    """Pagefind could not write a bundle."""


def record_path(url: str) -> str:
    """Where a record's page goes in Pagefind's input folder: its URL path, an anchor as one more folder.

    ``/en/articles/05/`` → ``en/articles/05/index.html``; ``/glossary/#double-high-plan`` →
    ``glossary/_/double-high-plan/index.html``. The record's ``url`` meta field keeps
    the real address, which is what the search script links to.
    """
    path, _, anchor = url.partition("#")
    return path.lstrip("/") + (f"_/{anchor}/" if anchor else "") + "index.html"


def pagefind_command() -> list[str]:
    """The Pagefind CLI: the binary of the pinned pagefind_bin_extended wheel (no Python start-up), else the wrapper."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        return [sys.executable, "-m", "pagefind"]
    return [str(get_executable())]


def run_pagefind(jobs: dict[str, tuple[list[SearchRecord], Path]]) -> None:
    """Index each language's records into its bundle folder: one Pagefind process per language, side by side."""
    with tempfile.TemporaryDirectory(prefix="explainer-search-") as folder, children.stopped_on_exit({}) as processes:
        for lang, (records, output) in jobs.items():
            source = Path(folder) / lang
            for record in records:
                target = source / record_path(record.url)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(record.html(lang), encoding="utf-8")
            shutil.rmtree(output, ignore_errors=True)
            processes[lang] = children.start(
                [*pagefind_command(), "--site", str(source), "--output-path", str(output), "--silent"],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            )
        failures = []
        for lang, process in processes.items():
            log, _ = process.communicate(timeout=300)
            output = jobs[lang][1]
            if process.returncode != 0 or not (output / "pagefind.js").is_file():
                failures.append(f"Pagefind failed for {lang} (exit {process.returncode}): {log.strip()[-2000:]}")
            _remove_unused(output)
    if failures:
        raise SearchIndexError("; ".join(failures))


def _remove_unused(bundle: Path) -> None:
    """Delete Pagefind's own interfaces and the engines (wasm) of languages the bundle has no index for."""
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
    try:
        languages = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
    except (FileNotFoundError, ValueError, KeyError):
        return  # a failed run: reported by the caller
    engines = {f"wasm.{language.get('wasm') or 'unknown'}.pagefind" for language in languages.values()}
    for engine in bundle.glob("wasm.*.pagefind"):
        if engine.name not in engines:
            engine.unlink()


@dataclass
class _Indexed:
    """What the previous build indexed for one language: its records and the bundle they gave."""

    records: str
    entry: str


_indexed: dict[str, _Indexed] = {}


def write_search_index(site_dir: Path, languages: Iterable[str] | None = None) -> dict[str, int]:
    """Index every language of a built site into its ``pagefind/`` folder; returns records per language.

    Runs on the staging directory before it replaces ``site/``, after every page
    is written. A language whose records are those of the previous build, and
    whose bundle in the staging folder is the one that build wrote (``make serve``
    copies unchanged languages), keeps it; the others are indexed anew.
    """
    global _parsed
    parsed: dict[tuple[str, str, str], list[SearchRecord]] = {}
    counts: dict[str, int] = {}
    jobs: dict[str, tuple[list[SearchRecord], Path]] = {}
    digests: dict[str, str] = {}
    for lang in site_languages().codes if languages is None else languages:
        records = site_records(site_dir, lang, parsed)
        counts[lang] = len(records)
        digests[lang] = hashlib.sha256("\0".join(record.html(lang) for record in records).encode()).hexdigest()
        output = language_root(site_dir, lang) / BUNDLE_DIR
        previous = _indexed.get(lang)
        if previous is None or previous.records != digests[lang] or _entry(output) != previous.entry:
            jobs[lang] = (records, output)
    run_pagefind(jobs)
    for lang, (records, output) in jobs.items():
        if is_bigram_language(lang):
            write_script_map(output, records, lang)
    _parsed = parsed  # only this build's pages: the cache does not grow over a long `make serve`
    for lang in counts:
        _indexed[lang] = _Indexed(digests[lang], _entry(language_root(site_dir, lang) / BUNDLE_DIR))
    return counts


def script_map(texts: Iterable[str], lang: str) -> dict[str, str]:
    """For a Chinese index: the other script's character → this index's, for every character of ``texts``
    that differs between the scripts. Where two of ours share one form in the other script
    (髮 and 發 are both 发), the more frequent wins."""
    conversion = site_languages().other_script_conversion(lang)
    if conversion is None:
        return {}
    counts = Counter(char for text in texts for char in text if HAN_CHAR.match(char))
    mapping: dict[str, str] = {}
    for char, _ in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])):
        other = convert(char, conversion)
        if len(other) == 1 and other != char:
            mapping.setdefault(other, char)
    return dict(sorted(mapping.items()))


def write_script_map(bundle: Path, records: list[SearchRecord], lang: str) -> None:
    """Write :data:`SCRIPT_MAP` beside a Chinese index (see :func:`script_map`)."""
    texts = [text for record in records for text in (record.title, *(paragraph.text for paragraph in record.paragraphs))]
    mapping = script_map(texts, lang)
    write_atomic(bundle / SCRIPT_MAP, json.dumps(mapping, ensure_ascii=False, separators=(",", ":")))


def _entry(bundle: Path) -> str:
    # Pagefind's entry file names each index by a hash of its content: equal entries, equal bundles.
    try:
        return (bundle / "pagefind-entry.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
