"""Loading the spaCy pipeline once, with only the components the rules read."""

from __future__ import annotations

import spacy
from spacy.language import Language

# The rules match cue words on their forms (cues.py), so the lemmatizer's time is saved.
UNUSED_PIPES = ("lemmatizer",)


def load_pipeline(model: str) -> Language:
    """An installed pipeline by name or path, without the components extraction does not use."""
    nlp = spacy.load(model)
    for name in UNUSED_PIPES:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    return nlp
