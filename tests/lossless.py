"""What the parser may take out of a source line: the marker that became a number.

Shared by the lost-text tests. The marker of a line is judged by the grammar of the
document's form (``一、`` ``(一)`` in an Opinion, ``1．`` in a decision, ``第一章`` ``第一条`` in a
law, ``问：`` ``答：`` in every Q&A), after the Markdown marks the parser also sets aside.
"""

from __future__ import annotations

from explainer.document.grammar import ANSWER, FORMS, QUESTION, QUESTION_LINE, block_match, strip_markup


def without_marker(line: str, form_name: str, question: bool = False) -> str:
    """The line as the model holds it: without its Markdown marks and its numbered marker.

    ``question``: the line holds one of the Q&A's questions (a question set as a heading of
    its own loses its number 一、 as a part heading does)."""
    form = next(form for form in FORMS if form.name == form_name)
    text = strip_markup(line.strip().replace("\u3000", " ").strip()).strip()
    numbered = [block for block in (form.division, form.subdivision, form.unit) if block]
    for block in (*numbered, QUESTION, ANSWER, *([QUESTION_LINE] if question else [])):
        match = block_match(block, text)
        if match:
            return text[match.start(2) :]
    return text
