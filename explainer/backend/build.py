"""The thin MkDocs layer: rendered Markdown → one Material build per language.

Each language gets its own MkDocs configuration (docs_dir, site_dir,
theme.language, alternates), derived from the project's ``mkdocs.yml``. After
the builds, explainer/backend/search.py indexes every language with Pagefind (one index
per language). Builds go to a staging directory that replaces ``site/`` only
when everything succeeded.
"""

from __future__ import annotations

import copy
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..common.errors import InputError
from ..common.files import LOCK_WAIT_SECONDS, build_lock, check_replaceable, live_directory, replace_directory, write_atomic
from ..config.site import CONFIG_FILE, base_config, config_line, site_url
from ..render.i18n import labels, not_found_texts, script_labels
from .incremental import DIRTY_HOOKS, HIDE_DIRTY_WARNING, PageReuse
from ..config.languages import language, languages
from ..pipeline import SiteContent, prepare
from .postprocess import finish_site
from ..render.pages import NavItem
from .search import SearchIndexError, write_search_index
from ..render.urls import lang_prefix

LINEAR_INLINE_HTML = "explainer.backend.inline_html"
"""Added to every language's extensions: our sentence paragraphs would cost MkDocs the square of their length (see that module)."""

BUILD_HOOKS = Path(__file__).with_name("hooks.py")
"""MkDocs hooks of every build: the shared template cache (explainer/backend/templates.py)."""


class BuildError(Exception):
    """MkDocs refused the site (strict mode turns warnings into this)."""


