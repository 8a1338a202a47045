"""What an import did with each row, and the organisations it waits on: the report an
organiser reads before saving."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from planner.grammar import counted
from planner.model import Organisation
from planner.people.organisations import Proposal

__all__ = ["ImportReport", "Outcome", "RowFate"]

Outcome = Literal["imported", "merged", "held", "rejected"]
OUTCOMES: tuple[Outcome, ...] = ("imported", "merged", "held", "rejected")


@dataclass(frozen=True)
class RowFate:
    """What became of one row of an imported file."""

    row: int
    """Row number as a spreadsheet shows it; the header is row 1."""
    outcome: Outcome
    participant: str | None = None
    """Id of the participant the row created or was merged into."""
    column: str | None = None
    """For a rejected or held row: the column at fault, as the file names it."""
    reason: str | None = None
    """Why it was rejected or held, or whom it was merged with."""
    notes: tuple[str, ...] = ()
    """Further problems of a rejected row; what a merge changed; warnings."""
    name: str | None = None
    """The person's name as the row gives it."""
    proposal: str | None = None
    """For a held row: the key of the proposal it waits on."""

    def __str__(self) -> str:
        who = f" ({self.name})" if self.name else ""
        where = f"column '{self.column}': " if self.column else ""
        if self.outcome in ("rejected", "held"):
            text = f"row {self.row}{who}: {self.outcome}: {where}{self.reason}"
        elif self.outcome == "merged":
            text = f"row {self.row}{who}: merged into {self.participant} ({self.reason})"
        else:
            text = f"row {self.row}{who}: imported as {self.participant}"
        return "; ".join((text, *self.notes))


@dataclass
class ImportReport:
    """Every row of a file with its fate, how the file was read, and what it proposes."""

    source: str
    layout: str
    columns: dict[str, str]
    """Field read from each recognised column, by the file's column name."""
    ignored: list[str]
    """Columns that were not read."""
    rows: list[RowFate] = field(default_factory=list)
    blank_rows: int = 0
    proposals: list[Proposal] = field(default_factory=list)
    """Organisations the registry lacks or names ambiguously, one per distinct name."""
    added: list[Organisation] = field(default_factory=list)
    """Entries to add to the registry before the event is saved (with consent only)."""

    def counts(self) -> dict[str, int]:
        """Rows imported, merged, held and rejected, and their total.

        Examples
        --------
        >>> ImportReport("x.csv", "CSV", {}, [], [RowFate(2, "imported", "a")]).counts()
        {'rows': 1, 'imported': 1, 'merged': 0, 'held': 0, 'rejected': 0}
        """
        outcomes = [fate.outcome for fate in self.rows]
        return {"rows": len(self.rows), **{k: outcomes.count(k) for k in OUTCOMES}}

    def fate(self, row: int) -> RowFate:
        """The fate of the row numbered `row`."""
        return next(fate for fate in self.rows if fate.row == row)

    def open_proposals(self) -> list[Proposal]:
        """The proposals no decision has settled: their rows are held."""
        return [p for p in self.proposals if p.decided is None]

    def summary(self) -> str:
        """One line: what was read and what became of it."""
        c = self.counts()
        text = (f"{self.source} ({self.layout}): {counted(c['rows'], 'row')}: "
                f"{c['imported']} imported, "
                f"{c['merged']} merged, {c['rejected']} rejected")
        if c["held"]:
            text += f", {c['held']} held"
        if self.blank_rows:
            text += f"; {counted(self.blank_rows, 'blank row')} skipped"
        return text

    def proposal_lines(self) -> list[str]:
        """The organisations added, and those the held rows wait on."""
        lines = [f"added to the registry: {org.type.value} '{org.id}' ({org.name})"
                 for org in self.added]
        lines += [f"'{p.written}' taken as '{p.decided}'" for p in self.proposals
                  if p.decided and p.decided not in {o.id for o in self.added}]
        waiting = self.open_proposals()
        if waiting:
            can = sum(p.acceptable for p in waiting)
            lines.append(f"{len(waiting)} organisations not settled, their rows held"
                         + (f" ({can} can be added as proposed with --add-organisations):"
                            if can else ":"))
            lines += [f"  {p}" for p in waiting]
        return lines

    def lines(self) -> list[str]:
        """The report as text: summary, ignored columns, proposals, one line per row."""
        hints = [f"column '{name}' not read (use --map '{name}=FIELD' to read it)"
                 for name in self.ignored]
        return [self.summary(), *hints, *self.proposal_lines(), *map(str, self.rows)]

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data for `--json` and the app."""
        return {"source": self.source, "layout": self.layout, "counts": self.counts(),
                "columns": self.columns, "ignored": self.ignored,
                "blank_rows": self.blank_rows, "rows": [asdict(f) for f in self.rows],
                "proposals": [_proposal(p) for p in self.proposals],
                "added": [org.model_dump(mode="json", exclude_defaults=True)
                          for org in self.added]}


def _proposal(proposal: Proposal) -> dict[str, Any]:
    entry = proposal.entry
    return {"key": proposal.key, "written": proposal.written, "country": proposal.country,
            "entry": entry.model_dump(mode="json", exclude_defaults=True) if entry else None,
            "reason": proposal.reason, "choices": proposal.choices, "near": proposal.near,
            "rows": proposal.rows, "people": proposal.people, "decided": proposal.decided}
