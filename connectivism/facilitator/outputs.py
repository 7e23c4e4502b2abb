"""Writing the class report's files: JSON, GraphML and (given) HTML, each replaced atomically.

:func:`class_document` is the class network as a JSON-ready dict,
:func:`class_graphml` as GraphML for Gephi, yEd or Cytoscape, and
:func:`write_outputs` writes them (and the HTML report from
:mod:`~connectivism.facilitator.report`) into a folder that is not the
submissions folder (:func:`check_out_dir`).
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from connectivism.facilitator.keys import display_name
from connectivism.facilitator.merge import ClassNetwork
from connectivism.formats._safety import atomic_write
from connectivism.formats.graphml_format import GRAPHML_NAMESPACE

__all__ = ["OUTPUT_NAMES", "class_document", "class_graphml", "output_texts", "check_out_dir", "write_outputs"]

#: The files :func:`write_outputs` writes, by kind.
OUTPUT_NAMES = {"json": "class-network.json", "graphml": "class-network.graphml", "html": "class-network.html"}


def class_document(cls: ClassNetwork) -> dict:
    """The class network as a JSON-ready dict (format ``connectivism-class-network``, version 2).

    Every list is in the order of pseudonyms or of a measure. A rejection is
    the file's pseudonym, the kind's code and its text, nothing else.
    """
    graph = cls.graph
    return {
        "format": "connectivism-class-network",
        "format_version": 2,
        "anonymised": cls.anonymised,
        "as_of": cls.as_of.isoformat(),
        "nodes": [
            {"id": n, "kind": d["kind"], "topic": d["topic"], "named_by": d["named_by"], "count": d["count"]}
            for n, d in graph.nodes(data=True)
        ],
        "ties": [
            {"a": a, "b": b, "strength": d["strength"], "learners": d["learners"]} for a, b, d in graph.edges(data=True)
        ],
        "learners": [dataclasses.asdict(c) for c in cls.learners],
        "rejected": [{"file": r.file, "kind": r.kind.value, "reason": r.reason} for r in cls.rejected],
        "shared": [{"id": n, "learners": c} for n, c in cls.shared],
        "communities": [list(c) for c in cls.communities],
        "brokers": [{"id": n, "betweenness": b} for n, b in cls.brokers],
        "diversity": cls.diversity.as_dict(),
        "downes": cls.downes.as_dict(),
    }


def _x(text: object) -> str:
    return xml_escape(str(text), {'"': "&quot;"})


#: The class GraphML's attributes: (domain, name, type), declared in this order.
_GRAPHML_KEYS = (
    ("node", "label", "string"),
    ("node", "kind", "string"),
    ("node", "topic", "string"),
    ("node", "count", "int"),
    ("node", "named_by", "string"),
    ("edge", "strength", "int"),
    ("edge", "learners", "int"),
)


def class_graphml(cls: ClassNetwork) -> str:
    """The class network as GraphML (Gephi, yEd, Cytoscape): node ids n0, n1 … with a label.

    One element a line, every attribute written even when empty, so that a
    report is the same, byte for byte, from one version of the kit to the
    next. (The learner's-network writer,
    :func:`connectivism.formats.graphml_format.to_graphml`, uses ElementTree,
    which leaves out empty values and writes its declaration and empty
    elements differently; only the namespace is shared.)
    """
    graph = cls.graph
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<graphml xmlns="{GRAPHML_NAMESPACE}">',
        *(f'<key id="{n}" for="{d}" attr.name="{n}" attr.type="{t}"/>' for d, n, t in _GRAPHML_KEYS),
        '<graph id="class-network" edgedefault="undirected">',
    ]
    ids = {}
    for i, (n, d) in enumerate(graph.nodes(data=True)):
        ids[n] = f"n{i}"
        lines.append(
            f'<node id="n{i}"><data key="label">{_x(n)}</data><data key="kind">{_x(d["kind"])}</data>'
            f'<data key="topic">{_x(d["topic"])}</data><data key="count">{int(d["count"])}</data>'
            f'<data key="named_by">{_x("; ".join(d["named_by"]))}</data></node>'
        )
    for a, b, d in graph.edges(data=True):
        lines.append(
            f'<edge source="{ids[a]}" target="{ids[b]}"><data key="strength">{int(d["strength"])}</data>'
            f'<data key="learners">{int(d["learners"])}</data></edge>'
        )
    lines += ["</graph>", "</graphml>", ""]
    return "\n".join(lines)


def output_texts(cls: ClassNetwork, *, html: str | None = None) -> dict[str, str]:
    """The report's files as text, by kind ("json", "graphml" and, if given, "html").

    What :func:`write_outputs` writes, and what the browser edition offers as
    downloads: the same bytes either way.
    """
    texts = {
        "json": json.dumps(class_document(cls), ensure_ascii=False, separators=(",", ":")),
        "graphml": class_graphml(cls),
    }
    if html is not None:
        texts["html"] = html
    return texts


def check_out_dir(out_dir: str | os.PathLike[str], folder: str | os.PathLike[str] | None = None) -> Path:
    """Check that ``out_dir`` can take the report: a folder or nothing yet, and not the submissions.

    Raises
    ------
    FileExistsError
        If ``out_dir`` exists and is not a folder.
    ValueError
        If ``out_dir`` is ``folder`` or inside it (the report would be read as a submission).
    """
    out = Path(out_dir)
    if os.path.lexists(out) and not out.is_dir():
        raise FileExistsError(f"{display_name(os.fsencode(out))} exists and is not a folder")
    if folder is not None and out.resolve().is_relative_to(Path(folder).resolve()):
        raise ValueError("the report cannot go into the submissions folder or a folder inside it")
    return out


def write_outputs(
    cls: ClassNetwork,
    out_dir: str | os.PathLike[str],
    *,
    html: str | None = None,
    folder: str | os.PathLike[str] | None = None,
) -> dict[str, Path]:
    """Write class-network.json, class-network.graphml (and .html if given) into ``out_dir``.

    Each file is written whole to a temporary file in ``out_dir`` that then
    replaces the old one (:func:`connectivism.formats._safety.atomic_write`):
    a write cut off part-way leaves the previous report intact, and a link
    placed where a report goes is replaced, never followed.

    Parameters
    ----------
    cls : ClassNetwork
    out_dir : path
        The folder to write into (made if missing).
    html : str, optional
        The HTML report (:func:`connectivism.facilitator.report.report_html`).
    folder : path, optional
        The submissions folder: ``out_dir`` may not be it or inside it.

    Raises
    ------
    FileExistsError, ValueError
        See :func:`check_out_dir`; nothing is written.
    OSError
        If a file cannot be written; files already written are whole.
    """
    out = check_out_dir(out_dir, folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for kind, text in output_texts(cls, html=html).items():
        paths[kind] = out / OUTPUT_NAMES[kind]
        atomic_write(paths[kind], text.encode("utf-8"))
    return paths
