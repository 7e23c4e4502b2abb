"""Facilitators' launch links: every link parses and points at a file git tracks."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from conftest import ROOT

from connectivism.facilitator import links

HUB = "https://hub.example.edu"
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
REPO = links.repository(CONFIG)
TRACKED = set(links.tracked_files(ROOT))


def run_links(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "connectivism.facilitator", "links", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )


def md_links(table: str) -> list[tuple[str, str]]:
    """(path, url) for every link in a Markdown table."""
    out = []
    for line in table.splitlines()[2:]:
        path = re.search(r"`([^`]+)`", line).group(1)
        out += [(path, url) for url in re.findall(r"\]\((https?://[^)\s]+)\)", line)]
    return out


def check_hub_link(url: str, path: str, ref: str) -> None:
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "hub.example.edu", "/hub/user-redirect/git-pull")
    query = parse_qs(parts.query, strict_parsing=True)
    assert set(query) == {"repo", "urlpath", "branch"} and all(len(v) == 1 for v in query.values())
    assert query["repo"] == [REPO.url] and query["branch"] == [ref]
    lab, tree, folder, *rest = query["urlpath"][0].split("/")
    assert (lab, tree, folder) == ("lab", "tree", REPO.name)
    assert "/".join(rest) == path and path in TRACKED


def check_binder_link(url: str, path: str, ref: str) -> None:
    parts = urlsplit(url)
    binder = urlsplit(CONFIG["launch_buttons"]["binderhub_url"])
    assert (parts.scheme, parts.netloc) == (binder.scheme, binder.netloc)
    v2, gh, owner, name, pinned = [unquote(p) for p in parts.path.strip("/").split("/")]
    assert (v2, gh, owner, name, pinned) == ("v2", "gh", REPO.owner, REPO.name, ref)
    query = parse_qs(parts.query, strict_parsing=True)
    assert list(query) == ["urlpath"]
    target = query["urlpath"][0]
    assert target.startswith("lab/tree/") and target.removeprefix("lab/tree/") == path and path in TRACKED


def test_launch_paths_are_the_tracked_notebooks_and_exercises():
    paths = links.launch_paths(TRACKED)
    expected = sorted(p for p in TRACKED if re.fullmatch(r"notebooks/[^/]+\.ipynb", p))
    assert paths[: len(expected)] == expected and expected
    assert all(p.startswith(("notebooks/", "exercises/")) and "_source" not in p for p in paths)
    assert set(paths) - set(expected) == {p for p in TRACKED if re.fullmatch(r"exercises/[^/]+\.ipynb", p)}


def test_markdown_links_for_a_hub_and_binder_parse_and_point_at_tracked_files():
    table = run_links("--hub", HUB + "/", "--binder", "--ref", "v1.2.0").stdout
    found = md_links(table)
    paths = links.launch_paths(TRACKED)
    assert len(found) == 2 * len(paths)
    assert {p for p, _ in found} == set(paths)
    for path, url in found:
        if "git-pull" in url:
            check_hub_link(url, path, "v1.2.0")
        else:
            check_binder_link(url, path, "v1.2.0")


def test_csv_for_lms_import():
    text = run_links("--hub", HUB, "--format", "csv", "--ref", "v1.2.0").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["path"] for r in rows] == links.launch_paths(TRACKED)
    assert set(rows[0]) == {"title", "path", "jupyterhub_url"}
    for row in rows:
        assert row["title"]
        check_hub_link(row["jupyterhub_url"], row["path"], "v1.2.0")


def test_binder_only_by_default_and_ref_falls_back_to_the_branch_with_a_warning():
    result = run_links()
    found = md_links(result.stdout)
    tags = subprocess.run(["git", "tag"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    ref = links.default_ref(ROOT, REPO.branch)[0]
    if not tags:
        assert ref == REPO.branch and "no release tag" in result.stderr
    assert found and all("mybinder" in url or "git-pull" not in url for _, url in found)
    for path, url in found:
        check_binder_link(url, path, ref)


def test_hub_address_is_checked():
    with pytest.raises(ValueError, match="not a JupyterHub address"):
        links.hub_link(CONFIG, "javascript:alert(1)", "notebooks/x.ipynb", "main")
    assert links.hub_link(CONFIG, HUB + "/hub/", "notebooks/x.ipynb", "main").startswith(
        HUB + "/hub/user-redirect/git-pull?"
    )


def test_config_without_a_github_address_is_refused():
    with pytest.raises(ValueError, match="not a GitHub repository"):
        links.repository({"repository": {"url": "https://example.org/x"}})


def test_links_follow_the_configured_repository_not_a_hard_coded_one():
    config = {
        "repository": {"url": "https://github.com/other-org/other-kit", "branch": "teaching"},
        "launch_buttons": {"binderhub_url": "https://binder.example.org/"},
    }
    url = links.hub_link(config, HUB, "notebooks/a.ipynb", "v2")
    assert parse_qs(urlsplit(url).query)["repo"] == ["https://github.com/other-org/other-kit"]
    assert links.binder_link(config, "notebooks/a.ipynb", "v2").startswith(
        "https://binder.example.org/v2/gh/other-org/other-kit/v2?"
    )


LITE = "http://192.168.1.20:8000/lite/"


def check_lite_link(url: str, path: str) -> None:
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("http", "192.168.1.20:8000", "/lite/notebooks/index.html")
    assert parse_qs(parts.query, strict_parsing=True) == {"path": [path]} and path in TRACKED


def test_browser_edition_links_as_markdown_and_csv():
    table = run_links("--lite", LITE, "--ref", "v1.2.0").stdout
    assert table.splitlines()[0] == "| Notebook | File | Browser |"  # no Binder unless asked for
    found = md_links(table)
    assert [p for p, _ in found] == links.launch_paths(TRACKED)
    for path, url in found:
        check_lite_link(url, path)
    rows = list(csv.DictReader(io.StringIO(run_links("--lite", LITE, "--binder", "--format", "csv").stdout)))
    assert list(rows[0]) == ["title", "path", "lite_url", "binder_url"]
    for row in rows:
        check_lite_link(row["lite_url"], row["path"])
        assert row["binder_url"].startswith("https://")


def test_one_svg_qr_code_per_link(tmp_path):
    from defusedxml import ElementTree

    result = run_links("--lite", LITE, "--hub", HUB, "--qr", str(tmp_path / "qr"))
    paths = links.launch_paths(TRACKED)
    svgs = sorted((tmp_path / "qr").iterdir())
    assert len(svgs) == 2 * len(paths) and f"wrote {len(svgs)} QR codes" in result.stderr
    urls = {url for _, url in md_links(result.stdout)}
    titles = set()
    for svg in svgs:
        root = ElementTree.fromstring(svg.read_bytes())
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        titles.add(root.find("{http://www.w3.org/2000/svg}title").text)
        assert svg.name.endswith(("-lite.svg", "-hub.svg"))
    assert titles == urls  # each code is labelled with the very link it encodes
    expected = {
        f"{p.split('/')[0]}-{p.split('/')[1].removesuffix('.ipynb')}-{k}.svg" for p in paths for k in ("lite", "hub")
    }
    assert {p.name for p in svgs} == expected


def test_a_bad_browser_edition_address_is_refused_and_nothing_is_written(tmp_path):
    for bad in ("javascript:alert(1)", "192.168.1.20:8000/lite", "http://h/lite?x=1"):
        result = subprocess.run(
            [sys.executable, "-m", "connectivism.facilitator", "links", "--lite", bad, "--qr", str(tmp_path / "qr")],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 2 and result.stdout == ""
        errors = [line for line in result.stderr.splitlines() if line.startswith("links:")]
        assert len(errors) == 1 and "not the address of the browser edition" in errors[0]
    assert not (tmp_path / "qr").exists()
    with pytest.raises(ValueError, match="browser edition"):
        links.lite_link("ftp://h/lite", "notebooks/a.ipynb")
