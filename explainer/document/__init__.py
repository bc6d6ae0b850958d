"""The document: the model (parts, articles, Q&A, segments with stable ids), sentence
splitting, the reviewed corrections of a source, and the parser from published text to model.

May import: explainer.common, explainer.config. Knows nothing of translation, rendering or MkDocs.
"""
