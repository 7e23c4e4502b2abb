"""Benchmark: the models' live plots drawn by the kit's SVG writer vs by matplotlib.

Prints figures; asserts nothing (timings belong here, not in the test suite).
For every model's default run it draws the same :class:`~connectivism.models.base.Chart`
panels twice: with :func:`connectivism.render.charts.charts_svg`, and with
matplotlib (lines, points, bars, star markers, reference lines and a legend per
panel, saved as SVG and as PNG). It also times a fresh interpreter importing
``matplotlib.pyplot`` and sums matplotlib's installed size and compressed size
(close to its wheel's download size). The figures are quoted in the docstring
of :mod:`connectivism.render.charts`.

Needs matplotlib (``pip install matplotlib``); the kit itself does not.

Usage: ``.venv/bin/python benchmarks/charts.py``
"""

from __future__ import annotations

import importlib.metadata
import io
import os
import statistics
import subprocess
import sys
import time
import zipfile

from connectivism.models import MODELS
from connectivism.render.charts import charts_svg

REPEAT = 5
#: matplotlib and the packages it installs with it.
MPL_DISTRIBUTIONS = ("matplotlib", "contourpy", "kiwisolver", "fonttools", "pillow", "cycler", "pyparsing")


def best_of(fn, repeat: int = REPEAT):
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return min(times), out


def matplotlib_charts(plt, charts, fmt: str) -> bytes:
    """The same panels drawn by matplotlib, as close to the kit's drawing as a plain use allows."""
    charts = list(charts)
    colours = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
    dashes = ("-", "--", ":", "-.")
    fig, axes = plt.subplots(1, max(len(charts), 1), figsize=(4.8 * max(len(charts), 1), 3.6), squeeze=False)
    for ax, chart in zip(axes[0], charts):
        bars = [s for s in chart.series if s.kind == "bars"]
        line_no = bar_no = 0
        for s in chart.series:
            if s.kind == "bars":
                width = 0.8 / max(len(bars), 1)
                offset = (bar_no - (len(bars) - 1) / 2) * width
                ax.bar(
                    [x + offset for x in s.x],
                    s.y,
                    width=width,
                    color=colours[bar_no % 6],
                    hatch=None if bar_no % 2 == 0 else "//",
                    edgecolor="#222222",
                    label=s.label,
                )
                bar_no += 1
            elif s.kind == "marker":
                ax.plot(s.x, s.y, linestyle="none", marker="*", markersize=14, color="#000000", label=s.label)
            else:
                ax.plot(
                    s.x,
                    s.y,
                    linestyle=":" if s.kind == "points" else dashes[line_no % 4],
                    marker="o" if s.kind == "points" else None,
                    color=colours[line_no % 6],
                    linewidth=2.2,
                    label=s.label,
                )
                line_no += 1
        if chart.hline is not None:
            ax.axhline(chart.hline, color="#555555", linestyle="--", label=chart.ref_label or None)
        if chart.vline is not None:
            ax.axvline(chart.vline, color="#555555", linestyle="--", label=chart.ref_label or None)
        if chart.xscale == "log":
            ax.set_xscale("log")
        if chart.ylim:
            ax.set_ylim(*chart.ylim)
        if chart.xticklabels:
            ax.set_xticks(range(len(chart.xticklabels)), chart.xticklabels)
        ax.set_title(chart.title, fontweight="bold")
        ax.set_xlabel(chart.xlabel)
        ax.set_ylabel(chart.ylabel)
        ax.grid(axis="y", color="#dddddd")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), frameon=False, fontsize="small")
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def import_seconds(statement: str, repeat: int = REPEAT) -> float:
    """Median wall time of a fresh interpreter running ``statement``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def installed_size(name: str) -> tuple[int, int]:
    """Bytes installed (bytecode caches excluded) and the same files deflated into a zip, like a wheel."""
    raw, buffer = 0, io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in importlib.metadata.distribution(name).files or ():
            path = entry.locate()
            if "__pycache__" not in str(entry) and os.path.isfile(path):
                raw += os.path.getsize(path)
                archive.write(path, str(entry))
    return raw, len(buffer.getvalue())


def main() -> None:
    try:
        import matplotlib
    except ImportError:
        sys.exit("benchmarks/charts.py needs matplotlib: pip install matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    print(f"matplotlib {matplotlib.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    bare = import_seconds("pass")
    numpy = import_seconds("import numpy")
    mpl = import_seconds("import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot")
    print(f"fresh interpreter: bare {bare * 1000:.0f} ms, numpy {numpy * 1000:.0f} ms, ", end="")
    print(f"numpy + matplotlib.pyplot {mpl * 1000:.0f} ms (median of {REPEAT})")
    total_raw = total_zip = 0
    for name in MPL_DISTRIBUTIONS:
        try:
            raw, packed = installed_size(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        total_raw, total_zip = total_raw + raw, total_zip + packed
        print(f"  {name:<12} installed {raw / 1e6:5.1f} MB, compressed {packed / 1e6:5.1f} MB")
    print(f"  {'in all':<12} installed {total_raw / 1e6:5.1f} MB, compressed {total_zip / 1e6:5.1f} MB")
    print()
    print(f"{'model':<12} {'panels':>6} {'kit SVG':>14} {'mpl SVG':>16} {'mpl PNG':>16}")
    kit_all, svg_all, png_all = [], [], []
    for name, cls in sorted(MODELS.items()):
        model = cls()
        charts = model.charts(model.run(seed=1))
        kit_s, kit = best_of(lambda c=charts: charts_svg(c))
        svg_s, svg = best_of(lambda c=charts: matplotlib_charts(plt, c, "svg"))
        png_s, png = best_of(lambda c=charts: matplotlib_charts(plt, c, "png"))
        kit_all.append(kit_s)
        svg_all.append(svg_s)
        png_all.append(png_s)
        print(
            f"{name:<12} {len(charts):>6} {kit_s * 1000:6.1f} ms {len(kit) / 1000:4.0f} kB "
            f"{svg_s * 1000:6.0f} ms {len(svg) / 1000:5.0f} kB {png_s * 1000:6.0f} ms {len(png) / 1000:5.0f} kB"
        )
    print(
        f"{'median':<12} {'':>6} {statistics.median(kit_all) * 1000:6.1f} ms {'':>7} "
        f"{statistics.median(svg_all) * 1000:6.0f} ms {'':>8} {statistics.median(png_all) * 1000:6.0f} ms"
    )


if __name__ == "__main__":
    main()
