"""The learning network's vocabularies and limits: kinds of node, initiators, strengths, sizes.

Part of the model, split out of :mod:`connectivism.network` so that the name
checks (:mod:`connectivism._names`), the field cleaners
(:mod:`connectivism._cleaners`) and the records (:mod:`connectivism._fields`)
can use them without importing the network. :mod:`connectivism.network`
re-exports every name here: import them from there.

Examples
--------
>>> from connectivism.network import KINDS, MAX_STRENGTH
>>> KINDS[0], MAX_STRENGTH
('me', 5)
"""

from __future__ import annotations

#: Every kind of node. ``"me"`` is reserved for the single learner node.
KINDS = ("me", "person", "community", "resource", "tool")
#: The kinds a node other than "me" can have.
OTHER_KINDS = KINDS[1:]
#: Accepted values of a tie's ``initiated_by`` (``None`` means not recorded).
INITIATORS = ("me", "them", "both")
#: Weakest tie strength.
MIN_STRENGTH = 1
#: Strongest tie strength.
MAX_STRENGTH = 5
#: Most nodes in one network, "me" included.
MAX_NODES = 2_000
#: Most ties in one network.
MAX_TIES = 10_000
#: Longest name, in characters.
MAX_NAME_LENGTH = 200
#: Longest topic, in characters.
MAX_TOPIC_LENGTH = 200
#: Most tags on one node.
MAX_TAGS = 20
#: Longest tag, in characters.
MAX_TAG_LENGTH = 100
#: Longest note, in characters.
MAX_NOTE_LENGTH = 5_000
#: Longest network title, in characters.
MAX_TITLE_LENGTH = 200
#: Most characters of text in one network (see :attr:`LearningNetwork.text_length`).
#: With :data:`MAX_NODES`, :data:`MAX_TIES` and :data:`MAX_TAGS` this keeps every
#: file the kit writes (JSON, GraphML, each CSV file) under the file limit
#: ``connectivism.formats.MAX_FILE_BYTES``, so that any network the model holds
#: can be saved, exported and read back (``tests/test_limits.py`` proves it).
MAX_TEXT_LENGTH = 500_000

#: Bidirectional control characters (U+202A–U+202E, U+2066–U+2069), refused in
#: names, topics, tags and titles: they make text display in another order than
#: it is stored ("Trojan Source", CVE-2021-42574). Notes may hold them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
