"""The package as a user installs it: a wheel in a fresh venv, not the source tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")
def test_the_wheel_installs_and_runs_outside_the_source_tree(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    # The venv's own setuptools builds it (no download); what it packs is what PyPI would get.
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(wheels), str(ROOT)], check=True, capture_output=True,
                   env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    (wheel,) = wheels.glob("argmap-*.whl")
    fresh = tmp_path / "venv"
    venv.create(fresh, with_pip=False)
    site = Path(sysconfig.get_path("purelib", vars={"base": str(fresh),
                                                    "platbase": str(fresh)}))
    # The wheel goes in by itself; its dependencies (typer, rich, ruamel.yaml ...) are
    # borrowed from this environment's site-packages, after the wheel on sys.path, so the
    # test needs no network. This environment's argmap (an editable install) is a .pth
    # line there, which an added path does not run, so only the wheel's argmap is found.
    subprocess.run([sys.executable, "-m", "pip", "--python", str(fresh / "bin" / "python"),
                    "install", "--no-deps", "-q", str(wheel)], check=True, capture_output=True)
    (site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(ROOT / "maps" / "nato-promise.yaml", work)
    argmap = str(fresh / "bin" / "argmap")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([argmap, *args], cwd=work, capture_output=True, text=True,
                              env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})

    where = subprocess.run([str(fresh / "bin" / "python"), "-c",
                            "import argmap; print(argmap.__file__)"], cwd=work,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(site))
    checked = run("check", "--strict", "nato-promise.yaml")
    assert (checked.returncode, checked.stderr) == (
        0, "1 map, 21 statements, 2 sources: 0 errors, 0 warnings\n")
    drawn = run("render", "nato-promise.yaml", "-f", "svg")
    assert (drawn.returncode, drawn.stderr) == (0, "argmap: wrote nato-promise.svg\n")
    assert "<svg" in (work / "nato-promise.svg").read_text(encoding="utf-8")
    page = run("render", "nato-promise.yaml", "-f", "html", "-o", "-")  # package data: css, js
    assert page.returncode == 0 and "<style>" in page.stdout
    listed = run("schemes", "sign")  # package data: the scheme catalogue and its schema
    assert listed.returncode == 0 and "sign.other-events" in listed.stdout, listed.stderr
