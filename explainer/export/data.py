"""The structured data export: ``site/data/<slug>.json`` and ``documents.json``.

Outside users rely on this shape (see the issues); keys are only ever added.
"""

from __future__ import annotations

from typing import Any

from ..align.aligner import Alignment
from ..config.languages import languages
from ..document.model import Article, Document, Paragraph, Part, QAItem, Segment
from ..config.project import DocumentConfig
from ..translation.catalog import Texts
from ..render.urls import DocumentUrls, site_path


def segment_export(segment: Segment, texts: Texts | None) -> dict[str, Any]:
    """A segment in every language: the source, the derived languages, then each translation with its status
    (``None`` while missing); ``texts=None`` gives the source only."""
    data: dict[str, Any] = {"id": segment.id, languages().source.code: segment.zh}
    if texts is not None:
        for language in languages().in_export_order():
            if language.translated:
                rendering = texts.get(segment, language.code)
                data[language.code] = rendering.text if rendering.status != "missing" else None
                data[f"{language.code}_status"] = rendering.status
            elif language.text == "derive":
                data[language.code] = texts.text(segment, language.code)
    return data


def paragraphs_export(paragraphs: tuple[Paragraph, ...], texts: Texts | None) -> list[list[dict[str, Any]]]:
    return [[segment_export(segment, texts) for segment in paragraph.segments] for paragraph in paragraphs]


def urls_of(page: str) -> dict[str, str]:
    return {lang: site_path(page, lang) for lang in languages().codes}


def document_export(
    document: Document, config: DocumentConfig, texts: Texts | None, with_urls: bool = True, alignment: Alignment | None = None
) -> dict[str, Any]:
    """The whole structured document; ``texts=None`` gives the Chinese only.

    With an ``alignment``, answer segments gain ``links`` and ``part_links`` and
    articles gain ``explained_by``.
    """
    urls = DocumentUrls(config.prefix)
    aligned = alignment_export(alignment) if alignment else None

    def answer(paragraphs: tuple[Paragraph, ...]) -> list[list[dict[str, Any]]]:
        exported = paragraphs_export(paragraphs, texts)
        if aligned:
            for paragraph in exported:
                for segment in paragraph:
                    segment.update(aligned["segments"].get(segment["id"], {"links": [], "part_links": []}))
        return exported

    def url(page: str, parallel: str | None = None) -> dict[str, Any]:
        """{"url": {lang: path, …}}; with a side-by-side page, also "parallel": {lang: path, …} and the QR codes."""
        if not with_urls:
            return {}
        links: dict[str, Any] = urls_of(page)
        if parallel:
            links["parallel"] = urls_of(parallel)
            links["qr"] = {lang: site_path(page, lang) + "qr.svg" for lang in languages().codes}
        return {"url": links}

    def part(item: Part) -> dict[str, Any]:
        data = {"number": item.number, "title": segment_export(item.title, texts), "articles": list(item.articles)}
        if item.intro:
            data["intro"] = paragraphs_export(item.intro, texts)
        return data | url(urls.part(item.number))

    def article(item: Article) -> dict[str, Any]:
        return {
            "number": item.number,
            "part": item.part,
            "title": segment_export(item.title, texts) if item.title else None,
            "paragraphs": paragraphs_export(item.paragraphs, texts),
            "paragraph_ids": [paragraph.id for paragraph in item.paragraphs],
        } | ({"explained_by": aligned["explained_by"].get(item.number, [])} if aligned else {}) | url(urls.article(item.number), urls.parallel_article(item.number))

    def qa_item(item: QAItem) -> dict[str, Any]:
        return {
            "number": item.number,
            "question": segment_export(item.question, texts),
            "answer": answer(item.answer),
            "paragraph_ids": [paragraph.id for paragraph in item.answer],
        } | url(urls.qa(item.number), urls.parallel_qa(item.number))

    qa = document.qa
    data: dict[str, Any] = {
        "slug": document.slug,
        "issuers": segment_export(document.issuers, texts) if document.issuers else None,
        "title": segment_export(document.title, texts),
        "doc_number": segment_export(document.doc_number, texts) if document.doc_number else None,
        "preamble": paragraphs_export(document.preamble, texts),
        "parts": [part(item) for item in document.parts],
        "articles": [article(item) for item in document.articles],
        "closing": paragraphs_export(document.closing, texts),
        "qa_title": segment_export(qa.title, texts) if qa else None,
        "qa_subtitle": segment_export(qa.subtitle, texts) if qa and qa.subtitle else None,
        "qa_intro": paragraphs_export(qa.intro, texts) if qa else [],
        "qa": [qa_item(item) for item in qa.items] if qa else [],
        "dropped": [{"line": line.line, "text": line.text, "reason": line.reason} for line in document.dropped],
        "repairs": [{"kind": repair.kind, "line": repair.line, "description": repair.description} for repair in document.repairs],
    }
    if with_urls:
        data["url"] = urls_of(urls.home) | {"parallel": urls_of(urls.parallel_document), "print": urls_of(urls.print_document)}
    return data


def documents_index(documents: list[tuple[Document, DocumentConfig]]) -> list[dict[str, Any]]:
    return [
        {"slug": document.slug, "title": document.title.zh, "url": urls_of(DocumentUrls(config.prefix).home)}
        for document, config in documents
    ]


def alignment_export(alignment: Alignment) -> dict[str, Any]:
    """Per answer segment: {"links": [...], "part_links": [...]}; per article: explained_by."""
    segments = {segment_id: {"links": list(link.articles), "part_links": list(link.parts)} for segment_id, link in alignment.links.items()}
    explained: dict[int, list[dict[str, Any]]] = {}
    for segment_id, link in alignment.links.items():
        for number in link.articles:
            explained.setdefault(number, []).append({"qa": link.qa, "segment": segment_id})
    return {"segments": segments, "explained_by": explained}
