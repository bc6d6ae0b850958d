"""Alignment of the press Q&A with the document: the aligner, the reviewed overrides
beside each source, and the scoring of an alignment against labels.

May import: explainer.common, explainer.config, explainer.document.
"""
