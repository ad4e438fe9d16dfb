from imsmap.cli import main

raise SystemExit(main())
