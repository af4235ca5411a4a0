"""`make publish` puts the production build on a repository's gh-pages branch."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest
import yaml

from .conftest import ROOT, make

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Daybook Test",
    "GIT_AUTHOR_EMAIL": "test@daybook.invalid",
    "GIT_COMMITTER_NAME": "Daybook Test",
    "GIT_COMMITTER_EMAIL": "test@daybook.invalid",
}


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def project(tmp_path):
    """A fresh git checkout of the project's files (tracked and new), sharing the set-up virtualenv."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    clone = tmp_path / "project"
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, clone / name)
    (clone / ".venv").symlink_to(ROOT / ".venv")
    git("init", "-q", "-b", "main", cwd=clone)
    git("add", "-A", cwd=clone)
    git("commit", "-qm", "content", cwd=clone)
    return clone


def publish(project: Path, remote: Path) -> None:
    env = {**os.environ, **GIT_ENV, "DAYBOOK_SITEURL": "https://example.github.io/daybook"}
    subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "publish", f"GITHUB_PAGES_REMOTE={remote}"],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
    )


@pytest.mark.publish
def test_publish_pushes_the_site_to_gh_pages(project, tmp_path):
    remote = tmp_path / "pages.git"
    git("init", "-q", "--bare", str(remote), cwd=tmp_path)
    publish(project, remote)
    files = git(
        "--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages", cwd=tmp_path
    ).split()
    assert ".nojekyll" in files
    for expected in (
        "index.html",
        "russia-ukraine-war/index.html",
        "russia-ukraine-war/2024/04/03/index.html",
        "russia-ukraine-war/2024/04/04/index.html",
        "feeds/all.atom.xml",
        "feeds/russia-ukraine-war.rss.xml",
        "pagefind/bundles.json",
        "pagefind/pagefind-ui.js",
        "pagefind/russia-ukraine-war-2024-04/pagefind.js",
        "theme/css/base.css",
    ):
        assert expected in files
    content_commit = git("rev-parse", "--short", "HEAD", cwd=project).strip()
    message = git("--git-dir", str(remote), "log", "-1", "--format=%s", "gh-pages", cwd=tmp_path)
    assert content_commit in message
    atom = git("--git-dir", str(remote), "show", "gh-pages:feeds/all.atom.xml", cwd=tmp_path)
    assert "<id>https://example.github.io/daybook/russia-ukraine-war/2024/04/04/#1808</id>" in atom


@pytest.mark.publish
def test_second_publish_keeps_history(project, tmp_path):
    remote = tmp_path / "pages.git"
    git("init", "-q", "--bare", str(remote), cwd=tmp_path)
    publish(project, remote)
    git("branch", "-D", "gh-pages", cwd=project)  # as on a fresh clone: only the remote has it
    publish(project, remote)
    count = git("--git-dir", str(remote), "rev-list", "--count", "gh-pages", cwd=tmp_path).strip()
    assert count == "2"


def drop_update(project: Path, anchor: str) -> None:
    """Delete one update's section from its day file and commit, as a careless edit would."""
    day = project / "content/russia-ukraine-war/2024/2024-04-04.md"
    sections = day.read_text(encoding="utf-8").split("\n\n{#")
    kept = [
        s for s in sections if not s.startswith(f"{anchor} ") and not s.startswith(f"{anchor}}}")
    ]
    assert len(kept) == len(sections) - 1
    day.write_text("\n\n{#".join(kept), encoding="utf-8")
    git("commit", "-qam", f"drop {anchor}", cwd=project)


