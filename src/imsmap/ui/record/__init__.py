"""Widgets for the session record around the chart: details, signing, amendments, audit."""
