"""The project's configuration: ``documents.yml`` (the documents of the site) and
what the project says about the site as a whole.

May import: explainer.common.
"""
