"""The conference both journey tests build, in the browser and with the command line: who is
invited, the registration list, the recommendations adopted."""

from __future__ import annotations

from pathlib import Path

EVENT = "nairobi-2027"
REGISTRATIONS = Path(__file__).resolve().parents[1] / "people" / "data" / \
    "nairobi-registrations.csv"
#: Six States and four organisations the Dar es Salaam template does not invite.
STATES = ("djibouti", "egypt", "eritrea", "sudan", "south-sudan", "yemen")
ORGANISATIONS = ("drc", "icrc", "save-the-children", "eu")
RECOMMENDATIONS = ("i. Establish protection-sensitive entry systems at the borders.\n"
                   "ii. Train border officials in identifying persons in need of protection.\n"
                   "iii. Set up national referral mechanisms for victims of trafficking.\n"
                   "iv. Share data on mixed movements through a regional platform.\n"
                   "v. Expand alternative legal migration pathways.\n")
