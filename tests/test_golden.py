"""Golden files of the seed's document model (``pytest --update`` rewrites them)."""

from __future__ import annotations

import json
from pathlib import Path

from explainer.export.data import document_export
from explainer.document.parse import parse_file
from explainer.config.project import DocumentConfig

ROOT = Path(__file__).resolve().parent.parent


def test_seed_model_matches_golden(golden) -> None:  # type: ignore[no-untyped-def]
    source = ROOT / "sources" / "vocational-education-2021.txt"
    document = parse_file(source, "vocational-education-2021")
    data = document_export(document, DocumentConfig("vocational-education-2021", source, is_default=True), texts=None, with_urls=False)
    golden("vocational-education-2021.model.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n")
