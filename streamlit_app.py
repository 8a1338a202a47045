"""The planner app: routes to the pages of planner.ui, nothing more."""

import streamlit as st

from planner.ui import PAGES, phrases, signin, state


def main() -> None:
    """Set up the page and run the one the organiser chose."""
    st.set_page_config(page_title="planner", page_icon=":material/event:", layout="wide")
    state.speak_chosen_language()  # before anything is worded, the navigation included
    signin.gate()
    sections: dict[str, list[st.Page]] = {}
    links = {}
    for page in PAGES:
        links[page.url_path] = st.Page(page.render, title=phrases.say(page.title), icon=page.icon,
                                       url_path=page.url_path)
        sections.setdefault(phrases.say(page.section), []).append(links[page.url_path])
    state.remember_pages(links)
    # Every page stays in sight: folded behind "View more", organisers missed History.
    page = st.navigation(sections, expanded=True)
    state.sidebar()
    state.language_choice()
    page.run()


# Streamlit runs this file as `__main__`; the process that renders an organiser's own
# template (spawned, planner.documents.sandbox) imports it again as `__mp_main__`, and
# must not draw the app there: it would load every page past the render's memory limit.
if __name__ == "__main__":
    main()
