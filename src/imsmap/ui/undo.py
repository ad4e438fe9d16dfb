"""Undo commands for site edits. Each acts on the record through the services; the scene follows
the store's change notifications, never the command.

The window performs an edit first (so a refused edit never reaches the stack), then pushes a
command marked as already done: its first redo() does nothing. A drag is one command, pushed on
release. The stack belongs to one draft session and is cleared when the session changes or is
signed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

from imsmap.domain.errors import UserFacingError
from imsmap.services.records import Records
from imsmap.ui.chart_keys import Confirm, Grade, SiteKeyAction, Toggle

ErrorSink = Callable[[UserFacingError], None]
Selector = Callable[[int | None], None]


class SiteCommand(QUndoCommand):
    def __init__(self, records: Records, site_id: int, text: str, on_error: ErrorSink,
                 select: Selector | None = None):
        super().__init__(text)
        self.records = records
        self.site_id = site_id
        self.on_error = on_error
        self.select = select
        self._done = True  # the window already did it

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.undo_it)

    def _run(self, fn: Callable[[], int | None]) -> None:
        try:
            selected = fn()
        except UserFacingError as exc:
            self.on_error(exc)
            return
        if self.select is not None:
            self.select(selected)

    def do(self) -> int | None:  # pragma: no cover - overridden
        raise NotImplementedError

    def undo_it(self) -> int | None:  # pragma: no cover - overridden
        raise NotImplementedError


class AddSiteCommand(SiteCommand):
    """Undo takes the site off (kept, marked removed); redo brings the same row back."""

    def do(self) -> int | None:
        return self.records.restore_site(self.site_id).id

    def undo_it(self) -> int | None:
        self.records.remove_site(self.site_id)
        return None


class RemoveSiteCommand(SiteCommand):
    def do(self) -> int | None:
        self.records.remove_site(self.site_id)
        return None

    def undo_it(self) -> int | None:
        return self.records.restore_site(self.site_id).id


class AddSitesCommand(SiteCommand):
    """Sites added together (copy forward, a protocol): one step. Undo takes them all off in
    one write (kept, marked removed); redo brings the same rows back with their numbers."""

    def __init__(self, records: Records, site_ids: list[int], text: str, on_error: ErrorSink,
                 select: Selector | None = None):
        super().__init__(records, site_ids[0], text, on_error, select)
        self.site_ids = list(site_ids)

    def do(self) -> int | None:
        self.records.restore_sites(self.site_ids)
        return None

    def undo_it(self) -> int | None:
        self.records.remove_sites(self.site_ids)
        return None


class EditSiteCommand(SiteCommand):
    """A change of recorded fields (grasp, cramp...): old and new values."""

    def __init__(self, records: Records, site_id: int, text: str, old: dict, new: dict,
                 on_error: ErrorSink, select: Selector | None = None):
        super().__init__(records, site_id, text, on_error, select)
        self.old = old
        self.new = new

    # Each way starts from the values the other way left: a field another window changed
    # meanwhile is not put back over its change (ConflictError, said through on_error).
    def do(self) -> int | None:
        return self.records.update_site(self.site_id, expected=self.old, **self.new).id

    def undo_it(self) -> int | None:
        return self.records.update_site(self.site_id, expected=self.new, **self.old).id


class MoveSiteCommand(SiteCommand):
    """A drag: from one point to another; the muscle follows the region where it lands."""

    def __init__(self, records: Records, site_id: int, text: str,
                 old: tuple[float, float], new: tuple[float, float],
                 on_error: ErrorSink, select: Selector | None = None):
        super().__init__(records, site_id, text, on_error, select)
        self.old = old
        self.new = new

    def do(self) -> int | None:
        return self.records.move_site(self.site_id, *self.new).id

    def undo_it(self) -> int | None:
        return self.records.move_site(self.site_id, *self.old).id


Say = Callable[[str], None]


class SiteEditor:
    """Changes to a site's recorded fields, each through the services and one undo step.

    The widgets that edit sites (the chart's keys, the site list's keys, the inspector, the
    muscle chooser) share one editor per window: the window's undo stack, its error sink (the
    status bar) and its selector. `edit` says what went wrong through `on_error`; `try_edit`
    raises the service's UserFacingError instead, for a field that shows the sentence itself.
    """

    def __init__(self, records: Records, stack, on_error: ErrorSink,
                 select: Selector | None = None, say: Say | None = None):
        self.records = records
        self.stack = stack
        self.on_error = on_error
        self.select = select
        self.say = say

    def try_edit(self, site_id: int, fields: dict, what: str, expected: dict | None = None):
        """Change `fields` of a site; push one undo step if anything changed. Returns the site.
        `expected`: the values the editor started from (ConflictError if they changed)."""
        site = self.records.read.site(site_id)
        updated = self.records.update_site(site_id, expected=expected, **fields)
        old = {k: getattr(site, k) for k in fields if getattr(site, k) != getattr(updated, k)}
        if old:
            new = {k: getattr(updated, k) for k in old}
            text = QCoreApplication.translate("SiteEditor", "{what} of site {number}").format(
                what=QCoreApplication.translate("SiteEditor", what), number=site.seq)
            self.stack.push(EditSiteCommand(self.records, site_id, text, old, new,
                                            self.on_error, self.select))
        return updated

    def edit(self, site_id: int, fields: dict, what: str):
        """As try_edit, but a refused edit goes to the error sink and returns None."""
        try:
            return self.try_edit(site_id, fields, what)
        except UserFacingError as exc:
            self.on_error(exc)
            return None


TOGGLE_WORDS = {"twitch": "twitch", "estim": "electrical stimulation", "cramp": "cramp"}
# What an edit changed, in the undo step's name ("grasp of site 3"): the words the window's
# editors give SiteEditor.edit, translated when the step is named.
EDIT_WORDS = (QT_TRANSLATE_NOOP("SiteEditor", "grasp"), QT_TRANSLATE_NOOP("SiteEditor", "cramp"),
              QT_TRANSLATE_NOOP("SiteEditor", "twitch"),
              QT_TRANSLATE_NOOP("SiteEditor", "electrical stimulation"),
              QT_TRANSLATE_NOOP("SiteEditor", "estim"),
              QT_TRANSLATE_NOOP("SiteEditor", "confirm"), QT_TRANSLATE_NOOP("SiteEditor", "level"),
              QT_TRANSLATE_NOOP("SiteEditor", "needle diameter"),
              QT_TRANSLATE_NOOP("SiteEditor", "needle length"),
              QT_TRANSLATE_NOOP("SiteEditor", "needle"), QT_TRANSLATE_NOOP("SiteEditor", "depth"),
              QT_TRANSLATE_NOOP("SiteEditor", "tissue feel"),
              QT_TRANSLATE_NOOP("SiteEditor", "release"),
              QT_TRANSLATE_NOOP("SiteEditor", "sensation"),
              QT_TRANSLATE_NOOP("SiteEditor", "muscle"), QT_TRANSLATE_NOOP("SiteEditor", "side"),
              QT_TRANSLATE_NOOP("SiteEditor", "notes"))


def select_first() -> str:
    return QCoreApplication.translate(
        "SiteEditor", "Select a site first: tap its marker on the chart or its row in the list.")


def apply_site_key(editor: SiteEditor | None, site_id: int | None, action: SiteKeyAction,
                   describe: Callable | None = None) -> bool:
    """Do what a site key asks (see chart_keys.SITE_KEYS) to one site; True if done here.

    Grades of ordinary sites, cramp and Delete are left to the window (False), except that a
    grade given to a planned site also confirms it: one key records the insertion.
    """
    if editor is None or not isinstance(action, (Grade, Toggle, Confirm)):
        return False
    if site_id is None:
        if isinstance(action, Grade):
            return False
        editor.on_error(select_first())
        return True
    try:
        site = editor.records.read.site(site_id)
    except UserFacingError as exc:
        editor.on_error(exc)
        return True
    if isinstance(action, Grade):
        if not site.planned:
            return False
        updated = editor.edit(site.id, {"grasp": action.grasp, "planned": False}, "grasp")
    elif isinstance(action, Toggle):
        field = action.flag.value
        updated = editor.edit(site.id, {field: not getattr(site, field)}, TOGGLE_WORDS[field])
    elif not site.planned:
        if editor.say is not None:
            editor.say(QCoreApplication.translate(
                "SiteEditor", "Site {number} is recorded already (Enter confirms planned "
                "sites).").format(number=site.seq))
        return True
    else:
        updated = editor.edit(site.id, {"planned": False}, "confirm")
    if updated is not None and editor.say is not None and describe is not None:
        editor.say(describe(updated))
    return True
