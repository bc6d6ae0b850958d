"""Translation store: one gettext PO file per document and target language.

``translations/<lang>/<slug>.po`` holds one entry per segment: ``msgctxt`` is
the segment id, ``msgid`` the Chinese, ``msgstr`` the translation. The PO
fuzzy flag carries review state: a machine draft is fuzzy with a
"machine draft" comment; an entry whose ``msgid`` no longer equals the source
sentence is stale.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import polib

from ..common.errors import InputError
from ..common.files import write_atomic
from ..config.languages import Languages, languages
from .conversion import convert
from ..document.model import Document, Segment
from .pofile import read_po

Status = Literal["reviewed", "machine", "stale", "missing"]
MACHINE_DRAFT = "machine draft"


@dataclass(frozen=True)
class Rendering:
    """A segment's text in one language and how far it can be trusted."""

    text: str
    status: Status


def po_path(root: Path, lang: str, slug: str) -> Path:
    return root / "translations" / lang / f"{slug}.po"


@dataclass
class Catalog:
    """The translations of one document into one language."""

    path: Path
    entries: dict[str, polib.POEntry]
    po: polib.POFile | None = None
    """The file as read (header, metadata, obsolete entries); None when there is no file yet."""
    obsolete: list[polib.POEntry] = field(default_factory=list)
    """Entries of segments that no longer exist (``#~``): a translator's work, kept across runs."""

    def render(self, segment: Segment) -> Rendering:
        """The translation of ``segment``, falling back to the Chinese when missing."""
        entry = self.entries.get(segment.id)
        if entry is None or not entry.msgstr.strip():
            return Rendering(segment.zh, "missing")
        if entry.msgid != segment.zh or entry.previous_msgid:
            return Rendering(entry.msgstr, "stale")
        if "fuzzy" in entry.flags:
            return Rendering(entry.msgstr, "machine" if is_machine_draft(entry) else "stale")
        return Rendering(entry.msgstr, "reviewed")


def is_machine_draft(entry: polib.POEntry) -> bool:
    return MACHINE_DRAFT in (entry.comment or "")


def load_catalog(path: Path) -> Catalog:
    """Read a PO file strictly (see :mod:`explainer.pofile`); a missing file is an empty catalog (everything pending)."""
    if not path.exists():
        return Catalog(path, {})
    try:
        po = read_po(path)
    except OSError as error:
        raise InputError(str(path), 0, f"cannot read the file: {error.strerror}") from None
    entries: dict[str, polib.POEntry] = {}
    obsolete: list[polib.POEntry] = []
    for entry in po:
        if entry.obsolete:
            obsolete.append(entry)
            continue
        if not entry.msgctxt:
            raise InputError(str(path), entry.linenum, f"entry '{entry.msgid[:20]}' has no msgctxt: expected the segment id")
        if entry.msgctxt in entries:
            first = entries[entry.msgctxt].linenum
            raise InputError(str(path), entry.linenum, f"duplicate entry for segment '{entry.msgctxt}' (first at line {first})")
        entries[entry.msgctxt] = entry
    return Catalog(path, entries, po, obsolete)


class Texts:
    """Every segment's text in every language, with translation status."""

    def __init__(self, document: Document, catalogs: dict[str, Catalog], registry: Languages | None = None) -> None:
        self.document = document
        self.catalogs = catalogs
        self.languages = registry or languages()

    def get(self, segment: Segment, lang: str) -> Rendering:
        """The segment in ``lang``: the source as published, converted from another language, or its catalog's translation."""
        language = self.languages[lang]
        if language.derive is not None and language.text == "derive":
            return Rendering(convert(self.get(segment, language.derive.source).text, language.derive.opencc), "reviewed")
        if language.translated:
            return self.catalogs[lang].render(segment)
        return Rendering(segment.zh, "reviewed")

    def text(self, segment: Segment, lang: str) -> str:
        return self.get(segment, lang).text