@dataclass
class Timings:
    """Seconds spent per stage, for ``make bench`` and the build log."""

    stages: dict[str, float] = field(default_factory=dict)

    def measure(self, stage: str, action: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        result = action()
        self.stages[stage] = self.stages.get(stage, 0.0) + time.perf_counter() - start
        return result


def language_config(root: Path, lang: str, docs_dir: Path, site_dir: Path, nav: list[Any]) -> dict[str, Any]:
    """The MkDocs configuration of one language, derived from ``mkdocs.yml``."""
    config = copy.deepcopy(base_config(root))
    base_url = site_url(root)
    config["docs_dir"] = str(docs_dir)
    config["site_dir"] = str(site_dir)
    config["site_url"] = base_url + lang_prefix(lang)
    config["site_name"] = labels(lang)["site_name"]
    config["nav"] = nav
    theme = config.setdefault("theme", {})
    # The registry names Material's theme language (zh-Hans is a custom partial, so that html lang says zh-Hans).
    theme["language"] = language(lang).material
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((root / theme["custom_dir"]).resolve())
    extra = config.setdefault("extra", {})
    extra["site_language"] = lang
    extra["default_language"] = languages().default.code
    extra["site_root"] = base_url
    extra["ui"] = script_labels(lang)
    extra["alternate"] = [
        {
            "name": language(other).name,
            "lang": other,
            "link": "/" + lang_prefix(other),
            "offset": _root_offset(lang, other),
            "prefix": lang_prefix(other),
            "locale": language(other).locale,
            "not_found": not_found_texts(other),
        }
        for other in languages().codes
    ]
    extensions = config.get("markdown_extensions", [])
    config["markdown_extensions"] = [_language_extension(extension, lang, root) for extension in extensions] + [LINEAR_INLINE_HTML]
    return config


def _root_offset(current: str, other: str) -> str:
    """Relative path from the current language's root to another's (for the switcher)."""
    up = "" if current == languages().default.code else "../"
    return up + lang_prefix(other)


def _language_extension(extension: Any, lang: str, root: Path) -> Any:
    if isinstance(extension, dict) and "explainer.glossary.extension" in extension:
        options = dict(extension["explainer.glossary.extension"] or {})
        options["lang"] = lang
        options["terms"] = str((root / options.get("terms", "glossary/terms.yml")).resolve())
        return {"explainer.glossary.extension": options}
    return extension


def mkdocs_nav(items: list[NavItem]) -> list[Any]:
    """Our navigation tree → MkDocs' nav structure (sections with index pages)."""
    nav: list[Any] = []
    for item in items:
        if item.children:
            nav.append({item.title: [item.path, *mkdocs_nav(list(item.children))]})
        else:
            nav.append({item.title: item.path})
    return nav


def write_docs(docs_dir: Path, pages: dict[str, str], assets: Path) -> None:
    """Write a language's Markdown tree and the hand-written assets beside it."""
    for path, markdown in pages.items():
        target = docs_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    if assets.is_dir():
        shutil.copytree(assets, docs_dir / "assets", dirs_exist_ok=True)


def run_mkdocs(config_path: Path, strict: bool = True, dirty: bool = False, source: Path | None = None) -> None:
    """Build one language with MkDocs; warnings fail the build in strict mode.

    ``config_path`` is the derived configuration of one language, a temporary file;
    errors name ``source`` (the project's mkdocs.yml) and the line of the key at fault.
    """
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, ConfigurationError

    source = source or config_path
    try:
        config = _load_mkdocs_config(config_path, strict, source)
        if dirty:  # only `make serve` builds dirty, and explainer.backend.incremental keeps it exact
            logging.getLogger("mkdocs.commands.build").addFilter(HIDE_DIRTY_WARNING)
        build(config, dirty=dirty)
    except ConfigurationError as error:
        raise InputError(str(source), 1, f"MkDocs refused the configuration: {error}") from None
    except Abort as error:
        raise BuildError(f"MkDocs ({_language_of(config_path)}): {error}") from None


def _language_of(config_path: Path) -> str:
    """``mkdocs.en.yml`` → ``en``."""
    return config_path.name.removeprefix("mkdocs.").removesuffix(".yml")


def _load_mkdocs_config(config_path: Path, strict: bool, source: Path) -> Any:
    """MkDocs' load_config, with its first error (or, strict, warning) as ``mkdocs.yml:line: 'key': …``."""
    from mkdocs.config.defaults import MkDocsConfig

    with config_path.open("rb") as file:
        config = MkDocsConfig(config_file_path=str(config_path))
        config.load_file(file)
    config.load_dict({"strict": strict})
    errors, warnings = config.validate()
    for key, problem in [*errors, *(warnings if strict else [])]:
        line = config_line(source.parent, *str(key).split(".")) if source.name == CONFIG_FILE else 1
        raise InputError(str(source), line, f"'{key}': {problem}")
    return config


def build_site(
    root: Path,
    strict: bool = True,
    timings: Timings | None = None,
    output: Path | None = None,
    reuse: PageReuse | None = None,
    precompress: bool = True,
    wait: float = LOCK_WAIT_SECONDS,
) -> SiteContent:
    """Parse, render and build the whole site into ``site/`` (atomically, one build of a site at a time).

    Generated Markdown and configurations go to a private work directory under
    ``.build/``, so concurrent builds (tests, ``make serve``) never share files.
    With ``reuse`` (``make serve``), a language whose navigation, configuration,
    templates and assets did not change since the previous build renders only
    the pages whose Markdown changed (see :mod:`explainer.backend.incremental`).
    ``precompress=False`` leaves out the .gz/.br copies (a local preview does not serve them).

    ``site/`` may be a symbolic link: the directory it points to is replaced and the link kept.
    Builds of one site take turns through a lock file beside it; a build waits at most
    ``wait`` seconds for another (:class:`BuildBusy`). A site that cannot be written
    is :class:`OutputError`, raised before anything is built.
    """
    timings = timings or Timings()
    root = root.resolve()  # MkDocs resolves paths against the generated config's folder
    target = output or root / "site"
    destination = live_directory(target)  # site/ itself, or the directory a site/ link points to
    shown = _shown_path(target, root)
    check_replaceable(destination, shown)  # before waiting for the lock, which is created beside the site too
    with build_lock(destination, shown, wait, _say):
        content = prepare(root, timings)
        _build_into(root, content, strict, timings, target, destination, reuse, precompress)
    return content


def _build_into(
    root: Path,
    content: SiteContent,
    strict: bool,
    timings: Timings,
    target: Path,
    destination: Path,
    reuse: PageReuse | None,
    precompress: bool,
) -> None:
    """Build every language into a staging folder beside ``destination``, then swap it into place."""
    (root / ".build").mkdir(exist_ok=True)
    remove_abandoned(root / ".build", "work-")
    work = Path(tempfile.mkdtemp(prefix=f"work-{os.getpid()}-", dir=root / ".build"))
    # Beside the live directory, not beside a site/ link: the swap is a rename within one folder.
    remove_abandoned(destination.parent, f".{destination.name}.")
    staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}.{os.getpid()}-", dir=destination.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must read the site
    try:
        if reuse is not None:
            reuse.start()
        for lang in content.project.languages.codes:
            docs_dir, dirty = work / "docs" / lang, False
            if reuse is not None:
                docs_dir, dirty = timings.measure("reuse", lambda: reuse.prepare(lang, content, target, staging))
            else:
                timings.measure("write", lambda: write_docs(docs_dir, content.pages[lang], root / "docs" / "assets"))
            config = language_config(root, lang, docs_dir, staging / lang_prefix(lang), mkdocs_nav(content.nav[lang]))
            config["hooks"] = [*config.get("hooks", []), str(BUILD_HOOKS), *([str(DIRTY_HOOKS)] if dirty else [])]
            config_path = work / f"mkdocs.{lang}.yml"
            write_atomic(config_path, yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
            timings.measure("mkdocs", lambda: _quiet(lambda: run_mkdocs(config_path, strict, dirty, root / CONFIG_FILE)))
        timings.measure("export", lambda: content.write_exports(staging))
        timings.measure("search", lambda: _index_search(staging))
        # Keep last before the swap: hashes asset names and precompresses every file written above.
        timings.measure("compress", lambda: finish_site(root, staging, precompress))
        replace_directory(staging, target)
        if reuse is not None:
            reuse.remember(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


def _shown_path(target: Path, root: Path) -> str:
    """How messages name the site: ``site/`` for the project's own, else the path given."""
    try:
        return target.relative_to(root).as_posix() + "/"
    except ValueError:
        return str(target)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _index_search(site_dir: Path) -> None:
    """Pagefind over the staged site (explainer/backend/search.py); its failure fails the build like MkDocs'."""
    try:
        write_search_index(site_dir)
    except SearchIndexError as error:
        raise BuildError(str(error)) from None


def remove_abandoned(folder: Path, prefix: str) -> None:
    """Delete work folders ``<prefix><pid>-…`` left by builds whose process is gone (killed mid-build)."""
    if not folder.is_dir():
        return
    for path in folder.glob(f"{prefix}*"):
        pid = path.name[len(prefix) :].split("-", 1)[0]
        if path.is_dir() and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _quiet(action: Callable[[], None]) -> None:
    """Keep MkDocs' INFO chatter out of our output; warnings still show and fail strict builds."""
    loggers = [logging.getLogger("mkdocs")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        action()
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)
