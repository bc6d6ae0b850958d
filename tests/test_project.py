"""documents.yml: the list of documents, their URL prefixes, and exact error messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.common.errors import InputError
from explainer.config.project import load_project


def write_project(root: Path, config: str) -> Path:
    (root / "sources").mkdir(exist_ok=True)
    for name in ("a.txt", "b.txt"):
        (root / "sources" / name).write_text("《关于测试的意见》\n一、总体要求\n(一) 甲。乙。\n", encoding="utf-8")
    (root / "documents.yml").write_text(config, encoding="utf-8")
    return root


def test_first_document_is_the_default_at_the_root(tmp_path: Path) -> None:
    config = (
        "documents:\n"
        "  - slug: first-2021\n    source: sources/a.txt\n    short_title: {zh-Hans: 甲, en: A}\n"
        "  - slug: second-2019\n    source: sources/b.txt\n    about: {zh-Hans: [一段。, 两段。]}\n"
    )
    project = load_project(write_project(tmp_path, config))
    assert [(document.slug, document.is_default, document.prefix) for document in project.documents] == [
        ("first-2021", True, ""),
        ("second-2019", False, "second-2019/"),
    ]
    assert project.default.short_title == {"zh-Hans": "甲", "en": "A"}
    assert project.documents[1].about == {"zh-Hans": ("一段。", "两段。")}
    assert project.documents[1].source == tmp_path / "sources" / "b.txt"


ERRORS = [
    ("no list", "documents: []\n", 1, "expected 'documents:' with a list of at least one document"),
    (
        "bad slug",
        "documents:\n  - slug: Second Doc\n    source: sources/a.txt\n",
        2,
        "'slug' must be lowercase letters, digits and hyphens, found 'Second Doc'",
    ),
    (
        "missing source",
        "documents:\n  - slug: a\n    source: sources/none.txt\n",
        2,
        "'source' must name an existing text file, found 'sources/none.txt'",
    ),
    (
        "duplicate slug",
        "documents:\n  - slug: a\n    source: sources/a.txt\n  - slug: a\n    source: sources/b.txt\n",
        2,
        "slug 'a' is used twice: slugs must be unique",
    ),
    (
        "reserved slug",
        "documents:\n  - slug: a\n    source: sources/a.txt\n  - slug: pagefind\n    source: sources/b.txt\n",
        4,
        "slug 'pagefind' is reserved for a site section: choose another",
    ),
    (
        "about not a list",
        "documents:\n  - slug: a\n    source: sources/a.txt\n    about: {en: text}\n",
        2,
        "'about' must map languages to lists of paragraphs",
    ),
    ("not a mapping", "documents:\n  - sources/a.txt\n", 2, "each document must be a mapping with 'slug' and 'source'"),
    ("not YAML", "documents:\n  - slug: [a\n", 3, "not valid YAML: expected ',' or ']', but got '<stream end>'"),
]


@pytest.mark.parametrize(("name", "config", "line", "message"), ERRORS, ids=[error[0] for error in ERRORS])
def test_bad_documents_yml_gives_one_clear_error(tmp_path: Path, name: str, config: str, line: int, message: str) -> None:
    write_project(tmp_path, config)
    with pytest.raises(InputError) as raised:
        load_project(tmp_path)
    assert str(raised.value) == f"{tmp_path / 'documents.yml'}:{line}: {message}"


def test_missing_documents_yml(tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        load_project(tmp_path)
    assert str(raised.value) == f"{tmp_path / 'documents.yml'}:0: no such file: expected the list of documents"
