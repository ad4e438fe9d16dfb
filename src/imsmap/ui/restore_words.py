"""The restore dialog's words (ui.restore_backup): what a backup holds, whose it is, what it
cannot bring back, what the records open now hold that it lacks, and a line of the list of
the folder's backups. A QObject's tr, for the plural forms."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject

from imsmap.services.restore_points import Choice, RestoreLosses, RestorePoint, Whose
from imsmap.ui.wording import bind_numbers, long_datetime, said


def when_text(value) -> str:
    return bind_numbers(long_datetime(value)) if value is not None else "—"


class RestoreWords(QObject):
    """The dialog's and the message's longer texts (a QObject for tr's plural forms)."""

    def holds_lines(self, point: RestorePoint) -> list[str]:
        """What the backup holds, and what it cannot bring back, in the window's words."""
        lines = [
            self.first_line(point),
            "• "
            + bind_numbers(self.tr("%n patient(s)", "", point.patients)
            + ", "
            + self.tr("%n session(s)", "", point.sessions)
            + " ("
            + self.tr("%n signed", "", point.signed)
            + ", "
            + self.tr("%n draft(s)", "", point.drafts)
            + "), "
            + self.tr("%n amendment(s)", "", point.amendments)
            + ", "
            + self.tr("%n photo(s)", "", point.photos))
            + ".",
        ]
        if point.last_signed_at is not None:
            lines.append(
                "• "
                + self.tr("The last signed session: chart {chart}, signed on {when}.").format(
                    chart=point.last_signed_chart, when=when_text(point.last_signed_at)
                )
            )
        else:
            lines.append("• " + self.tr("It holds no signed session."))
        lines.append(
            "• "
            + self.tr(
                "Checked: the backup is whole, every signature matches its "
                "session and the audit trail is unbroken.",
            )
        )
        lines.extend("• " + line for line in self.whose_lines(point))
        lines.append("")
        lines.append(self.tr("What it cannot bring back:"))
        lines.append(
            "• "
            + self.tr(
                "anything written after {when}: a session "
                "signed, a draft changed or a photo added later.",
            ).format(when=when_text(point.taken_at))
        )
        if point.journal_missing and point.journal is not None:
            lines.append(
                "• "
                + self.tr(
                    "Its journal ({name}) is not in the folder: the records come back as they "
                    "were when this full backup was made, without what was signed after it. "
                    "If you have the journal, put it in the folder and look again.",
                ).format(name=point.journal.name)
            )
        if point.drafts:
            lines.append(
                "• "
                + bind_numbers(self.tr(
                    "%n draft session(s) come back as they were then, not signed: "
                    "check them before you sign.",
                    "",
                    point.drafts,
                ))
            )
        lines.append(
            "• "
            + self.tr(
                "PDFs that were saved or printed are not in a backup; File > Export "
                "session PDF… makes them again from the restored records.",
            )
        )
        for path, reason in point.passed_over:
            lines.append(
                "• "
                + self.tr("A newer backup, {name}, was passed over: {reason}").format(
                    name=path.name, reason=said(reason)
                )
            )
        return lines

    def first_line(self, point: RestorePoint) -> str:
        """Which backup this is (the newest, the newest of the records open now, the one
        chosen in the list), and whose records it holds as of when."""
        when = when_text(point.taken_at)
        if point.picked:
            return (self.tr("The backup chosen holds the records of {clinic} as they were on "
                            "{when}:").format(clinic=point.clinic, when=when) if point.clinic
                    else self.tr("The backup chosen holds the records as they were on {when}:")
                    .format(when=when))
        if point.mine:
            return (self.tr("The newest backup in this folder of the records open now holds "
                            "the records of {clinic} as they were on {when}:").format(
                                clinic=point.clinic, when=when) if point.clinic
                    else self.tr("The newest backup in this folder of the records open now "
                                 "holds them as they were on {when}:").format(when=when))
        return (self.tr("The newest backup in this folder holds the records of {clinic} as "
                        "they were on {when}:").format(clinic=point.clinic, when=when)
                if point.clinic
                else self.tr("The newest backup in this folder holds the records as they were "
                             "on {when}:").format(when=when))

    def whose_lines(self, point: RestorePoint) -> list[str]:
        """Whose backup it is (the database file it was backed up from), and the newer backups
        of another database that were not chosen."""
        lines = []
        if point.whose is Whose.OTHER and point.made_from:
            # Each path on its own line, no period after it: a user copies what is shown.
            lines.append(self.tr(
                "It is a backup of another database, not of the records open now. It was "
                "backed up from:\n{path}").format(path=point.made_from))
        elif point.whose is Whose.OTHER:
            lines.append(self.tr(
                "It is a backup of another database, not of the records open now."))
        elif point.made_from:
            lines.append(self.tr("It was backed up from:\n{path}").format(path=point.made_from))
        if point.others_newer:
            lines.append(bind_numbers(self.tr(
                "%n newer backup(s) in this folder, of another database, not chosen (to "
                "restore one instead, choose it in the list of backups):\n{list}", "",
                len(point.others_newer))).format(list="\n".join(
                    self.tr("{name}, as of {when}, backed up from {path}").format(
                        name=o.path.name, when=when_text(o.taken_at), path=o.made_from)
                    if o.made_from else self.tr("{name}, as of {when}").format(
                        name=o.path.name, when=when_text(o.taken_at))
                    for o in point.others_newer)))
        return lines

    def choice_parts(self, choice: Choice, mine: str | None) -> tuple[str, str, str]:
        """A line of the list of backups in its parts (ui.backup_list joins them and fits
        them to the list's width): when, whose ("" not known), the file's name."""
        whose = choice.whose(mine)
        if whose is Whose.OWN:
            owner = self.tr("the records open now")
        elif whose is Whose.OTHER and choice.made_from:
            owner = self.tr("another database, backed up from {path}").format(
                path=choice.made_from)
        elif whose is Whose.OTHER:
            owner = self.tr("another database")
        elif choice.made_from:
            owner = self.tr("backed up from {path}").format(path=choice.made_from)
        else:
            owner = ""
        return when_text(choice.taken_at), owner, choice.path.name

    def losses_lines(self, losses: RestoreLosses) -> list[str]:
        """What the open records hold that the backup lacks (the command line's list): a line
        for each kind there is, its count and then each one."""
        def started(s) -> str:
            return self.tr("chart {chart}, {started}").format(
                chart=s.chart_number, started=_stamp(s.started_at))

        kinds = [
            (self.tr("%n signed session(s):", "", len(losses.signed_sessions)), "; ",
             [self.tr("chart {chart}, {started}, signed {signed}").format(
                 chart=s.chart_number, started=_stamp(s.started_at), signed=_stamp(s.signed_at))
              for s in losses.signed_sessions]),
            (self.tr("%n amendment(s):", "", len(losses.amendments)), "; ",
             [self.tr("chart {chart}, {started}, written {written} by {who}").format(
                 chart=a.chart_number, started=_stamp(a.session_started_at),
                 written=_stamp(a.created_at), who=a.created_by)
              for a in losses.amendments]),
            (self.tr("%n photo(s):", "", len(losses.photos)), "; ",
             [self.photo_line(p) for p in losses.photos]),
            (self.tr("%n session(s) withdrawn or entered in error (they count again "
                     "restored):", "", len(losses.retractions)), "; ",
             [self.tr("chart {chart}, {started}, marked {written} by {who}").format(
                 chart=r.chart_number, started=_stamp(r.session_started_at),
                 written=_stamp(r.created_at), who=r.created_by)
              for r in losses.retractions]),
            (self.tr("%n merge(s) or separation(s) of patient records (restored, the "
                     "records read as before them):", "", len(losses.merges)), "; ",
             [self.tr("chart {dup} into chart {kept}, {written} by {who}").format(
                 dup=m.duplicate_chart, kept=m.kept_chart, written=_stamp(m.created_at),
                 who=m.created_by)
              for m in losses.merges]),
            (self.tr("%n draft session(s):", "", len(losses.draft_sessions)), "; ",
             [started(s) for s in losses.draft_sessions]),
            (self.tr("%n draft session(s) changed since the backup (they come back as they "
                     "were):", "", len(losses.changed_drafts)), "; ",
             [started(s) for s in losses.changed_drafts]),
            (self.tr("%n patient(s):", "", len(losses.patients)), ", ", list(losses.patients)),
            (self.tr("%n patient(s) whose details changed since the backup (they come back as "
                     "they were):", "", len(losses.changed_patients)), ", ",
             list(losses.changed_patients)),
        ]
        return ["• " + bind_numbers(head) + " " + between.join(items)
                for head, between, items in kinds
                if items]

    def photo_line(self, photo) -> str:
        """A photo the backup lacks: its session, named as an amendment's is, and how it came
        into the record (by amendment to the signed session, or to the session's draft)."""
        values = {"chart": photo.chart_number, "started": _stamp(photo.session_started_at),
                  "written": _stamp(photo.created_at), "who": photo.created_by}
        if photo.by_amendment:
            return self.tr("chart {chart}, {started}, added by amendment {written} by "
                           "{who}").format(**values)
        if photo.signed:
            return self.tr("chart {chart}, {started}, added to the draft {written} by {who}, "
                           "then signed with it").format(**values)
        return self.tr("chart {chart}, {started}, added to the draft {written} by "
                       "{who}").format(**values)

    def counts(self, patients: int, sessions: int) -> tuple[str, str]:
        """The counts of a restore's message, each number bound to its noun (no-break space)."""
        return (bind_numbers(self.tr("%n patient(s)", "", patients)),
                bind_numbers(self.tr("%n session(s)", "", sessions)))


def holds_lines(point: RestorePoint) -> list[str]:
    return RestoreWords().holds_lines(point)


def losses_lines(losses: RestoreLosses) -> list[str]:
    return RestoreWords().losses_lines(losses)


def _stamp(stamp: str | None) -> str:
    if not stamp:
        return "—"
    try:
        return long_datetime(datetime.fromisoformat(stamp))
    except ValueError:
        return stamp
