"""Cross-checking: which statements across articles, outlets and years agree, contradict or discuss."""

from counterpoint.link.crosscheck import LinkReport, link
from counterpoint.link.relation import Relater, Relation

__all__ = ["LinkReport", "Relater", "Relation", "link"]
