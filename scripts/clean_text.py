"""The clean text the data generators filter with (imported by scripts/build-*.py).

The 公文 corpus, the error-free negatives (人民日报, 学习强国) and the correct side of the
*training* splits of the spelling benchmarks. Test and dev splits are never read, and neither is
the 公文-domain ECSpell odw split, which `gwlint-eval --csc` scores as the 公文-domain set.
"""
import glob, json, os


def lines(path):
    """Non-empty lines of a UTF-8 file that are not '#' comments."""
    with open(path, encoding="utf-8") as f:
        for l in f:
            l = l.rstrip("\n")
            if l and not l.startswith("#"):
                yield l


def clean_texts(shared):
    """Every clean text under SHARED/corpus, one string per document or sentence."""
    csc = os.path.join(shared, "corpus", "csc")
    out = []
    for f in sorted(glob.glob(os.path.join(shared, "corpus", "gongwen", "*", "docs", "*.txt"))):
        with open(f, encoding="utf-8") as fh:
            out.append(fh.read())
    for f in sorted(glob.glob(os.path.join(csc, "negatives", "*.jsonl"))):
        out.extend(json.loads(l)["text"] for l in lines(f))
    for f in sorted(glob.glob(os.path.join(csc, "**", "*train*.jsonl"), recursive=True)):
        if "odw" in os.path.basename(f):
            continue
        out.extend(json.loads(l)["correct_text"] for l in lines(f))
    return out
