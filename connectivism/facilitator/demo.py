"""A made-up class of learners' networks, for the facilitator notebook, the tests and the benchmark.

Deterministic: the same arguments always give the same networks, learner
ids included (drawn from their own seeded generator, so the networks'
content is what it was before networks had ids). The
learners draw on a common pool of communities, resources and tools, spelt
the way real learners spell them (different case, extra spaces, with and
without accents), and each names some people of their own.

Examples
--------
>>> nets = demo_class(3, seed=1, sizes=(30, 40))
>>> [name for name, _ in nets]
['learner-001.json', 'learner-002.json', 'learner-003.json']
>>> all(30 <= len(net) - 1 <= 40 for _, net in nets)
True
>>> demo_class(3, seed=1, sizes=(30, 40)) == nets
True
"""

from __future__ import annotations

import datetime
import random

from connectivism.network import LearningNetwork

__all__ = ["SHARED_POOL", "demo_class", "demo_folder"]

#: (name, kind, topic) of things many learners might name.
SHARED_POOL = [
    ("Open Ed Weekly", "resource", "open education"),
    ("Stack Exchange", "community", "programming"),
    ("Wikipedia", "resource", "general knowledge"),
    ("Zotero", "tool", "research methods"),
    ("Mastodon", "tool", "social media"),
    ("Café Pédagogique", "resource", "teaching"),
    ("Science teachers' forum", "community", "science teaching"),
    ("OER Commons", "resource", "open education"),
    ("Khan Academy", "resource", "mathematics"),
    ("Local library", "community", "reading"),
    ("Moodle", "tool", "educational technology"),
    ("Research reading group", "community", "education research"),
    ("The Conversation", "resource", "news"),
    ("PhET simulations", "tool", "science teaching"),
    ("Teacher union network", "community", "teaching"),
    ("Google Scholar", "tool", "research methods"),
    ("Podcast: Teaching in Higher Ed", "resource", "higher education"),
    ("ResearchEd", "community", "education research"),
    ("GeoGebra", "tool", "mathematics"),
    ("Reddit r/Teachers", "community", "teaching"),
]
_FIRST = [
    "Ana",
    "Ben",
    "Chloé",
    "Dev",
    "Eli",
    "Fatima",
    "Gus",
    "Hana",
    "Iker",
    "Jo",
    "Kofi",
    "Lena",
    "Mo",
    "Nia",
    "Oskar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sam",
    "Tomás",
    "Uma",
    "Vik",
    "Wen",
    "Yusuf",
    "Zoë",
]
_TOPICS = [
    "teaching",
    "mathematics",
    "science teaching",
    "educational technology",
    "open education",
    "languages",
    "history",
    "special needs",
    "assessment",
    "wellbeing",
]


def _variant(name: str, rng: random.Random) -> str:
    """How a learner might type a shared name: case, spacing, accents."""
    choice = rng.random()
    if choice < 0.15:
        return name.upper()
    if choice < 0.3:
        return name.lower()
    if choice < 0.4:
        return "  " + name.replace(" ", "  ") + " "
    if choice < 0.5:
        import unicodedata

        return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return name


def demo_class(
    n: int = 30, *, seed: int = 2026, sizes: tuple[int, int] = (30, 60)
) -> list[tuple[str, LearningNetwork]]:
    """``n`` made-up learners' networks as (file name, network), each of ``sizes`` nodes besides "me"."""
    rng = random.Random(seed)
    ids = random.Random(f"learner ids {seed}")
    start = datetime.date(2025, 9, 1)
    out = []
    for i in range(1, n + 1):
        me = f"{rng.choice(_FIRST)} {chr(65 + i % 26)}. (learner {i})"
        net = LearningNetwork(
            me, title="My learning network", as_of="2026-10-01", learner_id=f"{ids.getrandbits(128):032x}"
        )
        net.edit(me, topic=rng.choice(_TOPICS))
        size = rng.randint(*sizes)
        shared = rng.sample(SHARED_POOL, k=min(len(SHARED_POOL), rng.randint(4, 10)))
        names = []
        for name, kind, topic in shared:
            names.append(net.add(_variant(name, rng), kind, topic=topic, note="shared pool").name)
        k = 0
        while len(names) < size:
            k += 1
            if rng.random() < 0.6:
                name, kind = f"{rng.choice(_FIRST)} {rng.choice('ABCDEFGHJKLMNPRSTW')}{k}", "person"
            else:
                kind = rng.choice(["community", "resource", "tool"])
                name = f"{kind.capitalize()} {i}-{k}"
            names.append(net.add(name, kind, topic=rng.choice(_TOPICS), note=f"private note {k}").name)
        for j, name in enumerate(names):
            since = start + datetime.timedelta(days=rng.randint(0, 390))
            net.connect(
                me, name, strength=rng.randint(1, 5), since=since, initiated_by=rng.choice(["me", "them", "both", None])
            )
            if j and rng.random() < 0.3:
                other = names[rng.randrange(j)]
                net.connect(name, other, strength=rng.randint(1, 5))
        out.append((f"learner-{i:03d}.json", net))
    return out


def demo_folder(folder, n: int = 30, *, seed: int = 2026, sizes: tuple[int, int] = (30, 60)) -> list[str]:
    """Write :func:`demo_class` into ``folder`` as JSON files; return the file names.

    Every file is stamped saved at midnight UTC on 1 October 2026, so the folder is the
    same every time.
    """
    from pathlib import Path

    from connectivism.formats import to_json

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    saved_at = datetime.datetime(2026, 10, 1, tzinfo=datetime.timezone.utc)
    for name, net in demo_class(n, seed=seed, sizes=sizes):
        (folder / name).write_text(to_json(net, saved_at=saved_at), "utf-8")
        names.append(name)
    return names
