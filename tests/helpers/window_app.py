"""The real window (`imsmap --db DB`, ui.app.run_app) in a process of its own, for
tests/test_window_signals.py: once the window is whole it opens the patient and the draft
given, types a note into the session's notes (not yet saved: the notes are saved a pause after
the last key) and into the first site's note, and says "typed" on stdout; then it runs until
it ends, however it is ended, and its exit status is run_app's.

    python window_app.py DB PATIENT_ID SESSION_ID SESSION_NOTE SITE_NOTE
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from imsmap import logs
from imsmap.ui.app import make_application, run_app
from imsmap.ui.main_window import MainWindow


def main() -> int:
    db, patient_id, session_id, session_note, site_note = sys.argv[1:6]
    logs.setup()

    def the_window() -> MainWindow | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible() and w.built), None)

    def type_once_whole() -> None:
        window = the_window()
        if window is None:
            QTimer.singleShot(50, type_once_whole)
            return
        window.patients.select_patient(int(patient_id))
        window.patients.select_session(int(session_id))
        assert window.session_id == int(session_id)
        window.session_panel.notes.setFocus()
        window.session_panel.notes.insertPlainText(session_note)
        sites = window.edits.sites
        assert sites, "the draft has a site"
        window.edits.select_site(sites[0].id)
        inspector = window.session_panel.sites.inspector
        inspector.notes.insertPlainText(site_note)
        print("typed", flush=True)

    make_application()  # run_app's application (it takes the one made)
    QTimer.singleShot(0, type_once_whole)
    return run_app(db=db)


if __name__ == "__main__":
    sys.exit(main())
