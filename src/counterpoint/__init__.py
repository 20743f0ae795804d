"""counterpoint: who said what in the news, and who says otherwise."""

__version__ = "0.1.0"

from counterpoint.api import dataframe, export, ingest, records, search, stats
from counterpoint.ingest import Options
from counterpoint.records import SCHEMA, Article, Entity, Failure, IngestReport, Link, Statement
from counterpoint.store import Store

__all__ = [
    "SCHEMA",
    "Article",
    "Entity",
    "Failure",
    "IngestReport",
    "Link",
    "Options",
    "Statement",
    "Store",
    "__version__",
    "dataframe",
    "export",
    "ingest",
    "records",
    "search",
    "stats",
]
