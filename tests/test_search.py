"""The search index: one Pagefind bundle per timeline and month, indexed only when its pages
changed, removed with them, and byte for byte the same on the same pages."""

from __future__ import annotations

import json
from pathlib import Path

from daybook.tools.search import FOLDER, MANIFEST, UI_FILES, build_index

DAY = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{day}</title></head>
<body><nav>Home · Search</nav><div class="day" data-pagefind-body>
<h1>{day}</h1>
<span hidden data-pagefind-filter="timeline">Russia-Ukraine war</span>
<span hidden data-pagefind-filter="year">{year}</span>
<article class="update" id="1200"><h2 id="1200-title">{headline}</h2><p>{body}</p></article>
</div></body></html>
"""
OTHER = "<!DOCTYPE html><html lang='en'><body><h1>{0}</h1><p>Olympics everywhere</p></body></html>"


def write_day(site: Path, day: str, headline: str = "Talks resume") -> None:
    """A day page as the theme writes it, with its oldest-first copy (not searchable)."""
    year, month, date = day.split("-")
    folder = site / "russia-ukraine-war" / year / month / date
    (folder / "oldest-first").mkdir(parents=True, exist_ok=True)
    text = DAY.format(day=day, year=year, headline=headline, body=f"Report of {day}.")
    (folder / "index.html").write_text(text, encoding="utf-8")
    (folder / "oldest-first" / "index.html").write_text(text, encoding="utf-8")


def make_site(site: Path) -> Path:
    """Three days in two months, and pages that are not day pages."""
    write_day(site, "2023-05-06", "Olympics torch relay")
    write_day(site, "2024-04-03")
    write_day(site, "2024-04-04", "Harbour reopens")
    for page in ("index.html", "russia-ukraine-war/index.html", "russia-ukraine-war/2024/index.html",
                 "russia-ukraine-war/2024/04/index.html", "tags/nato/index.html"):  # fmt: skip
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text(OTHER.format(page), encoding="utf-8")
    return site


def snapshot(site: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the search index: its bytes and modification time."""
    return {
        str(p.relative_to(site / FOLDER)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted((site / FOLDER).rglob("*"))
        if p.is_file()
    }


def bundles(site: Path) -> list[str]:
    return json.loads((site / FOLDER / MANIFEST).read_text(encoding="utf-8"))["bundles"]


def test_each_month_is_a_bundle_of_its_day_pages_only(tmp_path):
    site = make_site(tmp_path / "site")
    indexed = build_index(site, tmp_path / "cache")
    names = ["russia-ukraine-war-2023-05", "russia-ukraine-war-2024-04"]
    assert indexed.rebuilt == indexed.bundles == tuple(names)
    assert indexed.summary() == "search index: 2 of 2 bundles rebuilt"
    assert bundles(site) == names
    assert sorted(p.name for p in (site / FOLDER).iterdir()) == sorted(
        [MANIFEST, *UI_FILES, *names]
    )
    counts = {}
    for name in names:
        entry = json.loads((site / FOLDER / name / "pagefind-entry.json").read_text("utf-8"))
        counts[name] = entry["languages"]["en"]["page_count"]
        assert not (site / FOLDER / name / "pagefind-ui.js").exists()  # kept once, beside them
    # Pagefind's script, worker and WebAssembly: only in the first bundle, the one opened first.
    runtime = ["pagefind-worker.js", "pagefind.js", "wasm.en.pagefind", "wasm.unknown.pagefind"]
    assert sorted(p.name for p in (site / FOLDER / names[0]).glob("*.*")) == sorted(
        [
            *runtime,
            "pagefind-entry.json",
            *(p.name for p in (site / FOLDER / names[0]).glob("*.pf_meta")),
        ]
    )
    assert not [
        p.name for p in (site / FOLDER / names[1]).glob("*.*") if p.suffix in (".js", ".pagefind")
    ]
    assert counts == {names[0]: 1, names[1]: 2}  # newest-first day pages, nothing else


def test_a_new_day_indexes_only_its_months_bundle_again(tmp_path):
    site, cache = make_site(tmp_path / "site"), tmp_path / "cache"
    build_index(site, cache)
    before = snapshot(site)
    assert not build_index(site, cache).changed
    assert snapshot(site) == before
    write_day(site, "2024-04-05", "Bridge repaired")
    indexed = build_index(site, cache)
    assert indexed.rebuilt == ("russia-ukraine-war-2024-04",)
    assert indexed.summary() == "search index: 1 of 2 bundles rebuilt"
    after = snapshot(site)
    changed = {name.split("/")[0] for name in before.keys() ^ after.keys()}
    changed |= {name.split("/")[0] for name in before.keys() & after.keys()
                if before[name] != after[name]}  # fmt: skip
    assert changed == {"russia-ukraine-war-2024-04"}
    assert build_index(site, cache).summary() == "search index up to date"


def test_the_same_pages_give_byte_identical_bundles(tmp_path):
    first, second = make_site(tmp_path / "one"), make_site(tmp_path / "two")
    build_index(first, tmp_path / "cache")
    build_index(second)
    assert {k: v[0] for k, v in snapshot(first).items()} == {
        k: v[0] for k, v in snapshot(second).items()
    }
    build_index(second)  # without a cache, indexed again: the same bytes
    assert {k: v[0] for k, v in snapshot(first).items()} == {
        k: v[0] for k, v in snapshot(second).items()
    }


def test_removing_a_months_days_removes_its_bundle(tmp_path):
    site, cache = make_site(tmp_path / "site"), tmp_path / "cache"
    build_index(site, cache)
    kept = snapshot(site)
    (site / "russia-ukraine-war/2023/05/06/index.html").unlink()
    indexed = build_index(site, cache)
    assert indexed.rebuilt == () and indexed.removed == ("russia-ukraine-war-2023-05",)
    assert indexed.summary() == "search index: 0 of 1 bundles rebuilt, 1 removed"
    assert not (site / FOLDER / "russia-ukraine-war-2023-05").exists()
    assert bundles(site) == ["russia-ukraine-war-2024-04"]
    left = snapshot(site)
    assert all(left[k] == kept[k] for k in kept if k.startswith("russia-ukraine-war-2024-04/"))
    # The runtime moved with the first place, from the removed bundle: nothing indexed again.
    moved = {k for k in left if k not in kept}
    assert {k.split("/", 1)[1] for k in moved} == {
        "pagefind.js", "pagefind-worker.js", "wasm.en.pagefind", "wasm.unknown.pagefind"
    }  # fmt: skip
    assert not build_index(site, cache).changed


def test_a_damaged_or_older_index_is_replaced(tmp_path):
    site, cache = make_site(tmp_path / "site"), tmp_path / "cache"
    build_index(site, cache)
    (site / FOLDER / "pagefind.js").write_text("// the single index of older versions")
    (site / FOLDER / "russia-ukraine-war-2023-05" / "pagefind-entry.json").unlink()
    (site / FOLDER / UI_FILES[1]).unlink()
    indexed = build_index(site, cache)
    assert indexed.rebuilt == ("russia-ukraine-war-2023-05",)
    assert indexed.removed == ("pagefind.js",)
    assert (site / FOLDER / UI_FILES[1]).is_file()
    assert not build_index(site, cache).changed


def test_an_older_month_takes_the_runtime_and_the_first_place(tmp_path):
    site, cache = make_site(tmp_path / "site"), tmp_path / "cache"
    build_index(site, cache)
    write_day(site, "2022-02-24", "Invasion begins")
    indexed = build_index(site, cache)
    assert indexed.rebuilt == ("russia-ukraine-war-2022-02",)
    assert bundles(site)[0] == "russia-ukraine-war-2022-02"
    assert (site / FOLDER / "russia-ukraine-war-2022-02" / "pagefind.js").is_file()
    assert not list((site / FOLDER / "russia-ukraine-war-2023-05").glob("*.js"))
    assert not build_index(site, cache).changed
