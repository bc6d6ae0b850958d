"""The machine-translation services ``translate --engine`` offers: the one list that its help shows.

Only services that work without an account are listed; each names the
deep-translator class and the codes that service uses for our languages
(Google and MyMemory spell some differently: MyMemory knows no bare ``en``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EngineSpec:
    """One service: its deep-translator class and its code for each of our language tags."""

    translator: str
    codes: dict[str, str]
    """Where the service's code is not the language tag's primary subtag (``en`` for ``en-GB``)."""

    def code(self, lang: str) -> str:
        """The service's code for one of our language tags."""
        return self.codes.get(lang, lang.split("-")[0])


SOURCE_LANGUAGE = "zh-Hans"

ENGINES: dict[str, EngineSpec] = {
    "google": EngineSpec("GoogleTranslator", {"zh-Hans": "zh-CN", "en": "en"}),
    "mymemory": EngineSpec("MyMemoryTranslator", {"zh-Hans": "zh-CN", "en": "en-GB"}),
}
"""Every engine ``translate --engine`` accepts; tests/test_translate_engines.py runs each against a fake service."""

DEFAULT_ENGINE = "google"
