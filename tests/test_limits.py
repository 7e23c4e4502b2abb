"""The model's limits and the file limit agree.

Any network the model holds can be saved, exported and read back, in every format.

A *maximal* network has the most nodes, ties and tags, every field filled (so no
element is left out of a file), the longest kind and initiator, dates on every
tie, and its text exactly at :data:`MAX_TEXT_LENGTH`, written in the characters
that cost the most bytes in each format:

* JSON and CSV: characters outside the Basic Multilingual Plane (4 bytes of
  UTF-8; JSON escapes only quotes, backslashes and the control characters the
  model refuses, at 2 bytes each; CSV doubles quotes, 2 bytes);
* GraphML: "&", written ``&amp;`` (5 bytes); "<" and ">" take 4.

:func:`test_each_character_costs_at_most_its_budget` checks that no character
costs more than that, so a maximal network is the worst case.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from connectivism.errors import LimitExceededError, NetworkError
from connectivism.formats import (
    MAX_FILE_BYTES,
    from_csv,
    from_graphml,
    from_json,
    to_csv,
    to_graphml,
    to_json,
)
from connectivism.network import (
    MAX_NODES,
    MAX_NOTE_LENGTH,
    MAX_TAGS,
    MAX_TEXT_LENGTH,
    MAX_TIES,
    MAX_TITLE_LENGTH,
    LearningNetwork,
)

#: Bytes a character can cost at most, per format (see the module docstring).
BYTES_PER_CHARACTER = {"json": 4, "csv": 4, "graphml": 5}
EMOJI = [chr(0x1F600 + i) for i in range(60)]
AMPERSAND = ["&", "<", ">"] + EMOJI


def sizes(net: LearningNetwork) -> dict[str, int]:
    """Bytes of every file the kit writes for `net` (CSV with the byte-order mark)."""
    nodes, ties = to_csv(net)
    return {
        "json": len(to_json(net).encode("utf-8")),
        "graphml": len(to_graphml(net)),
        "nodes.csv": len(nodes.encode("utf-8-sig")),
        "ties.csv": len(ties.encode("utf-8-sig")),
    }


def maximal_network(alphabet: list[str]) -> LearningNetwork:
    """The largest network the model accepts, its text in `alphabet` (costliest first)."""
    fill = alphabet[0]
    # Names of 12 characters: shorter ones count as 12 in text_length anyway.
    names = ["".join(pair) + fill * 10 for pair in itertools.product(alphabet, repeat=2)][:MAX_NODES]
    net = LearningNetwork(names[0], title=fill * MAX_TITLE_LENGTH, created="2020-01-01", as_of="2020-01-01")
    tags = alphabet[:MAX_TAGS]
    net.edit(net.me, topic=fill, tags=tags, note=fill)
    for name in names[1:]:
        net.add(name, "community", topic=fill, tags=tags, note=fill)
    step = 1
    while len(net.ties) < MAX_TIES:
        for i in range(MAX_NODES):
            if len(net.ties) == MAX_TIES:
                break
            net.connect(
                names[i],
                names[(i + step) % MAX_NODES],
                strength=5,
                since="2020-01-01",
                last_contact="2020-01-01",
                initiated_by="both",
            )
        step += 1
    # Spend the rest of the text on notes.
    for name in itertools.cycle(names):
        left = MAX_TEXT_LENGTH - net.text_length
        if left == 0:
            break
        note = net.node(name).note
        net.edit(name, note=note + fill * min(left, MAX_NOTE_LENGTH - len(note)))
    return net


@pytest.fixture(scope="module", params=["emoji", "ampersand"])
def maximal(request):
    return request.param, maximal_network(EMOJI if request.param == "emoji" else AMPERSAND)


def test_a_maximal_network_is_really_at_every_limit(maximal):
    _, net = maximal
    assert len(net) == MAX_NODES and len(net.ties) == MAX_TIES
    assert net.text_length == MAX_TEXT_LENGTH
    assert all(len(node.tags) == MAX_TAGS for node in net.nodes)
    with pytest.raises(LimitExceededError, match="more than the 500,000 the kit can keep"):
        net.edit(net.nodes[-1].name, note=net.nodes[-1].note + "x")
    with pytest.raises(LimitExceededError):
        net.add("one more", "tool")
    assert net.text_length == MAX_TEXT_LENGTH


def test_every_file_of_a_maximal_network_fits_and_reads_back(maximal):
    fill, net = maximal
    measured = sizes(net)
    print(f"\nmaximal network ({fill}): {measured} bytes; limit {MAX_FILE_BYTES}")
    assert max(measured.values()) <= MAX_FILE_BYTES
    assert from_json(to_json(net)) == net
    assert from_graphml(to_graphml(net)) == net
    nodes, ties = to_csv(net)
    assert to_csv(from_csv(nodes, ties)) == (nodes, ties)  # CSV has no metadata; all else equal


@pytest.mark.parametrize(
    "character",
    ['"', "\\", "\n", "\t", "&", "<", ">", "'", "=", "|", "\u2028", "\u00e9", "\u4e2d", "\U0001f600", "\u200b"],
)
def test_each_character_costs_at_most_its_budget(character):
    """A note of 100 copies of a character costs at most its budget per copy in every file."""
    plain = LearningNetwork("Sam")
    plain.add("Ada", "person", note="a")
    base = sizes(plain)
    text = "a" + character * 100 + "a"
    net = LearningNetwork("Sam")
    net.add("Ada", "person", note=text)
    grown = sizes(net)
    for fmt, budget in BYTES_PER_CHARACTER.items():
        key = "nodes.csv" if fmt == "csv" else fmt
        quoting = 3 if fmt == "csv" else 0  # quotes around a CSV cell, and the apostrophe
        assert grown[key] - base[key] <= budget * (len(text) - 1) + quoting, (fmt, character)


# --- text_length is kept exactly, and every way past MAX_TEXT_LENGTH is refused --------------


def recounted(net: LearningNetwork) -> int:
    """text_length computed from scratch, as its docstring defines it."""

    def cost(name):
        return max(len(name), 12)

    return (
        len(net.metadata.title)
        + cost(net.me)
        + sum(cost(n.name) + len(n.topic) + sum(map(len, n.tags)) + len(n.note) for n in net.nodes)
        + sum(cost(t.a) + cost(t.b) for t in net.ties)
    )


words = st.text(alphabet="abcdefgh ", min_size=1, max_size=30)
operations = st.lists(
    st.tuples(
        st.sampled_from(["add", "edit", "rename", "remove", "connect", "disconnect", "title", "replace"]),
        words,
        words,
        st.integers(0, 30),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(operations)
def test_text_length_is_kept_exactly_through_every_change(ops):
    net = LearningNetwork("Me")
    for op, a, b, i in ops:
        names = [n.name for n in net.nodes]
        pick, other = names[i % len(names)], names[(i * 7 + 1) % len(names)]
        try:
            if op == "add":
                net.add(a, "tool", topic=b, tags=[b, a], note=a * i)
            elif op == "edit":
                net.edit(pick, note=b * i, tags=[a], topic="" if i % 2 else a)
            elif op == "rename":
                net.rename(pick, a * (1 + i % 3))
            elif op == "remove":
                net.remove(pick)
            elif op == "connect":
                net.connect(pick, other)
            elif op == "disconnect":
                net.disconnect(pick, other)
            elif op == "title":
                net.set_metadata(title=a * (i % 4))
            else:
                net.replace_with(net.copy())
        except NetworkError:
            pass
        assert net.text_length == recounted(net)


def test_every_change_past_the_text_limit_is_refused_with_nothing_changed(monkeypatch):
    import connectivism.network as network_module

    net = LearningNetwork("Sam")
    net.add("Ada", "person", note="a note")
    net.connect("Sam", "Ada")
    monkeypatch.setattr(network_module, "MAX_TEXT_LENGTH", net.text_length)
    before = net.copy()
    attempts = [
        lambda: net.add("Ben", "person"),
        lambda: net.edit("Ada", note="a longer note"),
        lambda: net.edit("Ada", tags=["new"]),
        lambda: net.rename("Ada", "Ada Lovelace, Countess of Lovelace"),
        lambda: net.set_metadata(title="A title"),
    ]
    for attempt in attempts:
        with pytest.raises(LimitExceededError, match="shorten the longest notes"):
            attempt()
        assert net == before and net.text_length == before.text_length
    net.edit("Ada", note="")  # shorter is always allowed
    assert net.text_length < before.text_length


def test_a_file_past_the_text_limit_is_refused_with_where(monkeypatch):
    import connectivism.network as network_module

    net = LearningNetwork("Sam")
    net.add("Ada", "person", note="x" * 100)
    text = to_json(net)
    monkeypatch.setattr(network_module, "MAX_TEXT_LENGTH", net.text_length - 1)
    with pytest.raises(LimitExceededError) as caught:
        from_json(text, name="big.json")
    assert "big.json" in str(caught.value) and "shorten the longest notes" in str(caught.value)
