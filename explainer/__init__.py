"""Generator of static bilingual sites that explain Chinese policy documents.

The core (model, parser, aligner, glossary matcher, renderers) knows nothing of
MkDocs; :mod:`explainer.backend` is the thin layer that hands rendered Markdown to
MkDocs + Material.
"""

__version__ = "0.1.0"
