"""The frozen app's entry script (packaging/imsmap.spec): the same `main` as the `imsmap` and
`imsmap-gui` commands of a pip install."""

from imsmap.cli import main

raise SystemExit(main())
