"""Widgets for the session record around the chart: details, signing, amendments, audit; and
the right column's tabs that hold them with the session and progress panels (`right_tabs`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget


def right_tabs(session_panel, details, segments, progress):
    """The right column: Session & sites, Consent & safety, Segments, Progress (with the
    patient's name above it). Returns (tabs, progress header label, progress tab page)."""
    def scrolled(widget: QWidget) -> QScrollArea:
        area = QScrollArea()  # the panel's own minimum must not widen the window
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(widget)
        return area

    header = QLabel()
    header.setObjectName("progressPatient")
    header.setTextFormat(Qt.TextFormat.PlainText)
    progress_box = QWidget()
    layout = QVBoxLayout(progress_box)
    layout.setContentsMargins(4, 4, 4, 0)
    layout.addWidget(header)
    layout.addWidget(scrolled(progress), 1)
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.addTab(session_panel, QCoreApplication.translate("RightTabs", "Session && sites"))
    tabs.addTab(scrolled(details), QCoreApplication.translate("RightTabs", "Consent && safety"))
    tabs.addTab(segments, QCoreApplication.translate("RightTabs", "Segments"))
    tabs.addTab(progress_box, QCoreApplication.translate("RightTabs", "Progress"))
    return tabs, header, progress_box
