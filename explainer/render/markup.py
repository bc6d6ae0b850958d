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
_TABLE = str.maketrans(_SPECIAL)


def text(value: str) -> str:
    """Escape untrusted text for use inside a Markdown paragraph or heading."""
    return value.replace("\n", " ").translate(_TABLE)


def attribute(value: str) -> str:
    """Escape untrusted text for an HTML attribute value in double quotes."""
    return html.escape(value, quote=True)


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
