"""What the archive examples share: finding the documents, turning a Linter's findings into flat
records (one row per finding, or one per unreadable file), and the per-rule counts."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional

SUFFIXES = (".txt", ".md", ".docx")

# The columns of a findings table (Parquet, JSON lines). A file gwlint cannot read is one row
# with `error` set and no code.
COLUMNS = [
    "path",
    "code",
    "name",
    "severity",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "fingerprint",
    "error",
]


def documents(roots: Iterable[str]) -> List[str]:
    """Every .txt, .md and .docx under the given files and directories, sorted; hidden files and
    Word's lock files (~$*) left out, as `gwlint check` does."""
    out = []
    for root in roots:
        p = Path(root)
        if p.is_file():
            out.append(str(p))
            continue
        for dirpath, dirnames, filenames in os.walk(p):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for f in filenames:
                if f.lower().endswith(SUFFIXES) and not f.startswith((".", "~$")):
                    out.append(os.path.join(dirpath, f))
    return sorted(out)


_linters: Dict[Optional[str], Any] = {}


def linter(config: Optional[str]):
    """One Linter per worker process and configuration: building it loads the dictionaries."""
    import gwlint

    if config not in _linters:
        _linters[config] = gwlint.Linter(config) if config else gwlint.Linter({})
    return _linters[config]


def rows(path: str, findings: List[Dict[str, Any]]) -> Iterator[Dict[str, Any]]:
    for d in findings:
        start, end = d["range"]["start"], d["range"]["end"]
        yield {
            "path": path,
            "code": d["code"],
            "name": d["name"],
            "severity": d["severity"],
            "message": d["message"],
            "line": start["line"],
            "column": start["column"],
            "end_line": end["line"],
            "end_column": end["column"],
            "fingerprint": d["fingerprint"],
            "error": None,
        }


def error_row(path: str, message: str) -> Dict[str, Any]:
    row = {c: None for c in COLUMNS}
    row.update(path=path, error=message)
    return row


def check_path(path: str, config: Optional[str]) -> List[Dict[str, Any]]:
    """The rows of one file read from the file system."""
    import gwlint

    try:
        return list(rows(path, linter(config).check_file(path)))
    except gwlint.GwlintError as e:
        return [error_row(path, str(e))]


def check_content(path: str, content: bytes, config: Optional[str]) -> List[Dict[str, Any]]:
    """The rows of one file whose bytes the engine read (Spark's binaryFile, object stores)."""
    import gwlint

    # The path names the document: its extension picks the reader, per-file ignores and the
    # fingerprint use it, as when the command line reads the file.
    try:
        findings = linter(config).check(content, path)
    except gwlint.GwlintError as e:
        return [error_row(path, str(e))]
    return list(rows(path, findings))
