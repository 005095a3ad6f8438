"""Run the command-line interface with `python -m auditor`."""

from auditor.cli import main

raise SystemExit(main())
