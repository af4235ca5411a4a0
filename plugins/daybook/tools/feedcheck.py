"""Validate feed documents: Atom (RFC 4287 grammar + Schematron), RSS and JSON Feed rules.

The RELAX NG grammar misses what the W3C feed validator checks (absolute ids and links,
RFC 822 dates, permalink guids, self links), so those rules are checked here by hand.
"""

from __future__ import annotations

import json
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from lxml import etree, isoschematron

from ..render.feeds import ATOM_NS

_RNG_SCHEMATRON = "http://www.ascc.net/xml/schematron"
_ISO = "http://purl.oclc.org/dsdl/schematron"
_SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
_ABSOLUTE = ("http://", "https://")


class AtomValidator:
    """The RFC 4287 RELAX NG grammar plus the Schematron rules embedded in it."""

    def __init__(self, rng: Path) -> None:
        grammar = etree.parse(str(rng))
        self._relaxng = etree.RelaxNG(grammar)
        self._schematron = isoschematron.Schematron(_schematron_from(grammar), store_report=True)

    def problems(self, feed: Path) -> list[str]:
        """Every grammar error, failed rule and W3C rule broken by the Atom document *feed*."""
        doc = etree.parse(str(feed))
        found = []
        if not self._relaxng.validate(doc):
            found += [f"line {e.line}: {e.message}" for e in self._relaxng.error_log]
        if not self._schematron.validate(doc):
            found += _failed_asserts(self._schematron.validation_report)
        return found + _atom_rules(doc.getroot())


def _failed_asserts(report: etree._XSLTResultTree | None) -> list[str]:
    """The text of each failed assertion in a Schematron report (None: no report kept)."""
    if report is None:
        return []
    texts = report.xpath("//svrl:failed-assert/svrl:text/text()", namespaces=_SVRL)
    return [" ".join(t.split()) for t in texts]


def _schematron_from(grammar: etree._ElementTree) -> etree._Element:
    """The grammar's Schematron 1.5 rules moved into an ISO Schematron schema lxml can run."""
    schema = etree.Element(f"{{{_ISO}}}schema")
    for prefix, uri in (("atom", ATOM_NS), ("xhtml", "http://www.w3.org/1999/xhtml")):
        etree.SubElement(schema, f"{{{_ISO}}}ns", prefix=prefix, uri=uri)
    for rule in grammar.iter(f"{{{_RNG_SCHEMATRON}}}rule"):
        context = rule.get("context")
        if context is None:
            continue  # a Schematron rule without a context selects nothing
        pattern = etree.SubElement(schema, f"{{{_ISO}}}pattern")
        iso_rule = etree.SubElement(pattern, f"{{{_ISO}}}rule", context=context)
        for check in rule:
            name, test = etree.QName(check).localname, check.get("test")
            if test is not None:  # an assert or report always has its test
                etree.SubElement(iso_rule, f"{{{_ISO}}}{name}", test=test).text = check.text
    return schema


def _atom_rules(root: etree._Element) -> list[str]:
    found = []
    for node in root.iter(f"{{{ATOM_NS}}}id"):
        if not (node.text or "").startswith(_ABSOLUTE):
            found.append(f"id {node.text!r} is not an absolute URL")
    for link in root.iter(f"{{{ATOM_NS}}}link"):
        if not link.get("href", "").startswith(_ABSOLUTE):
            found.append(f"link {link.get('href')!r} is not absolute")
    selfs = [k for k in root.findall(f"{{{ATOM_NS}}}link") if k.get("rel") == "self"]
    if len(selfs) != 1:
        found.append("feed needs exactly one rel=self link")
    return found


def rss_problems(feed: Path) -> list[str]:
    """The W3C validator's RSS 2.0 rules (RSS has no grammar of its own)."""
    root = etree.parse(str(feed)).getroot()
    channel = root.find("channel")
    if channel is None:
        return ["rss has no channel"]
    found = []
    for name in ("title", "link", "description"):
        if not (channel.findtext(name) or "").strip():
            found.append(f"channel has no {name}")
    selfs = [k for k in channel.findall(f"{{{ATOM_NS}}}link") if k.get("rel") == "self"]
    if len(selfs) != 1 or not selfs[0].get("href", "").startswith(_ABSOLUTE):
        found.append("channel needs one absolute atom:link rel=self")
    for tag in root.iter("pubDate", "lastBuildDate"):
        found += _rfc822_problems(tag.text)
    for item in root.iter("item"):
        guid = item.find("guid")
        if guid is None:
            found.append("item without guid")
        elif guid.get("isPermaLink", "true") == "true" and not (guid.text or "").startswith(
            _ABSOLUTE
        ):
            found.append(f"guid {guid.text!r} is a permalink but not an absolute URL")
    return found


def _rfc822_problems(text: str | None) -> list[str]:
    try:
        if parsedate_to_datetime(text or "").tzinfo is None:
            return [f"{text}: RFC 822 date without a zone"]
    except (TypeError, ValueError):
        return [f"{text}: not an RFC 822 date"]
    return []


def json_feed_problems(feed: Path) -> list[str]:
    """JSON Feed 1.1 rules: required fields, unique ids, RFC 3339 dates, absolute URLs."""
    try:
        document = json.loads(feed.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [f"not JSON: {exc}"]
    found = [f"missing {key}" for key in ("version", "title", "items") if key not in document]
    if document.get("version") != "https://jsonfeed.org/version/1.1":
        found.append(f"version is {document.get('version')!r}")
    for key in ("home_page_url", "feed_url", "next_url"):
        if key in document and not str(document[key]).startswith(_ABSOLUTE):
            found.append(f"{key} is not absolute")
    ids = [item.get("id") for item in document.get("items", [])]
    if len(set(ids)) != len(ids) or not all(isinstance(i, str) and i for i in ids):
        found.append("item ids must be unique non-empty strings")
    for item in document.get("items", []):
        if not (item.get("content_html") or item.get("content_text")):
            found.append(f"item {item.get('id')} has no content")
        for key in ("date_published", "date_modified"):
            if key in item and not _is_rfc3339(item[key]):
                found.append(f"item {item.get('id')}: {key} is not RFC 3339")
    return found


def _is_rfc3339(text: object) -> bool:
    if not isinstance(text, str) or "T" not in text:
        return False
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False
