"""ipywidgets views: thin layers over the model, the measures and the renderer.

Everything here can be driven from Python (set ``.value``, call
``button.click()``), which is how the tests exercise it.
"""

from connectivism.widgets.builder import NetworkBuilder, build_network, open_builder
from connectivism.widgets.explore import KindFilter

__all__ = ["KindFilter", "NetworkBuilder", "build_network", "open_builder"]
