//! GW603 de-di-de: an adverbial 的 before a verb (认真的落实 → 认真地落实), 的 before a complement.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{group_span, matches_in_paragraph, WordsAround};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查“的”“地”“得”在高确定性搭配中的误用：状语后接动词用“地”（“认真的落实”→“认真地落实”），
    /// 动词后接程度补语用“得”（“完成的很好”→“完成得很好”），形容词、副词后接“认识到”“意识到”
    /// “体会到”这类只能作动词的词用“地”（“清醒的认识到”→“清醒地认识到”）。只收确定的搭配：
    /// “积极的推动作用”这类“的”后是名词的，以及“给予积极的支持”“得到有效的落实”这类前面的
    /// 动词带名词宾语的，都不报告。
    ///
    /// ## 原因
    /// 结构助词“的”用在定语后，“地”用在状语后，“得”用在补语前。公文用字要规范（《党政机关公文
    /// 处理工作条例》第二十条）。
    ///
    /// ## 示例
    /// ```text
    /// 我局认真的落实市委决策部署，各项工作完成的很好。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 我局认真地落实市委决策部署，各项工作完成得很好。
    /// ```
    ///
    /// ## 依据
    /// 《现代汉语词典》（第7版）“的”“地”“得”条；《党政机关公文处理工作条例》第二十条（四）。
    pub static DE_DI_DE = {
        code: "GW603",
        name: "de-di-de",
        category: Wording,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "的、地、得的误用（高确定性搭配）",
        source: "《现代汉语词典》（第7版）",
    };
}

/// Adverbs written with 的 before a verb of [`ADVERBIAL_VERBS`] (认真的落实).
const ADVERBS: &[&str] = &[
    "认真",
    "积极",
    "主动",
    "切实",
    "扎实",
    "深入",
    "全面",
    "严格",
    "大力",
    "不断",
    "稳步",
    "有效",
    "广泛",
    "充分",
    "及时",
    "坚决",
    "努力",
    "迅速",
    "扎扎实实",
    "认认真真",
];
const ADVERBIAL_VERBS: &[&str] = &[
    "落实", "推进", "开展", "做好", "抓好", "贯彻", "推动", "研究", "学习", "执行", "加强", "实施", "解决", "完成",
    "宣传", "组织", "部署", "整改", "检查", "参与", "配合", "支持",
];
/// Verbs written with 的 before a complement of degree (完成的很好).
const COMPLEMENT_VERBS: &[&str] =
    &["完成", "做", "干", "开展", "落实", "推进", "执行", "发展", "进行", "办", "搞", "抓"];
const DEGREES: &[&str] = &["很", "非常", "十分", "特别", "比较", "不够", "不太", "更加"];

/// The finder of 的, made once.
static DE: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("的"));

static ADVERBIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?:{})(?P<de>的)(?P<v>{})", ADVERBS.join("|"), ADVERBIAL_VERBS.join("|"))).unwrap()
});
static COMPLEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "(?:{})(?P<de>的)(?:{})(?:好|差|快|慢|扎实|到位|出色|顺利|有效)",
        COMPLEMENT_VERBS.join("|"),
        DEGREES.join("|")
    ))
    .unwrap()
});
/// Verbs written with 到 after an adverbial 的 (清醒的认识到, 深刻的体会到).
const VERBS_TO: &[&str] =
    &["认识到", "意识到", "看到", "感到", "体会到", "注意到", "觉察到", "感受到", "认到", "察觉到"];
/// An adjective or adverb of the lexicon before 的 and a verb with 到 after it (清醒的认识到,
/// 深刻的体会到): 认识到 is only ever a verb, so the 的 is an adverbial 地.
static BEFORE_VERB_TO: LazyLock<Regex> = LazyLock::new(|| {
    let verbs: Vec<&str> = VERBS_TO.iter().map(|v| v.trim_end_matches('到')).collect();
    Regex::new(&format!(r"(?P<x>\p{{Han}}{{2}})(?P<de>的)(?P<v>(?:{})到)", verbs.join("|"))).unwrap()
});

/// Verbs that take what follows as their object (给予积极的支持, 得到有效的落实): the word after 的
/// is then a noun, and 的 is right.
const TAKES_NOUN_OBJECT: &[&str] =
    &["给予", "得到", "取得", "作出", "做出", "受到", "予以", "提供", "获得", "加以", "赢得", "进行", "表示"];

/// Whether the text before a match ends with a verb that takes a nominal object (给予, 得到了).
fn after_nominal_verb(before: &str) -> bool {
    let before = before.trim_end_matches('了');
    TAKES_NOUN_OBJECT.iter().any(|v| before.ends_with(v))
}

/// Nouns that follow "积极的推动" as its head: then 的 is right.
const NOUN_HEADS: &[&str] =
    &["作用", "力量", "者", "意义", "效果", "成效", "机制", "措施", "工作", "方式", "精神", "态度", "力度"];

