"""The site layer: one MkDocs + Material build per language (configurations, hooks,
page-by-page rebuilds for ``serve``), Pagefind search, post-processing (hashed asset
names, precompressed copies) and the local server. Not called ``site``: .gitignore hides site/.

May import: everything but explainer.cli. The only package that imports MkDocs.
"""
