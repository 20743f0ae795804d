"""Loading the spaCy pipeline once, with only the components the rules read."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# The rules match cue words on their forms (cues.py), so the lemmatizer's time is saved.
UNUSED_PIPES = ["lemmatizer"]


@Language.component("counterpoint_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines, datelines and paragraphs never run together."""
    for tok in doc[:-1]:
        if "\n" in tok.text or (tok.whitespace_ == "" and tok.is_space):
            doc[tok.i + 1].is_sent_start = True
    return doc


def load_pipeline(model: str) -> Language:
    """An installed pipeline by name or path, without the components extraction does not use."""
    nlp = spacy.load(model, exclude=UNUSED_PIPES)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("counterpoint_paragraphs", before="parser")
    return nlp
