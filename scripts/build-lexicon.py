#!/usr/bin/env python3
"""Build the statistical spelling data in rules/lexicon/ from named sources.

  words.txt        the word lexicon: every word of jieba 0.42.1's dictionary (MIT licence, from
                   its PyPI package) made of 1 to 7 Han characters, with jieba's frequency and
                   part of speech: word<TAB>frequency<TAB>pos.
  char-ngrams.txt  character counts: one Han character (unigram) or two adjacent Han characters
                   (bigram), <TAB>, how often: ngram<TAB>count. Counted in clean text, which is
                   what scripts/clean_text.py reads (the 公文 corpus, the error-free negatives and
                   the correct side of the spelling benchmarks' training splits; never a test
                   split and never the ECSpell odw split that `gwlint-eval --csc` scores), plus
                   the statutes of LawRefBook/Laws (laws, regulations, rules and judicial
                   interpretations, outside copyright under 《著作权法》第五条; 16.5M characters)
                   scaled down to the weight of the clean text, so a pair written only in law is
                   still attested.
  phrases.txt      公文 phrases of clean text that jieba lacks or counts as rare: runs of 3 to 6
                   Han characters seen at least 6 times in at least 3 texts, not a fragment of a
                   longer run seen nearly as often, and either a jieba word or made of jieba words
                   of two or more characters (乡村振兴, 主体责任, 高质量发展, 经济社会发展):
                   phrase<TAB>count. The dropped-character check looks for them.
  confused-words.txt  words that are each other's typo and both real (形式/形势, 有利/有力): the
                   pairs (=A<TAB>B), how often each is a word of the best split of clean text
                   (word<TAB><TAB>count), and how often each word of the split stands within three
                   words of it (word<TAB>neighbour<TAB>count), in the clean text and the statutes
                   (unscaled: the statutes hold most uses of 必需, 检察, 权利). GW613 compares the
                   two readings.
  confusion.txt    for each character, the characters that sound or look like it (either way):
                   pycorrector same_pinyin, same_stroke and 形近字 (Apache-2.0), ECSpell sound and
                   shape sets (MIT); and characters of one phonetic series, which share their
                   sound-giving part (浣/院, 债/绩, 去/法, 柤/租: Unihan's kPhonetic, the Casey
                   classes, Unicode licence v3); numerals left out (一/三 is a number, not a typo).
  pinyin.txt       each character's live readings without tones (行 xing hang), from pypinyin
                   0.53.0's pinyin_dict.json and phrases_dict.json (MIT licence, from its PyPI
                   package): the first reading and every reading the character has in a word
                   of the phrase dictionary, for the characters of the lexicon and of the clean
                   text: char<TAB>reading ...
                   The swap check reads a two-character word written with two characters of the
                   same sound (鱼蒜 for 预算: a pinyin input method's wrong pick) by it.
  CHECKSUMS        sha256 of every source and every table; tests/lexicon.rs checks the tables
                   against it, so a table edited by hand or built from other sources fails CI.

gwlint-core's build script turns the two tables into sorted binary arrays at compile time, so
nothing is parsed when gwlint starts.

Usage: python3 scripts/build-lexicon.py --laws GIT_DIR --unihan GIT_DIR [--shared DIR] [--jieba-dict FILE] [--pinyin-dir DIR]
  --laws        a clone of https://github.com/LawRefBook/Laws (checked out or bare) at commit
                2f4c5c23716267af9dbebbbbd6cbbf732b101981; the script checks the commit
  --unihan      a clone of https://github.com/unicode-org/unihan-database (checked out or bare)
                holding commit 0f09313622511754bd639fdd07651a151e25db43; kPhonetic.txt is read
                at that commit
  --shared      default ../shared
  --jieba-dict  jieba's dict.txt; default: downloaded with `pip download jieba==0.42.1`
  --pinyin-dir  pypinyin's package directory (with pinyin_dict.json and phrases_dict.json); default:
                downloaded with `pip download pypinyin==0.53.0`
The output is generated data: rerun only to rebuild, and read the diff.
"""
import collections, glob, hashlib, json, math, os, re, subprocess, sys, tarfile, tempfile, unicodedata, zipfile

import argparse

from clean_text import LAWS_COMMIT, clean_texts, law_texts

