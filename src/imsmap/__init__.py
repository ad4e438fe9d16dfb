"""imsmap: body-chart documentation of intramuscular stimulation (IMS) sessions."""

__version__ = "0.1.0"
