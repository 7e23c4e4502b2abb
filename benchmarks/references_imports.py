"""Benchmark: LinkedIn, BibTeX and RIS imports, from file to candidates (target ≤ 1 s for 5 MB).

Run from the repository root::

    PYTHONPATH=. python benchmarks/references_imports.py [--sizes 1,5]

Builds realistic files of each size in memory, with a fixed seed: a Zotero
BibTeX library (authors drawn from a pool in which a few are cited often,
LaTeX accents, abstracts, URLs and DOIs), the same library as RIS, and
LinkedIn's ``Connections.csv`` with its notes lines (at most 30,000 rows, as
LinkedIn allows, so its largest file is a little under 5 MB; the reader keeps
the first ``MAX_CANDIDATES``, 10,000, and counts the rest). Then times the
hostile cases: 240 KB of repeated ``@a{`` (bibtexparser alone took about
1.75 s on it), the same up to 5 MB, the most fields and entries the bounds let
through, and 5 MB of RIS continuation lines (quadratic in rispy alone). Prints
wall-clock seconds and CPU seconds (the fairer figure on a shared, busy
machine), the size and what the reader did; makes no assertion. The package
measured is the one Python imports (printed first): set ``PYTHONPATH`` to the
checkout you mean.
"""

from __future__ import annotations

import argparse
import random
import time

MB = 1024 * 1024

_FAMILIES = [
    ("Siemens", "George"),
    ("Downes", "Stephen"),
    ('M{\\"u}ller', 'J{\\"o}rg'),
    ("Clar{\\`a}", "Marc"),
    ("Kop", "Rita"),
    ("Ga{\\v{s}}evi{\\'c}", "Dragan"),
    ("Bell", "Frances"),
    ("Mackness", "Jenny"),
    ("Goldie", "John"),
    ("Østergaard", "Søren"),
]
_JOURNALS = [
    "The International Review of Research in Open and Distributed Learning",
    "Medical Teacher",
    "Journal of Computer Assisted Learning",
    "British Journal of Educational Technology",
    "Computers \\& Education",
]


def _people(rng: random.Random, count: int) -> list[tuple[str, str]]:
    people = []
    for _ in range(count):
        if rng.random() < 0.3:
            people.append(rng.choice(_FAMILIES))
        else:
            people.append((f"Author{rng.randrange(20_000)}", rng.choice(["Ana", "B.", "Chen", "D. K."])))
    return people


