"""What an editor shows when its save was refused because another window or program changed the
same record first (services raise ConflictError): the sentence, and what the user typed, kept
here to copy, while the editor itself shows the stored version again. Nothing typed is lost."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imsmap.services.room_hold import Hold
from imsmap.ui.plain_text import field_text
from imsmap.ui.wording import said

STYLE = ("#conflictNotice { background: #fff3cd; border: 1px solid #d39e00; "
         "border-radius: 4px; }")


class ConflictNotice(QFrame):
    """Hidden until `add`; several refused saves in a row are listed together until dismissed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictNotice")
        self.setStyleSheet(STYLE)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.typed = QPlainTextEdit()
        self.typed.setReadOnly(True)
        self.typed.setTabChangesFocus(True)
        self.typed.setAccessibleName(self.tr("Your unsaved text"))
        self.typed.setMaximumHeight(90)
        self.copy_button = QPushButton(self.tr("Copy my text"))
        self.copy_button.clicked.connect(self.copy)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.clicked.connect(self.dismiss)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sentence)
        layout.addWidget(self.typed)
        layout.addLayout(buttons)
        self._messages: list[str] = []
        self._texts: list[str] = []
        self.hide()

    def add(self, refusal: object, typed: object = None) -> None:
        """Say `refusal` (the ConflictError, in the window's language); keep `typed` (the value
        the user gave) to copy, when it is text."""
        message = said(refusal)
        if message not in self._messages:
            self._messages.append(message)
        if isinstance(typed, str) and typed.strip() and typed not in self._texts:
            self._texts.append(typed)
        sentences = list(self._messages)
        if self._texts:
            sentences.append(self.tr("What you typed is kept below: copy it into the field to "
                                     "use it."))
        self.sentence.setText(" ".join(sentences))
        self.typed.setPlainText("\n\n".join(self._texts))
        self.typed.setVisible(bool(self._texts))
        self.copy_button.setVisible(bool(self._texts))
        self.show()

    def set_aside(self, typed: list[str], hold: Hold | None) -> None:
        """Words typed in a field of a session this window may no longer edit (`hold`: the
        other room that has it now; None: signed, or refused for good) and never saved: kept
        here with why, while the field shows the record. Left in a read-only field they looked
        saved, and the next reload dropped them without a word."""
        if hold is not None:
            reason = self.tr("{login} has this session open in {room} now, so what you typed "
                             "here was not saved.").format(login=hold.held_by, room=hold.room)
        else:
            reason = self.tr("This session can no longer be edited here, so what you typed "
                             "was not saved.")
        for text in typed:
            self.add(reason, text)

    def text(self) -> str:
        return field_text(self.typed)

    def holds_text(self) -> bool:
        """Typed text is here, in no field and in no file, until the user dismisses it."""
        return bool(self._texts)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.text())

    def dismiss(self) -> None:
        self._messages.clear()
        self._texts.clear()
        self.typed.clear()
        self.hide()
