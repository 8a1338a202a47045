"""Errors a user can cause: problems with a location, and the exceptions carrying them."""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = [
    "ConflictError",
    "Finding",
    "InvalidIdentifier",
    "PlannerError",
    "Problem",
    "UnknownEvent",
    "ValidationFailed",
]


@dataclass(frozen=True)
class Problem:
    """Something wrong in a file, at a place a person can go to.

    Examples
    --------
    >>> print(Problem("events/x.yaml", 4, 3, "start", "not a date", "dates are YYYY-MM-DD"))
    events/x.yaml:4:3: start: not a date (hint: dates are YYYY-MM-DD)
    """

    file: str
    line: int | None
    column: int | None
    field: str | None
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.file, self.line, self.column) if p is not None)
        text = f"{where}: {self.field}: {self.message}" if self.field else (
            f"{where}: {self.message}")
        return f"{text} (hint: {self.hint})" if self.hint else text

    def to_dict(self) -> dict[str, object]:
        """The problem as plain data for `--json` and the app."""
        return asdict(self)


@dataclass(frozen=True)
class Finding:
    """A warning that a check returns as data, for the CLI, the app and documents alike.

    Examples
    --------
    >>> Finding("room-double-booked", "Room B holds WG 1 and WG 2 at 09:00", "d2-wg").to_dict()
    {'kind': 'room-double-booked', 'message': 'Room B holds WG 1 and WG 2 at 09:00', 'ref': 'd2-wg'}
    """

    kind: str
    """A stable slug naming the rule, for filtering and tests."""
    message: str
    """A sentence fit for display that names the people, sessions or items involved."""
    ref: str | None = None
    """The id or key of the offending item."""

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        """The finding as plain data for `--json` and the app."""
        return asdict(self)


class PlannerError(Exception):
    """An error the user can act on; shells print it without a traceback."""


class ValidationFailed(PlannerError):
    """A file has problems; nothing was loaded from it and nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ConflictError(PlannerError):
    """Someone saved the event since it was loaded; saving now would lose their work."""


class InvalidIdentifier(PlannerError):
    """An id that is not a slug, and so could escape the library folder."""


class UnknownEvent(PlannerError):
    """No event with this id in the library."""
