"""The site-wide settings of ``mkdocs.yml`` that the whole project reads: the file itself
(for the MkDocs layer to derive one configuration per language) and the public address
``site_url`` (for permanent links, citations, QR codes, the sitemap and the CNAME file).

Read here, below every stage, so that the renderers need not import the MkDocs layer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from ..common.errors import InputError

CONFIG_FILE = "mkdocs.yml"


def base_config(root: Path) -> dict[str, Any]:
    """The project's ``mkdocs.yml`` as plain data (tags kept as text, never executed)."""
    path = root / CONFIG_FILE
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except yaml.YAMLError as error:
        raise InputError.from_yaml(path, error) from None
    if not isinstance(data, dict):
        raise InputError(str(path), 1, "expected a MkDocs configuration mapping")
    return data


class _ConfigLoader(yaml.SafeLoader):
    """Accepts MkDocs' !ENV and Python-name tags without executing anything."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: f"!!python/name:{suffix}")


def site_url(root: Path) -> str:
    """The site's public base URL, configured once in mkdocs.yml, with a final slash."""
    url = str(base_config(root).get("site_url") or "")
    return url if url.endswith("/") else url + "/"


def custom_domain(site_url: str) -> str:
    """The host to write to a CNAME file for GitHub Pages: empty for a *.github.io address."""
    host = urlsplit(site_url).hostname or ""
    return "" if not host or host.endswith(".github.io") else host
