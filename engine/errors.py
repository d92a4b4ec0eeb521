"""Exception hierarchy. Messages are short and exact; data errors carry a place.

Examples
--------
>>> str(DataError("procedures/rules/a.yaml", 12, "rules[0].valid_from", "invalid date"))
'procedures/rules/a.yaml:12: rules[0].valid_from: invalid date'
"""

from __future__ import annotations


class OnceOnlyError(Exception):
    """Base class of every error onceonly raises on purpose."""


class DataError(OnceOnlyError):
    """A data file (YAML or portal record) is wrong at a known place."""

    def __init__(self, file: str, line: int | None, field: str | None, message: str):
        self.file, self.line, self.field, self.message = file, line, field, message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "field": self.field, "message": self.message}


class CatalogueError(OnceOnlyError):
    """A catalogue could not be loaded without errors; ``errors`` lists them all."""

    def __init__(self, errors: list[DataError]):
        self.errors = errors
        super().__init__(f"{len(errors)} error(s) in the catalogue; first: {errors[0]}" if errors else "catalogue error")


class UnknownProcedure(OnceOnlyError, LookupError):
    def __init__(self, code: str):
        self.code = code
        super().__init__(f"unknown procedure {code!r}")


class UnknownSource(OnceOnlyError, LookupError):
    def __init__(self, source: str):
        self.source = source
        super().__init__(f"unknown source {source!r}")


class InvalidApplicant(OnceOnlyError, ValueError):
    """An applicant attribute is unknown or takes a value the registry does not list."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(f"{field}: {message}")


class RulesetLimitError(OnceOnlyError):
    """A compiled ruleset would cross a durable-rules limit (it would hang or crash)."""


class EngineFailure(OnceOnlyError):
    """durable-rules reported an error while deciding."""
