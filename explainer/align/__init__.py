"""Alignment of the press Q&A with the document: the aligner (aligner.py, with its genre statistics in
data/), the reviewed decisions beside each source and the review sheet that writes them (review.py).
Its evaluation against labels is scripts/align_eval.py.

May import: explainer.common, explainer.config, explainer.document.
"""
