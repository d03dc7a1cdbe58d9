"""The quantity scanner: one pass over the text finds the numbers, then cheap anchored look-ups around
each one read its sign, hedge, currency, scale, unit or counted noun.

Why this shape: a dependency parser costs ~0.1 MB/s and the goal is >= 3 MB/s, so the work per number
must be a handful of compiled-pattern matches at fixed positions and dictionary look-ups. Cheap character
tests guard the rarer readers (a range reader runs only before "-", "to", "and"...; the scale reader only
before a letter a scale word starts with; the ignore patterns only where their `near` regexes occur), and
the look-ups that repeat across a corpus ("pct", "dlrs", "shares") are memoised on the words they read, so
the output is exactly that of the plain readers.

Where to change what (one module per thing recognised):

=================  ===========================================================================
``numbers.py``     finding numbers: digits, number words, ordinals, fractions, "4 thousand 3
                   hundred", "1 in 5", "tens of thousands of"
``money.py``       a currency sign, code or word before a number, "3 dollars 50 cents"
``units.py``       scale, unit, percent, currency code or rate after a number, "5 feet 2 inches"
``hedges.py``      sign, hedge and direction before a number; the interval it stands for
``ranges.py``      "5-15%", "between 3 and 4 billion", "from $10 to $15bn"
``nouns.py``       what a bare number counts ("900 joint ventures", "two of the victims")
``dates.py``       years, decades, eras, ranges of days and ages: time the scanner must not count
``names.py``       numbers in names, codes and labels ("G20", "787 Dreamliner", "0401 GMT")
``ignores.py``     the lexicon's ignore patterns and label words (phone numbers, web addresses)
``neighbours.py``  units shared with the amounts next to a number ("from 14 mpg to 24")
``records.py``     the fast `Quantity` constructor every reader uses
``scan.py``        the `Scanner` that runs them in order for each number
=================  ===========================================================================
"""
from __future__ import annotations

from .nouns import counted_noun
from .numbers import DIGITS_RE, WORD_TRIGGER_RE, find_cores
from .records import QUANTITY_HAS_DICT, make_quantity, with_changes
from .scan import Scanner

__all__ = ["Scanner", "make_quantity", "with_changes", "counted_noun", "find_cores", "DIGITS_RE", "WORD_TRIGGER_RE",
           "QUANTITY_HAS_DICT"]
