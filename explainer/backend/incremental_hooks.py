"""MkDocs hooks for the page-by-page rebuilds of ``make serve`` (see explainer/backend/incremental.py).

A dirty MkDocs build neither reads nor renders the pages whose Markdown did not
change, so their titles are unknown, and a rebuilt page would name its
neighbours "None" in its previous/next footer. Reading the front matter of those
pages (no Markdown conversion) gives every page its title, as in a full build.

The staging folder starts as hard links to the live site's files
(``incremental.copy_language``), and MkDocs writes a file by truncating it in
place: each file that this build will write is unlinked first, so the live
site, still served while the build runs, never changes under its readers.

MkDocs loads this file by path, as a module of its own: no relative imports.
"""

from __future__ import annotations

import os
from typing import Any


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Runs after MkDocs read the changed pages and before it renders them."""
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.markdown is None:
            page.read_source(config)
    for path in _paths_to_write(config, files):
        if os.path.lexists(path):
            os.unlink(path)
    return env


def _paths_to_write(config: Any, files: Any) -> list[str]:
    """Every file this dirty build will write, by MkDocs' own rules (mkdocs/commands/build.py).

    Pages and static files whose source is newer than their output; the theme's
    static templates (sitemap.xml with its .gz, 404.html) and extra templates always.
    """
    paths = [file.abs_dest_path for file in files if file.is_modified()]
    for template in config.theme.static_templates:
        path = os.path.join(config.site_dir, template)
        paths += [path, path + ".gz"]
    for template in config.extra_templates:
        file = files.get_file_from_path(template)
        if file is not None:
            paths.append(file.abs_dest_path)
    return paths