/// The words each pattern needs around its 的.
static ADVERBIAL_GATE: WordsAround = WordsAround::new(ADVERBS, ADVERBIAL_VERBS);
static COMPLEMENT_GATE: WordsAround = WordsAround::new(COMPLEMENT_VERBS, DEGREES);
static VERB_TO_GATE: WordsAround = WordsAround::new(&[""], VERBS_TO);

pub struct DeDiDe;

impl Rule for DeDiDe {
    fn meta(&self) -> &RuleMeta {
        &DE_DI_DE
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for p in &doc.paragraphs {
            // Every pattern needs a 的 between words of two lists (的 is in nearly every
            // paragraph; these pairs are rare): each 的 is found once and its neighbours asked,
            // and a pattern is searched only in a paragraph that has its pair.
            let content = doc.content(p);
            let (mut adverbial, mut complement, mut verb_to) = (false, false, false);
            for at in DE.find_iter(content.as_bytes()) {
                let de = at..at + DE.needle().len();
                adverbial |= ADVERBIAL_GATE.around(content, de.clone());
                complement |= COMPLEMENT_GATE.around(content, de.clone());
                verb_to |= VERB_TO_GATE.around(content, de);
            }
            if adverbial {
                for (p, c, whole) in matches_in_paragraph(doc, p, &ADVERBIAL) {
                    let rest = &doc.text[whole.end..];
                    if NOUN_HEADS.iter().any(|n| rest.starts_with(n))
                        || after_nominal_verb(&doc.text[p.span.start..whole.start])
                    {
                        continue;
                    }
                    report_adverbial(cx, group_span(p, c.name("de").expect("group")), &c["v"]);
                }
            }
            if verb_to {
                for (p, c, whole) in matches_in_paragraph(doc, p, &BEFORE_VERB_TO) {
                    let adverbial = crate::lexicon::word(&c["x"]).is_some_and(|w| matches!(w.tag, "a" | "ad" | "d"));
                    if !adverbial || doc.text[whole.end..].starts_with('位') {
                        continue;
                    }
                    report_adverbial(cx, group_span(p, c.name("de").expect("group")), &c["v"]);
                }
            }
            if complement {
                for (p, c, _) in matches_in_paragraph(doc, p, &COMPLEMENT) {
                    let de = group_span(p, c.name("de").expect("group"));
                    cx.report(de, "动词后接程度补语，应用“得”").with_label("应为“得”").with_fix(Fix::replace(
                        "改为“得”",
                        Applicability::Unsafe,
                        de,
                        "得",
                    ));
                }
            }
        }
    }
}

/// An adverbial 的 before the verb `verb`, which should be 地.
fn report_adverbial(cx: &mut Context<'_>, de: Span, verb: &str) {
    cx.report(de, format!("状语后接动词“{verb}”，应用“地”")).with_label("应为“地”").with_fix(Fix::replace(
        "改为“地”",
        Applicability::Unsafe,
        de,
        "地",
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_patterns_are_the_lists_around_de() {
        assert_eq!(
            ADVERBIAL.as_str(),
            concat!(
                r"(?:认真|积极|主动|切实|扎实|深入|全面|严格|大力|不断|稳步|有效|广泛|充分|及时|坚决|努力|迅速|扎扎实实|认认真真)",
                r"(?P<de>的)(?P<v>落实|推进|开展|做好|抓好|贯彻|推动|研究|学习|执行|加强|实施|解决|完成|宣传|组织|部署|整改|检查|参与|配合|支持)",
            )
        );
        assert_eq!(
            COMPLEMENT.as_str(),
            r"(?:完成|做|干|开展|落实|推进|执行|发展|进行|办|搞|抓)(?P<de>的)(?:很|非常|十分|特别|比较|不够|不太|更加)(?:好|差|快|慢|扎实|到位|出色|顺利|有效)"
        );
        assert_eq!(
            BEFORE_VERB_TO.as_str(),
            r"(?P<x>\p{Han}{2})(?P<de>的)(?P<v>(?:认识|意识|看|感|体会|注意|觉察|感受|认|察觉)到)"
        );
    }

    #[test]
    fn every_match_has_de_between_the_words_of_its_gate() {
        let texts = [
            "各单位要认真的落实会议精神",
            "认认真真的贯彻执行",
            "这项工作完成的很好",
            "工作做的非常扎实，开展的不够到位",
            "要清醒的认识到问题",
            "深刻的体会到",
            "积极的作用",
            "目的的实现",
        ];
        let around = |t: &str, gate: &WordsAround| {
            DE.find_iter(t.as_bytes()).any(|at| gate.around(t, at..at + DE.needle().len()))
        };
        let mut matched = [0; 3];
        for t in texts {
            for (k, (re, gate)) in
                [(&ADVERBIAL, &ADVERBIAL_GATE), (&COMPLEMENT, &COMPLEMENT_GATE), (&BEFORE_VERB_TO, &VERB_TO_GATE)]
                    .into_iter()
                    .enumerate()
            {
                if re.is_match(t) {
                    assert!(around(t, gate), "{t}");
                    matched[k] += 1;
                }
            }
        }
        assert_eq!(matched, [2, 2, 2]);
        assert!(!around("积极的作用", &ADVERBIAL_GATE));
    }
}
