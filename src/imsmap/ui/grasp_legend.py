"""The grasp key under the chart: each grade's marker and the clinic's word for it.

On a narrow screen (125 %, 200 %) it goes on to a second line rather than widening the chart's
column (ui.wrapping_row); on a short chart (ui.short_chart) it keeps to one line, each grade its
digit, the whole of it said in a tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from imsmap.domain.vocabulary import GRASP_LABELS
from imsmap.render.chart_painter import ChartPainter
from imsmap.ui.chart_view import LegendSwatch
from imsmap.ui.wording import grasp_text, vocabulary
from imsmap.ui.wrapping_row import WrappingRow


def _title() -> str:
    return QCoreApplication.translate("ChartPanel", "Grasp:")


class GraspLegend(WrappingRow):
    """The title at once; the grades' markers once a chart can draw them (`build`)."""

    def __init__(self) -> None:
        super().__init__(spacing=2)
        self.setContentsMargins(6, 2, 6, 2)
        self.labels: Sequence[str] = GRASP_LABELS  # the clinic's words for the grades
        self.short = False  # one line, digits only
        self._title = QLabel(_title())
        self.add(self._title)
        self._words: list[QLabel] = []  # grades 0-3
        self._ungraded: QLabel | None = None
        self._parts: list[QWidget] = [self._title]  # all of it: the tooltip's on a short chart

    def build(self, chart: ChartPainter) -> None:
        """The ungraded marker and grades 0-3, each with its word, drawn as `chart` draws them."""
        for grasp in (None, 0, 1, 2, 3):
            swatch = LegendSwatch(chart, grasp)
            text = QLabel(vocabulary("Grasp", "ungraded") if grasp is None else grasp_text(grasp))
            if grasp is None:
                self._ungraded = text
            else:
                self._words.append(text)
            self._parts += [swatch, text]
            pair = QHBoxLayout()
            pair.setSpacing(2)
            pair.addWidget(swatch)
            pair.addWidget(text)
            if grasp is not None:
                self.add_gap(8)
            self.add(pair)
        self._word()

    def set_short(self, on: bool) -> None:
        """The legend on one line, each grade its digit and the whole of it in a tooltip (`on`:
        a short chart, where its second line was taken from the chart); or in words."""
        if on != self.short:
            self.short = on
            self._word()

    def set_labels(self, labels: Sequence[str]) -> None:
        self.labels = labels
        self._word()

    def _word(self) -> None:
        if self._ungraded is None:
            return
        short = self.short
        for grade, text in enumerate(self._words):
            text.setText(str(grade) if short else grasp_text(grade, self.labels))
        if self._ungraded.isHidden() != short:  # (no needless show: 1366 px as it was)
            self._ungraded.setVisible(not short)
        whole = ", ".join([vocabulary("Grasp", "ungraded"),
                           *(grasp_text(g, self.labels) for g in range(4))])
        tip = f"{_title()} {whole}" if short else ""
        for part in self._parts:
            part.setToolTip(tip)
