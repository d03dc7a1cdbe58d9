"""Money: a currency sign or code before a number ("$", "US$ ", "HK $", "aud$", "USD"), a currency word
before it ("usd 20", "sen 100,000"), "3 dollars 50 cents", and a rate in brackets ("C$6 (US$4.46) per share").
Currency codes and names after a number ("5 EUR", "10 euros") are units (see ``units.py``).
"""
from __future__ import annotations

import re

from ...model import Quantity
from ..lexicon import Lexicon
from .numbers import JOIN_RE, Core, core_at
from .records import with_changes


class MoneyReader:
    """Reads the currency written before a number (a mixin of `Scanner`)."""

    def _init_money(self, lexicon: Lexicon) -> None:
        self._symbols_by_len = sorted(lexicon.currency_symbols, key=len, reverse=True)
        #: the first of those that the text continues with, in one match (alternatives tried in order)
        self._symbols_re = (re.compile("|".join(re.escape(sym) for sym in self._symbols_by_len))
                            if self._symbols_by_len else None)
        self._currency_hits: dict[str, tuple[tuple[int, str, str], ...]] = {}
        # The last character of every currency sign and code: any other before a number means none.
        self._currency_last_chars = frozenset(
            ch for ch in ({sym[-1] for sym in lexicon.currency_symbols if sym}
                          | {code[-1] for code in lexicon.currency_codes if code} | {"$"})
            if not ch.isspace() and not ch.isdigit() and ch not in ",;:(-")
        self._prefix_names = lexicon.prefix_names or {}
        #: the last letters of those words: a one-character test before reading the word
        self._prefix_last = frozenset(w[-1] for w in self._prefix_names if w)
        #: where the amount before the current one ended (`_prefix_name_before` reads no further back)
        self._resume = 0

    def _money_before(self, text: str, core: Core) -> tuple[str | None, int, str | None, int, bool]:
        """The currency written before the number of `core`: (ISO code or None, where the amount starts, a
        subunit named before it ("sen 100,000") or None, where that name starts, whether a currency word
        rather than a sign stands before it). Leaves the scale of a code such as "MAUD" in ``self._mscale``."""
        s, e = core.start, core.end
        # `_currency_before`'s first test, inlined: most numbers follow a character that ends no
        # currency sign or code
        j = s - 1 if s > 0 and text[s - 1] in " \u00a0" else s
        if j == 0 or text[j - 1] not in self._currency_last_chars:
            currency, start = None, s
        else:
            currency, start = self._currency_before(text, s)
        name_sub = None  # a subunit named before the number ("sen 100,000")
        name_start = s
        from_name = False
        if (currency is None and s > 1 and text[s - 2] in self._prefix_last and text[s - 1] == " "
                and text[text.rfind(" ", 0 if s < 12 else s - 12, s - 1) + 1:s - 1] in self._prefix_names):
            pre = self._prefix_name_before(text, s)
            if pre is not None and not (core.kind == "number" and not core.is_word and e - s == 4
                                        and 1800 <= core.number.value <= 2100):
                from_name = True
                if pre[0] is None:
                    name_sub = pre[1]
                    name_start = pre[2]
                else:
                    currency, start = pre[0], pre[2]
        self._mscale = 1.0
        if currency is not None and text.startswith("M" + currency, start):
            self._mscale = 1e6  # "MAUD 60"
        return currency, start, name_sub, name_start, from_name

    def _currency_before(self, text: str, start: int) -> tuple[str | None, int]:
        """A currency sign or code right before ``start`` ("$", "US$ ", "USD", "Y=", "HK $", "aud$")."""
        j = start
        if j > 0 and text[j - 1] in " \u00a0":
            j -= 1
        if j == 0:
            return None, start
        c = text[j - 1]
        if c not in self._currency_last_chars:
            return None, start  # every currency sign or code ends with one of these characters
        k = j
        while k > 0 and j - k < 7 and not text[k - 1].isspace() and not text[k - 1].isdigit():
            k -= 1
        token = text[k:j]
        hits = self._currency_hits.get(token)
        if hits is None:
            hits = self._currency_hits_of(token)
        if not hits:
            return None, start
        lex = self.lex
        symbols = lex.currency_symbols
        codes = lex.currency_codes
        for cut, cand, code in hits:
            at = k + cut
            if at > 0 and text[at - 1].isalpha() and cand[0].isalpha():
                continue  # "RM" inside "FIRM79" is not a sign
            if cand == "$" and at >= 2 and text[at - 1] == " ":
                # "HK $3.7 billion", "C $6": a country prefix written apart from the sign
                q = at - 1
                while q > 0 and at - 1 - q < 3 and text[q - 1].isalpha():
                    q -= 1
                if q < at - 1 and (q == 0 or not text[q - 1].isalnum()):
                    pre = text[q:at - 1]
                    if pre.isupper():
                        alt = symbols.get(pre + "$") or symbols.get(pre.upper() + "$")
                        if alt is None and pre.upper() in codes:
                            alt = pre.upper()
                    elif pre.islower() and pre not in ("a", "s", "i"):
                        # lower case ("hk $ 10.05 billion", "c $ 300 million") only as a listed sign:
                        # "a $48m contract" is an article, "murdoch ' s $ 5" a possessive
                        alt = symbols.get(pre.upper() + "$")
                    else:
                        alt = None
                    if alt is not None:
                        return alt, q
            return code, at
        return None, start

    def _prefix_name_before(self, text: str, s: int) -> tuple[str | None, str, int] | None:
        """A currency word written before the number ("usd 20", "dollar 22.5 million", "sen 100,000"):
        (ISO code or None for a subunit, unit, where the word starts), or None."""
        names = self.lex.prefix_names
        if not names:
            return None
        j = s - 1
        k = j
        while k > 0 and j - k < 10 and text[k - 1].isalpha():
            k -= 1
        if k < self._resume or (k > 0 and not (text[k - 1].isspace() or text[k - 1] in "(\"'")):
            return None  # "peso/dollar 1987"; "10 rmb 20 usd": "rmb" is the amount's before
        word = text[k:j]
        if not word.islower():
            return None  # "Sen 100", "Dollar 5": names or sentence starts, not amounts ("USD 5" is a code)
        hit = names.get(word.lower())
        if hit is None:
            return None
        return hit[0], hit[1], k

    def _currency_hits_of(self, token: str) -> tuple[tuple[int, str, str], ...]:
        """Every suffix of ``token`` that names a currency, longest first: (cut, suffix, ISO code).

        A pure function of the token, cached: the words before numbers repeat endlessly."""
        lex = self.lex
        symbols = lex.currency_symbols
        codes = lex.currency_codes
        hits = []
        for cut in range(len(token)):
            cand = token[cut:]
            code = symbols.get(cand)
            if code is None and cand in codes:
                code = cand
            if code is None and cand[-1:] == "$" and len(cand) > 1 and cand[:-1].upper() in codes:
                code = cand[:-1].upper()  # "aud$ 15"
            if code is None and len(cand) == 4 and cand[0] == "M" and cand[1:] in codes:
                code = cand[1:]  # "MAUD 60": handled as a scale by the caller
            if code is not None:
                hits.append((cut, cand, code))
        result = tuple(hits)
        if len(self._currency_hits) > 50_000:
            self._currency_hits.clear()
        self._currency_hits[token] = result
        return result

    def _compound_money(self, text: str, low: str, pos: int, value: float,
                        precision: float) -> tuple[float, float, int]:
        """"3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 USD 50"."""
        jm = JOIN_RE.match(text, pos)
        if not jm:
            return value, precision, pos
        c2 = core_at(text, low, jm.end())
        if c2 is None or c2.number.is_fraction or c2.number.precision != 1.0 or not 0 < c2.number.value < 100:
            return value, precision, pos
        k3, u3, cur3, p3 = self._unit_after(text, c2.end, True, False)
        if k3 == "money" and cur3 is None:
            end = p3
        elif k3 is None and (c2.end == len(text) or text[c2.end] in ".,;!?)" or text.startswith(" more", c2.end)):
            end = c2.end
        else:
            return value, precision, pos
        sign = -1.0 if value < 0 else 1.0
        return value + sign * c2.number.value / 100.0, 0.01, end

    def _bracketed_rate(self, text: str, out: list[Quantity], q: Quantity) -> Quantity:
        """"C$6 (US$4.46) per share", "9 billion shekels ($2.4 billion) a year": the rate after the
        bracket is both amounts'. ``q`` is the bracketed one, ``out[-1]`` the amount before it."""
        prev = out[-1]
        if "/" in (q.unit or "/") or "/" in (prev.unit or "/") or text[prev.end:q.start].strip() != "(":
            return q
        rate = self._rate(text, q.end + 1)
        if rate is None:
            return q
        out[-1] = with_changes(prev, unit=f"{prev.unit} / {rate[0]}")
        return with_changes(q, unit=f"{q.unit} / {rate[0]}")
