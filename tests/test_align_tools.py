"""The aligner's data tools: the majority vote of labellings and the genre statistics."""

from __future__ import annotations

from pathlib import Path

import yaml

SOURCE = """《关于加强队伍建设的意见》
一、总体要求
(一) 加强师资培训。建设一批高水平教师培训基地。
(二) 推进校企合作。鼓励企业参与办学。
答记者问
问：《意见》提出了哪些任务？
答：《意见》强调加强师资培训。今年召开了会议。
"""


def test_the_vote_keeps_the_majority_and_every_disagreement(tmp_path: Path) -> None:
    from vote_labels import vote

    source = tmp_path / "series.txt"
    source.write_text(SOURCE, encoding="utf-8")
    labellings = {
        "ann": "q1-p1-s1: {articles: [1], why: heading}\nq1-p1-s2: {articles: [], why: background}\n",
        "bob": "q1-p1-s1: {articles: [1, 2], why: both}\nq1-p1-s2: {articles: [], why: meeting}\n",
        "cy": "q1-p1-s1: {articles: [1], why: heading of 1}\nq1-p1-s2: {articles: [], why: none}\n",
    }
    paths = []
    for name, text in labellings.items():
        path = tmp_path / f"labels-{name}.yml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    text = vote(source, paths)
    assert "# 3 independent labellings (ann, bob, cy)" in text
    assert "# Agreement on links (F1): ann–bob 0.67, ann–cy 1.00, bob–cy 0.67." in text
    [item] = yaml.safe_load(text)["items"]
    first, second = item["sentences"]
    assert first["articles"] == [1] and first["votes"] == {"ann": [1], "bob": [1, 2], "cy": [1]}
    assert first["why"] == ["ann: heading", "bob: both", "cy: heading of 1"]
    assert second == {"zh": "今年召开了会议。", "id": "q1-p1-s2", "articles": []}


def test_the_genre_statistics_count_texts_in_either_script(tmp_path: Path) -> None:
    from genre_stats import build

    (tmp_path / "a.txt").write_text("# source: https://example.org/a (an Opinion)\n以习近平新时代中国特色社会主义思想为指导，发展职业教育。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("# source: https://example.org/b (a repost in Traditional)\n以習近平新時代中國特色社會主義思想為指導，保護生態環境。\n", encoding="utf-8")
    (tmp_path / "measured.txt").write_text("以习近平新时代中国特色社会主义思想为指导。\n", encoding="utf-8")
    table = build(tmp_path, {"measured"})
    lines = table.splitlines()
    assert lines[1:4] == ["# texts\t2", "# source\ta.txt: https://example.org/a (an Opinion)", "# source\tb.txt: https://example.org/b (a repost in Traditional)"]
    assert "习近平\t2" in lines and not any(line.startswith("职业教\t") for line in lines)


def test_leave_one_document_out_chooses_without_the_document_left_out() -> None:
    from align_eval import choose_jointly, leave_one_document_out

    # Settings (0,) are perfect on a and b and poor on c; settings (1,) the reverse on c only.
    results = [
        ((0.0,), {"a": (10, 0, 0), "b": (10, 0, 0), "c": (1, 9, 9)}),
        ((1.0,), {"a": (5, 5, 5), "b": (5, 5, 5), "c": (10, 0, 0)}),
    ]
    found = leave_one_document_out(results, ["a", "b", "c"])
    # Left out, c is measured with what a and b choose: (0,), whatever suits c itself.
    values, scores = found["c"]
    assert values == (0.0,) and (scores.true_positives, scores.false_positives) == (1, 9)
    # With no setting at precision 0.9 on every document, the worst precision decides before F1.
    assert choose_jointly(results) == (1.0,)
