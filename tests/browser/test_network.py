"""The partner map in a real browser: a search centres it on IOM with its partners, and the
region filter narrows the map, the tables and the GEXF download to the same actors. The
pictures of docs/network.md are taken here, from the running app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_journeys import finished, shoot

pytestmark = pytest.mark.e2e

#: The pictures docs/network.md shows.
DOCS_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
ACTOR_TRACES = ("organisation", "state")  # the map's traces when coloured by kind
WHO_MATTERS = "organisation or State"  # the first column of the table of every actor


def _open(open_page: Any) -> Page:
    page: Page = open_page("network")
    # The first visit lays the library's network out; the page waits for nothing after.
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=60_000)
    finished(page)
    expect(page.locator(".js-plotly-plot .textpoint").first).to_be_attached(timeout=30_000)
    return page


def _map(page: Page) -> dict[str, Any]:
    """What the map draws, read from Plotly's own figure in the page."""
    return page.evaluate("""() => {
        const plot = document.querySelector('[data-testid=stPlotlyChart] .js-plotly-plot');
        return {traces: plot.data.map(t => ({name: t.name || null, mode: t.mode,
                                              x: t.x, y: t.y, ids: t.customdata || [],
                                              text: t.text || []})),
                x: plot.layout.xaxis.range, y: plot.layout.yaxis.range};
    }""")


def _map_actors(page: Page) -> set[str]:
    drawn = _map(page)["traces"]
    return {i for t in drawn if t["name"] in ACTOR_TRACES for i in t["ids"]}


def _table_rows(page: Page, name: str) -> int:
    """The rows of the table whose first column is `name` (the grid tells screen readers)."""
    found = page.wait_for_function("""name => {
        for (const table of document.querySelectorAll('[data-testid=stDataFrame] table')) {
            const first = table.querySelector('th');
            if (first && first.textContent.trim() === name)
                return Number(table.getAttribute('aria-rowcount'));
        }
        return null;
    }""", arg=name)
    return int(found.json_value()) - 1  # less the header row


def _gexf_actors(page: Page, folder: Path) -> set[str]:
    with page.expect_download() as download:
        page.get_by_role("button", name="GEXF (Gephi)").click()
    path = folder / "network.gexf"
    download.value.save_as(path)
    graph = nx.read_gexf(path)
    return {n for n, d in graph.nodes(data=True) if d.get("kind") in ACTOR_TRACES}


def _picture(page: Page, name: str) -> None:
    """The map and the panel beside it, for the user guide."""
    DOCS_IMAGES.mkdir(exist_ok=True)
    block = page.get_by_test_id("stHorizontalBlock").filter(
        has=page.get_by_test_id("stPlotlyChart")).last
    block.scroll_into_view_if_needed()
    page.mouse.move(0, 0)  # no hover label in the picture
    block.screenshot(path=str(DOCS_IMAGES / f"{name}.png"))


def test_search_for_iom_centres_the_map_on_it_with_its_partners(open_page: Any) -> None:
    page = _open(open_page)
    _picture(page, "network-library")
    shoot(page, "network")

    page.get_by_role("textbox", name="Find an organisation or State").fill("IOM")
    page.get_by_role("textbox", name="Find an organisation or State").press("Enter")
    finished(page)
    expect(page.get_by_role("heading", name="IOM", exact=True)).to_be_visible()
    drawn = _map(page)
    points = {i: (x, y) for t in drawn["traces"] if t["mode"] == "markers"
              for i, x, y in zip(t["ids"], t["x"], t["y"], strict=True)}
    names = {n for t in drawn["traces"] if t["mode"] == "text" for n in t["text"]}
    centre = ((drawn["x"][0] + drawn["x"][1]) / 2, (drawn["y"][0] + drawn["y"][1]) / 2)
    map_text = page.locator(".js-plotly-plot .textpoint text")

    assert centre == pytest.approx(points["iom"], abs=1e-9)
    assert {"IOM", "UNHCR", "UNICEF"} <= names
    expect(map_text.filter(has_text="IOM").first).to_be_visible()
    expect(map_text.filter(has_text="UNHCR").first).to_be_visible()
    expect(page.get_by_text("210 partners through 28 initiatives and events.")).to_be_visible()
    assert _table_rows(page, "partner") == 210
    _picture(page, "network-iom")


def test_region_africa_narrows_map_tables_and_gexf_alike(open_page: Any,
                                                         tmp_path: Path) -> None:
    page = _open(open_page)
    before = _map_actors(page)
    assert _table_rows(page, WHO_MATTERS) == len(before) == len(_gexf_actors(page, tmp_path))

    page.get_by_role("combobox", name="Region").click()
    page.keyboard.type("Africa")
    page.get_by_role("option", name="Africa", exact=True).click()
    page.keyboard.press("Escape")
    finished(page)
    expect(page.get_by_text("organisations and States on the map").first).to_be_visible()
    after = _map_actors(page)

    assert 0 < len(after) < len(before)
    assert _gexf_actors(page, tmp_path) == after
    assert _table_rows(page, WHO_MATTERS) == len(after)
    _picture(page, "network-africa")
