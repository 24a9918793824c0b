"""Check an archive of 公文 with gwlint on PySpark (mapInPandas).

    python examples/spark_archive.py 档案/ --out 结果/ [--master local[4]] [--config gwlint.toml]
    spark-submit examples/spark_archive.py hdfs:///档案/ --out hdfs:///结果/

The files are read by Spark's binaryFile source (a local directory, HDFS, S3 …: whatever the
cluster reads) and each batch of contents is checked by gwlint in the executors, one Linter per
Python worker. Writes findings.parquet (one row per finding; a file gwlint cannot read is a row
with `error`), findings.jsonl and rule_counts.json, and prints the counts per rule. Every
executor needs `pip install gwlint` (and pandas, pyarrow). Spark needs Java 17 or later.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import archive_common as common  # noqa: E402

SCHEMA = (
    "path string, code string, name string, severity string, message string, line int, column int, "
    "end_line int, end_column int, fingerprint string, error string"
)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("roots", nargs="+", help="directories (or files) to check")
    ap.add_argument("--out", required=True, help="directory for the results")
    ap.add_argument("--config", help="gwlint.toml, readable on every executor (default: built-in settings)")
    ap.add_argument("--master", default=None, help="local[N], spark://… (default: spark-submit's)")
    ap.add_argument("--partitions", type=int, help="how many tasks the files are cut into")
    args = ap.parse_args(argv)

    import pandas as pd
    from pyspark.sql import SparkSession

    # Local workers run this interpreter (with gwlint installed); a cluster's come from its setup.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("gwlint-archive")
    if args.master:
        builder = builder.master(args.master)
    spark = (
        builder.config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    config = os.path.abspath(args.config) if args.config else None
    # The examples' shared module goes to the executors with the job.
    spark.sparkContext.addPyFile(os.path.join(os.path.dirname(os.path.abspath(__file__)), "archive_common.py"))

    started = time.perf_counter()
    files = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", "*.{txt,md,docx}")
        .load(args.roots)
        .select("path", "content")
    )
    # Hidden files and Word's lock files are left out, as `gwlint check` does.
    files = files.filter(~files.path.rlike(r"/(\.[^/]*|~\$[^/]*)$"))
    if args.partitions:
        files = files.repartition(args.partitions)

    def check_batches(batches):
        import archive_common as shared

        for batch in batches:
            out = []
            for path, content in zip(batch["path"], batch["content"]):
                local = path[len("file:") :] if path.startswith("file:") else path
                out.extend(shared.check_content(local, bytes(content), config))
            yield pd.DataFrame.from_records(out, columns=shared.COLUMNS)

    n_files = files.select("path").count()
    findings = files.mapInPandas(check_batches, schema=SCHEMA).cache()
    total = findings.count()
    out = args.out.rstrip("/")
    findings.write.mode("overwrite").parquet(out + "/findings.parquet")
    findings.write.mode("overwrite").json(out + "/findings.jsonl")
    found = findings.filter(findings.error.isNull())
    counts = {r["code"]: int(r["count"]) for r in found.groupBy("code").count().orderBy("code").collect()}
    elapsed = time.perf_counter() - started
    errors = findings.filter(findings.error.isNotNull()).count()
    if "://" not in out or out.startswith("file://"):
        local_out = out[len("file://") :] if out.startswith("file://") else out
        with open(os.path.join(local_out, "rule_counts.json"), "w", encoding="utf-8") as f:
            f.write(json.dumps(counts, ensure_ascii=False, indent=1) + "\n")
    print(f"{n_files} files, {total - errors} findings, {errors} unreadable, {elapsed:.2f} s")
    for code, n in counts.items():
        print(f"{code}\t{n}")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