@pytest.mark.publish
def test_publish_refuses_to_drop_a_published_update(project, tmp_path):
    remote = tmp_path / "pages.git"
    git("init", "-q", "--bare", str(remote), cwd=tmp_path)
    publish(project, remote)
    drop_update(project, "1430")
    env = {**os.environ, **GIT_ENV, "DAYBOOK_SITEURL": "https://example.github.io/daybook"}
    refused = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "publish", f"GITHUB_PAGES_REMOTE={remote}"],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert refused.returncode != 0
    assert "missing anchor /russia-ukraine-war/2024/04/04/#1430" in refused.stderr
    assert (
        "missing feed id https://example.github.io/daybook/russia-ukraine-war/2024/04/04/#1430"
        in refused.stderr
    )
    assert "refusing to publish" in refused.stderr
    count = git("--git-dir", str(remote), "rev-list", "--count", "gh-pages", cwd=tmp_path).strip()
    assert count == "1"  # nothing was pushed
    subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "publish", f"GITHUB_PAGES_REMOTE={remote}", "ALLOW_REMOVALS=1"],
        cwd=project, env=env, capture_output=True, check=True,
    )  # fmt: skip
    files = git(
        "--git-dir",
        str(remote),
        "show",
        "gh-pages:russia-ukraine-war/2024/04/04/index.html",
        cwd=tmp_path,
    )
    assert 'id="1430"' not in files and 'id="1808"' in files


def test_check_published_passes_an_unchanged_build(daybook, tmp_path):
    make("html", f"OUTPUTDIR={tmp_path / 'a'}", "SEARCH=no")
    result = daybook("check-published", tmp_path / "a", tmp_path / "a")
    assert result.code == 0
    assert "0 published ones missing" in result.stdout
    assert "16 update anchors" in result.stdout


def test_workflow_runs_the_tests_then_make_publish():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["publish"]["steps"]]
    assert "make test" in steps
    assert any(s.startswith("make publish") for s in steps)
    assert steps.index("make test") < next(
        i for i, s in enumerate(steps) if s.startswith("make publish")
    )
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML reads the key `on` as True


def test_a_site_over_the_hosts_limit_is_refused_naming_its_largest_parts(daybook, tmp_path):
    site = tmp_path / "site"
    (site / "feeds").mkdir(parents=True)
    (site / "feeds/all.atom.xml").write_bytes(b"x" * 3_000_000)
    (site / "index.html").write_bytes(b"<p>home</p>")
    refused = daybook("site-size", site, "--limit-mb", "2")
    assert refused.code == 1
    assert refused.stdout.startswith("site: 3.0 MB in 2 files")
    assert "over the 2 MB limit" in refused.stderr and "feeds (3 MB, 1 files)" in refused.stderr
    assert daybook("site-size", site, "--limit-mb", "1000").code == 0


def published_feed(remote: Path, path: str, tmp_path: Path) -> list[str]:
    """The entry ids of a feed document as published on gh-pages."""
    data = subprocess.run(
        ["git", "--git-dir", str(remote), "show", f"gh-pages:{path}"],
        cwd=tmp_path, capture_output=True, check=True,
    ).stdout  # fmt: skip
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.bozo_exception
    return [entry.id for entry in parsed.entries]


@pytest.mark.publish
def test_a_subscriber_sees_exactly_the_new_updates(project, tmp_path):
    """Publish, import a new day, publish again: a feed reader gets the new day's updates as
    new items, no item twice, and every id it knew is still an item and a live permalink."""
    remote = tmp_path / "pages.git"
    git("init", "-q", "--bare", str(remote), cwd=tmp_path)
    publish(project, remote)
    feeds = ("feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/russia-ukraine-war.atom.xml")
    before = {path: published_feed(remote, path, tmp_path) for path in feeds}
    page = tmp_path / "next-day.txt"
    page.write_text(
        "Friday, April 5, 2024\n\n0915 GMT — Ministers meet in Brussels\n\nTalks began.\n\n"
        "0740 GMT — Overnight strikes reported\n\nThe air force said drones were downed.\n",
        encoding="utf-8",
    )
    env = {**os.environ, **GIT_ENV}
    subprocess.run([str(project / ".venv/bin/daybook"), "import", str(page)], cwd=project,
                   env=env, check=True, capture_output=True)  # fmt: skip
    git("add", "-A", cwd=project)
    git("commit", "-qm", "a new day", cwd=project)
    publish(project, remote)
    day = "https://example.github.io/daybook/russia-ukraine-war/2024/04/05/"
    for path in feeds:
        after = published_feed(remote, path, tmp_path)
        assert len(after) == len(set(after)), path  # no item twice
        assert set(after) - set(before[path]) == {f"{day}#0915", f"{day}#0740"}, path
        assert set(before[path]) <= set(after), path  # nothing a reader knew went away
