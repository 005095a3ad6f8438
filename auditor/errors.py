"""Errors the command line turns into one clear line and exit code 2."""


class InputError(Exception):
    """A document or option the auditor cannot use; the message is shown to the user as is."""


class PackError(Exception):
    """The knowledge pack (models/) is broken; the message names the file and the field."""

