"""QR codes of permanent links, as small standalone SVG files (segno, pure Python)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

import segno

QUIET_ZONE = 4
"""Modules of white border around the code, as the QR standard requires for reliable scanning."""


@dataclass(frozen=True)
class QRCode:
    """An SVG QR code and its width in modules (quiet zone included)."""

    svg: str
    modules: int


@lru_cache(maxsize=4096)
def qr_code(url: str) -> QRCode:
    """The QR code of ``url``: black on white (readable on dark slides), scalable (viewBox only).

    Error correction level M survives a projector's glare and a phone held at an
    angle; segno raises the level for free when the symbol has room to spare.
    Encoding is pure Python (about 10 ms a code): kept per URL, so that the
    rebuilds of ``make serve`` do not redo it.
    """
    code = segno.make(url, error="m", micro=False, boost_error=True)
    buffer = io.BytesIO()
    code.save(
        buffer, kind="svg", xmldecl=False, nl=False, border=QUIET_ZONE, omitsize=True,
        dark="#000", light="#fff", title=url, svgclass=None, lineclass=None,
    )
    return QRCode(buffer.getvalue().decode("utf-8") + "\n", code.symbol_size(scale=1, border=QUIET_ZONE)[0])
