"""Alignment of the press Q&A with the document: the aligner and the reviewed
overrides beside each source (its evaluation against labels is scripts/align_eval.py).

May import: explainer.common, explainer.config, explainer.document.
"""
