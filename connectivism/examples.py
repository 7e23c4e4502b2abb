"""The kit's fictional example networks (example data: CC0 1.0).

Examples
--------
>>> net = load_example("teacher")
>>> net.me, len(net)
('Amira', 14)
"""

from __future__ import annotations

from importlib import resources

from connectivism.errors import NetworkError
from connectivism.formats import from_json
from connectivism.network import LearningNetwork

__all__ = ["EXAMPLES", "load_example"]

#: Example name → (file in connectivism/data, one-line description).
EXAMPLES: dict[str, tuple[str, str]] = {
    "teacher": ("example-teacher.json",
                "Amira, a secondary-school science teacher (fictional)"),
}


def load_example(name: str) -> LearningNetwork:
    """Return a fresh copy of one of the kit's example networks.

    Parameters
    ----------
    name : str
        One of :data:`EXAMPLES` (``"teacher"``).

    Raises
    ------
    NetworkError
        If there is no example of that name.
    """
    if name not in EXAMPLES:
        raise NetworkError(
            f"There is no example network called {name!r}: choose one of {', '.join(EXAMPLES)}."
        )
    filename = EXAMPLES[name][0]
    text = resources.files("connectivism.data").joinpath(filename).read_text("utf-8")
    return from_json(text, name=filename)
