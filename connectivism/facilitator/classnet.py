"""The class network: learners' exported networks merged, anonymised and measured together.

:func:`read_folder` reads every file in a folder of learners' exported
networks with the kit's safe readers (:func:`connectivism.formats.load`: size
limit, encodings, schema) and sets aside the ones it cannot use, each with a
typed :class:`RejectionKind`; one bad file never stops the others.
:func:`merge` then builds one frozen :class:`ClassNetwork` from the accepted
ones, and :func:`write_outputs` writes it as JSON, GraphML and HTML.

This module gathers the public names of the modules that do the work, one
concern each, so that ``from connectivism.facilitator import classnet`` is
all a notebook, a test or the command line needs:

==================  ==================================================================
Module              What
==================  ==================================================================
``keys``            class keys, keyed pseudonyms (HMAC-SHA256), what a learner's
                    pseudonym is made from, file names made safe to show
``submissions``     reading files and folders; :class:`RejectionKind`, decided by
                    the type of the problem, never by an error's wording
``merge``           :func:`merge` and the frozen :class:`ClassNetwork`: the
                    merging rules (people never merged across learners)
``measure``         the class core, communities, brokers, diversity, Downes'
                    properties, as typed values
``outputs``         the JSON document, the GraphML file, atomic writing
``archive``         zips read as untrusted input, in memory; :func:`read_uploads`
                    (a notebook's uploads) and :func:`read_path` (a folder or a
                    zip: the command line), the same report either way
==================  ==================================================================

Anonymity is the default: learners, people and submission file names become
pseudonyms under a per-class key that never goes into the report; notes and
tags are dropped, topics kept; every list in the outputs is in the order of
pseudonyms or of a measure, never of file names. A rejection shows only its
kind and the file's pseudonym: never text from the file and never an error's
message, because a file's author controls both.

Examples
--------
>>> from connectivism.network import LearningNetwork
>>> from connectivism.formats import to_json
>>> a = LearningNetwork("Ana"); _ = a.add("Open Ed Weekly", "resource")
>>> _ = a.connect("Ana", "Open Ed Weekly", strength=3)
>>> b = LearningNetwork("Ben"); _ = b.add("open  ed WEEKLY", "resource"); _ = b.add("Cy", "person")
>>> _ = b.connect("Ben", "open  ed WEEKLY", strength=5); _ = b.connect("Ben", "Cy", strength=2)
>>> files = [("ana.json", to_json(a).encode()), ("ben.json", to_json(b).encode()), ("x.json", b"{oops")]
>>> cls = merge(read_submissions(files, key=b"k" * 32), as_of="2026-10-01")
>>> [n for n, d in cls.graph.nodes(data=True) if d["kind"] == "resource"]
['Open Ed Weekly']
>>> cls.graph.nodes["Open Ed Weekly"]["count"], len(cls.learners), len(cls.rejected)
(2, 2, 1)
>>> cls.rejected[0].kind, cls.rejected[0].reason
(<RejectionKind.MALFORMED: 'malformed'>, 'malformed JSON or GraphML (damaged or cut short)')
"""

from __future__ import annotations

from connectivism.facilitator.archive import (
    MAX_ZIP_BYTES,
    MAX_ZIP_MEMBERS,
    MAX_ZIP_RATIO,
    read_path,
    read_uploads,
    read_zip,
)
from connectivism.facilitator.keys import (
    KEY_BYTES,
    display_name,
    key_from_text,
    learner_identity,
    load_or_create_key,
    new_key,
    pseudonym,
    read_key,
)

# BETWEENNESS_SAMPLE, LEARNER_KIND and _suffix are not in __all__ but stay importable from here
from connectivism.facilitator.measure import BETWEENNESS_SAMPLE, LEARNER_KIND  # noqa: F401
from connectivism.facilitator.merge import MERGED_KINDS, ClassNetwork, LearnerContribution, merge
from connectivism.facilitator.outputs import (
    OUTPUT_NAMES,
    check_out_dir,
    class_document,
    class_graphml,
    output_texts,
    write_outputs,
)
from connectivism.facilitator.submissions import (
    ACCEPTED_SUFFIXES,
    Rejection,
    RejectionKind,
    Submission,
    Submissions,
    _suffix,  # noqa: F401
    read_folder,
    read_submissions,
)

__all__ = [
    "KEY_BYTES",
    "ACCEPTED_SUFFIXES",
    "MERGED_KINDS",
    "OUTPUT_NAMES",
    "RejectionKind",
    "Submission",
    "Rejection",
    "Submissions",
    "LearnerContribution",
    "ClassNetwork",
    "new_key",
    "read_key",
    "key_from_text",
    "load_or_create_key",
    "pseudonym",
    "learner_identity",
    "display_name",
    "read_submissions",
    "read_folder",
    "read_path",
    "read_uploads",
    "read_zip",
    "MAX_ZIP_MEMBERS",
    "MAX_ZIP_BYTES",
    "MAX_ZIP_RATIO",
    "merge",
    "class_document",
    "class_graphml",
    "output_texts",
    "check_out_dir",
    "write_outputs",
]
