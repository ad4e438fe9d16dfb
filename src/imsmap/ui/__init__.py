"""The desktop window (PySide6). Start it with `imsmap.ui.app.run_app`."""

from imsmap.ui import qtcompat as _qtcompat

_qtcompat.apply()  # before any widget exists: see qtcompat for the binding's defect
