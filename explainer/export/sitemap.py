"""The site-wide sitemap and robots.txt.

MkDocs writes one sitemap per language build (``/sitemap.xml``,
``/en/sitemap.xml``, ``/zh-Hant/sitemap.xml``); search engines look for the one
at the root, which would then only know the Simplified Chinese pages. This
module replaces the root sitemap with one listing every page in every language,
each with its ``hreflang`` alternates (the form search engines document for
multilingual sites), and writes ``robots.txt`` pointing to it. The per-language
sitemaps stay for tools that read them.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from ..config.languages import languages
from ..render.urls import absolute_url

SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"


def sitemap_xml(pages_by_lang: dict[str, Iterable[str]], base_url: str) -> str:
    """One ``<url>`` per page and language; alternates list the languages that have the page."""
    available = {lang: set(pages) for lang, pages in pages_by_lang.items()}
    every_page = sorted(set().union(*available.values()))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for page in every_page:
        langs = [lang for lang in languages().codes if page in available.get(lang, set())]
        alternates = [f'<xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(absolute_url(base_url, page, lang))}/>' for lang in langs]
        default = languages().default.code
        if default in langs:
            alternates.append(f'<xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(absolute_url(base_url, page, default))}/>')
        for lang in langs:
            lines.append(f"<url><loc>{escape(absolute_url(base_url, page, lang))}</loc>{''.join(alternates)}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(base_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {base_url.rstrip('/')}/{SITEMAP}\n"


def sitemap_files(pages_by_lang: dict[str, Iterable[str]], base_url: str) -> dict[str, str]:
    """The root sitemap and robots.txt, keyed by their path in the built site."""
    return {SITEMAP: sitemap_xml(pages_by_lang, base_url), ROBOTS: robots_txt(base_url)}
