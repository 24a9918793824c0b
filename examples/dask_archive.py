"""Check an archive of 公文 with gwlint on Dask.

    python examples/dask_archive.py 档案/ --out 结果/ [--workers 8] [--config gwlint.toml]
    python examples/dask_archive.py 档案/ --out 结果/ --scheduler tcp://调度器:8786

Writes 结果/findings.parquet (one row per finding; a file gwlint cannot read is a row with
`error`), 结果/findings.jsonl and 结果/rule_counts.json, and prints the counts per rule. Locally
(the default) the work runs in a pool of worker processes; with --scheduler it runs on a
dask.distributed cluster (every worker needs `pip install gwlint` and the files at the same path).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import dask
import dask.bag as db
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import archive_common as common  # noqa: E402


def check_partition(paths, config):
    out = []
    for path in paths:
        out.extend(common.check_path(path, config))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("roots", nargs="+", help="files or directories to check")
    ap.add_argument("--out", required=True, help="directory for the results")
    ap.add_argument("--config", help="gwlint.toml (default: built-in settings)")
    ap.add_argument("--workers", type=int, default=os.cpu_count(), help="local worker processes")
    ap.add_argument("--partitions", type=int, help="how many pieces the list of files is cut into")
    ap.add_argument("--scheduler", default="processes", help="processes, threads, synchronous or tcp://host:port")
    args = ap.parse_args(argv)

    paths = common.documents(args.roots)
    if not paths:
        print("no .txt, .md or .docx files found", file=sys.stderr)
        return 2
    config = os.path.abspath(args.config) if args.config else None
    partitions = args.partitions or max(1, min(len(paths), 4 * args.workers))
    started = time.perf_counter()

    client = None
    if args.scheduler.startswith("tcp://"):
        from dask.distributed import Client

        client = Client(args.scheduler)
        scheduler = {}
    else:
        scheduler = {"scheduler": args.scheduler, "num_workers": args.workers}

    bag = db.from_sequence(paths, npartitions=partitions).map_partitions(check_partition, config)
    with dask.config.set(**scheduler):
        records = bag.compute()
    frame = pd.DataFrame.from_records(records, columns=common.COLUMNS)
    for col in ("line", "column", "end_line", "end_column"):
        frame[col] = frame[col].astype("Int64")
    elapsed = time.perf_counter() - started

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    frame.to_parquet(out / "findings.parquet", index=False)
    frame.to_json(out / "findings.jsonl", orient="records", lines=True, force_ascii=False)
    found = frame[frame["error"].isna()]
    counts = {code: int(n) for code, n in found.groupby("code").size().sort_index().items()}
    (out / "rule_counts.json").write_text(json.dumps(counts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    errors = int(frame["error"].notna().sum())
    print(f"{len(paths)} files, {len(found)} findings, {errors} unreadable, {elapsed:.2f} s")
    for code, n in counts.items():
        print(f"{code}\t{n}")
    if client is not None:
        client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
