"""Launch links for every notebook and exercise: the browser edition, Binder and a JupyterHub (nbgitpuller).

The repository address and branch are read from the book's configuration
(``repository.url`` and ``repository.branch`` in ``_config.yml``, the one place
they live); nothing here knows the address. The functions are pure: they take
the configuration as a dict and the notebook paths as a list.

Link formats
------------
JupyterHub, through nbgitpuller (as the nbgitpuller documentation describes)::

    {hub}/hub/user-redirect/git-pull?repo={repo}&urlpath={urlpath}&branch={ref}

``repo`` is the repository address, ``urlpath`` is
``lab/tree/{repository folder name}/{path}`` (nbgitpuller clones into a folder
named after the repository) and ``branch`` is the ref to pull: a release tag by
default. Every value is percent-encoded.

Binder::

    {binderhub_url}/v2/gh/{owner}/{repo}/{ref}?urlpath=lab/tree/{path}

with ``binderhub_url`` from ``launch_buttons.binderhub_url``.

The browser edition (JupyterLite, the site's ``lite/`` folder, wherever it is
served: the published site, or a laptop serving the workshop bundle)::

    {lite}/notebooks/index.html?path={path}

with ``lite`` the address of that folder, e.g. ``http://192.168.1.20:8000/lite``.
It holds the notebooks and exercises of the site it was built with, so there is
no ref: the links open what that site serves.

Examples
--------
>>> config = {"repository": {"url": "https://github.com/example-org/kit", "branch": "main"},
...           "launch_buttons": {"binderhub_url": "https://mybinder.org"}}
>>> binder_link(config, "notebooks/01-a.ipynb", "v1.0")
'https://mybinder.org/v2/gh/example-org/kit/v1.0?urlpath=lab%2Ftree%2Fnotebooks%2F01-a.ipynb'
>>> hub_link(config, "https://hub.example.edu/", "notebooks/01-a.ipynb", "v1.0")  # doctest: +NORMALIZE_WHITESPACE
'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fexample-org%2Fkit&urlpath=lab%2Ftree%2Fkit%2Fnotebooks%2F01-a.ipynb&branch=v1.0'
>>> lite_link("http://192.168.1.20:8000/lite/", "notebooks/01-a.ipynb")
'http://192.168.1.20:8000/lite/notebooks/index.html?path=notebooks/01-a.ipynb'
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

__all__ = [
    "Repository",
    "LaunchLink",
    "repository",
    "launch_paths",
    "binder_link",
    "hub_link",
    "lite_link",
    "launch_links",
    "markdown_table",
    "csv_table",
    "default_ref",
    "notebook_title",
    "qr_svg",
    "qr_files",
    "read_config",
    "tracked_files",
]

_GITHUB = re.compile(r"^https://github\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?/?$")
_LAUNCHABLE = re.compile(r"^(notebooks|exercises)/[^/]+\.ipynb$")


@dataclass(frozen=True)
class Repository:
    """The repository the links point at, as configured."""

    url: str
    owner: str
    name: str
    branch: str


@dataclass(frozen=True)
class LaunchLink:
    """One row of the table: a notebook and its launch links."""

    path: str
    title: str
    binder: str | None
    hub: str | None
    lite: str | None = None

    def links(self) -> dict[str, str]:
        """The links this row has, by launcher: ``lite``, ``binder``, ``hub``."""
        found = {"lite": self.lite, "binder": self.binder, "hub": self.hub}
        return {kind: url for kind, url in found.items() if url}


def repository(config: Mapping) -> Repository:
    """Read the repository address and branch from a parsed ``_config.yml``.

    Raises
    ------
    ValueError
        If ``repository.url`` is missing or not a GitHub repository address.

    Examples
    --------
    >>> repository({"repository": {"url": "https://github.com/o/r", "branch": "main"}})
    Repository(url='https://github.com/o/r', owner='o', name='r', branch='main')
    """
    section = config.get("repository") or {}
    url = str(section.get("url") or "").strip()
    match = _GITHUB.match(url)
    if not match:
        raise ValueError(
            f"repository.url in _config.yml is {url!r}, not a GitHub repository address "
            "such as https://github.com/ORG/REPO: set it with `make set-repo`."
        )
    owner, name = match.groups()
    branch = str(section.get("branch") or "main").strip()
    return Repository(f"https://github.com/{owner}/{name}", owner, name, branch)


def launch_paths(tracked: Iterable[str]) -> list[str]:
    """The notebooks learners launch: ``notebooks/*.ipynb`` and ``exercises/*.ipynb``.

    Teachers' sources (``exercises/_source``) and anything in sub-folders are left out.

    Examples
    --------
    >>> launch_paths(["notebooks/b.ipynb", "notebooks/a.ipynb", "exercises/_source/x.ipynb",
    ...               "exercises/e1.ipynb", "README.md", "notebooks/data/x.ipynb"])
    ['notebooks/a.ipynb', 'notebooks/b.ipynb', 'exercises/e1.ipynb']
    """
    paths = sorted({p for p in tracked if _LAUNCHABLE.match(p)})
    return [p for p in paths if p.startswith("notebooks/")] + [p for p in paths if p.startswith("exercises/")]


def _hub_base(hub: str) -> str:
    hub = hub.strip().rstrip("/")
    parts = urlsplit(hub)
    if parts.scheme not in ("https", "http") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"{hub!r} is not a JupyterHub address: give one like https://hub.example.edu")
    return hub.removesuffix("/hub")


def _lite_base(lite: str) -> str:
    lite = lite.strip()
    parts = urlsplit(lite)
    if parts.scheme not in ("https", "http") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(
            f"{lite!r} is not the address of the browser edition: give the site's lite/ folder, "
            "like https://org.github.io/kit/lite or http://192.168.1.20:8000/lite"
        )
    return lite.rstrip("/")


def lite_link(lite: str, path: str) -> str:
    """The link that opens ``path`` in the browser edition served at ``lite`` (the site's ``lite/`` folder)."""
    return f"{_lite_base(lite)}/notebooks/index.html?path={quote(path, safe='/')}"


def binder_link(config: Mapping, path: str, ref: str) -> str:
    """The Binder link that opens ``path`` in JupyterLab at ``ref``."""
    repo = repository(config)
    binder = str((config.get("launch_buttons") or {}).get("binderhub_url") or "https://mybinder.org")
    return (
        f"{binder.rstrip('/')}/v2/gh/{quote(repo.owner, safe='')}/{quote(repo.name, safe='')}/"
        f"{quote(ref, safe='')}?urlpath={quote('lab/tree/' + path, safe='')}"
    )


def hub_link(config: Mapping, hub: str, path: str, ref: str) -> str:
    """The nbgitpuller link that pulls the repository at ``ref`` into a JupyterHub and opens ``path``."""
    repo = repository(config)
    urlpath = f"lab/tree/{repo.name}/{path}"
    return (
        f"{_hub_base(hub)}/hub/user-redirect/git-pull?repo={quote(repo.url, safe='')}"
        f"&urlpath={quote(urlpath, safe='')}&branch={quote(ref, safe='')}"
    )


def launch_links(
    config: Mapping,
    paths: Iterable[str],
    ref: str,
    *,
    hub: str | None = None,
    binder: bool = True,
    titles: Mapping[str, str] | None = None,
    lite: str | None = None,
) -> list[LaunchLink]:
    """Every path's launch links (Binder unless ``binder=False``; the hub and the browser edition if given)."""
    if hub is not None:
        _hub_base(hub)
    if lite is not None:
        _lite_base(lite)
    titles = titles or {}
    return [
        LaunchLink(
            path=p,
            title=titles.get(p) or Path(p).stem,
            binder=binder_link(config, p, ref) if binder else None,
            hub=hub_link(config, hub, p, ref) if hub else None,
            lite=lite_link(lite, p) if lite else None,
        )
        for p in paths
    ]


def _md(text: str) -> str:
    return re.sub(r"([\\|\[\]*_`<>])", r"\\\1", text)


def markdown_table(rows: list[LaunchLink]) -> str:
    """A Markdown table: notebook, file, then one link column per launcher.

    Examples
    --------
    >>> print(markdown_table([LaunchLink("notebooks/a.ipynb", "A | B", "https://b/x", None)]))
    | Notebook | File | Binder |
    |---|---|---|
    | A \\| B | `notebooks/a.ipynb` | [Open on Binder](https://b/x) |
    """
    head = ["Notebook", "File"]
    has_lite = any(r.lite for r in rows)
    has_binder = any(r.binder for r in rows)
    has_hub = any(r.hub for r in rows)
    head += ["Browser"] if has_lite else []
    head += ["Binder"] if has_binder else []
    head += ["JupyterHub"] if has_hub else []
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [_md(r.title), f"`{r.path}`"]
        cells += [f"[Open in your browser]({r.lite})"] if has_lite else []
        cells += [f"[Open on Binder]({r.binder})"] if has_binder else []
        cells += [f"[Open on the JupyterHub]({r.hub})"] if has_hub else []
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def csv_table(rows: list[LaunchLink]) -> str:
    """CSV for LMS import: title, path, then one column per launcher."""
    has_lite = any(r.lite for r in rows)
    has_binder = any(r.binder for r in rows)
    has_hub = any(r.hub for r in rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["title", "path"]
        + (["lite_url"] if has_lite else [])
        + (["binder_url"] if has_binder else [])
        + (["jupyterhub_url"] if has_hub else [])
    )
    for r in rows:
        # a leading = + - @ would be a formula in a spreadsheet
        title = "'" + r.title if r.title[:1] in "=+-@" else r.title
        writer.writerow(
            [title, r.path]
            + ([r.lite] if has_lite else [])
            + ([r.binder] if has_binder else [])
            + ([r.hub] if has_hub else [])
        )
    return out.getvalue()


def qr_svg(url: str) -> str:
    """A QR code for ``url`` as a standalone SVG document (needs segno, pinned in requirements.txt).

    Examples
    --------
    >>> svg = qr_svg("http://192.168.1.20:8000/lite/notebooks/index.html?path=notebooks/01-a.ipynb")
    >>> svg.startswith("<?xml") and "<svg" in svg and svg.rstrip().endswith("</svg>")
    True
    """
    try:
        import segno
    except ImportError as error:
        raise ImportError("QR codes need the segno package: pip install -r requirements.txt") from error
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="svg", scale=4, border=4, title=url)
    return out.getvalue().decode("utf-8")


def qr_files(rows: list[LaunchLink]) -> dict[str, str]:
    """One SVG QR code per link: file name (``<folder>-<notebook>-<launcher>.svg``) to SVG text.

    Examples
    --------
    >>> sorted(qr_files([LaunchLink("notebooks/01-a.ipynb", "A", "https://b/x", None, "http://h/lite/x")]))
    ['notebooks-01-a-binder.svg', 'notebooks-01-a-lite.svg']
    """
    return {
        f"{Path(r.path).parent.name}-{Path(r.path).stem}-{kind}.svg": qr_svg(url)
        for r in rows
        for kind, url in r.links().items()
    }


# --- reading the checkout (used by the command line) ------------------------------


def read_config(path: str | Path) -> dict:
    """Parse ``_config.yml`` (needs PyYAML)."""
    import yaml

    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def tracked_files(root: str | Path) -> list[str]:
    """Files git tracks under ``root`` (``git ls-files``), as POSIX paths."""
    out = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout
    return [p for p in out.decode("utf-8").split("\0") if p]


def default_ref(root: str | Path, branch: str) -> tuple[str, str | None]:
    """The latest release tag, or ``branch`` and a warning when there is no tag."""
    result = subprocess.run(["git", "describe", "--tags", "--abbrev=0"], cwd=root, capture_output=True, text=True)
    tag = result.stdout.strip()
    if result.returncode == 0 and tag:
        return tag, None
    return branch, (
        f"warning: the repository has no release tag yet, so the links follow the "
        f"branch '{branch}' and will change as it changes; tag a release and pass --ref TAG."
    )


def notebook_title(path: str | Path) -> str | None:
    """The first level-1 heading of a notebook, or None."""
    try:
        nb = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        for line in source.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
    return None
