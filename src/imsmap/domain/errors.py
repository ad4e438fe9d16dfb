"""Errors that the user or the environment caused. Each carries one plain sentence for the user.

Anything else that is raised is a bug and is reported as one (crash dialog, log, CLI exit 1).
"""


class UserFacingError(Exception):
    """Base: the message is a complete sentence saying what happened and what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(UserFacingError, ValueError):
    """A value the user gave is impossible (pain 11, grasp 4, a birth date in the future...)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFoundError(UserFacingError, LookupError):
    """A patient, session or site id that does not exist."""


class ReadOnlyError(UserFacingError):
    """An edit to something that may not change: a signed session, a read-only database."""


class ConflictError(UserFacingError):
    """An edit that started from values another window or program has changed since: refused,
    so that neither person's work is overwritten unseen. ``fields`` names what differed."""

    def __init__(self, message: str, fields: tuple[str, ...] = ()):
        super().__init__(message)
        self.fields = tuple(fields)


class BusyError(UserFacingError):
    """A write that met a lock another room's or program's transaction holds, and waited no
    longer for it: nothing of it was written, and the same write goes through once that
    transaction ends (the clinic server's lock_timeout, store.postgres.refusals)."""
