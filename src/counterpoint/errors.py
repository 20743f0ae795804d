"""Errors a user can act on. The CLI turns each into a one-line message and an exit code."""


class CounterpointError(Exception):
    """Base class: the message says what went wrong and, where it can, how to fix it."""


class InputError(CounterpointError):
    """An input that cannot be read as news: binary, empty, undecodable, truncated, too large."""


class FetchError(InputError):
    """A URL that could not be fetched within the limits."""


class StoreError(CounterpointError):
    """The ledger cannot be opened or written."""


class ModelError(CounterpointError):
    """A relation model folder that is missing, of no kind counterpoint reads, or that fails to load."""


class UsageError(CounterpointError):
    """A request that cannot be carried out as asked (an unknown format, an output that cannot take it)."""
