"""The data exports of the site: ``data/<slug>.json``, ``data/documents.json``, the sitemap
and robots.txt.

May import: every core package (common, config, document, translation, glossary, align,
render). Never the backend or MkDocs.
"""
