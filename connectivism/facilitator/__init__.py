"""Tools for workshop facilitators: launch links and the class network.

=================  ==============================================================
Module             What
=================  ==============================================================
``links``          launch links (Binder, JupyterHub via nbgitpuller) for every
                   notebook and exercise, as a table to paste into an LMS
``classnet``       merge a folder of learners' exported networks into one
                   anonymised class network (keyed pseudonyms, rejections listed):
                   the public names of the five modules below, in one place
``keys``           class keys, keyed pseudonyms, file names made safe to show
``submissions``    reading learners' files; typed reasons for those set aside
``merge``          the merging rules and the frozen ``ClassNetwork``
``measure``        the class core, communities, brokers, diversity, Downes
``outputs``        the class network as JSON and GraphML, written atomically
``report``         the class network as one self-contained, offline HTML report
``archive``        zips of submissions read as untrusted input, in memory; uploads
=================  ==============================================================

Command line (run from the repository root)::

    python -m connectivism.facilitator links --hub https://hub.example.org [--ref v1.0] [--format md|csv]
    python -m connectivism.facilitator links --binder
    python -m connectivism.facilitator class-network FOLDER_OR_ZIP --out OUTDIR [--key-file PATH] [--keep-names]
"""

from __future__ import annotations

__all__ = ["links", "classnet", "keys", "submissions", "merge", "measure", "outputs", "report", "archive"]
