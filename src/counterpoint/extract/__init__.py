"""Statement extraction: who said what, to whom, when and through whom, from one spaCy parse."""

from .extractor import Extraction, Extractor

__all__ = ["Extraction", "Extractor"]
