#!/bin/sh
# /usr/bin/imsmap of the .deb: the frozen app lives in /opt/imsmap (PyInstaller one-folder).
exec /opt/imsmap/imsmap "$@"
