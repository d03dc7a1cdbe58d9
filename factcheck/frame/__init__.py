"""Stage 2 of the pipeline: quantities -> claims. Each number gets a frame: what it measures (the
metric), whether it is a level or a change, about whom, for which period, and who says so.

The package is a set of small components, each adding one facet of a claim (see `framer` for how
they are wired): `sentences` (spans and tokens), `entities` (names and topics), `phrases` and `metric`
(what is measured), `period` (when), `attribution` (who says so, and as fact or forecast), `events`
(dates as claims), `direction` (a name's move stated in words) and `lexicon` (the frame words).
"""
from __future__ import annotations

from .context import CLAIM_KINDS, DocContext
from .entities import entities
from .framer import Framer, doc_context, frame
from .lexicon import FrameLexicon, load_frames
from .sentences import Token, sentence_spans, tokens

__all__ = ["CLAIM_KINDS", "DocContext", "FrameLexicon", "Framer", "Token", "doc_context", "entities", "frame",
           "load_frames", "sentence_spans", "tokens"]
