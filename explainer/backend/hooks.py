"""MkDocs hooks added to every build of the site (see explainer/backend/build.py).

MkDocs loads this file by path, as a module of its own: no relative imports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from explainer.backend.templates import TEMPLATE_CACHE
from explainer.render.markup import without_controls

UNUSED_THEME_FOLDERS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
"""Material's own search (lunr, its language files and its web worker, 1.2 MB per language):
the site searches with Pagefind and never starts Material's search (overrides/partials/search.html)."""


def on_files(files: Any, config: Any) -> Any:
    """Leave Material's unused search code out of the site."""
    for file in list(files):
        if file.src_uri.startswith(UNUSED_THEME_FOLDERS):
            files.remove(file)
    return files


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Before any template is loaded: reuse the bytecode compiled by this process's earlier builds."""
    env.bytecode_cache = TEMPLATE_CACHE
    return env


# -- escaping: the boundary where titles and configuration strings become HTML --------
#
# MkDocs renders its templates without autoescaping, and Material writes a
# navigation title raw in the sidebar, the breadcrumbs, the tabs and the footer,
# but through ``| e`` in the footer's aria-label: escaping the title beforehand
# would show "&amp;lt;" there, and not escaping it runs a translator's script on
# every page. A Markup value is both: escaped here, once, and left alone by every
# later ``| e``. Everything handed to MkDocs is plain text until these hooks.

PAGE_STRINGS = ("site_name", "site_description", "site_author", "copyright")
"""Configuration strings that Material writes into pages (``copyright`` raw, as HTML: here it is text)."""
PAGE_META = ("title", "description")
"""Front-matter fields that templates write into pages (the <title>, the header, meta tags)."""


def as_html(value: Any) -> Any:
    """Plain text → escaped Markup; Markup (escaped already) and non-strings unchanged."""
    if isinstance(value, str) and not isinstance(value, Markup):
        # Jinja's own escape (&#39;, &#34;), so that a title reads the same bytes as the templates' | e wrote before.
        return escape(without_controls(value))
    return value


def on_config(config: Any) -> Any:
    """Configuration strings that reach pages, escaped."""
    for key in PAGE_STRINGS:
        config[key] = as_html(config.get(key))
    toc = config.get("mdx_configs", {}).get("toc")
    if isinstance(toc, dict) and "title" in toc:
        toc["title"] = as_html(toc["title"])
    return config


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    """Navigation titles (sections, pages, links), escaped once for every template that shows them."""
    for item in _walk(nav.items):
        if item.title is not None:
            item.title = as_html(item.title)
    return nav


def _walk(items: Iterable[Any]) -> Iterable[Any]:
    for item in items:
        yield item
        yield from _walk(getattr(item, "children", None) or ())


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """A page's title and description from its front matter, escaped (pages outside the navigation included)."""
    for key in PAGE_META:
        if key in page.meta:
            page.meta[key] = as_html(page.meta[key])
    return markdown


# -- Material's title tooltips ------------------------------------------------------------
#
# With content.tooltips, Material's script moves an element's title into a tooltip with
# innerHTML, and gives every truncated .md-ellipsis (a long navigation or header title)
# a title from its innerText first: an escaped title becomes markup again, and a
# translator's "<img onerror>" in the site name ran on every page. A title is text: the
# bundle is patched to set textContent. Should a new Material change that code, the
# build stops here rather than publish the hole.

TITLE_TOOLTIP = re.compile(r"(let (\w+)=\w+\.title;if\(!\2\.length\)return \w+;.{0,200}?return )(\w+)\.innerHTML=\2,")


PATCHED = re.compile(TITLE_TOOLTIP.pattern.replace("innerHTML", "textContent"))
HOVER_TOOLTIP = re.compile(r"let (\w+)=(\w+)\.title,(\w+)=(\w+)\(\1\);")
"""The hover tooltip: Material's element helper appends a string child with innerHTML; a text node is appended as text."""
HOVER_PATCHED = re.compile(r"let (\w+)=(\w+)\.title,(\w+)=(\w+)\(document\.createTextNode\(\1\)\);")


class MaterialChanged(Exception):
    """Material's title-tooltip code is no longer the one patched here."""


def on_post_build(config: Any) -> None:
    """Title tooltips show text, never markup (see above)."""
    bundles = sorted(Path(config["site_dir"]).glob("assets/javascripts/bundle.*.min.js"))
    for bundle in bundles:
        code = bundle.read_text(encoding="utf-8")
        if PATCHED.search(code) and HOVER_PATCHED.search(code):
            continue  # reused from the previous build (make serve links unchanged files)
        patched, count = TITLE_TOOLTIP.subn(lambda match: f"{match.group(1)}{match.group(3)}.textContent={match.group(2)},", code)
        patched, hover_count = HOVER_TOOLTIP.subn(
            lambda match: f"let {match.group(1)}={match.group(2)}.title,{match.group(3)}={match.group(4)}(document.createTextNode({match.group(1)}));", patched
        )
        if count != 1 or hover_count != 1:
            raise MaterialChanged(f"{bundle.name}: Material's title tooltip code changed; review explainer/backend/hooks.py")
        bundle.unlink()  # a new file, never a write into one the live site may share
        bundle.write_text(patched, encoding="utf-8")