JIEBA_VERSION = "0.42.1"
UNIHAN_COMMIT = "0f09313622511754bd639fdd07651a151e25db43"
JIEBA_DICT_SHA256 = "7197c3211ddd98962b036cdf40324d1ea2bfaa12bd028e68faa70111a88e12a8"
PYPINYIN_VERSION = "0.53.0"
PINYIN_FILES = {
    "pinyin_dict.json": "19ac93a11b0cf2d1b42741c2956dcb8632944e87d2ebcd1ba7cc4d3a936b9fb5",
    "phrases_dict.json": "d71fe97165dfd3eb9d8dff86ce5f62787d530b6b9f38c898779fcaf16d2522d1",
}
HAN = re.compile(r"[\u4e00-\u9fff]+")
WORD = re.compile(r"[\u4e00-\u9fff]{1,7}")
NUMERALS = set("〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟")
CONFUSION_SOURCES = [
    "pycorrector/same_pinyin.txt",
    "pycorrector/same_stroke.txt",
    "pycorrector/xingjinzi_similar_shape.txt",
    "ecspell/soundConfusion.json",
    "ecspell/shapeConfusion.json",
]


def confusion(shared, series):
    """Character -> the characters that sound or look like it, both ways; `series`: the
    phonetic series (class -> characters) whose members are each other's confusables."""
    base = os.path.join(shared, "corpus", "confusion")
    pairs = set()

    def relate(a, bs):
        for b in bs:
            if a != b and HAN.fullmatch(a) and HAN.fullmatch(b) and len(a) == len(b) == 1:
                pairs.add((a, b))
                pairs.add((b, a))

    for line in open(os.path.join(base, "pycorrector/same_pinyin.txt"), encoding="utf-8"):
        if line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        relate(cols[0], "".join(cols[1:]))
    for line in open(os.path.join(base, "pycorrector/same_stroke.txt"), encoding="utf-8"):
        group = line.split()
        for a in group:
            relate(a, group)
    for line in open(os.path.join(base, "pycorrector/xingjinzi_similar_shape.txt"), encoding="utf-8"):
        group = [c.strip() for c in line.strip().split(",")]
        for a in group:
            relate(a, group)
    for name in ("ecspell/soundConfusion.json", "ecspell/shapeConfusion.json"):
        for a, bs in json.load(open(os.path.join(base, name), encoding="utf-8")).items():
            relate(a, bs)
    for members in series.values():
        for a in members:
            relate(a, members)
    table = collections.defaultdict(set)
    for a, b in pairs:
        if a not in NUMERALS and b not in NUMERALS:
            table[a].add(b)
    return table


def phonetic_series(git_dir):
    """Unihan's kPhonetic at UNIHAN_COMMIT: each class number -> its characters (the Casey
    classes: characters sharing a phonetic element). A class number counts with or without the
    trailing * that UAX #38 allows on it."""
    text = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{UNIHAN_COMMIT}:kPhonetic.txt"], capture_output=True, check=True).stdout.decode("utf-8")
    classes = collections.defaultdict(set)
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _, values = line.split("\t")
        c = chr(int(code.split()[0][2:], 16))
        for v in values.split():
            classes[re.match(r"\d+", v).group()].add(c)
    return text, classes


def char_counts(texts):
    """How often each Han character and each pair of adjacent ones occurs, and how many
    characters were read."""
    counts, chars = collections.Counter(), 0
    for text in texts:
        for run in HAN.findall(text):
            chars += len(run)
            counts.update(run)
            counts.update(run[i : i + 2] for i in range(len(run) - 1))
    return counts, chars


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def jieba_dict(given):
    if given:
        return given
    tmp = tempfile.mkdtemp()
    subprocess.run(
        [sys.executable, "-m", "pip", "download", f"jieba=={JIEBA_VERSION}", "--no-deps", "--no-binary", ":all:", "-d", tmp],
        check=True,
    )
    archive = glob.glob(os.path.join(tmp, "jieba-*.tar.gz"))[0]
    with tarfile.open(archive) as t:
        member = f"jieba-{JIEBA_VERSION}/jieba/dict.txt"
        t.extract(member, tmp, filter="data")
    return os.path.join(tmp, member)


def pinyin_dicts(given):
    """pypinyin's pinyin_dict.json and phrases_dict.json: the directory holding them."""
    if given:
        return given
    tmp = tempfile.mkdtemp()
    subprocess.run(
        [sys.executable, "-m", "pip", "download", f"pypinyin=={PYPINYIN_VERSION}", "--no-deps", "-d", tmp],
        check=True,
    )
    wheel = glob.glob(os.path.join(tmp, "pypinyin-*.whl"))[0]
    with zipfile.ZipFile(wheel) as z:
        for name in PINYIN_FILES:
            z.extract(f"pypinyin/{name}", tmp)
    return os.path.join(tmp, "pypinyin")


