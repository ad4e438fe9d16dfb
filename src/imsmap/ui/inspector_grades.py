"""The site inspector's grades row (`GradeButtons`): the grasp grade buttons (ungraded, 0-3) and
the cramp, twitch and e-stim toggles, shown from a site, named in the clinic's grade words and
each tap handed to the inspector to save. Used by ui.site_inspector."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtWidgets import QButtonGroup, QPushButton

from imsmap.domain.models import Site
from imsmap.domain.vocabulary import GRASP_LABELS
from imsmap.ui.inspector_fields import (
    CHECKED_STYLE,
    NONE_TEXT,
    TOUCH,
    grasp_button_style,
    inspector_button,
)
from imsmap.ui.wording import grasp_word

TOGGLES = (("cramp", QT_TRANSLATE_NOOP("GradeButtons", "Cramp"), "C"),
           ("twitch", QT_TRANSLATE_NOOP("GradeButtons", "Twitch"), "T"),
           ("estim", QT_TRANSLATE_NOOP("GradeButtons", "E-stim"), "E"))
# The inspector's save: the fields, what the undo step says, where a refusal is shown.
Save = Callable[[dict, str, str], object]


class GradeButtons(QObject):
    """The grasp buttons (`grasp_buttons`, by grade, -1 the ungraded one) and the toggles
    (`toggles`, by field): the inspector lays them out and turns them on and off. `site`: the
    site the inspector shows (a grade tapped on a planned site confirms it needled)."""

    def __init__(self, save: Save, site: Callable[[], Site | None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self._save = save
        self._site = site
        self.grasp_group = QButtonGroup(self)
        self.grasp_buttons: dict[int, QPushButton] = {}
        for i, grade in enumerate((None, 0, 1, 2, 3)):
            b = inspector_button(NONE_TEXT if grade is None else str(grade))
            b.setStyleSheet(grasp_button_style(grade))
            self.grasp_group.addButton(b, i)
            self.grasp_buttons[-1 if grade is None else grade] = b
        self.name(GRASP_LABELS)
        self.grasp_group.idClicked.connect(self._grasp_clicked)

        self.toggles: dict[str, QPushButton] = {}
        for field, text, key in TOGGLES:
            b = inspector_button(self.tr(text), self.tr("{name} (key {key})").format(name=self.tr(text),
                                                                           key=key))
            b.setStyleSheet(CHECKED_STYLE)
            # its word whole where a narrow column squeezes the row (« Stim. électrique »)
            b.setMinimumWidth(max(TOUCH, b.fontMetrics().horizontalAdvance(b.text()) + 12))
            b.clicked.connect(lambda on, f=field: save({f: on}, f, "flags"))
            self.toggles[field] = b

    def name(self, labels: Sequence[str]) -> None:
        """What a screen reader says for each grade button: the grade and its word ("Grasp 2
        moderate"), not the bare digit on the button."""
        for grade in range(4):
            self.grasp_buttons[grade].setAccessibleName(self.tr("Grasp {grade} {label}").format(
                grade=grade, label=grasp_word(grade, labels)))
        self.grasp_buttons[-1].setAccessibleName(self.tr("Not graded"))

    def clear(self) -> None:
        """No site: no grade checked, no toggle on."""
        self.grasp_group.setExclusive(False)
        for b in self.grasp_group.buttons():
            b.setChecked(False)
        self.grasp_group.setExclusive(True)
        for b in self.toggles.values():
            b.setChecked(False)

    def fill(self, site: Site, labels: Sequence[str]) -> None:
        """The site's grade and toggles; the buttons' tips and names in the clinic's words."""
        self.grasp_buttons[-1 if site.grasp is None else site.grasp].setChecked(True)
        for grade in range(4):
            self.grasp_buttons[grade].setToolTip(self.tr("{grade} {label} (key {grade})").format(
                grade=grade, label=grasp_word(grade, labels)))
        self.grasp_buttons[-1].setToolTip(self.tr("Not graded"))
        self.name(labels)
        for field, button in self.toggles.items():
            button.setChecked(bool(getattr(site, field)))

    def _grasp_clicked(self, index: int) -> None:
        grade = (None, 0, 1, 2, 3)[index]
        fields: dict = {"grasp": grade}
        site = self._site()
        if site is not None and site.planned and grade is not None:
            fields["planned"] = False  # graded means needled
        self._save(fields, "grasp", "grasp")
