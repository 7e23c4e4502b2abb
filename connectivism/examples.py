"""The kit's fictional example networks (example data: CC0 1.0).

Examples
--------
>>> net = load_example("teacher")
>>> net.me, len(net)
('Amira', 14)
>>> clinical = load_example("clinical-educator")
>>> clinical.me, len(clinical), str(clinical.metadata.as_of)
('Jonas', 18, '2026-10-01')
"""

from __future__ import annotations

from importlib import resources

from connectivism.errors import NetworkError
from connectivism.formats import from_json
from connectivism.network import LearningNetwork

__all__ = ["EXAMPLES", "load_example"]

#: Example name → (file in connectivism/data, one-line description).
EXAMPLES: dict[str, tuple[str, str]] = {
    "teacher": ("example-teacher.json", "Amira, a secondary-school science teacher (fictional)"),
    "clinical-educator": (
        "example-clinical-educator.json",
        "Jonas, a clinical educator in emergency medicine (fictional)",
    ),
}


def load_example(name: str) -> LearningNetwork:
    """Return a fresh copy of one of the kit's example networks.

    Parameters
    ----------
    name : str
        One of :data:`EXAMPLES`: ``"teacher"`` (Amira, a secondary-school
        science teacher) or ``"clinical-educator"`` (Jonas, an emergency
        medicine consultant who teaches residents). Both are fictional and
        dated 1 October 2026 (``metadata.as_of``).

    Raises
    ------
    NetworkError
        If there is no example of that name.
    """
    if name not in EXAMPLES:
        raise NetworkError(f"There is no example network called {name!r}: choose one of {', '.join(EXAMPLES)}.")
    filename = EXAMPLES[name][0]
    text = resources.files("connectivism.data").joinpath(filename).read_text("utf-8")
    return from_json(text, name=filename)
