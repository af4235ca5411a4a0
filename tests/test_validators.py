"""The sample site passes the external validators (`make check`): Nu HTML checker, links and
#anchors with linkchecker over HTTP, and every feed document."""

from __future__ import annotations

import subprocess

import pytest

from .conftest import ROOT, make


@pytest.mark.validators
def test_make_check_passes_on_the_sample_site(tmp_path):
    make("html", f"OUTPUTDIR={tmp_path}")
    result = subprocess.run(
        [str(ROOT / ".ci/check"), str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout.split("== make check", 1)[1]
    assert "html (Nu checker): 0 errors" in summary
    assert "0 warnings found. 0 errors found." in summary
    assert "feeds: 12 documents, 0 problems" in summary
