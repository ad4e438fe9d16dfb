"""The record on paper and in files, as the File and Session menus offer it: the session PDF,
printing and its preview, the progress report, the audit trail. A controller the main window
makes and gives what it uses; the reports are imported only when asked (they load QtPdf)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from imsmap.domain.errors import UserFacingError
from imsmap.domain.local_time import local_date, local_time
from imsmap.domain.models import Patient
from imsmap.domain.os_reasons import reason
from imsmap.services.records import Records
from imsmap.ui import errors as ui_errors
from imsmap.ui import file_dialogs
from imsmap.ui.privacy_cover import Guard, unguarded
from imsmap.ui.progress import ProgressPanel
from imsmap.ui.record.sign_amend import AuditDialog
from imsmap.ui.refusals import tell
from imsmap.ui.session_panel import SessionPanel
from imsmap.ui.title_width import title_width
from imsmap.ui.window_settings import EXPORT_FOLDER
from imsmap.ui.wording import said

# A long export's progress window shows once it has run this long with more still to come.
PROGRESS_AFTER_MS = 1000


def _call_with_parent(fn, *args, parent: QWidget, **options):
    """Call a report function, passing the window as its parent when it takes one (and
    `options` it takes by name)."""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        params = {}
    options = {k: v for k, v in options.items() if k in params}
    if "parent" in params:
        return fn(*args, parent=parent, **options)
    positional = [p for p in params.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if len(positional) > len(args):
        return fn(*args, parent)
    return fn(*args)


class ReportActions:
    def __init__(self, records: Records, parent: QWidget, session_panel: SessionPanel,
                 progress: ProgressPanel, patient: Callable[[], Patient | None],
                 show_message: Callable[[str], None],
                 show_error: Callable[[UserFacingError | str], None],
                 guard: Guard = unguarded):
        self.records = records
        self.guard = guard  # the privacy screen over the dialog of where a file goes
        self.parent = parent  # of the dialogs
        self.session_panel = session_panel
        self.progress = progress  # which sessions the progress report shows
        self.patient = patient  # the patient open now
        self.show_message = show_message
        self.show_error = show_error

    def session_id(self) -> int | None:
        s = self.session_panel.session
        return s.id if s is not None else None

    def export_pdf(self) -> None:
        sid = self.session_id()
        if sid is None:
            return
        try:
            from imsmap.report.session_pdf import write_session_pdf
        except ImportError:
            self.show_error(QCoreApplication.translate(
                "ReportActions", "PDF export is not available in this version of imsmap."))
            return
        self.session_panel.flush()
        s = self.session_panel.session
        patient = self.patient()
        default = Path.home() / (f"ims-{patient.chart_number if patient else 'session'}-"
                                 f"{self._when(s)}.pdf")
        self._save_file(QCoreApplication.translate("ReportActions", "Export session PDF"),
                        default, lambda path: write_session_pdf(self.records, sid, path))

    def _when(self, session) -> str:
        """The session's day in its PDF's name, and its time when the patient has another
        session that day: both were offered the same name, the second PDF over the first."""
        day = local_date(session.started_at)
        if any(o.id != session.id and local_date(o.started_at) == day
               for o in self.records.read.sessions_for_patient(session.patient_id)):
            return f"{day:%Y-%m-%d}-{local_time(session.started_at):%H%M}"
        return f"{day:%Y-%m-%d}"

    def _save_file(self, title: str, default: Path, write: Callable[[str], object],
                   kind: str | None = None) -> None:
        """Ask where (`default` offered, in the folder of the last export), `write` the file
        there, and say it was saved; a refusal or a file that cannot be written is said in a
        message box titled `title`. `kind`: the dialog's file filter (PDF documents)."""
        path, _ = file_dialogs.save_file_name(
            self.parent, title, str(_in_export_folder(default)),
            kind or QCoreApplication.translate("ReportActions", "PDF documents (*.pdf)"),
            guard=self.guard)
        if not path:
            return
        try:
            with busy_cursor():
                write(path)
        except StoppedExport as exc:
            tell(self.parent, title, exc, QMessageBox.Icon.Information)
            return
        except UserFacingError as exc:
            ui_errors.show_user_error(self.parent, exc, title)
            return
        except OSError as exc:
            ui_errors.show_user_error(self.parent, _not_written(path, exc), title)
            return
        EXPORT_FOLDER.write(str(Path(path).parent))
        self.show_message(_saved(path))

    def audit_trail(self) -> None:
        if self.session_id() is not None:
            dialog = AuditDialog(self.records, self.session_id(), self.parent)
            self.guard(dialog)  # the trail names the patient and what was changed
            dialog.exec()

    def _report(self, module: str, name: str):
        """A report function, imported only when asked (the reports load QtPdf and friends)."""
        try:
            mod = __import__(f"imsmap.report.{module}", fromlist=[name])
            return getattr(mod, name)
        except (ImportError, AttributeError):
            self.show_error(QCoreApplication.translate(
                "ReportActions", "This version of imsmap cannot do that yet ({module} is not "
                "installed). Export the session PDF instead.").format(module=module))
            return None

    def _run_report(self, title: str, fn, *args, **options) -> bool:
        try:
            _call_with_parent(fn, *args, parent=self.parent, **options)
        except UserFacingError as exc:
            ui_errors.show_user_error(self.parent, exc, title)
            return False
        except OSError as exc:
            ui_errors.show_user_error(self.parent, QCoreApplication.translate(
                "ReportActions", "{action} failed: {reason}.").format(
                    action=title, reason=said(reason(exc))), title)
            return False
        return True

    def print_session(self) -> None:
        self._print("print_session", QCoreApplication.translate("ReportActions", "Print"))

    def print_preview(self) -> None:
        self._print("print_preview_session",
                    QCoreApplication.translate("ReportActions", "Print preview"))

    def _print(self, name: str, title: str) -> None:
        """The open session through ``report.printing.<name>`` (its dialog over the window)."""
        fn = self._report("printing", name) if self.session_id() else None
        if fn is not None:
            self.session_panel.flush()
            # The preview shows the record's pages: covered by the privacy screen (F12)
            self._run_report(title, fn, self.records, self.session_id(), shown=self.guard)

    def export_progress(self) -> None:
        if self.patient() is None:
            return
        fn = self._report("progress_pdf", "write_progress_pdf")
        if fn is None:
            return
        patient = self.patient()
        chosen = self.progress.chosen_ids() or None
        self._save_file(QCoreApplication.translate("ReportActions", "Export progress report"),
                        Path.home() / f"ims-progress-{patient.chart_number}.pdf",
                        lambda path: fn(self.records, patient.id, path, session_ids=chosen))

    def export_fhir(self) -> None:
        """Patient > Export FHIR bundle…: the open patient's sessions as an HL7 FHIR R4 bundle,
        each signed one with its PDF/A, in a file the clinician chooses (report.fhir_export,
        what `imsmap export --fhir --chart NUMBER` writes); nothing leaves the machine
        otherwise."""
        patient = self.patient()
        if patient is None:
            return
        fn = self._report("fhir_export", "write_patient_bundle")
        if fn is None:
            return
        self.session_panel.flush()
        title = QCoreApplication.translate("ReportActions", "Export FHIR bundle")
        self._save_file(title, Path.home() / f"ims-{patient.chart_number}.fhir.json",
                        lambda path: _with_progress(self.parent, title, lambda each: fn(
                            self.records, patient, path, each_pdf=each)),
                        QCoreApplication.translate("ReportActions", "FHIR bundles (*.json)"))


