"""Progress views: is the patient getting better? Fewer muscles grasping, weaker grasps, less pain.

Embedding (e.g. as a tab or dock of the main window)::

    from imsmap.ui.progress import ProgressPanel
    panel = ProgressPanel(records, patient_id)      # records: imsmap.services.records.Records
    panel.set_patient(other_id)                     # when the chosen patient changes (None: none)
    panel.muscleChosen.connect(lambda muscle_id, side: ...)  # a row of the grid was chosen

The panel reads through ``records.repo`` and refreshes itself when ``records`` reports a change
for the patient; nothing else needs wiring.
"""

from imsmap.ui.progress.compare import ChartPicture, CompareView
from imsmap.ui.progress.pain_plot import PainPlot
from imsmap.ui.progress.progress_panel import ProgressPanel, summary_text
from imsmap.ui.progress.trend_matrix import TrendMatrix, TrendModel

__all__ = ["ChartPicture", "CompareView", "PainPlot", "ProgressPanel", "TrendMatrix",
           "TrendModel", "summary_text"]
