"""The CP-SAT model of a problem of routes: hard rules as constraints, soft goals as weighted
terms, with the chairs and rapporteurs of every round solved."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from planner.groups.assign.goals import can_keep_role
from planner.groups.assign.placing import Plan
from planner.groups.assign.routes import Problem

__all__ = ["CompositionModel", "leadership_weights", "solver"]


def leadership_weights(groups: int) -> tuple[int, int, int]:
    """Weights of one chair, one rapporteur and one group reported by two organisations in
    the leadership score of a round of `groups` groups: lexicographic, so that one more
    chair outweighs every rapporteur, and one more rapporteur every mixed pair.

    Examples
    --------
    >>> leadership_weights(6)
    (91, 7, 1)
    """
    rapporteur = groups + 1
    return rapporteur * (2 * groups + 1), rapporteur, 1


class CompositionModel:
    """Variables and constraints for a problem of routes; objective terms by goal.

    `allowed` keeps some routes of each person (all when None): a restriction, whose
    solutions are compositions of the whole problem. With `soft=False` only the hard
    rules, the route costs and the leadership terms are built.
    """

    def __init__(self, problem: Problem, *, allowed: list[list[int]] | None = None,
                 soft: bool = True) -> None:
        from ortools.sat.python import cp_model  # noqa: PLC0415 -- slow import

        self.cp = cp_model
        self.model = cp_model.CpModel()
        self.problem, self.soft = problem, soft
        self.candidates = problem.candidates
        self.weights = problem.weights
        self.people = [i for i, routes in enumerate(problem.routes) if routes]
        self.allowed = allowed or [list(range(len(r))) for r in problem.routes]
        self.route: dict[int, dict[int, Any]] = {}
        self.seats: dict[tuple[int, int], list[Any]] = defaultdict(list)
        self.chair: dict[tuple[int, int], Any] = {}
        self.rapporteur: dict[tuple[int, int], Any] = {}
        self.terms: dict[str, list[tuple[Any, int]]] = defaultdict(list)
        self.score: dict[int, list[tuple[Any, int]]] = defaultdict(list)
        self.costs: list[tuple[Any, int]] = []
        self._place_everyone()
        self._counters()
        for round_ in problem.rounds:
            self._lead_round(round_)

    def _new(self, upper: int) -> Any:
        return self.model.new_int_var(0, upper, "")

    def _sum(self, items: list[Any]) -> Any:
        return self.cp.LinearExpr.sum(items)

    # --- hard rules -------------------------------------------------------------------------

    def _place_everyone(self) -> None:
        problem = self.problem
        for i in self.people:
            chosen = self.allowed[i]
            row: dict[int, Any] = {r: 1 for r in chosen} if len(chosen) == 1 else {
                r: self.model.new_bool_var("") for r in chosen}
            if len(row) > 1:
                self.model.add_exactly_one(row.values())
            self.route[i] = row
            for r, var in row.items():
                if problem.cost[i][r]:
                    self.costs.append((var, problem.cost[i][r]))
                for round_ in problem.rounds:
                    self.seats[i, problem.seat(i, r, round_)].append(var)

    def x(self, person: int, group: int) -> Any:
        """Whether `person` sits in `group` (a sum of route variables, or 0 or 1)."""
        found = self.seats.get((person, group), [])
        return self._sum(found) if found else 0

    def _counters(self) -> None:
        problem = self.problem
        members: dict[int, list[Any]] = defaultdict(list)
        for i in self.people:
            for r, var in self.route[i].items():
                for row in problem.hits(i, r):
                    members[row].append(var)
        for row, counter in enumerate(problem.counters):
            found = members.get(row, [])
            if counter.kind == "size":
                spec = self.candidates.groups[counter.group]
                self.model.add(self._sum(found) <= spec.capacity)
                if self.soft and spec.minimum:
                    self.model.add(self._sum(found) >= spec.minimum)
            elif self.soft and len(found) > counter.most:
                over = self._new(len(found) - counter.most)
                self.model.add(over >= self._sum(found) - counter.most)
                self.terms[counter.goal].append((over, 1))

    # --- who chairs and reports -------------------------------------------------------------

    def _options(self, round_: int, role: str) -> dict[int, list[tuple[int, Any]]]:
        groups = self.candidates.groups
        found: dict[int, list[tuple[int, Any]]] = defaultdict(list)
        for i in self.people:
            person = self.candidates.people[i]
            able = person.chair if role == "chair" else person.rapporteur_org is not None
            if not able or round_ in person.leads:
                continue
            for g in self.candidates.by_round[round_]:
                slots = groups[g].chair_slots if role == "chair" else groups[g].rapporteur_slots
                if not slots or (i, g) not in self.seats or (
                        role == "chair" and groups[g].host_chairs and not person.host):
                    continue
                var = self.model.new_bool_var("")
                self.model.add(var <= self.x(i, g))
                found[g].append((i, var))
        return found

    def _lead_round(self, round_: int) -> None:
        people, groups = self.candidates.people, self.candidates.groups
        members = self.candidates.by_round[round_]
        chairs, rapporteurs = self._options(round_, "chair"), self._options(round_, "rapporteur")
        roles: dict[int, list[Any]] = defaultdict(list)
        for table, found in ((self.chair, chairs), (self.rapporteur, rapporteurs)):
            for g, options in found.items():
                for i, var in options:
                    table[i, g] = var
                    roles[i].append(var)
        for held in roles.values():
            if len(held) > 1:
                self.model.add_at_most_one(held)
        chair, rapporteur, mixed = leadership_weights(len(members))
        field = any(p.field_staff and p.rapporteur_org for p in people)
        for g in members:
            if chairs[g]:
                self.model.add(self._sum([v for _, v in chairs[g]]) <= groups[g].chair_slots)
            if rapporteurs[g]:
                self.model.add(self._sum([v for _, v in rapporteurs[g]])
                               <= groups[g].rapporteur_slots)
            self.score[round_] += [(v, chair) for _, v in chairs[g]]
            self.score[round_] += [(v, rapporteur) for _, v in rapporteurs[g]]
            self._diversify(round_, g, rapporteurs[g], mixed)
            self._avoid_all_male(g, chairs[g] + rapporteurs[g])
            if field:
                self.terms["field_staff"] += [(v, 1) for i, v in rapporteurs[g]
                                              if not people[i].field_staff]
        self._keep_roles(round_)

    def _keep_roles(self, round_: int) -> None:
        for i in self.people:
            kept = can_keep_role(self.candidates, i, round_)
            var = kept and (self.chair if kept[1] == "chair" else self.rapporteur).get(
                (i, kept[0]))
            if kept and var is not None:
                lost = self.model.new_bool_var("")
                self.model.add(lost + var == 1)
                self.terms["stability"].append((lost, 1))
            elif kept:
                self.terms["stability"].append((1, 1))

    def _diversify(self, round_: int, g: int, options: list[tuple[int, Any]],
                   weight: int) -> None:
        spec = self.candidates.groups[g]
        kept = set(spec.kept_rapporteur_orgs)
        orgs: dict[str, list[Any]] = defaultdict(list)
        for i, var in options:
            orgs[self.candidates.people[i].rapporteur_org or ""].append(var)
        if len(kept | set(orgs)) < 2 or len(spec.kept_rapporteur_orgs) >= 2:
            return
        present: list[Any] = [1] * len(kept)
        for org, found in orgs.items():
            if org not in kept:
                has = self._new(1)
                self.model.add(has <= self._sum(found))
                present.append(has)
        both = self._new(1)
        self.model.add(2 * both <= self._sum(present))
        self.score[round_].append((both, weight))

    def _avoid_all_male(self, g: int, options: list[tuple[int, Any]]) -> None:
        group = self.candidates.groups[g]
        seats = group.kept_leaders + group.chair_slots + group.rapporteur_slots
        men = [v for i, v in options if self.candidates.people[i].male]
        if seats < 2 or group.kept_men + len(men) < seats:
            return
        flag = self._new(1)
        self.model.add(flag >= self._sum(men) + group.kept_men - seats + 1)
        self.terms["all_male"].append((flag, 1))

    # --- objective, reading and hinting -----------------------------------------------------

    def objective(self) -> Any:
        """The weighted cost: route costs (preference, places kept) and the other goals."""
        pairs = list(self.costs) + [(v, c * self.weights.get(goal, 0))
                                    for goal, terms in self.terms.items() for v, c in terms]
        return self.cp.LinearExpr.weighted_sum([v for v, _ in pairs], [c for _, c in pairs])

    def leadership(self, round_: int) -> Any:
        """Chairs, rapporteurs and groups reported by two organisations of a round, as one
        score (see `leadership_weights`)."""
        found = self.score.get(round_, [])
        return self.cp.LinearExpr.weighted_sum([v for v, _ in found], [c for _, c in found])

    def read(self, solver: Any, plan: Plan) -> None:
        """Write the solver's placing and leaders of the problem's rounds into `plan`."""
        problem = self.problem
        for i in self.people:
            r = next(r for r, var in self.route[i].items()
                     if isinstance(var, int) or solver.boolean_value(var))
            for round_ in problem.rounds:
                plan.place[i][round_] = problem.seat(i, r, round_)
        for table, roles in ((self.chair, plan.chairs), (self.rapporteur, plan.rapporteurs)):
            for round_ in problem.rounds:
                for g in self.candidates.by_round[round_]:
                    roles.pop(g, None)
            for (i, g), var in sorted(table.items()):
                if solver.boolean_value(var):
                    roles.setdefault(g, []).append(i)

    def hint(self, plan: Plan) -> None:
        """Suggest a known placing (`plan`) to the solver as its first solution."""
        problem = self.problem
        for i in self.people:
            if len(plan.place[i]) < len(problem.rounds):
                continue
            want = tuple(plan.place[i].get(r) for r in problem.rounds)
            for r, var in self.route[i].items():
                if not isinstance(var, int):
                    self.model.add_hint(var, problem.routes[i][r] == want)
        for table, roles in ((self.chair, plan.chairs), (self.rapporteur, plan.rapporteurs)):
            for (i, g), var in table.items():
                self.model.add_hint(var, i in roles.get(g, []))


def solver(*, seed: int, seconds: float, gap: float = 0.0, work: float | None = None) -> Any:
    """A CP-SAT solver, seeded and single-threaded: the same result on every run."""
    from ortools.sat.python import cp_model  # noqa: PLC0415 -- slow import

    found = cp_model.CpSolver()
    params = found.parameters
    params.random_seed = seed
    # One worker and a seed: the same result on every run. Several workers, even
    # interleaved, were slower here and, stopped by the clock, not repeatable.
    params.num_workers = 1
    params.max_time_in_seconds = max(seconds, 0.05)
    if work is not None:
        params.max_deterministic_time = work
    params.relative_gap_limit = gap
    # Measured on 300 to 5,000 people: the full linear relaxation, built up front, bounds
    # the counting constraints tightly; presolve finds little and costs more than it saves.
    params.linearization_level = 2
    params.add_lp_constraints_lazily = False
    params.cp_model_presolve = False
    return found