def toneless(reading):
    """A pinyin reading without its tone mark (ü written v): dān -> dan, lǜ -> lv."""
    decomposed = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def readings(directory, chars):
    """Each of `chars` -> its live readings without tones: the first reading pypinyin gives
    the character, and every reading it has in a word of pypinyin's phrase dictionary (行: xing,
    and hang from 银行), not the archaic readings listed after the first (还 fu)."""
    table = {chr(int(k)): v for k, v in json.load(open(os.path.join(directory, "pinyin_dict.json"), encoding="utf-8")).items()}
    in_words = collections.defaultdict(set)
    for phrase, pinyin in json.load(open(os.path.join(directory, "phrases_dict.json"), encoding="utf-8")).items():
        if len(phrase) == len(pinyin):
            for c, rs in zip(phrase, pinyin):
                in_words[c].update(toneless(r) for r in rs)
    out = {}
    for c in chars:
        seen = []
        for i, r in enumerate(table.get(c, "").split(",")):
            r = toneless(r.strip())
            if r and r.isascii() and r.isalpha() and r not in seen and (i == 0 or r in in_words[c]):
                seen.append(r)
        if seen:
            out[c] = seen
    return out


def split(text, words, total):
    """jieba's most probable split of text into words (an unknown character is a word of
    frequency 1), as gwlint's lexicon::segment computes it."""
    n = len(text)
    best = [float("-inf")] * (n + 1)
    back = [0] * (n + 1)
    best[0] = 0.0
    for e in range(1, n + 1):
        for b in range(max(0, e - 7), e):
            w = text[b:e]
            if w in words:
                score = math.log(max(words[w][0], 1)) - total
            elif e - b == 1:
                score = -total
            else:
                continue
            if best[b] + score > best[e]:
                best[e], back[e] = best[b] + score, b
    out, e = [], n
    while e > 0:
        out.append(text[back[e] : e])
        e = back[e]
    return out[::-1]


def phrases(texts, words):
    """Runs of 3-6 characters frequent in clean text that are jieba words or compounds of them."""
    count, seen_in = collections.Counter(), collections.Counter()
    for text in texts:
        here = set()
        for run in HAN.findall(text):
            for n in range(3, 8):
                for i in range(len(run) - n + 1):
                    g = run[i : i + n]
                    count[g] += 1
                    here.add(g)
        seen_in.update(here)
    # The most frequent one-character extension on each side.
    longer_right, longer_left = collections.defaultdict(int), collections.defaultdict(int)
    for g, c in count.items():
        if len(g) >= 4:
            longer_right[g[:-1]] = max(longer_right[g[:-1]], c)
            longer_left[g[1:]] = max(longer_left[g[1:]], c)
    total = math.log(sum(f for f, _ in words.values()))
    out = {}
    for g, c in count.items():
        if len(g) > 6 or c < 6 or seen_in[g] < 3:
            continue
        if longer_right[g] >= 0.8 * c or longer_left[g] >= 0.8 * c:
            continue
        parts = split(g, words, total)
        if len(parts) == 1 or all(len(p) >= 2 for p in parts):
            out[g] = c
    return out


# Real words confused with each other. 制订/制定 and 界限/界线 are left out: GW610 rules on them
# from the norm (制定, 划清界限), and the statutes' 行政区域界线 would make the counts overrule it.
CONFUSED_PAIRS = [
    ("形式", "形势"),
    ("必需", "必须"),
    ("有利", "有力"),
    ("截至", "截止"),
    ("权利", "权力"),
    ("反映", "反应"),
    ("启用", "起用"),
    ("以至", "以致"),
    ("调解", "调节"),
    ("检察", "检查"),
    ("考察", "考查"),
]
NEIGHBOURHOOD = 3


