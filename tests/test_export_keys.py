"""The full key set of every data export: a key renamed or dropped breaks readers of the data."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

SLUG = "vocational-education-2021"
LANGS = {"zh-Hans", "en", "zh-Hant"}


def load(site: Path, name: str):  # type: ignore[no-untyped-def]
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def test_glossary_json_keys(built_site: Path) -> None:
    terms = load(built_site, "glossary.json")
    keys = {"id", "zh-Hans", "zh-Hant", "pinyin", "en", "en_variants", "category", "definition", "related", "note", "occurrences"}
    assert all(set(term) == keys for term in terms)
    assert all(set(term["definition"]) == LANGS for term in terms)
    assert all(set(occurrence) == {"doc", "kind", "number"} for term in terms for occurrence in term["occurrences"])


def test_glossary_csv_columns(built_site: Path) -> None:
    reader = csv.reader(io.StringIO((built_site / "data" / "glossary.csv").read_text(encoding="utf-8")))
    assert next(reader) == ["id", "zh-Hans", "zh-Hant", "pinyin", "en", "en_variants", "category", "definition_zh-Hans", "definition_en", "note"]


def test_documents_json_keys(built_site: Path) -> None:
    documents = load(built_site, "documents.json")
    assert [set(document) for document in documents] == [{"slug", "title", "url"}]


def test_document_export_keys(built_site: Path) -> None:
    data = load(built_site, f"{SLUG}.json")
    assert set(data) == {
        "slug", "title", "issuers", "doc_number", "preamble", "parts", "articles", "closing",
        "qa_title", "qa_subtitle", "qa_intro", "qa", "url", "repairs", "dropped", "form", "title_quoted", "history",
    }
    segment = {"id", "zh-Hans", "zh-Hant", "en", "en_status"}
    assert all(set(part) == {"number", "kind", "title", "articles", "url"} for part in data["parts"])
    assert all(set(article) == {"number", "kind", "key", "printed", "part", "title", "heading_end", "paragraphs", "paragraph_ids", "url", "explained_by"}
        for article in data["articles"])
    assert all(set(sentence) == segment for article in data["articles"] for paragraph in article["paragraphs"] for sentence in paragraph)
    assert all(set(item) == {"number", "question", "answer", "paragraph_ids", "url"} for item in data["qa"])
    answers = [sentence for item in data["qa"] for paragraph in item["answer"] for sentence in paragraph]
    assert answers and all(set(sentence) == segment | {"links", "part_links"} for sentence in answers)
    assert set(data["title"]) == segment
