"""Point the kit at its public repository: ``make set-repo URL=... [BRANCH=main]``.

The repository address and branch live in one place, ``_config.yml``
(``repository.url`` and ``repository.branch``); launch, download and
facilitator links are all derived from them. This rewrites those two lines
and keeps the rest of the file (comments included) as it is.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

CONFIG = Path(__file__).resolve().parent.parent / "_config.yml"
URL_RE = re.compile(r"^https://github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")


def set_repo(url: str, branch: str, config: Path = CONFIG) -> None:
    url = url.strip().removesuffix(".git").rstrip("/")
    if not URL_RE.match(url):
        raise SystemExit(
            f"set-repo: {url!r} is not a GitHub repository address; use the form https://github.com/ORG/REPO"
        )
    if not re.fullmatch(r"[A-Za-z0-9._/-]+", branch):
        raise SystemExit(f"set-repo: {branch!r} is not a valid branch name")
    text = config.read_text()
    block = re.search(r"^repository:\n((?:[ \t]+.*\n)+)", text, flags=re.M)
    if not block:
        raise SystemExit("set-repo: _config.yml has no repository: section")
    body = block.group(1)
    body = re.sub(r"^(\s+url:\s*)\S+.*$", rf"\g<1>{url}", body, count=1, flags=re.M)
    body = re.sub(r"^(\s+branch:\s*)\S+.*$", rf"\g<1>{branch}", body, count=1, flags=re.M)
    config.write_text(text[: block.start(1)] + body + text[block.end(1) :])
    print(f"set-repo: links now point at {url} (branch {branch})")


if __name__ == "__main__":
    if len(sys.argv) != 3 or not sys.argv[1]:
        raise SystemExit("usage: make set-repo URL=https://github.com/ORG/REPO [BRANCH=main]")
    set_repo(sys.argv[1], sys.argv[2])
