"""Sentences the app shows: page titles, empty states, recurring labels."""

LIBRARY_TITLE = "Library of past events"
LIBRARY_FOLDER = "Library folder"
CURRENT_EVENT = "Current event"
NO_EVENTS = "This library holds no events yet."
NO_MATCH = "No event matches these filters."
LIBRARY_PROBLEMS = "Some files of this library have problems; fix them and reload:"
COVERAGE_TITLE = "Action points × events (working groups + recommendations)"
COMPARE_TITLE = "Two events side by side"
ANY = "any"

NEW_EVENT_TITLE = "Start a new event from a past one"
NEW_EVENT_INTRO = ("Keep the structure of a past event (agenda, working groups, concept-note "
                   "sections, organiser roles, invitation categories); outcomes, "
                   "recommendations and follow-up start empty.")
NEW_EVENT_PREVIEW = "What will be created"
NEW_EVENT_CREATE = "Create the event"
NEW_EVENT_CREATED = "Created {path}. It is now the current event."
