"""Progress views: is the patient getting better? Fewer muscles grasping, weaker grasps, less pain.

Embedding (e.g. as a tab or dock of the main window)::

    from imsmap.ui.progress import ProgressPanel
    panel = ProgressPanel(context.records, context.histories, patient_id)  # services.context
    panel.set_patient(other_id)                     # when the chosen patient changes (None: none)
    panel.muscleChosen.connect(lambda muscle_id, side: ...)  # a row of the grid was chosen

The panel reads the patient's history from the shared cache (services.history) and listens on the
change bus (ui.listening) for changes to the patient; nothing else needs wiring.
"""

from imsmap.ui.progress.compare import ChartPicture, CompareView
from imsmap.ui.progress.pain_plot import PainPlot
from imsmap.ui.progress.progress_panel import ProgressPanel, summary_text
from imsmap.ui.progress.trend_matrix import TrendMatrix, TrendModel

__all__ = ["ChartPicture", "CompareView", "PainPlot", "ProgressPanel", "TrendMatrix",
           "TrendModel", "summary_text"]
