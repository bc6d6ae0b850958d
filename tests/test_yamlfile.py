"""The shared YAML reader (explainer/common/yamlfile.py): plain data that knows its lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.common.errors import InputError
from explainer.common.yamlfile import LineDict, LineList, load_yaml


def test_mappings_and_lists_know_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("# comment\nterms:\n  - id: a\n    en: A\n  - id: b\n    tags: [x, y]\n", encoding="utf-8")
    data = load_yaml(path)
    assert data == {"terms": [{"id": "a", "en": "A"}, {"id": "b", "tags": ["x", "y"]}]}
    assert isinstance(data, LineDict) and isinstance(data["terms"], LineList)
    assert (data.line, data.key_line("terms"), data.line_of("terms")) == (2, 2, 3)
    assert data["terms"].lines == [3, 5]
    assert data["terms"][1].line_of("tags") == 6 and data["terms"][1].line_of("missing") == 5


def test_errors_name_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("a: [1,\nb: 2\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_yaml(path)
    assert str(raised.value) == f"{path}:3: not valid YAML: expected ',' or ']', but got '<stream end>'"
    path.write_bytes(b"a: \xff\n")  # not UTF-8
    with pytest.raises(InputError) as raised:
        load_yaml(path)
    assert str(raised.value).startswith(f"{path}:1: not valid YAML: ")
    with pytest.raises(InputError) as raised:
        load_yaml(tmp_path / "none.yml", missing="the term base")
    assert str(raised.value) == f"{tmp_path / 'none.yml'}:0: no such file: expected the term base"
    with pytest.raises(FileNotFoundError):
        load_yaml(tmp_path / "none.yml")


def test_tags_that_would_run_code_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("a: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_yaml(path)
    assert str(raised.value).startswith(f"{path}:1: not valid YAML: could not determine a constructor")
