"""Compiled theme templates, shared by the MkDocs builds of one process.

Each MkDocs build creates a new Jinja environment and compiles Material's
templates again: about a hundred of them, a third of a language's build time.
The three languages of a build (and every rebuild of ``make serve``) use the
same templates, so :data:`TEMPLATE_CACHE` keeps their bytecode in memory. Jinja
checks each entry against the template's source, so an edited template is
compiled anew. ``hooks.py`` hands the cache to every build's environment.
"""

from __future__ import annotations

from jinja2.bccache import BytecodeCache, Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Jinja bytecode kept in a dict for the life of the process."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._store.clear()


TEMPLATE_CACHE = MemoryBytecodeCache()
