"""Stage 2 of the pipeline: quantities -> claims (see `factcheck.frame.framer`)."""
from __future__ import annotations

from .framer import CLAIM_KINDS, FrameLexicon, Framer, load_frames, sentence_spans

__all__ = ["CLAIM_KINDS", "FrameLexicon", "Framer", "load_frames", "sentence_spans"]
