"""Domain errors. Each carries a message a user can act on; the CLI and the app show
``str(error)`` and never a traceback."""

from __future__ import annotations


class BlmaError(Exception):
    """Base for every error the tool reports to a user."""

    exit_code = 2


class DataError(BlmaError):
    """A data file of the library (rubric, clauses, rules) is malformed."""

    exit_code = 1


class TemplateError(BlmaError):
    """A clause template cannot be rendered with the values given."""


class UnknownIdError(BlmaError):
    """A protection or clause id that the library does not know."""


class SpecError(BlmaError):
    """A draft specification is unreadable or inconsistent."""


class DocumentError(BlmaError):
    """An input document cannot be read safely; the message names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
