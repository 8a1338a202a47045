"""The panels around the partner map: one actor's neighbourhood beside it, the two editions
compared (listed, and drawn on one map coloured by edition), and the regions to filter by."""

from __future__ import annotations

from functools import partial
from typing import Any

import streamlit as st

from planner.network.suggest import EditionComparison
from planner.ui import phrases

__all__ = ["editions_compared", "neighbourhood", "region_choices"]

_CONTINENTS = ("Africa", "Americas", "Asia", "Europe", "Oceania")


def region_choices(graph: Any) -> list[str]:
    """The continents, then every region an initiative or event of the library names."""
    named = {a for _, d in graph.nodes(data=True) for a in d.get("areas", ())}
    return [*_CONTINENTS, *sorted(named - set(_CONTINENTS))]


def neighbourhood(ego: dict[str, Any] | None) -> None:
    """An actor's initiatives and events and its partners, strongest first; or how to
    choose one."""
    if ego is None:
        st.info(phrases.NETWORK_EGO_NONE)
        return
    st.markdown(f"#### {ego['label']}")
    st.caption(phrases.NETWORK_EGO_SIZE.format(partners=len(ego["partners"]),
                                                activities=len(ego["activities"])))
    st.dataframe([{"partner": p["label"], "shared": p["weight"],
                   "through": "; ".join(v["label"] for v in p["via"][:3])}
                  for p in ego["partners"]], hide_index=True, height=300,
                 key="network-partners",
                 column_config={"shared": st.column_config.NumberColumn(
                     phrases.NETWORK_SHARED, help=phrases.NETWORK_SHARED_HELP)})
    st.dataframe([{"initiative or event": a["label"], "kind": a["kind"],
                   "when": a["edition"] or a["year"], "as": ", ".join(
                       r for roles in a["roles"].values() for r in roles)}
                  for a in ego["activities"]], hide_index=True, height=220,
                 key="network-activities")


def editions_compared(diff: EditionComparison, *, colour_key: str) -> None:
    """Who appears only in the 2011 edition, only in 2016, in both: one map, three lists."""
    st.subheader(phrases.NETWORK_EDITIONS, help=phrases.NETWORK_EDITIONS_HELP.format(
        before=diff.before, after=diff.after))
    if not (diff.only_before or diff.only_after or diff.both):
        st.info(phrases.NETWORK_EDITIONS_NONE)
        return
    # One map is enough, and a second one would double the time the page takes to draw:
    # the button colours the map above by edition.
    st.button(phrases.NETWORK_EDITIONS_COLOUR, key="network-editions-colour", on_click=partial(
        st.session_state.__setitem__, colour_key, "edition"), icon=":material/palette:")
    columns = st.columns(3)
    for column, (title, ids) in zip(columns, (
            (phrases.NETWORK_ONLY.format(edition=diff.before), diff.only_before),
            (phrases.NETWORK_ONLY.format(edition=diff.after), diff.only_after),
            (phrases.NETWORK_BOTH, diff.both)), strict=True):
        column.markdown(f"**{title}** ({len(ids)})")
        column.dataframe([{"name": diff.labels[i]} for i in ids], hide_index=True, height=240,
                         key=f"network-editions-{title.split()[-1].casefold()}")
