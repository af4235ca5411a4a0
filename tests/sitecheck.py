"""Checks on a built site shared by the site tests: parsed pages, links, feed validation."""

from __future__ import annotations

from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from lxml import etree, isoschematron

ATOM_NS = "http://www.w3.org/2005/Atom"
_RNG_SCHEMATRON = "http://www.ascc.net/xml/schematron"
_ISO = "http://purl.oclc.org/dsdl/schematron"


def page(output: Path, url: str) -> BeautifulSoup:
    """The parsed page at a directory-style site URL ("t/2024/04/04/")."""
    path = output / url / "index.html" if url.endswith("/") or not url else output / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def broken_links(output: Path) -> list[str]:
    """Every internal href/src in every page whose file or #anchor does not exist."""
    ids: dict[Path, set[str]] = {}
    problems = []
    for html in sorted(output.rglob("*.html")):
        if "pagefind" in html.parts:
            continue
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link", "script", "img"]):
            ref = tag.get("href") or tag.get("src")
            if not ref or urlsplit(ref).scheme or ref.startswith("//"):
                continue
            target, _, anchor = ref.partition("#")
            path = (html.parent / unquote(target)).resolve() if target else html
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                problems.append(f"{html.relative_to(output)}: {ref} (no file)")
                continue
            if anchor:
                if path not in ids:
                    doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
                    ids[path] = {t["id"] for t in doc.find_all(id=True)}
                if unquote(anchor) not in ids[path]:
                    problems.append(f"{html.relative_to(output)}: {ref} (no anchor)")
    return problems


def atom_problems(feed: Path, rng: Path) -> list[str]:
    """RFC 4287 RELAX NG errors plus failures of the Schematron rules embedded in the grammar."""
    grammar_doc = etree.parse(str(rng))
    doc = etree.parse(str(feed))
    grammar = etree.RelaxNG(grammar_doc)
    problems = (
        [] if grammar.validate(doc) else [f"line {e.line}: {e.message}" for e in grammar.error_log]
    )
    schematron = isoschematron.Schematron(_schematron_from(grammar_doc), store_report=True)
    if not schematron.validate(doc):
        report = schematron.validation_report
        problems += [
            " ".join(t.split())
            for t in report.xpath(
                "//svrl:failed-assert/svrl:text/text()",
                namespaces={"svrl": "http://purl.oclc.org/dsdl/svrl"},
            )
        ]
    return problems


def _schematron_from(grammar_doc: etree._ElementTree) -> etree._Element:
    """The grammar's Schematron 1.5 rules moved into an ISO Schematron schema lxml can run."""
    schema = etree.Element(f"{{{_ISO}}}schema")
    for prefix, uri in (("atom", ATOM_NS), ("xhtml", "http://www.w3.org/1999/xhtml")):
        etree.SubElement(schema, f"{{{_ISO}}}ns", prefix=prefix, uri=uri)
    for rule in grammar_doc.iter(f"{{{_RNG_SCHEMATRON}}}rule"):
        pattern = etree.SubElement(schema, f"{{{_ISO}}}pattern")
        iso_rule = etree.SubElement(pattern, f"{{{_ISO}}}rule", context=rule.get("context"))
        for check in rule:
            name = etree.QName(check).localname
            etree.SubElement(
                iso_rule, f"{{{_ISO}}}{name}", test=check.get("test")
            ).text = check.text
    return schema


def rss_problems(feed: Path) -> list[str]:
    """The W3C validator's RSS rules the grammar-less format needs checked by hand."""
    root = etree.parse(str(feed)).getroot()
    channel = root.find("channel")
    problems = []
    for name in ("title", "link", "description"):
        if not (channel.findtext(name) or "").strip():
            problems.append(f"channel has no {name}")
    selfs = [link for link in channel.findall(f"{{{ATOM_NS}}}link") if link.get("rel") == "self"]
    if len(selfs) != 1 or not selfs[0].get("href", "").startswith("http"):
        problems.append("channel needs one absolute atom:link rel=self")
    for date_tag in root.iter("pubDate", "lastBuildDate"):
        try:
            if parsedate_to_datetime(date_tag.text).tzinfo is None:
                problems.append(f"{date_tag.text}: RFC 822 date without a zone")
        except (TypeError, ValueError):
            problems.append(f"{date_tag.text}: not an RFC 822 date")
    for guid in root.iter("guid"):
        if guid.get("isPermaLink", "true") == "true" and not guid.text.startswith(
            ("http://", "https://")
        ):
            problems.append(f"guid {guid.text} is a permalink but not an absolute URL")
    return problems
