"""The site inspector: every recorded field of the selected site, edited in place.

It sits under the site list. Each change goes at once through the services as one undo step
(`undo.SiteEditor`), and the inspector then shows what the store holds. A value the service
refuses (a needle of 0.6 mm) never reaches the store: the field goes back to the stored value
and the service's sentence stays beside it until the next good edit. A signed session, or a
database opened read-only, is shown but cannot be changed.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from imsmap.atlas import Atlas
from imsmap.domain.errors import (
    ConflictError,
    NotFoundError,
    ReadOnlyError,
    UserFacingError,
    ValidationError,
)
from imsmap.domain.models import Site
from imsmap.domain.vocabulary import GRASP_LABELS, NERVE_SENSATION, RELEASE, SENSATION, TISSUE_FEEL
from imsmap.services import clinic
from imsmap.services.changes import Action, Change, Entity
from imsmap.ui.chart_keys import Step, handle_site_key, site_key_action
from imsmap.ui.chart_words import describe_site
from imsmap.ui.conflict_notice import ConflictNotice
from imsmap.ui.inspector_fields import (
    FIELD_HEIGHT,
    TOUCH,
    NotesEdit,
    inspector_button,
    named_choice,
)
from imsmap.ui.inspector_grades import GradeButtons
from imsmap.ui.inspector_needle import NeedleFields
from imsmap.ui.inspector_place import PlaceFields
from imsmap.ui.listening import listen
from imsmap.ui.pending_save import kept_pending, later
from imsmap.ui.plain_text import field_text
from imsmap.ui.refusals import ErrorLine
from imsmap.ui.undo import SiteEditor
from imsmap.ui.undo_button import UndoButton
from imsmap.ui.wording import grasp_word
from imsmap.ui.wrapping_row import WrappingRow, hint_at_own_width, together

NOTES_DELAY_MS = 700
NERVE_STYLE = ("background: #fdecea; color: #8c1d18; border: 1px solid #b3261e; "
               "border-radius: 3px; padding: 2px 6px; font-weight: bold;")
PLANNED_STYLE = "background: #e8f1fb; color: #1b3d63; border-radius: 3px; padding: 2px 6px;"
# The fields the status bar's sentence of a site says (chart_words.describe_site), by the
# place an edit's refusal is shown: a button here that changes one of them says the site again.
SAID = frozenset({"grasp", "flags", "planned", "muscle", "side", "level", "sensation"})
SIGNED, LOCKED = "signed", "locked"  # SiteInspector.session_lock


class SiteInspector(QFrame):
    """Shows and edits one site; `set_site(site)` with a fresh snapshot from the store.
    `siteChosen(site id)` when it shows another site than before."""

    siteChosen = Signal(int)  # noqa: N815 - Qt signal naming
    pending = Signal(bool)  # the notes' timer's save waits for a lock / saved (ui.pending_save)
    # Esc in a field here: the field is left (its notes saved as on leaving it) and the window
    # gives the keys back to the chart, so 0-3 grade the selected site again, not the note.
    escaped = Signal()

    def __init__(self, atlas: Atlas, editor: SiteEditor | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.atlas = atlas
        self.editor = editor  # None: shows sites, edits nothing (an inspector on its own)
        self.site: Site | None = None
        self.editable = False
        # The session open, when it cannot be changed here with no site selected: SIGNED, or
        # LOCKED (read-only database, another room's, withdrawn); None (a draft, or none open).
        self.session_lock: str | None = None
        self.key_target = None  # the site list: keys typed on a button here act like there
        self._loading = False
        self._saving = False  # a save under way: what it does on a refusal saves nothing more
        # A note refused for a passing reason (server away): (site id, words, why), saved later.
        self.unsaved: tuple[int, str, UserFacingError] | None = None
        if editor is not None:  # hear when the session is signed, to lock the fields
            listen(editor.records.bus, self, self._on_change)
        self.setObjectName("siteInspector")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.errors: dict[str, ErrorLine] = {}

        self.header = QLabel()
        font = QFont(self.header.font())
        font.setBold(True)
        self.header.setFont(font)
        self.header.setWordWrap(True)
        self.nerve_flag = QLabel(self.tr("⚠ Electric/paraesthetic sensation: possible nerve contact"))
        self.nerve_flag.setStyleSheet(NERVE_STYLE)
        self.nerve_flag.setWordWrap(True)
        self.planned_flag = QLabel(self.tr("Planned: not needled yet"))
        self.planned_flag.setStyleSheet(PLANNED_STYLE)
        self.confirm = inspector_button(self.tr("Needled ✓"),
                               self.tr("Confirm the planned site as needled (Enter)"),
                               checkable=False)
        self.confirm.clicked.connect(lambda: self._save({"planned": False}, "confirm", "planned"))

        # The rows of the site's place, of its needle and of its grades (ui.inspector_place,
        # ui.inspector_needle, ui.inspector_grades), their fields named here too.
        self.place = PlaceFields(atlas, self._save, lambda: self.site, self._side_refused, self)
        self.muscle, self.side_buttons = self.place.muscle, self.place.side_buttons
        self.level = self.place.level
        self.needle = NeedleFields(self._save, self)
        self.preset, self.diameter = self.needle.preset, self.needle.diameter
        self.length, self.depth = self.needle.length, self.needle.depth
        self.grades = GradeButtons(self._save, lambda: self.site, self)
        self.grasp_buttons, self.toggles = self.grades.grasp_buttons, self.grades.toggles
        # beside the grades: a wrong tap or grade undone by a finger (the window's undo stack)
        self.undo = UndoButton(editor.stack, TOUCH) if editor is not None else None

        self.tissue = named_choice(self.tr("feel"), "TissueFeel", TISSUE_FEEL)
        self.release = named_choice(self.tr("release"), "Release", RELEASE)
        self.sensation = named_choice(self.tr("sensation"), "Sensation", SENSATION)
        for box, field in ((self.tissue, "tissue_feel"), (self.release, "release"),
                           (self.sensation, "sensation")):
            box.activated.connect(lambda _i, b=box, f=field: self._save(
                {f: b.currentData()}, f.replace("_", " "), f))

        self.notes = NotesEdit()
        # Its grey words, and the muscle field's, say what to type only where it can be typed
        # (`_show_placeholders`).
        self.muscle_example = self.muscle.placeholderText()
        self.notes_example = self.tr("notes on this insertion")
        self.notes.setPlaceholderText(self.notes_example)
        self.notes.setAccessibleName(self.tr("Notes on this insertion"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(FIELD_HEIGHT + 8)
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(NOTES_DELAY_MS)
        self._notes_timer.timeout.connect(self._save_notes_later)
        self.notes.textChanged.connect(self._notes_changed)
        # Left, they are saved as their timer's save (ui.pending_save): behind another room's
        # lock leaving the box froze the window LOCK_WAIT_S, said the refusal, and no timer
        # tried them again.
        self.notes.focusLost.connect(self._save_notes_now)

        self._layout()
        self.set_site(None)

    # -- layout -----------------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        """As tall as its rows at its width: in a narrow column they take more lines
        (ui.wrapping_row), and its size policy (Maximum) caps it at this height."""
        return hint_at_own_width(self)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.heightForWidth(self.width()) != self.heightForWidth(event.oldSize().width()):
            self.updateGeometry()  # its rows took more or fewer lines: a new height

    def _error(self, key: str) -> ErrorLine:
        label = ErrorLine()
        self.errors[key] = label
        return label

    def _layout(self) -> None:
        """Six short rows, most used first: the list above keeps its room."""
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 6)
        box.setSpacing(3)

        def row(*parts: QWidget | QHBoxLayout | int, stretch: tuple[QWidget, ...] = (),
                error: str | None = None) -> None:
            """One row, going on to a second line where the column is too narrow for it
            (ui.wrapping_row); a layout is a group kept on one line, a number a gap."""
            # In a widget of its own: Qt's item for a widget keeps the heights it was asked for
            # the last widths until the row changes, where a layout in the box is asked again
            # at every pass of it, twice (its height for a width, then its least height).
            holder = QWidget()
            line = WrappingRow(holder)
            for part in parts:
                if isinstance(part, int):
                    line.add_gap(part)
                else:
                    line.add(part, 1 if part in stretch else 0)
            box.addWidget(holder)
            if error is not None:
                box.addWidget(self._error(error))

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.planned_flag)
        top.addWidget(self.confirm)
        if self.undo is not None:  # over the grades' row end (in it, French made it too wide)
            top.addWidget(self.undo, 0, Qt.AlignmentFlag.AlignBottom)
        box.addLayout(top)
        box.addWidget(self.nerve_flag)
        row(together(*self.grasp_buttons.values()), 8, together(*self.toggles.values()),
            error="grasp")
        for key in ("planned", "cramp", "twitch", "estim"):
            self.errors[key] = self.errors["grasp"]
        self.muscle.setMinimumWidth(120)
        row(self.muscle, together(*self.side_buttons.values()), self.level, stretch=(self.muscle,),
            error="muscle")
        for key in ("side", "level"):
            self.errors[key] = self.errors["muscle"]
        row(self.preset, self.diameter, self.length, 8, together(QLabel(self.tr("Depth")), self.depth),
            error="needle")
        self.errors["depth"] = self.errors["needle"]
        row(self.tissue, self.release, self.sensation,
            stretch=(self.tissue, self.release, self.sensation), error="tissue_feel")
        self.sensation.setMinimumContentsLength(12)
        for key in ("release", "sensation"):
            self.errors[key] = self.errors["tissue_feel"]
        row(self.notes, stretch=(self.notes,), error="notes")
        self.conflict = ConflictNotice()  # a save refused: another window changed the site first
        box.addWidget(self.conflict)
        self.inputs: list[QWidget] = [
            self.muscle, *self.side_buttons.values(), self.level, self.preset, self.diameter,
            self.length, *self.grasp_buttons.values(), *self.toggles.values(), self.depth,
            self.tissue, self.release, self.sensation, self.notes, self.confirm]

    # -- showing a site ---------------------------------------------------------------------
    def set_site(self, site: Site | None) -> None:
        """Show this snapshot of a site (None: nothing selected)."""
        if site is not None and self.site is not None and site.id == self.site.id and \
                (self._notes_timer.isActive() or self.unsaved is not None):
            # Notes still being typed are saved first, from what they started from (another
            # window's change meanwhile is a conflict, and the typed text stays in the notice),
            # as their timer would (ui.pending_save: a re-read is nobody's gesture; it waited
            # 3 s behind another room's lock and said the refusal). Behind one, they stay as
            # typed, the site as last read, until their timer's save reads it again.
            if self._notes_timer.isActive():
                self._notes_timer.stop()
                self._save_notes_later()
                if self._notes_timer.isActive():
                    return
            else:
                self.save_notes()
            editor = self.editor
            if editor is not None:
                try:
                    site = editor.records.read.site(site.id)
                except UserFacingError:
                    pass
        if site is None or self.site is None or site.id != self.site.id:
            self.conflict.dismiss()  # before saving: a refused save of the notes says so
            self.save_notes()
            if self.unsaved is not None:  # still not saved, and its site is left: kept
                _, typed, why = self.unsaved
                self.unsaved = None
                self.conflict.add(why, typed)
            for label in self.errors.values():
                label.hide()
        shown, self.site = self.site, site
        editor = self.editor if site is not None else None
        self.editable = site is not None and editor is not None and self._is_draft(editor, site)
        if editor is not None and not self.editable and shown is not None \
                and shown.id == site.id:
            self._set_aside_unsaved(shown, editor)
        self._loading = True
        try:
            self._fill(site, editor)
        finally:
            self._loading = False
        for w in self.inputs:
            w.setEnabled(self.editable)
        # Greyed, the box still drew its × as a live button (a tap on it did nothing).
        self.muscle.setClearButtonEnabled(self.editable)
        self._show_placeholders()
        if site is not None and (shown is None or shown.id != site.id):
            self.siteChosen.emit(site.id)

    def set_open_session(self, *, locked: bool, signed: bool) -> None:
        """Whether the session open can be changed here (ui.session_panel says so as it shows
        one): a signed or locked one's inspector, with no site selected, says that nothing
        here can be changed and how a signed note is corrected, instead of inviting to type
        (« Tapez pour changer de muscle… » in a signed session: the walk of 6 December)."""
        lock = (SIGNED if signed else LOCKED) if locked else None
        if lock != self.session_lock:
            self.session_lock = lock
            if self.site is None:
                self.header.setText(self._no_site_text())
            self._show_placeholders()

    def _no_site_text(self) -> str:
        if self.session_lock == SIGNED:
            return self.tr("Signed, read-only: tap a marker or a row to read its site. To "
                           "correct one: Session > Add amendment…")
        if self.session_lock == LOCKED:
            return self.tr("Read-only: tap a marker or a row to read its site.")
        return self.tr("No site selected: tap a marker or a row")

    def _show_placeholders(self) -> None:
        """The fields' grey examples while a site may be chosen and changed; none where nothing
        can be, and "not recorded" for a shown site's empty notes that cannot change."""
        example = self.editable or (self.site is None and self.session_lock is None)
        self.muscle.setPlaceholderText(self.muscle_example if example else "")
        self.notes.setPlaceholderText(self.notes_example if example else
                                      "" if self.site is None else
                                      self.tr("not recorded", "notes on an insertion"))

    def _set_aside_unsaved(self, shown: Site, editor) -> None:
        """The site's session may no longer be edited here (another room has it now, or it
        was signed) while the note shows words typed here and never saved: they go to the
        notice, with why (ConflictNotice.set_aside), before the field shows the record. Before,
        they stayed in the disabled field as though saved until the next reload dropped them."""
        typed = field_text(self.notes).strip()
        if typed and typed != (shown.notes or "").strip():
            self._notes_timer.stop()
            self.conflict.set_aside([typed], editor.records.read.held_elsewhere(shown.session_id))

    def _is_draft(self, editor, site: Site) -> bool:
        records = editor.records
        if records.read.readonly:
            return False
        if records.read.held_elsewhere(site.session_id) is not None \
                or records.read.hold_unknown(site.session_id):
            return False  # another room has the session open, or may (ui.hold_banner)
        try:
            session = records.read.session(site.session_id)
        except UserFacingError:
            return False
        if session.is_signed or session.retracted:  # a withdrawn draft is locked
            return False
        # a draft whose signature was taken away outside imsmap: as the window last looked
        return records.read.signed_before(session.id, fresh=False) is None

    def _fill(self, site: Site | None, editor) -> None:
        labels = clinic.grasp_labels(editor.records) if editor is not None else GRASP_LABELS
        self.nerve_flag.setVisible(site is not None and site.sensation == NERVE_SENSATION)
        self.planned_flag.setVisible(site is not None and site.planned)
        self.confirm.setVisible(site is not None and site.planned)
        if site is None:
            self.header.setText(self._no_site_text())
            self.place.clear()
            self.grades.clear()
            for box in (self.tissue, self.release, self.sensation):
                box.setCurrentIndex(0 if box.count() else -1)
            self.needle.clear()
            self.notes.setPlainText("")
            return
        grade = self.tr("not graded") if site.grasp is None else self.tr(
            "grasp {grade} {label}").format(grade=site.grasp, label=grasp_word(site.grasp, labels))
        header = describe_site(self.atlas, site).split(" – ")[0] + f" · {grade}"
        held = editor.records.read.held_elsewhere(site.session_id) \
            if not self.editable and editor is not None else None
        if held is not None and held.on_file:  # another window on this file (services.file_hold)
            header = self.tr("{site} · read-only (open in another window)").format(site=header)
        elif held is not None:
            header = self.tr("{site} · read-only (open in another room)").format(site=header)
        elif not self.editable and editor is not None \
                and editor.records.read.session(site.session_id).is_withdrawn:
            header = self.tr("{site} · read-only (withdrawn)").format(site=header)
        elif not self.editable:
            header = self.tr("{site} · read-only (signed)").format(site=header)
        self.header.setText(header)
        self.place.fill(site)
        self.needle.fill(site, clinic.needle_presets(editor.records) if editor is not None
                         else ())
        self.grades.fill(site, labels)
        for box, value in ((self.tissue, site.tissue_feel), (self.release, site.release),
                           (self.sensation, site.sensation)):
            box.setCurrentIndex(max(0, box.findData(value)))
        self.sensation.setStyleSheet("QComboBox { color: #8c1d18; }"
                                     if site.sensation == NERVE_SENSATION else "")
        notes = self.unsaved[1] if self.unsaved and self.unsaved[0] == site.id else site.notes
        if field_text(self.notes) != notes:  # typed here and not saved yet, else the record's
            self.notes.setPlainText(notes)

    # -- following the store ---------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        site = self.site
        if site is None or change.session_id != site.session_id:
            return
        if change.entity is Entity.SESSION and change.action is Action.SIGN:
            self.set_site(site)

    # -- saving -----------------------------------------------------------------------------
    def _save(self, fields: dict, what: str, where: str, timer: QTimer | None = None) -> bool:
        """One edit through the services; a refusal shows the service's sentence at the field
        and puts the stored value back. ``timer``: the save is that timer's (ui.pending_save):
        behind another room's lock the notes stay as typed, pending, and it says so quietly."""
        if self._loading or self._saving or self.site is None:
            return False
        editor = self.editor
        if editor is None or not self.editable:
            return False
        self._saving = True
        try:
            return self._save_now(editor, fields, what, where, timer)
        finally:
            self._saving = False

    def _save_now(self, editor: SiteEditor, fields: dict, what: str, where: str,
                  timer: QTimer | None) -> bool:
        assert self.site is not None
        label = self.errors.get(where)
        # The values this inspector showed: refused if another window changed them meanwhile.
        started_from = {k: getattr(self.site, k) for k in fields}
        try:
            with later(editor.records, timer):
                updated = editor.try_edit(self.site.id, fields, what, expected=started_from)
        except ConflictError as exc:
            self.conflict.add(exc, fields.get("notes"))
            editor.on_error(exc)
            self._reload()
            return False
        except UserFacingError as exc:
            if kept_pending(exc, timer):  # kept as typed (not read again), tried again
                self.pending.emit(True)
                return False
            if "notes" in fields and not isinstance(exc, (ValidationError, ReadOnlyError,
                                                          NotFoundError)):
                self.unsaved = (self.site.id, str(fields["notes"]), exc)  # saved when back
            if label is not None:
                label.show_message(exc)
            else:
                editor.on_error(exc)
            self._reload()
            return False
        if "notes" in fields:
            self.unsaved = None
        if timer is not None:
            self.pending.emit(False)
        if label is not None:
            label.hide()
        if where in SAID and editor.say is not None:
            # The status bar described the site as tapped ("ungraded"): it says the site as
            # it is now, as after a grade typed on the keyboard.
            editor.say(describe_site(self.atlas, updated, clinic.grasp_labels(editor.records)))
        self._reload()
        return True

    def _reload(self) -> None:
        """Show the stored site (the window's refresh does this too, but a refused edit or an
        inspector on its own has no refresh to wait for)."""
        editor = self.editor
        if self.site is None or editor is None:
            return
        try:
            site = editor.records.read.site(self.site.id)
        except NotFoundError:
            self.set_site(None)
            return
        except UserFacingError:
            # Unreadable now (server away): as last read (emptied, it looped saving its note).
            self._loading = True
            try:
                self._fill(self.site, editor)
            except UserFacingError:
                pass  # the clinic's settings unreadable too: the fields stay as they are
            finally:
                self._loading = False
            return
        self.set_site(site)

    def _side_refused(self, why: str) -> None:
        """A side other than where the site was tapped: why, at the place row, and the stored
        side shown again."""
        self.errors["side"].show_message(why)
        self._reload()

    def _notes_changed(self) -> None:
        if not self._loading and self.editable:
            self._notes_timer.start()

    def _save_notes_later(self) -> None:
        """The notes' timer: a save nobody's gesture asked for (ui.pending_save)."""
        if self.site is not None and self.editable and \
                field_text(self.notes) != self.site.notes:
            self._save({"notes": field_text(self.notes)}, "notes", "notes", self._notes_timer)

    def _save_notes_now(self) -> None:
        self._notes_timer.stop()
        self._save_notes_later()

    def save_notes(self) -> None:
        self._notes_timer.stop()
        if self.site is not None and self.editable and \
                field_text(self.notes) != self.site.notes:
            self._save({"notes": field_text(self.notes)}, "notes", "notes")

    # -- keys -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        """A site key typed while a button here has the focus acts as in the list (a text
        field keeps its own keys). Esc leaves the field for the chart (`escaped`)."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.save_notes()
            self.escaped.emit()
            event.accept()
            return
        focus = QApplication.focusWidget()
        action = site_key_action(event)
        target = self.key_target
        if target is not None and isinstance(focus, QAbstractButton) and action is not None \
                and not isinstance(action, Step) and handle_site_key(event, target, target.site_key):
            return
        event.accept()  # nothing typed here reaches the panels around
