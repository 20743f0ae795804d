"""Ingestion: real news formats in, clean `Article` records (or one-line failures) out."""

from counterpoint.ingest.sources import FORMATS, Options, detect, read

__all__ = ["FORMATS", "Options", "detect", "read"]