def bibtex(size: int, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    parts: list[str] = ["% Zotero 7.0 BibTeX export, made up for the benchmark\n"]
    total = 0
    index = 0
    while total < size - 2000:
        authors = " and ".join(f"{family}, {given}" for family, given in _people(rng, rng.randint(1, 6)))
        entry = (
            f"@article{{ref{index},\n\ttitle = {{A study of {{Networks}} number {index}}},\n"
            f"\tvolume = {{{rng.randint(1, 40)}}},\n\turl = {{https://example.org/{index}}},\n"
            f"\tdoi = {{10.1000/{index}}},\n\tabstract = {{{'Learning in networks, nodes and ties. ' * 8}}},\n"
            f"\tjournal = {{{rng.choice(_JOURNALS)}}},\n\tauthor = {{{authors}}},\n"
            f"\tyear = {{{rng.randint(1990, 2026)}}},\n\tkeywords = {{connectivism, networks}},\n}}\n\n"
        )
        parts.append(entry)
        total += len(entry.encode("utf-8"))
        index += 1
    return "".join(parts).encode("utf-8")


def ris(size: int, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    index = 0
    while total < size - 2000:
        lines = ["TY  - JOUR", f"TI  - A study of networks number {index}"]
        lines += [f"AU  - {family}, {given}" for family, given in _people(rng, rng.randint(1, 6))]
        lines += [
            f"T2  - {rng.choice(_JOURNALS)}",
            f"PY  - {rng.randint(1990, 2026)}",
            f"UR  - https://example.org/{index}",
            f"AB  - {'Learning in networks, nodes and ties. ' * 8}",
            "KW  - connectivism",
            "ER  - ",
            "",
            "",
        ]
        record = "\n".join(lines)
        parts.append(record)
        total += len(record.encode("utf-8"))
        index += 1
    return "".join(parts).encode("utf-8")


def linkedin(size: int, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    head = (
        'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses '
        'are missing."\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n'
    )
    parts = [head]
    total = len(head)
    index = 0
    while total < size - 300 and index < 30_000:
        row = (
            f"Person{index},Family{rng.randrange(50_000)},https://www.linkedin.com/in/person-{index}-abcdef,"
            f"{'' if rng.random() < 0.8 else f'p{index}@example.org'},"
            f'"University Hospital {rng.randrange(300)}, Department of Medical Education",'
            f"Senior Lecturer in Clinical Education,{rng.randint(1, 28)} Nov {rng.randint(2008, 2026)}\r\n"
        )
        parts.append(row)
        total += len(row.encode("utf-8"))
        index += 1
    return "".join(parts).encode("utf-8")


def _time(label: str, reader, data: bytes, **kwargs) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        found = reader(data, **kwargs)
        outcome = f"{len(found.candidates)} candidates"
    except Exception as error:  # noqa: BLE001 - reported, not raised
        outcome = type(error).__name__
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label:<44} {len(data) / MB:6.2f} MB  {wall:6.3f} s  cpu {cpu:6.3f} s  {outcome}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5", help="sizes in MB, comma-separated (default 1,5)")
    args = parser.parse_args()

    import connectivism
    from connectivism.formats import MAX_FILE_BYTES
    from connectivism.imports.linkedin import read_linkedin
    from connectivism.imports.references import MAX_BIBTEX_FIELDS, MAX_ENTRIES, read_bibtex, read_ris

    print(f"package: {connectivism.__file__}")
    read_bibtex(bibtex(20_000))  # warm up: imports bibtexparser and pylatexenc
    read_ris(ris(20_000))
    for size_mb in (float(s) for s in args.sizes.split(",")):
        size = min(int(size_mb * MB), MAX_FILE_BYTES)
        _time(f"BibTeX, Zotero-like library, {size_mb:g} MB", read_bibtex, bibtex(size))
        _time(f"RIS, Zotero-like library, {size_mb:g} MB", read_ris, ris(size))
        _time(f"LinkedIn Connections.csv, {size_mb:g} MB", read_linkedin, linkedin(size))
    print("hostile:")
    _time("BibTeX '@a{' x 80,000 (240 KB)", read_bibtex, b"@a{" * 80_000)
    _time("BibTeX '@a{' to 5 MB", read_bibtex, b"@a{" * (MAX_FILE_BYTES // 3))
    _time(f"BibTeX '@a{{k,' x {MAX_ENTRIES:,} (the entry bound)", read_bibtex, b"@a{k," * MAX_ENTRIES)
    _time(
        f"BibTeX one entry, {MAX_BIBTEX_FIELDS:,} fields (the bound)",
        read_bibtex,
        b"@a{k," + b"a=b," * MAX_BIBTEX_FIELDS + b"}",
    )
    _time("BibTeX 5 MB of author names", read_bibtex, b"@a{k, author={" + b"A B and " * (MAX_FILE_BYTES // 9) + b"}}")
    _time(
        "BibTeX 5 MB of LaTeX author names",
        read_bibtex,
        b"@a{k, author={" + b'\\"{u}\\c{c} and ' * (MAX_FILE_BYTES // 16) + b"}}",
    )
    _time("RIS 5 MB of continuation lines", read_ris, b"TY  - JOUR\nT2  - x\n" + b"yy\n" * (MAX_FILE_BYTES // 3 - 10))
    one_cell = b"First Name,Last Name,Connected On\nA," + b"x" * (MAX_FILE_BYTES - 60)
    _time("LinkedIn 5 MB in one cell", read_linkedin, one_cell)


if __name__ == "__main__":
    main()