def confused_words(texts, words):
    """For each word of CONFUSED_PAIRS: its count as a word of the best split, and the words
    within NEIGHBOURHOOD words of it (each counted once per occurrence)."""
    wanted = {w for pair in CONFUSED_PAIRS for w in pair}
    total = math.log(sum(f for f, _ in words.values()))
    count, near = collections.Counter(), collections.defaultdict(collections.Counter)
    for text in texts:
        for run in HAN.findall(text):
            if not any(w in run for w in wanted):
                continue
            toks = split(run, words, total)
            for i, tok in enumerate(toks):
                if tok in wanted:
                    count[tok] += 1
                    near[tok].update(set(toks[max(0, i - NEIGHBOURHOOD) : i] + toks[i + 1 : i + 1 + NEIGHBOURHOOD]))
                    near[tok][left_class(toks, i, words)] += 1
                    near[tok][right_class(toks, i, words)] += 1
    return count, near


# The classes of the words beside a confused word: "<" and the part of speech of the word before
# it (jieba's tag; "x" for a character no word holds, "|" at the start of a run of Han
# characters), ">" and that of the word after it. A neighbour seen with neither word still tells
# which one the place wants (必须 before a verb or a preposition, 必需 before 的 or at the end).
def word_class(tok, words):
    return words[tok][1] if tok in words else "x"


def left_class(toks, i, words):
    return "<" + (word_class(toks[i - 1], words) if i > 0 else "|")


def right_class(toks, i, words):
    return ">" + (word_class(toks[i + 1], words) if i + 1 < len(toks) else "|")


