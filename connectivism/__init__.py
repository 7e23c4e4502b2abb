"""Connectivism Course Kit: models, measures and views of learning networks.

The package is layered: the domain model (learning networks, their files and
errors) at the bottom; pure measures and simulation models above it; rendering
(pyvis HTML, static images) beside those; ipywidgets views on top. Nothing
below the widgets imports ipywidgets.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
