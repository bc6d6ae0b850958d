"""Translations of the document: PO catalogs per document and language (read strictly,
written faithfully), machine drafts for missing entries, and the checks of a translation.

May import: explainer.common, explainer.config, explainer.document.
"""