def load_texts(root: Path, document: Document) -> Texts:
    """The document's texts in every language of the registry in use (translated ones from their PO files)."""
    registry = languages()
    return Texts(document, {language.code: load_catalog(po_path(root, language.code, document.slug)) for language in registry.translated()}, registry)


# -- writing ----------------------------------------------------------------


def new_po(document: Document, lang: str) -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": document.slug,
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source": Path(document.source).name,
    }
    return po


def _keep_header(po: polib.POFile, old: polib.POFile | None) -> None:
    """Every header field and comment of the file as it was (Last-Translator, Language-Team, …): the header is the translators'."""
    if old is None:
        return
    po.header = old.header
    po.metadata_is_fuzzy = old.metadata_is_fuzzy
    po.metadata = dict(old.metadata)


def synchronise(document: Document, catalog: Catalog, lang: str) -> polib.POFile:
    """A PO file holding exactly the document's segments, in reading order.

    Existing translations are kept; a translation whose Chinese changed becomes
    fuzzy with the previous msgid recorded (stale); entries for segments that
    no longer exist are kept as obsolete (``#~``), run after run, and come back
    when their segment does, so no translator's work is lost. The header keeps
    every field the file had.
    """
    po = new_po(document, lang)
    _keep_header(po, catalog.po)
    # Translated or not: a translator's comment comes back with its segment, and no obsolete copy stays beside it.
    revivable = {entry.msgctxt: entry for entry in catalog.obsolete if entry.msgctxt}
    revived: set[int] = set()
    seen: set[str] = set()
    for segment in document.segments():
        seen.add(segment.id)
        old = catalog.entries.get(segment.id)
        if old is None and segment.id in revivable:
            old = revivable[segment.id]
            revived.add(id(old))
        po.append(_entry_for(segment, old, Path(document.source).name))
    obsolete = [entry for entry in catalog.obsolete if id(entry) not in revived]
    for segment_id, old in catalog.entries.items():
        if segment_id not in seen:
            obsolete.append(old)
    kept: dict[tuple[str | None, str], polib.POEntry] = {}
    for entry in obsolete:  # one obsolete entry per msgctxt and msgid (msgfmt refuses duplicates), the latest
        kept[(entry.msgctxt, entry.msgid)] = entry
    for entry in kept.values():
        entry = copy.copy(entry)  # the catalog stays as read: write_po_if_changed compares with it
        entry.obsolete = True
        po.append(entry)
    return po


def _entry_for(segment: Segment, old: polib.POEntry | None, source_name: str) -> polib.POEntry:
    entry = polib.POEntry(msgctxt=segment.id, msgid=segment.zh)  # untranslated: msgstr defaults to ""
    entry.occurrences = [(source_name, str(segment.line))]
    if old is not None:
        entry.msgstr = old.msgstr
        entry.flags = list(old.flags)
        entry.comment = old.comment
        entry.tcomment = old.tcomment
        entry.previous_msgid = old.previous_msgid
        if old.msgid != segment.zh and old.msgstr:
            entry.previous_msgid = old.msgid
            if "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
    return entry


def write_po(po: polib.POFile, path: Path) -> None:
    """Write a PO file atomically (never a half-written translation file)."""
    write_atomic(path, po.__unicode__())


def write_po_if_changed(po: polib.POFile, catalog: Catalog) -> bool:
    """Write ``po`` to the catalog's file only when an entry or header field differs from what was read.

    An unchanged file keeps its bytes and its modification time, whatever tool
    last formatted it. Returns whether the file was written.
    """
    if catalog.po is not None and po.__unicode__() == catalog.po.__unicode__():
        return False
    write_po(po, catalog.path)
    return True


def template(document: Document) -> polib.POFile:
    """A fresh ``.pot`` template for translators."""
    po = new_po(document, "")
    for segment in document.segments():
        entry = polib.POEntry(msgctxt=segment.id, msgid=segment.zh)  # untranslated: msgstr defaults to ""
        entry.occurrences = [(Path(document.source).name, str(segment.line))]
        po.append(entry)
    return po

