"""Safe Markdown building blocks: all source text is untrusted and escaped.

Text is escaped with HTML character references rather than backslashes for
every character that Markdown or the enabled extensions treat specially, and
left alone otherwise (``+`` and ``—`` appear inside glossary terms such as
中文+职业技能 and must stay plain text for the term matcher).
"""

from __future__ import annotations

import html
import json
import re

from ..common.han import HAN

_SPECIAL = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "\\": "&#92;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "{": "&#123;",
    "}": "&#125;",
    "!": "&#33;",
    "|": "&#124;",
    "~": "&#126;",
    "^": "&#94;",
    "#": "&#35;",
}
"""Characters with a meaning to Markdown and the enabled extensions (attr_list, admonition,
toc). Add to this table before enabling an extension with inline syntax of its own
(pymdownx.mark's ==, emoji's :name:)."""
CONTROL_CHARACTERS = "".join(chr(code) for code in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])
"""C0 and C1 control characters other than tab and newline: never valid in HTML text, shown as U+FFFD."""
CONTROL_RE = re.compile(f"[{re.escape(CONTROL_CHARACTERS)}]")
REPLACEMENT = "\ufffd"
_CONTROLS = str.maketrans(dict.fromkeys(CONTROL_CHARACTERS, REPLACEMENT))
_TABLE = str.maketrans(_SPECIAL | dict.fromkeys(CONTROL_CHARACTERS, REPLACEMENT))


def text(value: str) -> str:
    """Escape untrusted text for use inside a Markdown paragraph or heading."""
    return value.replace("\n", " ").translate(_TABLE)


def attribute(value: str) -> str:
    """Escape untrusted text for an HTML attribute value in double quotes."""
    return html_text(value)


def without_controls(value: str) -> str:
    """``value`` with every control character but tab and newline replaced by U+FFFD."""
    return value.translate(_CONTROLS)


def html_text(value: str) -> str:
    """Escape untrusted text for HTML, in element content and in quoted attributes alike.

    For text handed to a template rather than to Markdown: navigation and page
    titles, descriptions and configuration strings (see ``build_hooks.py``).
    """
    return html.escape(value.translate(_CONTROLS), quote=True)


def inline_attribute(value: str) -> str:
    """Escape untrusted text for an attribute of raw HTML written inside a Markdown paragraph.

    Python-Markdown matches links (``[x](javascript:…)``) and code spans before it
    recognises the tag around them as HTML, even inside an attribute's quotes: their
    brackets and backticks are written as character references too.
    """
    return html_text(value).replace("[", "&#91;").replace("]", "&#93;").replace("`", "&#96;")


def front_matter(**fields: object) -> str:
    """YAML front matter; JSON strings are valid YAML and escape everything."""
    lines = ["---"]
    for key, value in fields.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def link(label: str, target: str, css_class: str = "") -> str:
    """A Markdown link; ``label`` is escaped, ``target`` is a path we built."""
    suffix = f"{{ .{css_class} }}" if css_class else ""
    return f"[{text(label)}]({target}){suffix}"


_CJK_PUNCTUATION = "\u3000-\u303f\uff00-\uffef\u00b7\u2014\u2026\u201c\u201d\u2018\u2019"
_CHINESE_RUN = re.compile(f"[{HAN}](?:[{HAN}{_CJK_PUNCTUATION}]*[{HAN}])?[{_CJK_PUNCTUATION}]?")


def html_with_chinese(value: str, chinese_lang: str) -> str:
    """Escape text for HTML and mark each run of Chinese in it with its own ``lang``.

    For English prose that quotes Chinese (a glossary note: "高质量发展 is commonly
    rendered …"), so that screen readers and fonts switch language for the quote.
    """
    parts = []
    position = 0
    for match in _CHINESE_RUN.finditer(value):
        parts.append(attribute(value[position : match.start()]))
        parts.append(f'<span lang="{chinese_lang}">{attribute(match.group())}</span>')
        position = match.end()
    parts.append(attribute(value[position:]))
    return "".join(parts)
