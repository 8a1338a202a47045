"""Sentences the app shows: page titles, empty states, recurring labels."""

LIBRARY_TITLE = "Library of past events"
LIBRARY_FOLDER = "Library folder"
NO_EVENTS = "This library holds no events yet."
LIBRARY_PROBLEMS = "Some files of this library have problems; fix them and reload:"
COVERAGE_TITLE = "Action points × events (working groups / recommendations)"
