"""A fourth language from configuration and PO files only: French, in tests/fixtures/fourth-language/.

The fixture holds documents.yml (the French entry of its ``languages:`` section)
and two incomplete PO files (translations/fr/: the document and the interface);
no code knows French. The site builds strictly, French pages show the Chinese
with a pending notice where the translation is missing, and ``check`` names the
interface strings still to translate.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from explainer.config.languages import languages, use_languages
from project_copy import SEED, SEED_FILES, copy_files

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "fourth-language"


def assemble(target: Path) -> Path:
    """The bundled project's files with the fixture laid over them."""
    return copy_files(target, SEED_FILES, over=FIXTURE)


@pytest.fixture(autouse=True, scope="module")
def _restore_languages() -> Iterator[None]:
    """Loading the fixture puts its registry in use; the other tests expect the bundled project's."""
    before = languages()
    yield
    use_languages(before)


@pytest.fixture(scope="module")
def french_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from explainer.backend.build import build_site

    project = assemble(tmp_path_factory.mktemp("fourth") / "project")
    build_site(project, strict=True, output=project / "site")
    return project


def test_french_pages_are_built_from_configuration(french_site: Path) -> None:
    page = (french_site / "site" / "fr" / "articles" / "05" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in page
    # The translated title and sentence, with French typography (" : " after the label).
    assert "Article 5 : Favoriser la progression verticale entre les niveaux de l&#39;enseignement professionnel" in page
    assert "Les écoles professionnelles secondaires qui en ont les moyens seront encouragées" in page
    # A sentence not translated yet shows the Chinese, marked as such, with the pending notice.
    assert '<span class="s missing" id="a05-p1-s1" lang="zh-Hans">大力提升中等职业教育办学质量' in page
    assert "Traduction en cours : certaines parties de cette page sont affichées dans l'original chinois" in page
    # Interface strings the French catalog lacks show their English msgid.
    assert "Next article" in page
    # Every language's switcher offers French, named in itself.
    english = (french_site / "site" / "en" / "articles" / "05" / "index.html").read_text(encoding="utf-8")
    assert "Français" in english and 'hreflang="fr"' in english


def test_french_side_by_side_pages_pair_the_chinese_with_french(french_site: Path) -> None:
    page = (french_site / "site" / "fr" / "parallel" / "articles" / "05" / "index.html").read_text(encoding="utf-8")
    assert '<p lang="zh-Hans">简体中文</p><p lang="fr">Français</p>' in page
    assert '<p lang="fr">Les écoles professionnelles secondaires' in page


def test_the_data_export_carries_french_with_its_status(french_site: Path) -> None:
    data = json.loads((french_site / "site" / "data" / f"{SEED}.json").read_text(encoding="utf-8"))
    title = data["title"]
    assert list(title) == ["id", "zh-Hans", "zh-Hant", "en", "en_status", "fr", "fr_status"]
    assert title["fr_status"] == "reviewed" and title["fr"].startswith("Avis sur la promotion")
    sentence = data["articles"][4]["paragraphs"][0][0]
    assert (sentence["fr"], sentence["fr_status"]) == (None, "missing")
    assert data["url"]["fr"] == "/fr/"
    sitemap = (french_site / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="fr" href="https://policy-explainer.github.io/fr/articles/05/"' in sitemap


def test_french_search_index_is_built(french_site: Path) -> None:
    assert (french_site / "site" / "fr" / "pagefind" / "pagefind-entry.json").is_file()


def test_check_names_the_interface_strings_french_lacks(french_site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "explainer", "--root", str(french_site), "check"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1, result.stderr
    catalog = french_site / "translations" / "fr" / "interface.po"
    assert f'  {catalog}: interface string "Next article" of explainer/render/i18n.py:' in result.stdout
    assert "is not translated" in result.stdout
    assert '"Home"' not in result.stdout  # translated in the fixture
    assert f"{french_site / 'translations' / 'fr' / SEED}.po" in result.stdout  # the document's pending sentences


def test_an_unknown_language_code_is_a_file_and_line_error(tmp_path: Path) -> None:
    project = assemble(tmp_path / "project")
    config = project / "documents.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - zh-Hant\n", "  - zh-Hant\n  - ja\n"), encoding="utf-8")
    line = config.read_text(encoding="utf-8").splitlines().index("  - ja") + 1
    result = subprocess.run([sys.executable, "-m", "explainer", "--root", str(project), "build"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert result.stderr == (
        f"{config}:{line}: unknown language 'ja': describe it (code, name, script, text, …) or use one of zh-Hans, en, zh-Hant\n"
    )
    assert not (project / "site").exists()


def test_a_term_may_carry_a_rendering_in_the_fourth_language(tmp_path: Path) -> None:
    from explainer.config.project import load_project
    from explainer.glossary.terms import TermMatcher, load_glossary

    load_project(assemble(tmp_path / "project"))  # puts the French registry in use
    terms = tmp_path / "terms.yml"
    terms.write_text(
        (Path(__file__).parent / "fixtures" / "glossary_terms.yml")
        .read_text(encoding="utf-8")
        .replace("    en: Double High-Level Plan\n", "    en: Double High-Level Plan\n    fr: Plan Double Haut Niveau\n")
        .replace("      en: The \"Double High-Level Plan\"", "      fr: Le « Plan Double Haut Niveau ».\n      en: The \"Double High-Level Plan\""),
        encoding="utf-8",
    )
    glossary = load_glossary(str(terms))
    term = glossary.term("double-high-plan")
    assert (term.name("fr"), term.definition_in("fr")) == ("Plan Double Haut Niveau", "Le « Plan Double Haut Niveau ».")
    assert [match.term.id for match in TermMatcher(glossary, "fr").find("le plan double haut niveau de 2019")] == ["double-high-plan"]
    # A term without a French rendering is named as in French's partner language (zh-Hans).
    other = glossary.term("vocational-college-entrance-exam")
    assert (other.name("fr"), other.definition_in("fr")) == ("职教高考", "面向职业教育的升学考试制度。")