def main():
    args = argparse.ArgumentParser(description="Build rules/lexicon/ from its sources.")
    args.add_argument("--shared", default="../shared", help="the shared data directory (default ../shared)")
    args.add_argument("--laws", required=True, help=f"a git directory of LawRefBook/Laws at {LAWS_COMMIT}")
    args.add_argument("--unihan", required=True, help=f"a git directory of unicode-org/unihan-database holding {UNIHAN_COMMIT}")
    args.add_argument("--jieba-dict", help=f"jieba {JIEBA_VERSION}'s dict.txt (default: pip download)")
    args.add_argument("--pinyin-dir", help=f"pypinyin {PYPINYIN_VERSION}'s package directory (default: pip download)")
    args = args.parse_args()
    shared = args.shared
    source = jieba_dict(args.jieba_dict)
    laws = law_texts(args.laws)
    phonetic_text, series = phonetic_series(args.unihan)

    if sha256(source) != JIEBA_DICT_SHA256:
        sys.exit(f"{source}: not jieba {JIEBA_VERSION}'s dict.txt (sha256 differs)")
    pinyin_source = pinyin_dicts(args.pinyin_dir)
    for name, digest in PINYIN_FILES.items():
        if sha256(os.path.join(pinyin_source, name)) != digest:
            sys.exit(f"{pinyin_source}/{name}: not pypinyin {PYPINYIN_VERSION}'s (sha256 differs)")
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules", "lexicon")
    os.makedirs(root, exist_ok=True)

    words = {}
    with open(source, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 3 or not WORD.fullmatch(parts[0]):
                continue
            w, freq, pos = parts[0], int(parts[1]), parts[2]
            if w not in words or words[w][0] < freq:
                words[w] = (freq, pos)
    words_path = os.path.join(root, "words.txt")
    with open(words_path, "w", encoding="utf-8") as out:
        out.write(f"# gwlint word lexicon (generated by scripts/build-lexicon.py; do not edit by hand)\n")
        out.write(f"# from jieba {JIEBA_VERSION} dict.txt (MIT), words of 1-7 Han characters\n")
        out.write("# word<TAB>frequency<TAB>part of speech (jieba's tags: nr person, ns place, nt organisation ...)\n")
        for w in sorted(words):
            out.write(f"{w}\t{words[w][0]}\t{words[w][1]}\n")

    # Character counts: the clean text, plus the statutes scaled down to the same weight (they are
    # fourteen times larger and their register is narrower: 应当 would swamp 应); a pair the
    # statutes attest at all counts at least once.
    counts, chars = char_counts(clean_texts(shared))
    statute_counts, statute_chars = char_counts(laws)
    weight = statute_chars / chars
    for g, c in statute_counts.items():
        counts[g] += math.ceil(c / weight)
    chars += round(statute_chars / weight)
    ngrams_path = os.path.join(root, "char-ngrams.txt")
    with open(ngrams_path, "w", encoding="utf-8") as out:
        out.write("# gwlint character counts (generated by scripts/build-lexicon.py; do not edit by hand)\n")
        out.write(f"# {chars} Han characters: clean text (scripts/clean_text.py) and LawRefBook statutes at the same weight\n")
        out.write("# one character or two adjacent characters<TAB>count\n")
        for g in sorted(counts):
            out.write(f"{g}\t{counts[g]}\n")

    phrases_path = os.path.join(root, "phrases.txt")
    found = phrases(clean_texts(shared), words)
    with open(phrases_path, "w", encoding="utf-8") as out:
        out.write("# gwlint 公文 phrases of clean text (generated by scripts/build-lexicon.py; do not edit by hand)\n")
        out.write("# runs of 3-6 Han characters seen 6+ times in 3+ texts, jieba words or compounds of them\n")
        out.write("# phrase<TAB>count in clean text\n")
        for g in sorted(found):
            out.write(f"{g}\t{found[g]}\n")

    confused_path = os.path.join(root, "confused-words.txt")
    count, near = confused_words(clean_texts(shared) + laws, words)
    with open(confused_path, "w", encoding="utf-8") as out:
        out.write("# gwlint real words confused with each other (generated by scripts/build-lexicon.py; do not edit by hand)\n")
        out.write(f"# =A<TAB>B: a pair; word<TAB><TAB>count: as a word of the best split of clean text; word<TAB>neighbour<TAB>count: within {NEIGHBOURHOOD} words\n")
        for a, b in CONFUSED_PAIRS:
            out.write(f"={a}\t{b}\n")
        for w in sorted(count):
            out.write(f"{w}\t\t{count[w]}\n")
            for n in sorted(near[w]):
                out.write(f"{w}\t{n}\t{near[w][n]}\n")

    confusion_path = os.path.join(root, "confusion.txt")
    with open(confusion_path, "w", encoding="utf-8") as out:
        out.write("# gwlint confusable characters (generated by scripts/build-lexicon.py; do not edit by hand)\n")
        out.write("# character<TAB>characters that sound or look like it; sources: " + ", ".join(CONFUSION_SOURCES) + f", unihan-database@{UNIHAN_COMMIT} kPhonetic.txt\n")
        for c, others in sorted(confusion(shared, series).items()):
            out.write(f"{c}\t{''.join(sorted(others))}\n")

    pinyin_path = os.path.join(root, "pinyin.txt")
    lexicon_chars = {c for w in words for c in w} | {g for g in counts if len(g) == 1}
    with open(pinyin_path, "w", encoding="utf-8") as out:
        out.write("# gwlint readings of characters without tones (generated by scripts/build-lexicon.py; do not edit by hand)\n")
        out.write(f"# from pypinyin {PYPINYIN_VERSION} pinyin_dict.json and phrases_dict.json (MIT): the first reading and the readings in words; character<TAB>readings\n")
        for c, rs in sorted(readings(pinyin_source, lexicon_chars).items()):
            out.write(f"{c}\t{' '.join(rs)}\n")

    with open(os.path.join(root, "CHECKSUMS"), "w", encoding="utf-8") as out:
        out.write("# sha256 of the sources and tables of rules/lexicon (scripts/build-lexicon.py)\n")
        out.write(f"source\tjieba-{JIEBA_VERSION}/jieba/dict.txt\t{JIEBA_DICT_SHA256}\n")
        clean = hashlib.sha256("\n\x00".join(clean_texts(shared)).encode()).hexdigest()
        out.write(f"source\tclean text (scripts/clean_text.py over {shared})\t{clean}\n")
        statutes = hashlib.sha256("\n\x00".join(laws).encode()).hexdigest()
        out.write(f"source\tLawRefBook/Laws@{LAWS_COMMIT} (scripts/clean_text.py law_texts)\t{statutes}\n")
        for name, digest in PINYIN_FILES.items():
            out.write(f"source\tpypinyin-{PYPINYIN_VERSION}/pypinyin/{name}\t{digest}\n")
        phonetic = hashlib.sha256(phonetic_text.encode()).hexdigest()
        out.write(f"source\tunicode-org/unihan-database@{UNIHAN_COMMIT}:kPhonetic.txt\t{phonetic}\n")
        for name in CONFUSION_SOURCES:
            out.write(f"source\tconfusion/{name}\t{sha256(os.path.join(shared, 'corpus', 'confusion', name))}\n")
        for name in ("words.txt", "char-ngrams.txt", "phrases.txt", "confused-words.txt", "confusion.txt", "pinyin.txt"):
            out.write(f"table\t{name}\t{sha256(os.path.join(root, name))}\n")
    print(f"{len(words)} words, {len(counts)} n-grams from {chars} characters")


if __name__ == "__main__":
    main()
