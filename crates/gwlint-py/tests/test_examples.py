"""examples/dask_archive.py in local mode over the fixture documents finds what the command
line finds, file by file and rule by rule."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

if not os.environ.get("CI"):
    pytest.importorskip("dask")
import pandas as pd  # noqa: E402

from test_gwlint import BIN, ROOT  # noqa: E402

INPUTS = ["fixtures/documents", "fixtures/docx/libreoffice", "fixtures/attacks/docx/MSG_encrypted.docx"]


def test_the_dask_example_reproduces_the_command_line(tmp_path):
    out = tmp_path / "结果"
    run = subprocess.run(
        [sys.executable, "examples/dask_archive.py", *INPUTS, "--out", str(out), "--workers", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    cli = json.loads(
        subprocess.run(
            [BIN, "check", "--format", "json", "--exit-zero", "--no-config", *INPUTS],
            cwd=ROOT,
            capture_output=True,
            check=False,
        ).stdout
    )
    frame = pd.read_parquet(out / "findings.parquet")
    found = frame[frame["error"].isna()]
    got = sorted(zip(found["path"], found["code"], found["line"], found["column"], found["fingerprint"]))
    expected = sorted(
        (d["path"], d["code"], d["range"]["start"]["line"], d["range"]["start"]["column"], d["fingerprint"])
        for d in cli["diagnostics"]
    )
    assert len(got) == len(expected) > 0
    assert got == expected
    # The encrypted .docx is one error row naming it, as the command line reports it.
    errors = frame[frame["error"].notna()]
    assert list(errors["path"]) == [e["path"] for e in cli["errors"]] == [INPUTS[2]]
    counts = json.loads((out / "rule_counts.json").read_text(encoding="utf-8"))
    expected_counts = {}
    for d in cli["diagnostics"]:
        expected_counts[d["code"]] = expected_counts.get(d["code"], 0) + 1
    assert counts == dict(sorted(expected_counts.items()))
    lines = (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(frame)
    assert f"{len(expected)} findings, 1 unreadable" in run.stdout
