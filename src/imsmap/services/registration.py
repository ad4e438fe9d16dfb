"""The practitioner's registration number on a session: where a new session takes it from, and
recording it on a draft (from the sign dialog) with, if the clinician agrees, the clinic's list
of practitioners, so that their next sessions carry it.

A signed note is a medico-legal document: in most jurisdictions it must carry the treating
physiotherapist's name and registration number. A session carries the number it was given when
it was started (the clinic's list's for the name, else the one recorded with the name at the
patient's last signed visit); a new patient's first session under a name the list does not hold
had none, and its PDF said "Registration no. not recorded". The sign dialog names the missing
number (services.safety) and offers to record it here.
"""

from __future__ import annotations

from dataclasses import replace

from imsmap.domain.errors import ConflictError, ValidationError
from imsmap.domain.models import Session
from imsmap.domain.roles import ADMIN
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.services import clinic, conflicts
from imsmap.services.changes import Action, Change, Entity
from imsmap.services.practitioner_list import Practitioner, by_name
from imsmap.services.record_fields import EDITABLE_SESSION_FIELDS
from imsmap.services.records import Records
from imsmap.services.unit_of_work import UnitOfWork

FIELD = "practitioner_registration"


def registration_for(records: Records, practitioner: str, patient_id: int,
                     listed: tuple[Practitioner, ...]) -> str:
    """The registration number a session of `practitioner` carries: the clinic's list's for
    the name, else the one recorded with the same name at this patient's last signed visit
    that has one (an empty list, as the demo's, left "Registration no. not recorded" under a
    name every earlier note gave with its number); "" when neither has one."""
    if not practitioner:
        return ""
    known = by_name(listed, practitioner)
    if known is not None and known.registration:
        return known.registration
    return next((s.practitioner_registration
                 for s in records.read.sessions_for_patient(patient_id)  # newest first
                 if s.practitioner == practitioner and s.practitioner_registration
                 and s.counts and s.is_signed), "")


def may_add_to_list(records: Records) -> bool:
    """Whether this login may add to the clinic's list: on a clinic server the list is its
    administrators' (the server refuses it to anyone else); on one computer, anyone's."""
    return ADMIN in records.read.roles


def record_registration(records: Records, session_id: int, number: str, *,
                        practitioner: str, add_to_list: bool = False) -> Session:
    """Record `number` as the registration number of the draft's practitioner, who was
    `practitioner` as the clinician was shown it; with `add_to_list`, the clinic's list gives
    that name this number too (added to the list, or given to a listed name that had none).
    One transaction: the session's update and the list's, each with its audit entry.

    What the write decides on is read inside it. The session must still name `practitioner`
    with no number of its own: another window that changed either meanwhile refuses it
    (ConflictError, nothing written), as a field of a draft typed over another window's
    change is (services.conflicts). A list that gave the name another number meanwhile
    refuses it too: the two numbers are for the clinician to settle, not for the later write.
    An empty or invalid number is refused with its sentence (ValidationError)."""
    clean = records.clean_session_fields({FIELD: number})
    value = str(clean[FIELD])
    if not value:
        raise ValidationError(sentence("Registration", QT_TRANSLATE_NOOP(
            "Registration", "Enter the practitioner's registration number (from the college "
            "or board), or leave it out and sign without it.")), FIELD)
    with records.write() as work:
        version = work.version("sessions", session_id)
        old = work.draft(session_id)
        conflicts.check(work.connection, "session", session_id, session_id, old,
                        {"practitioner": practitioner, FIELD: ""}, clean,
                        EDITABLE_SESSION_FIELDS)
        if add_to_list:
            _add_to_list(records, work, practitioner, value)
        records.write_update(work, "sessions", old, clean, version,
                             Change(Action.UPDATE, Entity.SESSION, session_id,
                                    session_id=session_id, patient_id=old.patient_id))
    return records.repo.session(session_id)


def _add_to_list(records: Records, work: UnitOfWork, name: str, number: str) -> None:
    """The clinic's list, read inside the write, given `name` with `number`: nothing written
    when it has them already; refused when it gives the name another number."""
    current = clinic.load(records)
    listed = by_name(current.practitioners, name)
    if listed is not None and listed.registration == number:
        return
    if listed is not None and listed.registration:
        raise ConflictError(sentence("Registration", QT_TRANSLATE_NOOP(
            "Registration", "The clinic's list of practitioners gives %1 the registration "
            "number %2 (changed in another window or program meanwhile), not %3, so nothing "
            "was written: check which is right, then sign again."),
            name, listed.registration, number), ("practitioners",))
    people = (tuple(replace(p, registration=number) if p is listed else p
                    for p in current.practitioners) if listed is not None
              else (*current.practitioners, Practitioner(name, number)))
    clinic.write_in(work, clinic.settings_values(replace(current, practitioners=people)))
