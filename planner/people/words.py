"""The words registration lists use for statuses, roles, genders, levels and yes or no,
and what each means in the event file."""

from __future__ import annotations

from typing import Any

from planner.model import Gender, InvitationStatus, ParticipantRole, Seniority, normalise_name

__all__ = ["HONORIFICS", "NO", "ROLE_WORDS", "STATUS_WORDS", "SYNONYMS", "YES"]

HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "he", "h e", "hon", "amb",
    "ambassador", "sir", "dame", "m", "mme", "mlle", "sr", "sra", "srta", "dra", "don",
    "dona", "excellency", "his", "her", "rev", "the", "honourable", "honorable"})

_R, _S = ParticipantRole, InvitationStatus
ROLE_WORDS: dict[ParticipantRole, tuple[str, ...]] = {
    _R.HEAD_OF_DELEGATION: ("hod", "head", "head of delegation", "head of the delegation",
                            "delegation head", "leader of delegation", "chef de delegation",
                            "jefe de delegacion", "jefa de delegacion"),
    _R.DELEGATE: ("participant", "member of delegation", "delegation member", "delegue",
                  "deleguee", "delegado", "delegada", "attendee", "member"),
    _R.ALTERNATE: ("alternate", "deputy head of delegation", "suppleant", "suplente"),
    _R.ADVISER: ("advisor", "expert", "technical adviser", "resource person", "conseiller",
                 "asesor", "asesora"),
    _R.OBSERVER: ("observateur", "observador"),
    _R.SPEAKER: ("panelist", "panellist", "presenter", "keynote", "keynote speaker",
                 "discussant", "orateur", "intervenant", "ponente"),
    _R.CHAIR: ("chairperson", "chairman", "chairwoman", "co chair", "moderator", "facilitator",
               "moderateur", "moderador", "president de seance"),
    _R.RAPPORTEUR: ("note taker", "relator", "relatora"),
    _R.SECRETARIAT: ("organiser", "organizer", "organisers", "organizers", "organising team",
                     "organizing team", "organizing committee", "support", "support staff",
                     "staff", "conference secretariat", "logistics", "organisateur",
                     "secretariado"),
    _R.INTERPRETER: ("interprete", "translator"),
}
#: Registration states and status words as lists write them, with the status each means:
#: Indico's state titles and names first.
STATUS_WORDS: dict[InvitationStatus, tuple[str, ...]] = {
    _S.CONFIRMED: ("Completed", "complete", "Awaiting payment", "unpaid", "registered",
                   "confirmed", "inscrit", "confirme", "confirmado", "accepted"),
    _S.PROPOSED: ("Pending", "waiting list", "waitlist", "wait listed", "en attente",
                  "pendiente", "proposed"),
    _S.CANCELLED: ("Withdrawn", "cancelled", "canceled", "annule", "cancelado", "no show"),
    _S.DECLINED: ("Rejected", "declined", "refused", "decline", "refuse", "rechazado"),
    _S.ATTENDED: ("attended", "checked in", "present"),
    _S.INVITED: ("invited", "invite", "invitado"),
}

SYNONYMS: dict[str, dict[str, Any]] = {
    "gender": {
        **{k: Gender.FEMALE for k in ("f", "female", "woman", "w", "femme", "feminin",
                                      "mujer", "femenino")},
        **{k: Gender.MALE for k in ("m", "male", "man", "homme", "masculin", "hombre",
                                    "masculino")},
        **{k: Gender.OTHER for k in ("other", "x", "non binary", "diverse", "autre", "otro")},
        **{k: Gender.UNDISCLOSED for k in ("undisclosed", "prefer not to say", "n a")},
    },
    "seniority": {"ministerial": Seniority.MINISTER, "senior": Seniority.SENIOR_OFFICIAL,
                  "working level": Seniority.OFFICIAL, "technical": Seniority.EXPERT},
    "roles": {normalise_name(w): role for role, words in ROLE_WORDS.items() for w in words},
    "status": {normalise_name(w): status for status, words in STATUS_WORDS.items()
               for w in words},
}
for _field_name, _enum in (("gender", Gender), ("seniority", Seniority),
                           ("roles", ParticipantRole), ("status", InvitationStatus)):
    for _member in _enum:
        SYNONYMS[_field_name].setdefault(normalise_name(_member.value), _member)

YES = frozenset({"yes", "y", "true", "1", "x", "oui", "si", "o", "checked in"})
NO = frozenset({"no", "n", "false", "0", "non", ""})
