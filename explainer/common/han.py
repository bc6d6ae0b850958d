"""The Han characters, defined once: every stage that tells Chinese from other text uses this class.

Unified ideographs with extension A, the compatibility ideographs, the supplementary
planes (extensions B and later) and 〇 (U+3007, the zero of dates such as 二〇二一年).
"""

from __future__ import annotations

import re

HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
"""The body of a regex character class: ``[{HAN}]`` matches one Han character."""

HAN_CHAR = re.compile(f"[{HAN}]")
