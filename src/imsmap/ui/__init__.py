"""The desktop window (PySide6). Start it with `imsmap.ui.app.run_app`."""
