"""Build the site's Pagefind search index, byte for byte the same on every run.

Pagefind lists a site's filters in hash-map order, so with two filters (timeline, year) its
metadata, and the file name derived from it, changed from one run to the next. The filter list
is sorted afterwards and the file renamed after its new content, keeping builds reproducible.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import cbor2

from .errors import DaybookError

_SIGNATURE_LENGTH = len(b"pagefind_dcd")
_FILTERS = 3  # position of the filter list in Pagefind 1.x metadata


def build_index(site: Path) -> None:
    """Index every page of *site* under site/pagefind/, deterministically."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"]
    if subprocess.run(command, check=False).returncode != 0:
        raise DaybookError(f"{site}: pagefind could not index the site")
    canonicalise(site / "pagefind")


def canonicalise(bundle: Path) -> None:
    """Sort the filters in each language's metadata and rename the file after its content."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in sorted(entry.get("languages", {}).items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        raw = gzip.decompress(meta_path.read_bytes())
        signature, meta = raw[:_SIGNATURE_LENGTH], cbor2.loads(raw[_SIGNATURE_LENGTH:])
        meta[_FILTERS] = sorted(meta[_FILTERS])
        content = signature + cbor2.dumps(meta)
        digest = f"{language}_{hashlib.sha256(content).hexdigest()[:10]}"
        meta_path.unlink()
        (bundle / f"pagefind.{digest}.pf_meta").write_bytes(gzip.compress(content, mtime=0))
        info["hash"] = digest
    entry_path.write_text(
        json.dumps(entry, separators=(",", ":"), sort_keys=True), encoding="utf-8"
    )
