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


# The statute collection LawRefBook/Laws (texts outside copyright, 《著作权法》第五条), at this commit.
LAWS_COMMIT = "2f4c5c23716267af9dbebbbbd6cbbf732b101981"
# Titles ending in a 文种 are left out: they are 公文, the kind of text gwlint is measured on.
GENRE_ENDINGS = ("决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案", "函", "纪要", "答复")


def law_texts(git_dir):
    """The laws, regulations and judicial interpretations of a LawRefBook/Laws git directory at
    LAWS_COMMIT, one string per file, each distinct line once (the collection keeps several
    versions of many laws). Cases (案例), index pages and 公文-titled files are left out."""
    import re, subprocess

    head = subprocess.run(["git", f"--git-dir={git_dir}", "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    if head != LAWS_COMMIT:
        raise SystemExit(f"{git_dir}: LawRefBook/Laws at {head}, expected {LAWS_COMMIT}")
    names = subprocess.run(["git", f"--git-dir={git_dir}", "ls-tree", "-r", "-z", "--name-only", LAWS_COMMIT], capture_output=True, check=True).stdout.decode().split("\0")
    seen, out = set(), []
    for name in sorted(n for n in names if n.endswith(".md")):
        base = os.path.basename(name)[:-3]
        title = re.sub(r"\(\d{4}-\d\d-\d\d\)$", "", base)
        if name.startswith("案例/") or base in ("_index", "README") or "模版" in base or title.endswith(GENRE_ENDINGS):
            continue
        text = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{LAWS_COMMIT}:{name}"], capture_output=True, check=True).stdout.decode("utf-8")
        kept = []
        for l in text.splitlines():
            l = l.strip()
            if l and l not in seen:
                seen.add(l)
                kept.append(l)
        out.append("\n".join(kept))
    return out
