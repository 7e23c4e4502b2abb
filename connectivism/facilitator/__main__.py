"""Command line for facilitators: ``python -m connectivism.facilitator {links,class-network}``.

Run it from the repository root (``links`` reads ``./_config.yml`` and asks
git which notebooks exist). See the facilitator guide in the book.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import sys
import time
from pathlib import Path

from connectivism.errors import ClassKeyError, FileFormatError
from connectivism.facilitator import classnet, links, report
from connectivism.formats._safety import atomic_write


def _links(args: argparse.Namespace) -> int:
    config_path = Path(args.config)
    if not config_path.is_file():
        print(
            f"links: {config_path} not found: run this from the repository root or pass --config PATH", file=sys.stderr
        )
        return 2
    config = links.read_config(config_path)
    root = config_path.resolve().parent
    try:
        repo = links.repository(config)
    except ValueError as error:
        print(f"links: {error}", file=sys.stderr)
        return 2
    if "CHANGE-ME" in repo.url:
        print(
            "warning: the repository address in _config.yml is still the placeholder; "
            "run `make set-repo URL=... BRANCH=...` before sharing these links.",
            file=sys.stderr,
        )
    ref = args.ref
    if not ref:
        ref, warning = links.default_ref(root, repo.branch)
        if warning:
            print(warning, file=sys.stderr)
    paths = links.launch_paths(links.tracked_files(root))
    titles = {p: links.notebook_title(root / p) or Path(p).stem for p in paths}
    binder = args.binder or not (args.hub or args.lite)
    try:
        rows = links.launch_links(config, paths, ref, hub=args.hub, binder=binder, titles=titles, lite=args.lite)
    except ValueError as error:
        print(f"links: {error}", file=sys.stderr)
        return 2
    if args.qr:
        folder = Path(args.qr)
        if folder.exists() and not folder.is_dir():
            print(f"links: --qr {folder}: this is a file; give a folder for the QR codes", file=sys.stderr)
            return 2
        try:
            codes = links.qr_files(rows)
        except ImportError as error:
            print(f"links: {error}", file=sys.stderr)
            return 2
        folder.mkdir(parents=True, exist_ok=True)
        for name, svg in codes.items():
            atomic_write(folder / name, svg.encode("utf-8"))
        print(f"links: wrote {len(codes)} QR codes (SVG) to {folder}", file=sys.stderr)
    print(
        links.csv_table(rows) if args.format == "csv" else links.markdown_table(rows),
        end="" if args.format == "csv" else "\n",
    )
    return 0


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _bad(argument: str, problem: str) -> int:
    """One line naming the argument, what is wrong and what is accepted; exit status 2."""
    print(f"class-network: {argument}: {problem}", file=sys.stderr)
    return 2


def _shown(path: Path) -> str:
    return classnet.display_name(os.fsencode(path))


def _class_network(args: argparse.Namespace) -> int:
    # every argument is checked before anything is written, the key file included
    folder = Path(args.folder)
    zipped = folder.suffix.lower() == ".zip" and folder.is_file()
    if not (folder.is_dir() or zipped):
        return _bad(
            "FOLDER", f"{_shown(folder)} is not a folder or a .zip: give the folder or zip of learners' exported files"
        )
    try:
        if zipped:
            with open(folder, "rb") as handle:
                # a zip that cannot be opened is refused now, before the key is made
                classnet.read_zip(handle.read(classnet.MAX_ZIP_BYTES + 1), name=os.fsencode(folder.name))
        else:
            with os.scandir(folder):
                pass
    except OSError:
        return _bad("FOLDER", f"{_shown(folder)} cannot be read: give a folder or zip of learners' files you can read")
    except FileFormatError as error:  # the kit's own message, naming only the zip
        return _bad("FOLDER", str(error))
    as_of = args.as_of
    if as_of is None:
        as_of = datetime.date.today().isoformat()
    else:
        try:
            if not _DATE.fullmatch(as_of):
                raise ValueError
            datetime.date.fromisoformat(as_of)
        except ValueError:
            return _bad(
                "--as-of",
                f"{classnet.display_name(as_of)!r} is not a date: give a real date as "
                "YYYY-MM-DD, for example 2026-10-01",
            )
    out = Path(args.out)
    try:
        classnet.check_out_dir(out, folder)
    except FileExistsError:
        return _bad("--out", f"{_shown(out)} is a file: give a folder (it is made if missing)")
    except ValueError:
        return _bad(
            "--out",
            f"{_shown(out)} is the submissions folder or inside it: give a folder "
            "outside it, or the report would be read as a submission next time",
        )
    key_file = Path(args.key_file) if args.key_file else out.resolve().parent / "class-key.txt"
    resolved = key_file.resolve()
    if resolved.is_relative_to(folder.resolve()) or resolved.is_relative_to(out.resolve()):
        return _bad(
            "--key-file",
            f"keep the key file out of the shared folders (not {_shown(key_file)}): "
            "give a path outside FOLDER and --out",
        )
    exists = os.path.lexists(key_file)
    if exists:
        try:
            key = classnet.read_key(key_file)
        except ClassKeyError as error:
            return _bad("--key-file", str(error))  # the kit's own message: names the file, never its content
        except OSError as error:
            return _bad(
                "--key-file",
                f"{_shown(key_file)} cannot be read ({error.strerror or 'error'}): give a key file you can read",
            )
    elif not key_file.parent.is_dir() and os.path.lexists(key_file.parent):
        return _bad("--key-file", f"{_shown(key_file.parent)} is not a folder: give a path in a folder")

    try:
        if not exists:
            key = classnet.load_or_create_key(key_file)
        start = time.perf_counter()
        found = classnet.read_path(folder, key=key, keep_names=args.keep_names)
        cls = classnet.merge(found, as_of=as_of)
        page = report.report_html(cls, title=args.title)
        paths = classnet.write_outputs(cls, out, html=page, folder=folder)
    except FileFormatError as error:  # the zip changed since it was checked: the kit's own message
        return _bad("FOLDER", str(error))
    except OSError as error:
        print(
            f"class-network: could not write or read a file ({error.strerror or type(error).__name__}"
            f"{': ' + _shown(Path(error.filename)) if error.filename else ''}); "
            "a report already in --out is left as it was",
            file=sys.stderr,
        )
        return 1
    seconds = time.perf_counter() - start
    if not exists:
        print(
            f"Made a new class key in {_shown(key_file)}: keep it private and reuse it all course "
            "(same key = same pseudonyms)."
        )
    print(f"{len(found.accepted)} networks merged, {len(found.rejected)} set aside, in {seconds:.2f} s.")
    for r in found.rejected:
        print(f"  set aside {classnet.display_name(r.file)}: {r.reason}")
    for kind, path in paths.items():
        print(f"{kind}: {_shown(path)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the facilitator command named in ``argv``.

    Parameters
    ----------
    argv : list of str, optional
        The arguments after the program name; None (the default) reads the command line.

    Returns
    -------
    int
        The exit status of the command: 0 when it succeeded.
    """
    parser = argparse.ArgumentParser(
        prog="python -m connectivism.facilitator", description="Tools for workshop facilitators."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("links", help="print launch links for every notebook and exercise")
    p.add_argument("--hub", help="JupyterHub address, e.g. https://hub.example.edu (nbgitpuller links)")
    p.add_argument("--binder", action="store_true", help="add Binder links (the default when no --hub or --lite)")
    p.add_argument(
        "--lite",
        metavar="BASE_URL",
        help="the browser edition's address (the site's lite/ folder), e.g. http://192.168.1.20:8000/lite",
    )
    p.add_argument("--qr", metavar="DIR", help="also write one SVG QR code per link into DIR")
    p.add_argument("--ref", help="tag, branch or commit to pin (default: the latest tag, else the branch)")
    p.add_argument("--format", choices=("md", "csv"), default="md", help="Markdown table (default) or CSV")
    p.add_argument("--config", default="_config.yml", help="the book's _config.yml (default ./_config.yml)")
    p.set_defaults(run=_links)

    p = sub.add_parser("class-network", help="merge a folder of learners' networks into one report")
    p.add_argument(
        "folder", help="folder holding the learners' exported .json / .graphml files (or zips of them), or one .zip"
    )
    p.add_argument("--out", required=True, help="folder to write class-network.html, .json and .graphml into")
    p.add_argument("--key-file", help="the class key (made if missing; default OUT/../class-key.txt)")
    p.add_argument("--keep-names", action="store_true", help="show real names (only with everyone's agreement)")
    p.add_argument("--as-of", help="date the measures use, YYYY-MM-DD (default today)")
    p.add_argument("--title", default="Our class network", help="title of the report")
    p.set_defaults(run=_class_network)

    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
