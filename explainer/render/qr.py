"""QR codes of permanent links, as small standalone SVG files (segno, pure Python)."""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import segno

QUIET_ZONE = 4
"""Modules of white border around the code, as the QR standard requires for reliable scanning."""


@dataclass(frozen=True)
class QRCode:
    """An SVG QR code and its width in modules (quiet zone included)."""

    svg: str
    modules: int


_disk_cache: Path | None = None


def use_disk_cache(directory: Path | None) -> None:
    """Keep encoded codes in ``directory`` (under .build/), so a fresh process reuses them.

    Encoding is pure Python and the same URLs come back at every build; the
    cache is keyed by URL and by the settings below, and is safe to delete.
    """
    global _disk_cache
    _disk_cache = directory


@lru_cache(maxsize=4096)
def qr_code(url: str) -> QRCode:
    """The QR code of ``url``, from the disk cache when there is one (see :func:`_encode`)."""
    if _disk_cache is None:
        return _encode(url)
    key = hashlib.sha256(f"{segno.__version__}|{QUIET_ZONE}|m|{url}".encode()).hexdigest()[:32]
    path = _disk_cache / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return QRCode(data["svg"], int(data["modules"]))
    except (OSError, ValueError, KeyError):
        code = _encode(url)
        _disk_cache.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"svg": code.svg, "modules": code.modules}), encoding="utf-8")
        temporary.replace(path)
        return code


def _encode(url: str) -> QRCode:
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
