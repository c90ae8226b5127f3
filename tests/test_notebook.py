"""The analysis notebook runs top to bottom in a real Jupyter kernel."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "chile_us_trade.ipynb"


def test_the_notebook_is_stored_without_outputs():
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == []
            assert cell["execution_count"] is None


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # jupyter_client's own
def test_the_notebook_runs_in_a_kernel(tmp_path, monkeypatch):
    # A kernel spec for this interpreter, found before any other "python3" on the machine.
    spec = tmp_path / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3", "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel's inline backend
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o for o in outputs if "text/html" in o.get("data", {})]
    assert any('dir="rtl"' in o["data"]["text/html"] for o in html)
    # ct.show of the tables, the verdicts, the reference comparison, a reader's own document
    # and eight more kinds of frame: each an HTML table in its scrolling box
    shown = [o for o in html if o["data"]["text/html"].startswith('<div class="ct-wrap"')]
    assert len(shown) == 12
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 6  # every chart drawn inline, and the persian_figure one
