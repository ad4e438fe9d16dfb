"""Signing a session (it locks), amending a signed one (dated, with a reason), and the audit trail."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.errors import ConflictError, UserFacingError
from imsmap.services import clinic
from imsmap.services.audit_view import session_trail, trail_names
from imsmap.services.practitioner_list import Practitioner, by_login, by_name
from imsmap.services.records import Records, content_hash
from imsmap.services.safety import SigningCheck, signing_atlas, signing_checks
from imsmap.ui.header_eliding import elide_headers
from imsmap.ui.record.amend_dialog import AmendDialog
from imsmap.ui.record.audit_words import TrailWords
from imsmap.ui.record.sign_registration import RegistrationEntry
from imsmap.ui.refusals import ERROR_COLOUR, ErrorLine
from imsmap.ui.wording import language, long_datetime, numeric_datetime, said

__all__ = ["AmendDialog", "AuditDialog", "SignDialog"]


class SignDialog(QDialog):
    """Shows what the record still lacks, then signs and locks the session."""

    def __init__(self, records: Records, session_id: int, parent: QWidget | None = None, *,
                 shown: str | None = None):
        """`shown`: the content hash of the session as the window behind shows it. When what
        this dialog reads is not that (another window saved in between), the dialog is not
        to be opened: `refusal` says why, and the window shows the session again."""
        super().__init__(parent)
        self.records = records
        self.session_id = session_id
        self.setWindowTitle(self.tr("Sign session"))
        self.setMinimumWidth(480)
        record = self.record = records.session_record(session_id)
        # What is signed is what the window shows: the content as read here, which the
        # signature must still find (another window's change meanwhile refuses it).
        self.seen = content_hash(record)
        self.refusal: ConflictError | None = None  # set when that content changed meanwhile
        if shown is not None and shown != self.seen:
            self.refusal = ConflictError(self.tr(
                "The session was changed in another window just as you chose to sign it, so "
                "it was not signed: it is shown as it is now; read it, then sign again."))
        # A draft started on an earlier atlas is checked, and signed, on today's (or on its
        # own where today's lacks one of its sites): the dialog says which.
        on = signing_atlas(records.atlas, record)
        checks = signing_checks(on.atlas, record, language())
        s = record.session

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "<b>{when}</b> — %n site(s).<br>Once signed, the session is locked: later "
            "corrections are dated amendments that leave this note as it is.", "",
            len(record.sites)).format(when=long_datetime(s.started_at)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # A signature names a login; the clinic's list of practitioners says whose it is, where
        # it gives it to someone. Where several share one login, they read it here.
        practitioners = clinic.practitioners(records)
        person = by_login(practitioners, records.actor)
        login = escape(records.actor)
        self.signer = QLabel(self.tr(
            "You sign as <b>{login}</b> ({person}): the signature, the audit trail and the PDF "
            "name this login and this person.").format(login=login, person=escape(person.name))
            if person is not None else self.tr(
            "You sign as <b>{login}</b>: the signature, the audit trail and the PDF name this "
            "login.").format(login=login))
        self.signer.setWordWrap(True)
        layout.addWidget(self.signer)
        # Someone else's session (a colleague covered for): signed knowingly, never unseen.
        self.other_practitioner = QLabel(self._other_practitioner(s.practitioner, person,
                                                                  practitioners))
        self.other_practitioner.setObjectName("otherPractitioner")
        self.other_practitioner.setWordWrap(True)
        self.other_practitioner.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.other_practitioner.setVisible(bool(self.other_practitioner.text()))
        layout.addWidget(self.other_practitioner)

        self.atlas_line = QLabel(
            self.tr("This draft was started on atlas {then}; it is signed on today's atlas "
                    "{now}, whose catalogue makes the checks below and its PDF.").format(
                        then=on.moves_from, now=on.version)
            if on.moves_from is not None else self.tr(
            "This draft was started on atlas {then} and keeps it ({why}): the checks below "
            "and its PDF follow that catalogue, not today's atlas {now}.").format(
                then=s.atlas_version, why=said(on.kept),
                now=records.atlas.version) if on.kept is not None else "")
        self.atlas_line.setTextFormat(Qt.TextFormat.PlainText)  # words only, none of them markup
        self.atlas_line.setObjectName("signingAtlas")
        self.atlas_line.setWordWrap(True)
        self.atlas_line.setVisible(bool(self.atlas_line.text()))
        layout.addWidget(self.atlas_line)

        self.checks_label = QLabel()
        self.checks_label.setWordWrap(True)
        self.checks_label.setObjectName("signingChecks")
        self.checks_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.checks_label)
        # The practitioner's registration number where the draft has none: typed here, it is
        # recorded with the session as it is signed (and no longer listed as missing).
        self.registration = (RegistrationEntry(records, s)
                             if any(c.key == "registration" for c in checks) else None)
        if self.registration is not None:
            layout.addWidget(self.registration)
            self.registration.changed.connect(self._show_checks)

        self.confirm = QCheckBox()
        self.confirm.setAccessibleName(self.tr("Confirm signing"))
        layout.addWidget(self.confirm)
        layout.addStretch(1)  # room the words do not take goes above the buttons, not between

        self.error = ErrorLine(keep_place=True)
        layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton(self.tr("Sign and lock"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setEnabled(False)
        self.confirm.toggled.connect(self.sign_button.setEnabled)
        self.buttons.accepted.connect(self._sign)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._focus_shown = False  # the box's focus frame, once (changeEvent)
        # Tab as on the screen: the box, Sign and lock, then Cancel at the right (Cancel came
        # first, made first).
        QWidget.setTabOrder(self.confirm, self.sign_button)
        QWidget.setTabOrder(self.sign_button, self.buttons.button(
            QDialogButtonBox.StandardButton.Cancel))
        self.checks = checks
        self._show_checks()
        self.confirm.setFocus()  # the keys start on the box, the number's line above it or not
        # Qt sizes a window from its wrapped sentences at their narrowest: as tall as their
        # lines there, with a gap above the buttons. The height they take at the dialog's width:
        width = self.minimumWidth()
        self.resize(width, layout.totalHeightForWidth(width))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        """The keys start on the box, and it shows it: its focus frame is drawn from the start
        (Qt draws one only after a Tab; opened with Ctrl+Shift+S, nothing said that Space
        would tick 'Sign with these items open'). Once the window is active: its activation
        gives the focus again and hides the frame."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() \
                and not self._focus_shown:
            self._focus_shown = True
            QTimer.singleShot(0, self, self._show_focus)

    def _show_focus(self) -> None:
        if self.confirm.hasFocus():
            self.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)
            self.confirm.update()

    def _open_checks(self) -> list[SigningCheck]:
        """What the note still lacks: the checks, less a missing registration number typed
        in the dialog."""
        typed = self.registration is not None and bool(self.registration.typed())
        return [c for c in self.checks if not (typed and c.key == "registration")]

    def _show_checks(self) -> None:
        checks = self._open_checks()
        if self.checks_label.isVisible():
            # The number typed takes its item off the list: the list keeps its height, so the
            # line and the boxes under it stay where the clinician is about to click.
            self.checks_label.setMinimumHeight(max(self.checks_label.minimumHeight(),
                                                   self.checks_label.height()))
        if checks:
            items = "".join(f"<li>{said(c.message)}</li>" for c in checks)
            self.checks_label.setText(self.tr("<b>Before you sign:</b><ul>{items}</ul>").format(
                items=items))
        else:
            self.checks_label.setText(self.tr("The record is complete."))
        self.confirm.setText(self.tr("Sign with these items open") if checks else
                             self.tr("I have reviewed this session"))

    def _other_practitioner(self, treated: str, person: Practitioner | None,
                            practitioners: tuple[Practitioner, ...]) -> str:
        """The warning when the session's practitioner is not the person whose login signs
        ("" when they are the same, or when the list cannot tell: a shared login)."""
        login = escape(self.records.actor)
        if not treated:
            return ""
        if person is not None:
            if person.name == treated:
                return ""
            return self.tr(
                "<b>This session's practitioner is {treated}, not you ({person}).</b> Sign only "
                "if you mean to sign for their treatment, covering for them: the signature "
                "names you, and the session still names {treated} as its practitioner.").format(
                    treated=escape(treated), person=escape(person.name))
        listed = by_name(practitioners, treated)
        if listed is None or not listed.login or listed.signs_as(self.records.actor):
            return ""
        return self.tr(
            "<b>This session's practitioner is {treated}, who signs in as {their_login}, not "
            "{login}.</b> Sign only if you mean to sign for their treatment, covering for them: "
            "the signature names the login {login}, and the session still names {treated} as "
            "its practitioner.").format(treated=escape(treated),
                                        their_login=escape(listed.login), login=login)

    def _sign(self) -> None:
        try:
            self._record_registration()
            self.records.sign_session(self.session_id, seen=self.seen)
        except ConflictError as exc:
            # Changed in another window since this dialog read it: nothing signed. The
            # dialog closes so that the window can show the note as it is now.
            self.refusal = exc
            self.reject()
            return
        except UserFacingError as exc:
            self.error.show_message(exc)
            return
        self.accept()

    def _record_registration(self) -> None:
        """The number typed, written with the draft before it is signed (services.registration:
        refused when another window changed the practitioner or gave a number meanwhile). What
        is signed is then what the dialog showed with that number: a change made meanwhile by
        another window to anything else still refuses the signature."""
        if self.registration is None or not self.registration.typed():
            return
        session = self.registration.record(self.session_id)
        self.seen = content_hash(replace(self.record, session=replace(
            self.record.session, practitioner_registration=session.practitioner_registration)))


