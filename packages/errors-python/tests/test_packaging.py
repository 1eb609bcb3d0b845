"""The Python package's source distribution carries the generated modules and the schema."""

import os
import shutil
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def test_sdist_ships_the_generated_package_and_nothing_of_the_workspace(tmp_path, monkeypatch):
    build_meta = pytest.importorskip("setuptools.build_meta")
    # Built from a copy, so setuptools' egg-info never lands in the workspace.
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "openpixels_errors", tmp_path / "openpixels_errors",
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.chdir(tmp_path)
    sdist = build_meta.build_sdist(str(tmp_path / "dist"))
    with tarfile.open(tmp_path / "dist" / sdist) as archive:
        names = {os.path.relpath(name, archive.getnames()[0].split("/")[0]) for name in archive.getnames()}
    package_files = {name for name in names if name.startswith("openpixels_errors/")}
    assert package_files == {
        "openpixels_errors/__init__.py",
        "openpixels_errors/catalog.py",
        "openpixels_errors/decode.py",
        "openpixels_errors/envelope.py",
        "openpixels_errors/error-envelope.schema.json",
        "openpixels_errors/guards.py",
        "openpixels_errors/py.typed",
    }
    assert not any(name.startswith(("src/", "tests/", "node_modules/")) for name in names)
