"""Deprecated: the measures' shared view moved to :mod:`connectivism.measures.view`.

``View`` is now :class:`~connectivism.measures.view.NetworkView`; the old
name still works here and warns with :class:`DeprecationWarning`.
"""

from __future__ import annotations

import warnings

from connectivism.measures.view import (  # noqa: F401  (the old private names)
    NONHUMAN_KINDS,
    SOURCE_KINDS,
    NetworkView,
    age_in_days,
    check_date,
    check_days,
    check_network,
)

__all__: list[str] = []


def __getattr__(name: str):
    if name == "View":
        warnings.warn(
            "connectivism.measures._view.View is deprecated: use connectivism.measures.view.NetworkView",
            DeprecationWarning,
            stacklevel=2,
        )
        return NetworkView
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
