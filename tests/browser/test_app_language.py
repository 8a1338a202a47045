"""The app in French, in a real browser: chosen in the sidebar, kept across a reload by the
address, and every main page of a new event walked without an English label left."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from planner.language import speaking
from planner.ui import PAGES, phrases
from tests.browser.test_journeys import finished, go, shoot
from tests.browser.test_planned_event import TITLE, _make_nairobi, page_heading
from tests.ui.test_app_language import english_in

pytestmark = pytest.mark.e2e

#: What a person reads on a page: headings, labels, buttons, captions, notices, tabs,
#: expanders, the navigation and the text of markdown, each element that is on show.
_VISIBLE_TEXTS = """() => {
  const shown = e => e.offsetParent !== null && e.closest('[data-stale="true"]') === null;
  const selectors = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'label', 'button', 'summary',
    '[role=tab]', '[data-testid=stSidebarNav] a', '[data-testid=stCaptionContainer]',
    '[data-testid=stAlert]', '[data-testid=stMarkdownContainer] p',
    '[data-testid=stMarkdownContainer] li', '[data-testid=stWidgetLabel]',
    '[data-testid=stExpander] summary', '[data-testid=stPageLink]'];
  // Material icons are words drawn as a ligature ("event", "history"): not the app's text.
  const words = e => {
    const copy = e.cloneNode(true);
    copy.querySelectorAll('[data-testid=stIconMaterial]').forEach(icon => icon.remove());
    return copy.textContent;
  };
  return [...document.querySelectorAll(selectors.join(','))].filter(shown).map(words);
}"""


def french(text: str) -> str:
    with speaking("fr"):
        return phrases.say(text)


def visible_lines(page: Page) -> list[str]:
    """Each line of each element on show, bullets and emphasis left out."""
    texts: list[str] = page.evaluate(_VISIBLE_TEXTS)
    return [re.sub(r"^[-•*\s]+|\*+$", "", line).strip() for text in texts
            for line in text.splitlines() if line.strip()]


def _speak_french(page: Page) -> None:
    finished(page)  # a dropdown opened during a rerun closes with it
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("combobox", name=phrases.APP_LANGUAGE).click()
    # Typed, not clicked: at the foot of the sidebar the list can open out of the window.
    page.keyboard.type("Français")
    page.keyboard.press("Enter")
    finished(page)
    expect(sidebar.get_by_role("combobox", name=french(phrases.APP_LANGUAGE))).to_have_value(
        "Français")


def test_the_app_walked_in_french_shows_no_english_label(page: Page) -> None:
    finished(page)
    _make_nairobi(page)  # a new event from a template, made as an English speaker would
    _speak_french(page)
    expect(page).to_have_url(re.compile(r"[?&]lang=fr"))

    left: dict[str, list[str]] = {}
    for spec in PAGES:
        go(page, french(spec.title), french(page_heading(page, spec.title)))
        expect(page.get_by_test_id("stException")).to_have_count(0)
        if spec.url_path not in ("library", "new-event"):
            expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
        shoot(page, f"french-{spec.url_path}")
        if found := english_in(visible_lines(page)):
            left[spec.url_path] = found

    assert left == {}


def test_french_stays_across_a_reload_and_english_comes_back(page: Page) -> None:
    finished(page)
    _speak_french(page)
    library = french(page_heading(page, "Library"))

    page.reload()
    finished(page)
    expect(page.get_by_role("heading", name=library, exact=True)).to_be_visible()

    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("combobox", name=french(phrases.APP_LANGUAGE)).click()
    page.keyboard.type("English")
    page.keyboard.press("Enter")
    finished(page)
    expect(page.get_by_role("heading", name=page_heading(page, "Library"),
                            exact=True)).to_be_visible()
    expect(page).not_to_have_url(re.compile(r"[?&]lang="))
