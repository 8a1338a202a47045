"""Labels of the app's fields, columns and help texts that once were written in the pages
themselves; `planner.ui.phrases` holds them too, read in the app's language like the rest."""

__all__ = [
    "ACCESS_EVENT",
    "ACCESS_GRANT",
    "ACCESS_GRANTED",
    "ACCESS_LIBRARY_WIDE",
    "ACCESS_ROLE",
    "ACCESS_TITLE",
    "ACCESS_WHO",
    "APP_LANGUAGE",
    "CHOOSE",
    "CHOOSE_OR_ADD",
    "EVENT_FOLLOWS",
    "EVENT_LANGUAGES",
    "EVENT_WHEN",
    "FOLLOW_UP_CATEGORIES",
    "FOLLOW_UP_COLUMNS",
    "GRID_COLUMNS",
    "HISTORY_COLUMNS",
    "LIBRARY_COLUMNS",
    "LIBRARY_VIEWER_NOTE",
    "LOCAL_USER",
    "NETWORK_BOTH",
    "NETWORK_EDITIONS",
    "NETWORK_EDITIONS_COLOUR",
    "NETWORK_EDITIONS_HELP",
    "NETWORK_EDITIONS_NONE",
    "NETWORK_EGO_NONE",
    "NETWORK_EGO_SIZE",
    "NETWORK_FIND_HELP",
    "NETWORK_FIND_PLACEHOLDER",
    "NETWORK_MARK_HELP",
    "NETWORK_ONLY",
    "NETWORK_ON_MAP",
    "NETWORK_SHARED",
    "NETWORK_SHARED_HELP",
    "NETWORK_SUGGEST_HELP",
    "NETWORK_WHO_MATTERS",
    "NETWORK_WHO_MATTERS_HELP",
    "NETWORK_ZOOM_HELP",
    "PROGRAMME_SESSION_CHOICE",
    "ROSTER_COLUMNS",
    "ROUND_GROUP",
    "SIGNED_IN_AS",
    "SIGNED_IN_AS_EMAIL",
    "SIGN_IN",
    "SIGN_IN_INTRO",
    "SIGN_IN_TITLE",
    "SIGN_IN_UNKNOWN",
    "SIGN_OUT",
    "SUGGESTION_COLUMNS",
    "VIEWER_NOTE",
]

APP_LANGUAGE = "Language of the app"
EVENT_WHEN = "{dates} ({days} days, {timezone})"
EVENT_LANGUAGES = "Languages: {languages}"
EVENT_FOLLOWS = "Follows up `{event}`"
ROUND_GROUP = "Round {round}: {title}"
PROGRAMME_SESSION_CHOICE = "{title} (day {day}, {id})"
NETWORK_SUGGEST_HELP = ("Organisations and States the initiatives and events tie to the "
                        "event's country, region or themes, that are neither organisers, "
                        "invitees nor registered participants.")
NETWORK_FIND_PLACEHOLDER = "name, acronym or other spelling: IOM, Kenya…"
NETWORK_FIND_HELP = ("Centres the map on it, names its strongest partners and lists its "
                     "initiatives, events and partners beside the map.")
NETWORK_ZOOM_HELP = ("Pan and zoom in the map with the mouse too; from 2× on, every "
                     "organisation and State in view is named.")
NETWORK_MARK_HELP = ("Rings the host, organisers, invitees and registered participants of "
                     "the current event, and the suggested partners.")
NETWORK_ON_MAP = "{count} organisations and States on the map; size: partners."
NETWORK_WHO_MATTERS = "Who matters"
NETWORK_WHO_MATTERS_HELP = ("Every organisation and State on the map, most partners first. "
                            "Hover a column's name for what it counts.")
NETWORK_EGO_NONE = ("Find an organisation or State by name, acronym or other spelling above, "
                    "or click a point of the map, to see its neighbourhood here.")
NETWORK_EGO_SIZE = "{partners} partners through {activities} initiatives and events."
NETWORK_SHARED = "shared initiatives and events"
NETWORK_SHARED_HELP = "Initiatives and events the two take part in together."
NETWORK_EDITIONS = "Editions compared"
NETWORK_EDITIONS_HELP = ("Organisations and States named by the initiatives of the {before} "
                         "and {after} editions of *The 10-Point Plan in Action*; events belong "
                         "to neither.")
NETWORK_EDITIONS_NONE = "The filters leave no initiative of either edition."
NETWORK_EDITIONS_COLOUR = "Colour the map by edition"
NETWORK_ONLY = "Only {edition}"
NETWORK_BOTH = "Both"

# Column titles of tables drawn from rows whose keys are the CLI's JSON names.
LIBRARY_COLUMNS = {"id": "id", "kind": "kind", "title": "title", "city": "city",
                   "country": "country", "start": "start", "end": "end",
                   "working_groups": "working_groups", "recommendations": "recommendations",
                   "action_plan": "action_plan", "follow_up": "follow_up"}
HISTORY_COLUMNS = {"revision": "revision", "date": "date", "author": "author",
                   "what changed": "what changed"}
GRID_COLUMNS = {"time": "time", "(no room)": "(no room)"}
FOLLOW_UP_COLUMNS = {"key": "key", "area": "area", "text": "text", "owner": "owner",
                     "deadline": "deadline", "status": "status", "category": "category",
                     "progress": "progress", "last_update": "last_update"}
FOLLOW_UP_CATEGORIES = {"done": "done", "in progress": "in progress", "overdue": "overdue",
                        "planned": "planned", "dropped": "dropped"}
ROSTER_COLUMNS = {"id": "id", "name": "name", "organisation": "organisation",
                  "country": "country", "roles": "roles", "status": "status",
                  "delegation": "delegation", "head": "head",
                  "consent_to_publish": "consent_to_publish", "working_groups": "working_groups"}
SUGGESTION_COLUMNS = {"suggested partner": "suggested partner", "kind": "kind",
                      "score": "score", "why": "why"}
# Streamlit's own words in an empty choice, said by the app so that they follow its language.
CHOOSE = "Choose options"
CHOOSE_OR_ADD = "Choose or add options"

# Sign-in and roles
LOCAL_USER = ("No sign-in is configured: the app runs for you alone on this machine, and you "
              "own the library. See docs/access.md to share it with sign-in and roles.")
SIGN_IN_TITLE = "Sign in"
SIGN_IN_INTRO = "This planner is shared by the co-organisers: sign in with your organisation."
SIGN_IN = "Sign in"
SIGN_OUT = "Sign out"
SIGN_IN_UNKNOWN = ("{email} has no access to this library; ask an owner of the library to add "
                   "you to its access.yaml.")
SIGNED_IN_AS = "Signed in as {name} ({email})"
VIEWER_NOTE = "You are a viewer of this event: you can read it and download its public documents."
ACCESS_TITLE = "Access"
ACCESS_GRANT = "Give a role"
ACCESS_WHO = "E-mail or @domain"
ACCESS_ROLE = "Role"
ACCESS_EVENT = "For"
ACCESS_LIBRARY_WIDE = "the whole library"
ACCESS_GRANTED = "{who} is now {role} for {where}."

# Sign-in and roles: what a viewer is told instead of the edit controls
LIBRARY_VIEWER_NOTE = ("You are a viewer of this library: new events and changes to its "
                       "organisations are for its editors and owners.")
SIGNED_IN_AS_EMAIL = "Signed in as {email}"
