"""MkDocs hooks for the page-by-page rebuilds of ``make serve`` (see explainer/incremental.py).

A dirty MkDocs build neither reads nor renders the pages whose Markdown did not
change, so their titles are unknown, and a rebuilt page would name its
neighbours "None" in its previous/next footer. Reading the front matter of those
pages (no Markdown conversion) gives every page its title, as in a full build.

MkDocs loads this file by path, as a module of its own: no relative imports.
"""

from __future__ import annotations

from typing import Any


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Runs after MkDocs read the changed pages and before it renders them."""
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.markdown is None:
            page.read_source(config)
    return env
