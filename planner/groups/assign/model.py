"""The CP-SAT model of one round: hard rules as constraints, soft goals as weighted terms."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from planner.groups.assign.candidates import Candidates
from planner.groups.assign.goals import Label, Limits, labels, limits
from planner.groups.assign.placing import Plan

__all__ = ["RoundModel"]

class RoundModel:
    """Variables and constraints for one round of the candidates; objective terms by goal.

    Group sizes follow `targets`; each group's mix is measured against its
    target size, so every constraint counts people with unit coefficients,
    which keeps the model's linear relaxation tight and its search quick.
    With `soft=False` only the hard rules and the leadership terms are built.
    """

    def __init__(self, candidates: Candidates, round_: int, *, weights: dict[str, int],
                 targets: dict[int, int], earlier: list[dict[int, int]],
                 soft: bool = True) -> None:
        from ortools.sat.python import cp_model  # noqa: PLC0415 -- slow import

        self.cp = cp_model
        self.model = cp_model.CpModel()
        self.candidates, self.round, self.weights = candidates, round_, weights
        self.groups = candidates.by_round[round_]
        self.targets, self.earlier = targets, earlier
        self.bounds: Limits = limits(candidates, round_, targets=targets,
                                     earlier=earlier) if soft else {}
        self.labels = [labels(p, e) for p, e in zip(candidates.people, earlier, strict=True)]
        self.x: list[dict[int, Any]] = []
        self.chair: dict[tuple[int, int], Any] = {}
        self.rapporteur: dict[tuple[int, int], Any] = {}
        self.terms: dict[str, list[tuple[Any, int]]] = defaultdict(list)
        self.score: list[tuple[Any, int]] = []
        self._place_everyone()
        self._lead_groups()
        if soft:
            self._soft_goals()

    def _new(self, upper: int) -> Any:
        return self.model.new_int_var(0, upper, "")

    def _sum(self, items: list[Any]) -> Any:
        return self.cp.LinearExpr.sum(items)

    # --- hard rules -------------------------------------------------------------------------

    def _place_everyone(self) -> None:
        seats: dict[int, list[Any]] = defaultdict(list)
        pinned: Counter[int] = Counter()
        for person in self.candidates.people:
            if self.round in person.pinned:
                self.x.append({person.pinned[self.round]: 1})
                pinned[person.pinned[self.round]] += 1
                continue
            row = {g: self.model.new_bool_var("") for g in self.groups}
            self.model.add_exactly_one(row.values())
            for group, var in row.items():
                seats[group].append(var)
                if cost := person.cost(group, self.round):
                    self.terms["preference"].append((var, cost))
            self.x.append(row)
        for group in self.groups:
            room = self.candidates.groups[group].capacity - pinned[group]
            if len(seats[group]) > room:
                self.model.add(self._sum(seats[group]) <= room)

    def _candidates(self, able: Callable[[int], bool], slots: Callable[[int], int]
                    ) -> dict[int, list[tuple[int, Any]]]:
        found: dict[int, list[tuple[int, Any]]] = defaultdict(list)
        for i, row in enumerate(self.x):
            if not able(i) or self.round in self.candidates.people[i].leads:
                continue
            for group, seat in row.items():
                if slots(group):
                    var = self.model.new_bool_var("")
                    if not isinstance(seat, int):
                        self.model.add_implication(var, seat)
                    found[group].append((i, var))
        return found

    def _lead_groups(self) -> None:
        people, groups = self.candidates.people, self.candidates.groups
        chairs = self._candidates(lambda i: people[i].chair, lambda g: groups[g].chair_slots)
        rapporteurs = self._candidates(lambda i: people[i].rapporteur_org is not None,
                                       lambda g: groups[g].rapporteur_slots)
        roles: dict[int, list[Any]] = defaultdict(list)
        for table, found in ((self.chair, chairs), (self.rapporteur, rapporteurs)):
            for group, options in found.items():
                for i, var in options:
                    table[i, group] = var
                    roles[i].append(var)
        for held in roles.values():
            self.model.add_at_most_one(held)
        # Lexicographic: one more chair outweighs every rapporteur, one more rapporteur
        # every group reported by two organisations.
        mixed, rapporteur = 1, len(self.groups) + 1
        chair = rapporteur * (2 * len(self.groups) + 1)
        for g in self.groups:
            spec = groups[g]
            if chairs[g]:
                self.model.add(self._sum([v for _, v in chairs[g]]) <= spec.chair_slots)
            if rapporteurs[g]:
                self.model.add(self._sum([v for _, v in rapporteurs[g]])
                               <= spec.rapporteur_slots)
            self.score += [(v, chair) for _, v in chairs[g]]
            self.score += [(v, rapporteur) for _, v in rapporteurs[g]]
            self._diversify(g, rapporteurs[g], mixed)
            self._avoid_all_male(g, chairs[g] + rapporteurs[g])
        if any(p.field_staff and p.rapporteur_org for p in people):
            self.terms["field_staff"] += [(v, 1) for (i, _), v in self.rapporteur.items()
                                          if not people[i].field_staff]

    def _diversify(self, g: int, options: list[tuple[int, Any]], weight: int) -> None:
        kept = set(self.candidates.groups[g].kept_rapporteur_orgs)
        orgs: dict[str, list[Any]] = defaultdict(list)
        for i, var in options:
            orgs[self.candidates.people[i].rapporteur_org or ""].append(var)
        if len(kept | set(orgs)) < 2 or len(self.candidates.groups[g].kept_rapporteur_orgs) >= 2:
            return
        present: list[Any] = [1] * len(kept)
        for org, found in orgs.items():
            if org not in kept:
                has = self._new(1)
                self.model.add(has <= self._sum(found))
                present.append(has)
        mixed = self._new(1)
        self.model.add(2 * mixed <= self._sum(present))
        self.score.append((mixed, weight))

    def _avoid_all_male(self, g: int, options: list[tuple[int, Any]]) -> None:
        group = self.candidates.groups[g]
        seats = group.kept_leaders + group.chair_slots + group.rapporteur_slots
        men = [v for i, v in options if self.candidates.people[i].male]
        if seats < 2 or group.kept_men + len(men) < seats:
            return
        flag = self._new(1)
        self.model.add(flag >= self._sum(men) + group.kept_men - seats + 1)
        self.terms["all_male"].append((flag, 1))

    # --- soft goals -------------------------------------------------------------------------

    def _over(self, goal: str, seats: list[Any], most: int) -> None:
        if len(seats) > most:
            over = self._new(len(seats) - most)
            self.model.add(over >= self._sum(seats) - most)
            self.terms[goal].append((over, 1))

    def _soft_goals(self) -> None:
        bounds = self.bounds
        seats: dict[tuple[Label, int], list[Any]] = defaultdict(list)
        for row, kinds in zip(self.x, self.labels, strict=True):
            for label in kinds:
                for group, seat in row.items():
                    seats[label, group].append(seat)
        for key, found in seats.items():
            if key in bounds:
                goal, most = bounds[key]
                self._over(goal, found, most)

    # --- reading and writing solutions ------------------------------------------------------

    def expression(self, goal: str) -> Any:
        """The unweighted total of one soft goal."""
        terms = self.terms.get(goal, [])
        return self.cp.LinearExpr.weighted_sum([v for v, _ in terms], [c for _, c in terms])

    def objective(self) -> Any:
        """The weighted sum of the soft goals, to minimise."""
        goals = [goal for goal in self.weights if self.terms.get(goal)]
        return self.cp.LinearExpr.weighted_sum([self.expression(g) for g in goals],
                                               [self.weights[g] for g in goals])

    def leadership(self) -> Any:
        """Chairs, rapporteurs and groups reported by two organisations, as one score."""
        return self.cp.LinearExpr.weighted_sum([v for v, _ in self.score],
                                               [c for _, c in self.score])

    def read(self, solver: Any, plan: Plan) -> None:
        """Write the solver's best placing of this round into `plan`."""
        for i, row in enumerate(self.x):
            plan.place[i][self.round] = next(
                g for g, seat in row.items() if isinstance(seat, int) or solver.boolean_value(seat))
        for table, roles in ((self.chair, plan.chairs), (self.rapporteur, plan.rapporteurs)):
            for g in self.groups:
                roles.pop(g, None)
            for (i, g), var in sorted(table.items()):
                if solver.boolean_value(var):
                    roles.setdefault(g, []).append(i)
