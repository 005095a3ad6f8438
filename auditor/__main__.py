"""Run the command-line interface with `python -m auditor`."""

from auditor.cli import run

run()
