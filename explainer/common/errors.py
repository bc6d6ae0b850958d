"""The one error type that reaches users: ``file:line: message``, exit status 2."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class InputError(Exception):
    """Bad input: names the file and line at fault and what was expected."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        # One line, always: a message quoting a library's multi-line error is joined.
        message = "; ".join(part.strip() for part in self.message.splitlines() if part.strip())
        return f"{self.file}:{self.line}: {message}"

    @classmethod
    def from_yaml(cls, path: object, error: Exception) -> InputError:
        """A YAML syntax error of ``path``, at the line PyYAML points to."""
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or error
        return cls(str(path), (mark.line + 1) if mark else 1, f"not valid YAML: {problem}")


class ParseError(InputError):
    """A source text that does not follow the grammar of an Opinion and its Q&A."""