class AuditDialog(QDialog):
    """The append-only audit trail of one session: who, when, what changed, old and new value."""

    COLUMNS = (QT_TRANSLATE_NOOP("AuditDialog", "When"), QT_TRANSLATE_NOOP("AuditDialog", "Who"),
               QT_TRANSLATE_NOOP("AuditDialog", "Action"), QT_TRANSLATE_NOOP("AuditDialog", "What"),
               QT_TRANSLATE_NOOP("AuditDialog", "Old"), QT_TRANSLATE_NOOP("AuditDialog", "New"))

    def __init__(self, records: Records, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        # The session's time, not its row id; no patient's name in a title (the task bar
        # shows it, even behind the privacy screen).
        self.setWindowTitle(self.tr("Audit trail — session of {when}").format(
            when=numeric_datetime(records.read.session(session_id).started_at)))
        self.resize(860, 480)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.COLUMNS))
        elide_headers(self.table)
        self.table.setTabKeyNavigation(False)  # Tab leaves it (ui.focus_order): the arrows move in it
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        # An old or new value (a note, an amendment) is read whole: its column wraps it and
        # its row is as tall as it needs, as the columns' widths change too.
        for column in (4, 5):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Audit trail"))
        layout.addWidget(self.table)
        trail = session_trail(records, session_id)
        words = TrailWords(records.atlas, trail_names(records, session_id, trail),
                           clinic.grasp_labels(records))
        for entry in trail:
            for line in words.rows(entry):
                row = self.table.rowCount()
                self.table.insertRow(row)
                values = (line.when, line.who, line.action, line.what, line.old, line.new)
                for col, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    if col >= 4 and value:
                        item.setToolTip(value)
                    self.table.setItem(row, col, item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

