"""Provenance: each facet of a claim says which frame, rule, time expression or word decided it; and the
frame package's public helpers."""
from __future__ import annotations

import datetime as dt

from factcheck.extract import extract_text
from factcheck.frame import Framer, entities, load_frames, tokens
from factcheck.model import Aspect, Document
from factcheck.rules import load_rules

RULES = load_rules()
DOC_DATE = dt.date(2022, 11, 17)


def _claims(text: str, name: str = "d.txt"):
    doc = Document(name, text, DOC_DATE, "cli")
    return Framer(RULES).frame(doc, extract_text(text, date=DOC_DATE, doc=name))


def _facets(text: str, quote: str) -> dict[str, tuple[str, str]]:
    claim = next(c for c in _claims(text) if c.quantity.text == quote)
    return {p.facet: (p.value, p.source) for p in claim.provenance}


def test_metric_names_its_frame_rule_and_term() -> None:
    facets = _facets("Mr Asadov said trade grew about 12 percent last year.", "about 12 percent")
    assert facets["metric"] == ("trade growth", "verb; rule economy.trade_growth, term 'trade'")
    assert facets["period"] == ("2021", "explicit: 'last year'")
    assert facets["attribution"] == ("Mr Asadov", "name before 'said'")
    assert "modality" not in facets


def test_counted_metric_owner_and_document_date() -> None:
    facets = _facets("The bridge has four lanes.", "four")
    assert facets["metric"] == ("lane", "counted")
    assert facets["subject"] == ("bridge", "owner")
    assert facets["period"] == ("as of 2022-11-17", "document_date")


def test_modal_word_and_event_verb() -> None:
    assert _facets("Trade will reach $5 billion next year.", "$5 billion")["modality"] == ("forecast", "modal 'will'")
    facets = _facets("Liu Zhi died in 1972.", "1972")
    assert facets["metric"] == ("date die", "event verb 'died'")
    assert facets["subject"][0] == "Liu Zhi"


def test_aspect_is_the_model_enum() -> None:
    claim = next(c for c in _claims("Exports rose 16 percent.") if c.quantity.text == "16 percent")
    assert claim.aspect is Aspect.CHANGE and claim.aspect == "change"


def test_a_framer_keeps_no_state_between_documents() -> None:
    framer = Framer(RULES)
    first = "Liu Zhi was a general. He died in 1972."
    other = "Karl Weyprecht was an explorer. He died in 1881."
    doc = Document("a.txt", first, DOC_DATE, "cli")
    quantities = extract_text(first, date=DOC_DATE, doc="a.txt")
    before = framer.frame(doc, quantities)
    framer.frame(Document("b.txt", other, DOC_DATE, "cli"), extract_text(other, date=DOC_DATE, doc="b.txt"))
    assert framer.frame(doc, quantities) == before


def test_public_tokens_and_entities() -> None:
    text = "Trade between Russia and China grew."
    toks = tokens(text, 0, len(text))
    assert [t.text for t in toks][:3] == ["Trade", "between", "Russia"]
    assert toks[2].start == text.index("Russia")
    assert set(entities(load_frames(), toks)) >= {"Russia", "China"}
