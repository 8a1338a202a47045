"""Working groups: who sits in which, and the solver that composes them (`assign`)."""
