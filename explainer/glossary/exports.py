"""Term base exports: JSON, CSV and TBX (ISO 30042, the term-base exchange format)."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as etree
from typing import Any

from .occurrences import Occurrence
from .terms import CHINESE, ENGLISH, TRADITIONAL, Glossary

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def glossary_json(glossary: Glossary, found: dict[str, list[Occurrence]]) -> list[dict[str, Any]]:
    return [
        {
            "id": term.id,
            CHINESE: term.zh,
            TRADITIONAL: term.zh_hant,
            "pinyin": term.pinyin,
            ENGLISH: term.en,
            "en_variants": list(term.en_variants),
            "category": term.category,
            "definition": dict(term.definition),
            "related": list(term.related),
            "note": term.note,
            "occurrences": [{"doc": o.doc, "kind": o.kind, "number": o.number} for o in found[term.id]],
        }
        for term in glossary.terms
    ]


def glossary_csv(glossary: Glossary) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", CHINESE, TRADITIONAL, "pinyin", ENGLISH, "en_variants", "category", f"definition_{CHINESE}", f"definition_{ENGLISH}", "note"])
    for term in glossary.terms:
        writer.writerow(
            [term.id, term.zh, term.zh_hant, term.pinyin, term.en, "; ".join(term.en_variants), term.category,
             term.definition[CHINESE], term.definition[ENGLISH], term.note]
        )
    return buffer.getvalue()


def glossary_tbx(glossary: Glossary) -> str:
    """TBX-Basic (TBX v3, DCA style): one conceptEntry per term with zh-Hans, zh-Hant and en."""
    etree.register_namespace("", TBX_NAMESPACE)
    root = etree.Element(f"{{{TBX_NAMESPACE}}}tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: ENGLISH})
    header = etree.SubElement(root, f"{{{TBX_NAMESPACE}}}tbxHeader")
    file_description = etree.SubElement(header, f"{{{TBX_NAMESPACE}}}fileDesc")
    source = etree.SubElement(file_description, f"{{{TBX_NAMESPACE}}}sourceDesc")
    etree.SubElement(source, f"{{{TBX_NAMESPACE}}}p").text = "Chinese–English glossary of Chinese vocational education policy terms"
    body = etree.SubElement(etree.SubElement(root, f"{{{TBX_NAMESPACE}}}text"), f"{{{TBX_NAMESPACE}}}body")
    for term in glossary.terms:
        entry = etree.SubElement(body, f"{{{TBX_NAMESPACE}}}conceptEntry", {"id": term.id})
        _descrip(entry, "subjectField", term.category)
        if term.note:
            _descrip(entry, "note", term.note)
        _lang_section(entry, CHINESE, [term.zh], term.definition[CHINESE], term.pinyin)
        _lang_section(entry, TRADITIONAL, [term.zh_hant], term.definition[TRADITIONAL], term.pinyin)
        _lang_section(entry, ENGLISH, [term.en, *term.en_variants], term.definition[ENGLISH], "")
    etree.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode") + "\n"


def _descrip(parent: etree.Element, kind: str, text: str) -> None:
    etree.SubElement(parent, f"{{{TBX_NAMESPACE}}}descrip", {"type": kind}).text = text


def _lang_section(entry: etree.Element, lang: str, forms: list[str], definition: str, pronunciation: str) -> None:
    section = etree.SubElement(entry, f"{{{TBX_NAMESPACE}}}langSec", {XML_LANG: lang})
    _descrip(section, "definition", definition)
    for index, form in enumerate(forms):
        term_section = etree.SubElement(section, f"{{{TBX_NAMESPACE}}}termSec")
        etree.SubElement(term_section, f"{{{TBX_NAMESPACE}}}term").text = form
        status = "preferredTerm-admn-sts" if index == 0 else "admittedTerm-admn-sts"
        etree.SubElement(term_section, f"{{{TBX_NAMESPACE}}}termNote", {"type": "administrativeStatus"}).text = status
        if pronunciation and index == 0:
            etree.SubElement(term_section, f"{{{TBX_NAMESPACE}}}termNote", {"type": "pronunciation"}).text = pronunciation

