"""FIELD-NOTES: a process that created and deleted 16 plot widgets and exported 16 PNGs crashed at exit
(none_dealloc). A chart-heavy session runs here in its own process and must exit with 0."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

SESSION = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from hqdesk.ui.charts.chart import ChartWidget, Series

    class Runner:  # the export writes through a runner; this one runs at once
        def submit(self, fn, *args, on_done=None, on_error=None, **kw):
            try:
                result = fn(*args, **kw)
            except BaseException as exc:
                on_error(exc)
                raise
            on_done(result)

    class Ctx:
        runner = Runner()

    app = QApplication(sys.argv)
    out = Path(sys.argv[1])
    for i in range(20):
        chart = ChartWidget(f"chart {i}").attach(Ctx())
        chart.resize(640, 360)
        chart.show()
        values = tuple(float(v * (i + 1)) for v in range(12))
        if i % 3 == 0:
            chart.show_bars([str(m) for m in range(12)], [Series("a", values), Series("b", values)],
                            x_label="x", y_label="y", stacked=i % 2 == 0)
        elif i % 3 == 1:
            chart.show_lines([str(m) for m in range(12)], [Series("a", values)], x_label="x", y_label="y",
                             reference=(3.0, "ref"))
        else:
            chart.show_bars_and_line([str(m) for m in range(12)], Series("a", values),
                                     Series("b", tuple(v / 100 for v in values)), x_label="x", y_label="y",
                                     line_label="z", reference=(0.8, "80%"), line_max=1.0)
        app.processEvents()
        chart.export(str(out / f"chart{i}.png"))
        chart.close()
        chart.deleteLater()
        app.processEvents()
    print(len(list(out.glob("*.png"))))
    """
)


def test_a_chart_heavy_session_exits_cleanly(tmp_path: Path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", SESSION, str(tmp_path)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "20"
