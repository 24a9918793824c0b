#!/usr/bin/env python3
"""Build rules/typo-pairs.toml (GW606) from the public confusion lists in ../shared/corpus.

Corrections only (typos' design): an entry is kept when its wrong form never occurs in clean
text and its right form is attested. Sources and filters:

  candidates  pycorrector common_error_pairs (curated), pycorrector custom_confusion_words,
              macro-correct confusion_dict (noisy), ECSpell 常见错字错词 (direction checked)
  wrong form  2+ Han characters (3+ from the large lists), not a known word (公文写作 vocabulary, 成语 list), and absent
              from every clean text: the 公文 corpus, the error-free negatives (人民日报, 学习强国)
              and the correct side of the *training* splits of the spelling benchmarks
              (test splits, and the 公文-domain odw split, are kept for evaluation)
  right form  attested: a known word or idiom, or present in the clean text
  fix         safe when the right form is a listed 成语 or 公文 word, unsafe otherwise

Usage: python3 scripts/build-typo-pack.py [SHARED_DIR]   (default ../shared)
The output is reviewed data: rerun only to rebuild, and read the diff.
"""
import json, os, re, sys

from clean_text import clean_texts, lines

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
conf = os.path.join(shared, "corpus", "confusion")
han = re.compile(r"^[\u4e00-\u9fff]{2,8}$")

vocab = set()
for l in lines(os.path.join(conf, "ecspell", "gongwen_writing_vocab.txt")):
    vocab.add(l.split("\t")[0].strip())
for l in lines(os.path.join(conf, "ecspell", "gongwen_writing_vocab_small.txt")):
    vocab.add(l.strip())
idioms = set(l.split()[0].strip() for l in lines(os.path.join(conf, "ecspell", "chengyu.txt")) if l.split())

clean = "\n".join(clean_texts(shared))

candidates = {}  # wrong -> (right, source)
def add(wrong, right, source):
    wrong, right = wrong.strip(), right.strip()
    if wrong and right and wrong != right and wrong not in candidates:
        candidates[wrong] = (right, source)

for l in lines(os.path.join(conf, "pycorrector", "common_error_pairs.txt")):
    p = l.split("\t")
    if len(p) >= 2:
        add(p[0], p[1], "pycorrector common_error_pairs")
for l in lines(os.path.join(conf, "pycorrector", "custom_confusion_words.txt")):
    p = l.split("\t")
    if len(p) >= 2:
        add(p[0], p[1], "pycorrector custom_confusion")
for wrong, right in json.load(open(os.path.join(conf, "macro_correct", "confusion_dict.json"), encoding="utf-8")).items():
    add(wrong, right, "macro-correct confusion_dict")
for l in lines(os.path.join(conf, "ecspell", "common_typo_words.txt")):
    a, _, b = l.partition("-")
    # The list mixes directions: the attested form is the right one.
    if a in vocab or a in clean and b not in clean:
        add(b, a, "ECSpell 常见错字错词")
    elif b in vocab or b in clean and a not in clean:
        add(a, b, "ECSpell 常见错字错词")

# Reviewed by hand: proper names that use the variant (九洲), and phrases that hold a wrong
# form across a word boundary (股份公司 holds 份公司).
EXCLUDE = {"九洲"}
ALLOW = ["股份公司", "部份公司"]

# Entries of the hand-curated GW601 pack are not repeated here.
curated = set(re.findall(r'wrong = "(.*?)"', open(os.path.join(os.path.dirname(__file__), "..", "rules", "typos.toml"), encoding="utf-8").read()))
# A wrong form that starts or ends with a function word, or holds 的/地/得, is a phrase
# fragment that valid text can contain ("一起去把……", "还没作出……").
FUNCTION = set("的地得了把吧吗呢作做个是在和与就也都")

kept, dropped = [], {"shape": 0, "known word": 0, "in clean text": 0, "right unattested": 0, "substring": 0, "fragment": 0, "curated": 0, "short": 0}
for wrong, (right, source) in sorted(candidates.items()):
    if not han.match(wrong) or not han.match(right) or abs(len(wrong) - len(right)) > 1:
        dropped["shape"] += 1
    elif wrong in right or right in wrong:
        dropped["substring"] += 1
    elif wrong in EXCLUDE:
        dropped["curated"] += 1
    elif wrong in curated:
        dropped["curated"] += 1
    elif len(wrong) < 3 and source not in ("pycorrector common_error_pairs", "ECSpell 常见错字错词"):
        # Two-character forms from the large, noisy lists are often real words (原意, 相像,
        # 清流) or cross a word boundary (预定车票 holds 定车): only curated pairs may be that short.
        dropped["short"] += 1
    elif wrong[0] in FUNCTION or wrong[-1] in FUNCTION or any(c in "的地得" for c in wrong):
        dropped["fragment"] += 1
    elif wrong in vocab or wrong in idioms:
        dropped["known word"] += 1
    elif wrong in clean:
        dropped["in clean text"] += 1
    elif not (right in vocab or right in idioms or right in clean):
        dropped["right unattested"] += 1
    else:
        safe = right in idioms or right in vocab
        kept.append((wrong, right, "safe" if safe else "unsafe", source))

out = os.path.join(os.path.dirname(__file__), "..", "rules", "typo-pairs.toml")
with open(out, "w", encoding="utf-8") as f:
    f.write("# GW606 错别字词对（生成数据，勿手工编辑；重建：python3 scripts/build-typo-pack.py）\n")
    f.write(f"# {len(kept)} entries from {len(candidates)} candidates; dropped: {dropped}\n")
    f.write("# Sources: pycorrector (Apache-2.0), macro-correct (Apache-2.0), ECSpell (MIT) via ../shared/corpus/confusion.\n")
    allow = [a for a in ALLOW if any(w in a for w, *_ in kept)]
    f.write("allow = [" + ", ".join(f'"{a}"' for a in allow) + "]\n\n[rule]\n")
    f.write('code = "GW606"\nname = "typo-pairs"\ncategory = "wording"\nseverity = "warning"\n')
    f.write('message = "疑似错别字：“{wrong}”应为“{right}”"\nfix = "unsafe"\nsummary = "错别字词对（由公开易错词表生成并过滤）"\n')
    f.write('source = "《现代汉语词典》（第7版）词形；公开易错词表（pycorrector、macro-correct、ECSpell）"\n')
    f.write('docs = """\n## 作用\n检查由公开的易错词表整理出的错别字词对，如“按磨”应为“按摩”、“通货澎胀”应为“通货膨胀”。\n\n')
    f.write("## 原因\n词表只收“错误写法在任何干净文本中都不出现、正确写法有据可查”的词对（typos 的只纠错、不猜词原则），\n")
    f.write("以保证精确率。正确写法是成语或公文常用词时修复为安全修复，否则需人工确认。词表由 scripts/build-typo-pack.py\n")
    f.write("从 ../shared/corpus/confusion 生成，过滤用的干净文本不含拼写评测的测试集。\n\n")
    f.write("## 示例\n```text\n防止通货澎胀，做好按磨服务场所的检查。\n```\n\n## 应改为\n```text\n防止通货膨胀，做好按摩服务场所的检查。\n```\n\n")
    f.write('## 依据\n《现代汉语词典》（第7版）；《党政机关公文处理工作条例》第二十条（四）。\n"""\n')
    for wrong, right, fix, source in kept:
        f.write(f'\n[[entries]]\nwrong = "{wrong}"\nright = "{right}"\n')
        if fix == "safe":
            f.write('fix = "safe"\n')
print(f"kept {len(kept)} of {len(candidates)}; dropped {dropped}; wrote {os.path.normpath(out)}")