class StoppedExport(UserFacingError):
    """The clinician pressed Stop: said as information, not as a refusal."""


def _with_progress(parent: QWidget | None, title: str, write: Callable[..., object]) -> object:
    """`write(each_pdf)` with a progress window counting the signed sessions' PDFs as they are
    drawn (a year of weekly visits is some fifteen seconds of drawing on the window's thread:
    the window said nothing meanwhile but a wait cursor). Stop ends it: nothing is written."""
    box = QProgressDialog(parent)
    box.setWindowTitle(title)
    box.setMinimumWidth(title_width(box, title))
    box.setCancelButtonText(QCoreApplication.translate("ReportActions", "Stop"))
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setMinimumDuration(PROGRESS_AFTER_MS)
    box.setAutoClose(False)
    box.setAutoReset(False)

    def each(done: int, signed: int) -> None:
        if box.wasCanceled():
            raise StoppedExport(QCoreApplication.translate(
                "ReportActions", "The export was stopped; nothing was written."))
        box.setMaximum(signed)
        box.setLabelText(QCoreApplication.translate(
            "ReportActions", "Drawing the PDF of signed session {n} of {count}…").format(
                n=done + 1, count=signed))
        box.setValue(done)  # modal: the window is repainted and Stop can be pressed

    try:
        return write(each)
    finally:
        box.close()
        box.deleteLater()


@contextmanager
def busy_cursor() -> Iterator[None]:
    """The wait cursor while a file is drawn on the window's thread (a FHIR bundle draws each
    signed session's PDF: a third of a second each)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _in_export_folder(default: Path) -> Path:
    """`default`'s name in the folder the last PDF went to, while that folder is there: each
    export began in the home folder, and the clinic's records folder was looked for again
    after every session."""
    folder = EXPORT_FOLDER.read()
    return Path(folder) / default.name if folder and Path(folder).is_dir() else default


def _not_written(path: str, exc: OSError) -> str:
    return QCoreApplication.translate(
        "ReportActions", "The PDF could not be written to {path}: {reason}.").format(
            path=path, reason=said(reason(exc)))


def _saved(path: str) -> str:
    return QCoreApplication.translate("ReportActions", "Saved {path}").format(path=path)
