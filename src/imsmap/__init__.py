"""imsmap: body-chart documentation of intramuscular stimulation (IMS) sessions."""

import logging

__version__ = "0.1.0"

# Until logs.setup() gives the "imsmap" loggers their file, their lines go nowhere (not to
# stderr, which the command line keeps for its one sentence).
logging.getLogger("imsmap").addHandler(logging.NullHandler())
