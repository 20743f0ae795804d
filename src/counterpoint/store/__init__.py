"""The ledger that every stage writes to and every report reads from."""

from counterpoint.store.db import DEFAULT_DB, Added, Store, database_url

__all__ = ["DEFAULT_DB", "Added", "Store", "database_url"]
