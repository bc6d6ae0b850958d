"""Hostile input for the tests: a copy of the project, and payloads planted in every field of every input file.

Each planted payload carries a number, so that a leak names the field it came from.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from project_copy import copy_files

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("documents.yml", "mkdocs.yml", "overrides", "docs/assets", "glossary", "sources", "translations")
"""The sources of truth and what a build reads beside them (what a fresh clone holds)."""


SECOND_DOCUMENT = ROOT / "tests" / "fixtures" / "multi"
"""A second document (its documents.yml lists both): what only a site of several documents shows,
such as each document's short_title in the navigation and on the home page."""


def copy_project(target: Path, second_document: bool = False) -> Path:
    """A copy of the project's input files in ``target`` (nothing generated), with a second document if asked."""
    return copy_files(target, PROJECT_FILES, over=SECOND_DOCUMENT if second_document else None)


def short_payload(number: int) -> str:
    """For fields the grammar limits in length (a part heading holds at most 40 characters)."""
    return f"<svg onload=window.__xss={number}>"


def payload(number: int) -> str:
    """Script in every form a page could run it, a javascript: link and Jinja syntax, all marked ``number``."""
    return (
        f"<script>window.__xss={number}</script>"
        f'<img src=x onerror="window.__xss={number}">'
        f'"><svg onload="window.__xss={number}">'
        f" [link](javascript:window.__xss={number}) "
        f'{{{{ "zz" ~ "jinja{number}" }}}}{{% if 1 %}} R&D\'s'
    )


RAW_MARKERS = (
    re.compile(r"<script>window\.__xss"),
    re.compile(r"<img src=x onerror"),
    re.compile(r"<svg onload"),
    re.compile(r'href="javascript:'),
    re.compile(r"zzjinja\d"),
)
"""What a payload looks like when it was not escaped (or when Jinja ran it)."""


class Planter:
    """Plants numbered payloads and remembers where each went."""

    def __init__(self) -> None:
        self.fields: list[str] = []
        self.source_name = ""

    def next(self, field: str, short: bool = False) -> str:
        self.fields.append(field)
        return (short_payload if short else payload)(len(self.fields))

    # -- YAML files: every string value, except identifiers the loaders validate --------

    def yaml_strings(self, value: Any, where: str, skip: Callable[[str], bool]) -> Any:
        if isinstance(value, dict):
            return {key: self.yaml_strings(item, f"{where}.{key}", skip) for key, item in value.items()}
        if isinstance(value, list):
            return [self.yaml_strings(item, f"{where}[{index}]", skip) for index, item in enumerate(value)]
        if isinstance(value, str) and not skip(where):
            return value + self.next(where)
        return value

    def yaml_file(self, path: Path, skip: Callable[[str], bool]) -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        planted = self.yaml_strings(data, path.name, skip)
        path.write_text(yaml.safe_dump(planted, allow_unicode=True, sort_keys=False), encoding="utf-8")

    # -- sources: every heading, question and the first sentence of every paragraph --------

    def source(self, path: Path) -> None:
        """A payload in every line the grammar still accepts with one (a line it refuses is left as it was)."""
        from explainer.common.errors import InputError
        from explainer.document.parse import parse_text

        self.source_name = path.name
        original = path.read_text(encoding="utf-8").split("\n")
        lines = [self._planted_line(line, number) for number, line in enumerate(original, 1)]
        while True:
            try:
                parse_text("\n".join(lines), str(path), path.stem)
                break
            except InputError as error:  # undo the planted line nearest above the error (that line or one it misled)
                planted = [index for index in range(min(error.line, len(lines))) if lines[index] != original[index]]
                if not planted:
                    raise
                lines[planted[-1]] = original[planted[-1]]
                self.fields.remove(f"{path.name}:{planted[-1] + 1}")
        path.write_text("\n".join(lines), encoding="utf-8")

    def _planted_line(self, line: str, number: int) -> str:
        if not line.strip():
            return line
        where = f"{self.source_name}:{number}"
        if PART_HEADING.match(line):
            return line + self.next(where, short=True)
        if line.startswith(("(", "（")) and line.count("。") > 1:  # after an inline heading (指导思想。), which holds Chinese only
            head, _, rest = line.partition("。")
            body, _, tail = rest.partition("。")
            return f"{head}。{body}{self.next(where)}。{tail}"
        for end in ("》", "。", "？", "："):
            head, found, rest = line.partition(end)
            if found:
                return f"{head}{self.next(where)}{end}{rest}"
        return line + self.next(where)

    # -- PO files: every msgstr ---------------------------------------------------------

    def po(self, path: Path, format_strings: bool = False) -> None:
        """A payload after every msgstr; in an interface catalog, whose strings are format strings, with its braces doubled."""
        import polib

        po = polib.pofile(str(path), wrapwidth=0)
        for entry in po:
            planted = self.next(f"{path.name}:{entry.msgctxt or ''}:{entry.msgid}")
            entry.msgstr += planted.replace("{", "{{").replace("}", "}}") if format_strings else planted
        po.save(str(path))


PART_HEADING = re.compile(r"^[一二三四五六七八九十]+、[^。]*$")

IDENTIFIERS = re.compile(
    r"(\.slug|\.source|\.id|\.category|\.related\[\d+\]|\.segment|\.name|\.custom_dir|\.scheme|\.primary|\.accent|\.features\[\d+\]"
    r"|\.language|\.font|\.site_url|\.docs_dir|\.site_dir|\.terms|\.url|\.extra_css\[\d+\]|\.extra_javascript\[\d+\]|\.not_in_nav"
    r"|\.validation\..*|\.markdown_extensions\[\d+\]|\.original|\.text|\.permalink)$"
)
"""Values the loaders validate as identifiers, paths or options (a payload there is refused, as it should be):
corrections' ``original``/``text`` must match the source text, so they stay as they are."""


def plant_everywhere(project: Path) -> list[str]:
    """Payloads in every free-text field of every input file; returns the fields planted."""
    planter = Planter()
    for source in sorted((project / "sources").glob("*.txt")):
        planter.source(source)
    for po in sorted((project / "translations").rglob("*.po")):
        planter.po(po)
    # The interface strings: the project's own catalog takes precedence over the package's.
    interface = project / "translations" / "zh-Hans" / "interface.po"
    interface.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "explainer" / "render" / "locale" / "zh-Hans" / "LC_MESSAGES" / "interface.po", interface)
    planter.po(interface, format_strings=True)
    skip = IDENTIFIERS.search
    planter.yaml_file(project / "glossary" / "terms.yml", lambda where: bool(skip(where)))
    planter.yaml_file(project / "documents.yml", lambda where: bool(skip(where)))
    for decisions in sorted((project / "sources").glob("*.yml")):
        planter.yaml_file(decisions, lambda where: bool(skip(where)))
    mkdocs = project / "mkdocs.yml"
    config = yaml.safe_load(mkdocs.read_text(encoding="utf-8"))
    for key in ("site_name", "site_description", "site_author", "copyright"):
        config[key] = str(config.get(key) or "") + planter.next(f"mkdocs.yml.{key}")
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict) and "toc" in extension:
            extension["toc"]["title"] = planter.next("mkdocs.yml.markdown_extensions.toc.title")
    mkdocs.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return planter.fields
