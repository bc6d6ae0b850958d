"""Model → Markdown pages of every kind, per language: the document's pages, cross-links
between articles and the Q&A, glossary pages, citations, side-by-side and printable views,
share panels with QR codes, the home of several documents, page paths and interface wording.

May import: explainer.common, explainer.config, explainer.document, explainer.translation,
explainer.glossary, explainer.align. Never the backend or MkDocs.
"""
