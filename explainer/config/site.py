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
from .options import URL, ListOf, OneOf, Schema, Type, key_lines, text, validate

CONFIG_FILE = "mkdocs.yml"

_EXTENSION = OneOf(
    (text(), Schema({}, open_keys=True)),
    "an extension name, or a mapping of one extension name to its options",
)
_THEME = OneOf(
    (
        text(),
        Schema(
            {
                "name": text("a theme name"),
                "custom_dir": text("a folder"),
                "language": text("a language code"),
                "features": ListOf(text("a feature name")),
                "palette": OneOf((Schema({}, open_keys=True), ListOf(Schema({}, open_keys=True))), "a mapping or a list of mappings"),
                "font": OneOf((Type(bool, "false"), Schema({}, open_keys=True)), "false or a mapping of text and code fonts"),
                "favicon": text("a file"),
                "logo": text("a file"),
                "icon": Schema({}, open_keys=True),
                "locale": text("a language code"),
                "static_templates": ListOf(text("a template")),
            },
            open_keys=True,  # Material reads theme settings of its own
        ),
    ),
    "a theme name or a mapping with 'name'",
)
MKDOCS_OPTIONS = Schema(
    {
        "site_name": text(),
        "site_url": URL(),
        "site_description": text(),
        "site_author": text(),
        "copyright": text(),
        "docs_dir": text("a folder"),
        "site_dir": text("a folder"),
        "use_directory_urls": Type(bool, "true or false"),
        "strict": Type(bool, "true or false"),
        "theme": _THEME,
        "plugins": OneOf((ListOf(_EXTENSION), Schema({}, open_keys=True)), "a list of plugins"),
        "hooks": ListOf(text("a Python file")),
        "markdown_extensions": ListOf(_EXTENSION),
        "mdx_configs": Schema({}, open_keys=True),
        "extra_css": ListOf(text("a stylesheet path")),
        "extra_javascript": ListOf(OneOf((text(), Schema({}, open_keys=True)), "a script path or a mapping with 'path'")),
        "extra_templates": ListOf(text("a template")),
        "extra": Schema({}, open_keys=True),
        "nav": ListOf(OneOf((text(), Schema({}, open_keys=True)), "a page or a section")),
        "not_in_nav": text("gitignore-style patterns"),
        "exclude_docs": text("gitignore-style patterns"),
        "draft_docs": text("gitignore-style patterns"),
        "validation": Schema({}, open_keys=True),
        "repo_url": URL(),
        "repo_name": text(),
        "edit_uri": text(),
        "edit_uri_template": text(),
        "remote_branch": text(),
        "remote_name": text(),
        "dev_addr": text("an address such as 127.0.0.1:8000"),
        "watch": ListOf(text("a path")),
    }
)
"""Every key MkDocs 1.6 reads from mkdocs.yml, with the type it needs; MkDocs' own validation runs after
(explainer/backend/build.py) on each language's derived configuration, for what types cannot say."""


def base_config(root: Path) -> dict[str, Any]:
    """The project's ``mkdocs.yml`` as plain data (tags kept as text, never executed), validated.

    A value of the wrong type or an unknown key is an InputError at its line, before
    anything is derived from it.
    """
    path = root / CONFIG_FILE
    try:
        source = path.read_text(encoding="utf-8")
        data = yaml.load(source, Loader=_ConfigLoader)
    except FileNotFoundError:
        raise InputError(str(path), 0, "no such file: expected the MkDocs configuration") from None
    except UnicodeDecodeError as error:
        raise InputError(str(path), 1, f"expected UTF-8 text: {error.reason}") from None
    except yaml.YAMLError as error:
        raise InputError.from_yaml(path, error) from None
    if not isinstance(data, dict):
        raise InputError(str(path), 1, "expected a MkDocs configuration mapping")
    validate(path, data, MKDOCS_OPTIONS, key_lines(source))
    return data


def config_line(root: Path, *keys: str) -> int:
    """The line of a key path in mkdocs.yml (of its nearest written ancestor), for MkDocs' own errors."""
    from .options import line_of

    return line_of(key_lines((root / CONFIG_FILE).read_text(encoding="utf-8")), keys)


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
