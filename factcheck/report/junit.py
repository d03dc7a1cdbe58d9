"""JUnit XML, for CI systems (GitLab, Jenkins, Azure) that show test reports but not SARIF.

One testcase per finding: a contradiction that fails the run (at or above ``--fail-on``, new under a
baseline: the same test as the exit code) is a ``<failure>``, a not-comparable
finding is ``<skipped>`` with its reason, and the rest pass with their details in
``<system-out>``. The run's warnings are counted in a ``warnings`` property and listed in the suite's
``<system-err>``. ElementTree does the escaping; characters XML 1.0 forbids are dropped.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..model import Finding, Report
from . import _common as c

_XML_INVALID = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: str) -> str:
    return _XML_INVALID.sub("\ufffd", text)


def _details(report: Report, f: Finding) -> str:
    lines = [f"{f.metric}: {c.finding_headline(f)}", f"rule: {f.rule}  level: {f.level}  id: {f.id}"]
    status = c.status_label(report, f)
    if status:
        lines.append(f"baseline: {status}")
    for cl in f.claims:
        lines.append(f"- {c.location(cl)}: {c.fmt_value(cl)} ({c.fmt_period(cl)}) {c.attribution(cl)}".rstrip())
        lines.append(f"  \"{c.quote(cl)}\"")
    return _x("\n".join(lines))


def render(report: Report, *, color: bool = False) -> str:
    """A single ``<testsuite>`` inside ``<testsuites>``; `color` is ignored."""
    findings = c.sorted_findings(report)
    failures = sum(1 for f in findings if c.is_failing(report, f))
    skipped = sum(1 for f in findings if f.verdict == "not_comparable")
    attrs = {"name": "factcheck", "tests": str(len(findings)), "failures": str(failures), "errors": "0", "skipped": str(skipped)}
    root = ET.Element("testsuites", attrs)
    suite = ET.SubElement(root, "testsuite", attrs)
    if report.warnings:  # counted as the text summary counts them, each line as the CLI printed it
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", {"name": "warnings", "value": str(len(report.warnings))})
    for f in findings:
        where = c.location(c.primary_claim(report, f)) if f.claims else ""
        case = ET.SubElement(
            suite,
            "testcase",
            {"classname": _x(f"factcheck.{f.rule}"), "name": _x(f"{f.metric} [{f.id}]"), "file": _x(f.claims[0].doc or "") if f.claims else ""},
        )
        details = _details(report, f)
        if c.is_failing(report, f):
            fail = ET.SubElement(case, "failure", {"message": _x(f"{f.metric}: {c.finding_headline(f)} ({where})"), "type": _x(f.rule)})
            fail.text = details
        elif f.verdict == "not_comparable":
            ET.SubElement(case, "skipped", {"message": _x(f"not comparable: {f.reason or c.one_line(f.message)}")})
            ET.SubElement(case, "system-out").text = details
        else:
            ET.SubElement(case, "system-out").text = details
    if report.warnings:
        ET.SubElement(suite, "system-err").text = _x("\n".join(w.cli_line() for w in report.warnings))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
