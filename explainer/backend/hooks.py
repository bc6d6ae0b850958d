"""MkDocs hooks added to every build of the site (see explainer/backend/build.py).

MkDocs loads this file by path, as a module of its own: no relative imports.
"""

from __future__ import annotations

from typing import Any

from explainer.backend.templates import TEMPLATE_CACHE

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
