"""The term base: loading and validation, the term matcher, the Python-Markdown
extension that links terms (named in mkdocs.yml as ``explainer.glossary.extension``),
the JSON/CSV/TBX exports and the terminology check of translations.

May import: explainer.common, explainer.config, explainer.document, explainer.translation.
"""
