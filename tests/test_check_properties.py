"""Properties of the whole check: no input crashes it, and every cited span slices its document."""
from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factcheck

FRAGMENTS = [
    "trade grew", "about", "more than", "up to", "between 3 and 4 billion", "$3.3bn", "12 percent", "16%",
    "3,000 years ago", "since 1066", "last year", "for 10 months", "in the last 24 hours", "compared to 2020",
    "killed", "people", "Mr Asadov said", "I have a different number:", "the bridge has", "lanes", "€100 million",
    "born on 21 June 1874", "died in", "(14 May 1902 – 9 October 1967)", "Q3 2022", "FY2022", "1,780",
    "a quarter of them", "three-fifths", "5,000 km", "40°C", "6.1-magnitude", "Covid-19", "3 + 3", ".", ",", "\n\n",
    "Russia", "Azerbaijan", "GDP", "will reach", "10-15%", "from 2,500 to 1,800 feet", "minus 5", "9999999999999",
    "0.0000001", "1e308", "½", "١٢٣", "𝟘", "\u200b", "\ufeff",
]

documents = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=documents, b=documents, dated=st.booleans())
def test_check_never_raises_and_spans_slice(a: str, b: str, dated: bool) -> None:
    texts = {"a.txt": a, "b.txt": b}
    dates = {"a.txt": dt.date(2022, 11, 17), "b.txt": dt.date(2022, 2, 22)} if dated else None
    report = factcheck.check_texts(texts, dates=dates, today=dt.date(2026, 11, 22))
    data = report.to_dict()
    assert data["schema_version"]
    for finding in data["findings"]:
        for c in finding["claims"]:
            assert texts[c["doc"]][c["start"]:c["end"]] == c["text"]
