"""What framing knows of one document while it frames its figures: made once, passed along, never changed."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..model import Document, Quantity
from .sentences import Token

#: Kinds that can be compared; dates and durations only frame other claims.
CLAIM_KINDS = frozenset({"count", "percent", "percentage_point", "money", "measure", "fraction", "ordinal"})


@dataclass(frozen=True)
class DocContext:
    """One document as framing reads it: its sentences, time expressions, speakers and topics."""

    doc: Document
    sentences: tuple[tuple[int, int], ...]
    #: the document's date and duration mentions, in order
    temporal: tuple[Quantity, ...]
    #: the first name of the first sentence: whom "he" and "she" refer to in a biography
    topic: str | None
    #: known places or parties named in at least three sentences: whom an unnamed figure is about
    topics: tuple[str, ...]
    #: where each transcript speaker label starts, and the speakers they name
    speakers: tuple[tuple[int, ...], tuple[str, ...]]
    all_undated: bool = False
    #: the word tokens of the first sentences (read for the topics), kept so they are not made twice
    first_tokens: tuple[list[Token], ...] = ()
    #: the `entities` of each of those token lists (read for the topics), kept likewise
    first_entities: tuple[tuple[str, ...], ...] = ()

    def temporal_in(self, a: int, b: int) -> list[Quantity]:
        """The time expressions that start in ``[a, b)``, by bisection: a scan per sentence was quadratic
        in a document of thousands of sentences."""
        starts = self._temporal_starts()
        return list(self.temporal[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)])

    def _temporal_starts(self) -> list[int]:
        cached = self.__dict__.get("_starts")
        if cached is None:
            cached = [t.start for t in self.temporal]
            object.__setattr__(self, "_starts", cached)  # a cache of a derived value, not state
        return cached

    def raw_tokens(self, si: int) -> list[Token] | None:
        """The tokens of sentence ``si`` when already made, else None."""
        return self.first_tokens[si] if si < len(self.first_tokens) else None
