"""Sentences and their words: cheap sentence spans, word tokens, and the case repairs that tell names
from common words (Title Case headlines, a capital that only starts the sentence)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from .words import CALENDAR_WORDS, is_english_word

if TYPE_CHECKING:
    from .lexicon import FrameLexicon

#: Words in any script ("Martín García", "Ndaté"), with inner apostrophes, dots and hyphens, and punctuation.
_WORD_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.\-])*[^\W\d_]|[^\W\d_]|[,;:()\"“”]|—|–")
_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*\n|\n(?=[ \t]*[-*•] )")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no nos vs etc inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec "
    "gen col capt lt sgt rep sen gov u.s u.k e.g i.e approx fig jr sr mt ft".split()
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries, cheap and good enough for news: punctuation + capital, blank lines."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        end = m.end()
        if m.group(0)[0] == ".":
            k = m.start()
            j = k
            while j > start and (text[j - 1].isalpha() or text[j - 1] == "."):
                j -= 1
            word = text[j:k].lower()
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    if any(b - a > MAX_SENTENCE for a, b in spans):
        spans = [piece for a, b in spans for piece in _cut(text, a, b)]
    # trim whitespace so sentences quote cleanly
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        out.append((a, b))
    return out


#: The longest "sentence" framing reads. Framing scans a figure's whole sentence, so a line of 60,000
#: figures without a full stop made it quadratic; no sentence a person writes is this long.
MAX_SENTENCE = 2000


def _cut(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split ``text[a:b]`` into pieces of at most `MAX_SENTENCE` characters, at a space where there is one."""
    out = []
    while b - a > MAX_SENTENCE:
        cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        cut = cut + 1 if cut > a else a + MAX_SENTENCE
        out.append((a, cut))
        a = cut
    out.append((a, b))
    return out


class Token(NamedTuple):
    """A word of a sentence and where it is. A named tuple, not a frozen dataclass: framing makes one
    per word of every sentence that holds a number, and a tuple is built several times faster."""

    text: str
    low: str
    start: int
    end: int


def tokens(text: str, a: int, b: int) -> list[Token]:
    """The words and punctuation of ``text[a:b]``, with their offsets in ``text``."""
    new = Token._make
    return [new((w, w.lower(), m.start(), m.end())) for m in _WORD_RE.finditer(text, a, b) for w in (m.group(0),)]


def detitle(toks: list[Token]) -> list[Token]:
    """In a Title Case headline, common words are not names: 'Goldman To Pay' -> 'Goldman to pay'."""
    words = [t for t in toks if t.text[0].isalpha() and len(t.text) > 3 and t.low not in CALENDAR_WORDS]
    if len(words) < 5 or sum(1 for t in words if t.text[0].isupper()) < 0.75 * len(words):
        return toks
    out = []
    for t in toks:
        if t.text[0].isupper() and is_english_word(t.low) and not (t.text.isupper() and len(t.text) > 1):
            out.append(Token(t.low, t.low, t.start, t.end))
        else:
            out.append(t)
    return out


#: Answers of `_capitalised_mid_sentence` for the text last asked about: each sentence asked it of the
#: whole document, quadratic in a document of thousands of sentences. Only one text is kept alive.
_CAP_MEMO: tuple[str, dict[str, bool]] = ("", {})


def _capitalised_mid_sentence(word: str, text: str) -> bool:
    global _CAP_MEMO
    memo_text, memo = _CAP_MEMO
    if memo_text is not text:
        memo = {}
        _CAP_MEMO = (text, memo)
    if word not in memo:
        memo[word] = _capitalised_mid_sentence_uncached(word, text)
    return memo[word]


def _capitalised_mid_sentence_uncached(word: str, text: str) -> bool:
    """Does ``word`` occur capitalised after a word (not after a sentence end or at a line's start) somewhere
    in the text? A line opens a sentence even after a sign-off or a heading without a full stop."""
    for m in re.finditer(r"(?<=\s)" + re.escape(word) + r"(?=[\s',])", text):
        k = m.start() - 1
        while k >= 0 and text[k].isspace() and text[k] != "\n":
            k -= 1
        if k >= 0 and text[k] not in ".!?:;\"”“)]|\n" and not text[k].isdigit():
            return True
    return False


def sentence_case(lex: FrameLexicon, toks: list[Token], text: str) -> list[Token]:
    """A capital that only starts the sentence is not a name: "Trade between Russia ..." -> trade."""
    if not toks:
        return toks
    t = toks[0]
    if not t.text[:1].isupper() or t.text.isupper() or t.low.endswith(("'s", "’s")):
        return toks
    if t.low in lex.demonyms or t.text in lex.known_names or not is_english_word(t.low):
        return toks
    if _capitalised_mid_sentence(t.text, text):
        return toks  # capitalised mid-sentence elsewhere: a name
    if len(toks) > 1 and toks[1].text[:1].isupper():
        return toks  # "Marina Baker was born": a first name, not the word "marina"
    return [Token(t.low, t.low, t.start, t.end)] + toks[1:]


def framing_tokens(lex: FrameLexicon, text: str, a: int, b: int, raw: list[Token] | None = None) -> list[Token]:
    """The tokens of sentence ``text[a:b]`` as framing reads them: headline case and first capital repaired."""
    return sentence_case(lex, detitle(raw if raw is not None else tokens(text, a, b)), text)
