"""The people of an event: registration lists, the roster, delegations and the balance."""
