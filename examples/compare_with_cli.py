"""Compare an example's findings.parquet with `gwlint check --format json` on the same files.

    python examples/compare_with_cli.py 结果/findings.parquet 档案/ [--gwlint PATH]

The files are named by absolute path on both sides (Spark reports absolute paths). Prints the
counts and exits 1 when a finding or an unreadable file differs."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import archive_common as common  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("findings")
    ap.add_argument("roots", nargs="+")
    ap.add_argument("--gwlint", default="gwlint")
    args = ap.parse_args(argv)
    paths = [os.path.abspath(p) for p in common.documents(args.roots)]
    cli = json.loads(
        subprocess.run(
            [args.gwlint, "check", "--format", "json", "--exit-zero", "--no-config", *paths],
            capture_output=True,
            check=False,
        ).stdout
    )
    frame = pd.read_parquet(args.findings)
    found = frame[frame["error"].isna()]
    got = sorted(zip(found["path"], found["code"], found["line"].astype(int), found["column"].astype(int), found["fingerprint"]))
    want = sorted(
        (d["path"], d["code"], d["range"]["start"]["line"], d["range"]["start"]["column"], d["fingerprint"])
        for d in cli["diagnostics"]
    )
    errors_got = sorted(frame[frame["error"].notna()]["path"])
    errors_want = sorted(e["path"] for e in cli["errors"])
    same = got == want and errors_got == errors_want
    print(
        f"{len(paths)} files; findings: example {len(got)}, command line {len(want)}; "
        f"unreadable: example {len(errors_got)}, command line {len(errors_want)}; "
        + ("identical" if same else "DIFFERENT")
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
