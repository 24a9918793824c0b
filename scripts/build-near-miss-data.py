#!/usr/bin/env python3
"""Build the data of GW609 (near-miss words) in rules/near-miss/ from ../shared/corpus.

GW609 reports a run of characters that is one confusable character away from a 成语 or a
4+-character 公文 word and is not itself a known word ("一如继往" -> "一如既往"). Which
substitutions count is decided at run time from three tables written here:

  words.txt      the known words: 成语 (ECSpell 成语 list, flag I) and 公文写作 vocabulary of
                 3+ characters (flag C for 4+ characters, which are targets; K for 3, which
                 are only known). A run that is a known word is never reported.
  confusion.txt  for every character of a target, the characters that sound or look like it
                 (pycorrector same_pinyin / similar_pronunciation 同音, same_stroke, 形近字;
                 ECSpell shape and sound sets), numerals left out (一/三 and 一/百 confusions
                 are numbers, not typos).
  bigrams.txt    every pair of adjacent Han characters attested in clean text. A substitution
                 counts only when it creates a pair never seen in correct text, so a run that
                 occurs in clean text is never reported, and neither is a real word such as
                 保健 in "保健制度" (compound words need every new pair unattested).

Clean text: the 公文 corpus, the error-free negatives (人民日报, 学习强国) and the correct side
of the *training* splits of the spelling benchmarks, except the 公文-domain ECSpell odw split,
which `gwlint-eval --csc` reports as the 公文-domain evaluation set. Test splits are never read.

Usage: python3 scripts/build-near-miss-data.py [SHARED_DIR]   (default ../shared)
The output is generated data: rerun only to rebuild, and read the diff.
"""
import collections, glob, json, os, re, sys

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
conf_dir = os.path.join(shared, "corpus", "confusion")
csc = os.path.join(shared, "corpus", "csc")
out_dir = os.path.join(os.path.dirname(__file__), "..", "rules", "near-miss")
HAN = re.compile(r"^[\u4e00-\u9fff]+$")
NUMERALS = set("零〇一二三四五六七八九十百千万亿两")


def lines(path):
    with open(path, encoding="utf-8") as f:
        for l in f:
            l = l.rstrip("\n")
            if l and not l.startswith("#"):
                yield l


def is_han(c):
    return "\u4e00" <= c <= "\u9fff"


# Known words and targets.
idioms = set()
for l in lines(os.path.join(conf_dir, "ecspell", "chengyu.txt")):
    w = l.split()[0].strip() if l.split() else ""
    if len(w) == 4 and HAN.match(w):
        idioms.add(w)
vocab = set(l.split("\t")[0].strip() for l in lines(os.path.join(conf_dir, "ecspell", "gongwen_writing_vocab.txt")))
vocab |= set(l.strip() for l in lines(os.path.join(conf_dir, "ecspell", "gongwen_writing_vocab_small.txt")))
vocab = {w for w in vocab if len(w) >= 3 and HAN.match(w)}
# Reviewed by hand after reading findings: phrases that are right although one character away
# from a 成语 (不疼不痒 is literal in medical text; 雨过天青 is an idiom of its own).
LEGITIMATE = {"不疼不痒", "雨过天青"}
words = {w: "K" for w in LEGITIMATE}
for w in vocab:
    words[w] = "C" if len(w) >= 4 else "K"
for w in idioms:
    words[w] = "I"
targets = [w for w, f in words.items() if f != "K"]

# Confusable characters (symmetric).
conf = collections.defaultdict(set)


def link(a, b):
    if a != b and len(a) == 1 and len(b) == 1 and is_han(a) and is_han(b) and a not in NUMERALS and b not in NUMERALS:
        conf[a].add(b)
        conf[b].add(a)


first = True
for l in lines(os.path.join(conf_dir, "pycorrector", "similar_pronunciation_simplified.txt")):
    if first:  # header row
        first = False
        continue
    p = l.split("\t")
    for field in p[1:3]:  # 同音同调, 同音异调
        for ch in field:
            link(p[0], ch)
for l in lines(os.path.join(conf_dir, "pycorrector", "same_pinyin.txt")):
    p = l.split("\t")
    for field in p[1:]:
        for ch in field:
            link(p[0], ch)
for l in lines(os.path.join(conf_dir, "pycorrector", "same_stroke.txt")):
    p = l.split("\t")
    for ch in p[1:]:
        link(p[0], ch)
for l in lines(os.path.join(conf_dir, "pycorrector", "xingjinzi_similar_shape.txt")):
    group = l.split(",")
    for a in group:
        for b in group:
            link(a, b)
for name in ("shapeConfusion.json", "soundConfusion.json"):
    with open(os.path.join(conf_dir, "ecspell", name), encoding="utf-8") as f:
        for k, v in json.load(f).items():
            for ch in v:
                link(k, ch)

# Attested character pairs.
clean = []
for f in glob.glob(os.path.join(shared, "corpus", "gongwen", "*", "docs", "*.txt")):
    clean.append(open(f, encoding="utf-8").read())
for f in glob.glob(os.path.join(csc, "negatives", "*.jsonl")):
    clean.extend(json.loads(l)["text"] for l in open(f, encoding="utf-8"))
for f in glob.glob(os.path.join(csc, "**", "*train*.jsonl"), recursive=True):
    if "odw" in os.path.basename(f):
        continue
    clean.extend(json.loads(l)["correct_text"] for l in open(f, encoding="utf-8"))
followers = collections.defaultdict(set)
for t in clean:
    for a, b in zip(t, t[1:]):
        if is_han(a) and is_han(b):
            followers[a].add(b)

os.makedirs(out_dir, exist_ok=True)
with open(os.path.join(out_dir, "words.txt"), "w", encoding="utf-8") as f:
    f.write("# GW609 known words (generated by scripts/build-near-miss-data.py; do not edit by hand)\n")
    f.write("# word<TAB>I = 成语 (target) | C = 公文 word of 4+ characters (target) | K = known only (3-character words, reviewed phrases)\n")
    f.write("# Sources: ECSpell 成语.txt and 公文写作.txt (MIT)\n")
    for w in sorted(words):
        f.write(f"{w}\t{words[w]}\n")
target_chars = set("".join(targets))
with open(os.path.join(out_dir, "confusion.txt"), "w", encoding="utf-8") as f:
    f.write("# GW609 confusable characters (generated by scripts/build-near-miss-data.py; do not edit by hand)\n")
    f.write("# char<TAB>characters that sound or look like it. Sources: pycorrector (Apache-2.0), ECSpell (MIT)\n")
    for c in sorted(target_chars):
        if conf[c]:
            f.write(f"{c}\t{''.join(sorted(conf[c]))}\n")
with open(os.path.join(out_dir, "bigrams.txt"), "w", encoding="utf-8") as f:
    f.write("# GW609 attested pairs of adjacent Han characters (generated by scripts/build-near-miss-data.py)\n")
    f.write(f"# first<TAB>every character seen after it in {sum(len(t) for t in clean)} characters of clean text\n")
    for a in sorted(followers):
        f.write(f"{a}\t{''.join(sorted(followers[a]))}\n")
print(
    f"{len(targets)} targets ({sum(1 for f in words.values() if f == 'I')} 成语), {len(words)} known words, "
    f"{sum(len(conf[c]) for c in target_chars)} confusions, {sum(len(v) for v in followers.values())} pairs -> {os.path.normpath(out_dir)}"
)
