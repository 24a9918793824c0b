//! GW604 duplicated-words: 的的, 在在, 进一步进一步 — but never real reduplication.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;
use crate::text::is_han;

declare_rule! {
    /// ## 作用
    /// 检查误重复的字词：虚词重复（“的的”“在在”“和和”“了了”），以及三至四字的词整体重复
    /// （“进一步进一步”）。删除重复部分是安全修复。
    ///
    /// 正常的重叠不报告：AABB 式（干干净净、明明白白）、ABAB 式（研究研究、讨论讨论）、天天、人人、
    /// 常常、谢谢、看看、等等、不了了之、是是非非、“以……为目的的”、“的的哥”。“在”“是”“和”
    /// “对”“以”常与前后的字成词（现在在、对口、比对对象），不检查。
    ///
    /// ## 原因
    /// 重复的字词多是修改时留下的，会让公文显得粗疏。
    ///
    /// ## 示例
    /// ```text
    /// 我们深入企业调研，帮助企业解决了一批实际的的困难，进一步进一步优化营商环境。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 我们深入企业调研，帮助企业解决了一批实际的困难，进一步优化营商环境。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第二十条（四）。
    pub static DUPLICATED_WORDS = {
        code: "GW604",
        name: "duplicated-words",
        category: Wording,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "误重复的字词",
        source: "《党政机关公文处理工作条例》第二十条（四）",
    };
}

/// Function words that never reduplicate in 公文 prose.
const FUNCTION_WORDS: &str = "的地得把被并或于从向按了";

pub struct DuplicatedWords;

impl Rule for DuplicatedWords {
    fn meta(&self) -> &RuleMeta {
        &DUPLICATED_WORDS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        for p in &doc.paragraphs {
            let content = doc.content(p);
            let chars: Vec<(usize, char)> = content.char_indices().collect();
            let abs = |i: usize| p.span.start + chars.get(i).map_or(content.len(), |c| c.0);
            let mut i = 0;
            while i + 1 < chars.len() {
                // Whole words of three or four characters said twice.
                if let Some(n) = (3..=4)
                    .rev()
                    .find(|&n| i + 2 * n <= chars.len() && repeated(&chars, i, n) && !forwarded_genre(&chars[i..i + n]))
                {
                    let word: String = chars[i..i + n].iter().map(|c| c.1).collect();
                    let dup = Span::new(abs(i + n), abs(i + 2 * n));
                    cx.report(Span::new(abs(i), abs(i + 2 * n)), format!("“{word}”重复"))
                        .with_label("重复的词")
                        .with_fix(Fix::replace("删除重复的词", Applicability::Safe, dup, ""));
                    i += 2 * n;
                    continue;
                }
                let (c, next) = (chars[i].1, chars[i + 1].1);
                let prev = i.checked_sub(1).map(|j| chars[j].1);
                let after = chars.get(i + 2).map(|x| x.1);
                let after2 = chars.get(i + 3).map(|x| x.1);
                // 不了了之, 了了分明; 是是非非 (AABB); 以……为目的的 (目的 + 的); 的的确确.
                let legit = (c == '了' && (prev == Some('不') || matches!(after, Some('之') | Some('分'))))
                    || (after.is_some() && after == after2)
                    || (c == '的' && (prev == Some('目') || matches!(after, Some('确') | Some('哥') | Some('士'))));
                if c == next && FUNCTION_WORDS.contains(c) && !legit && after != Some(c) {
                    let dup = Span::new(abs(i + 1), abs(i + 2));
                    cx.report(Span::new(abs(i), abs(i + 2)), format!("“{c}”字重复"))
                        .with_label("重复的字")
                        .with_fix(Fix::replace("删除重复的字", Applicability::Safe, dup, ""));
                    i += 2;
                    continue;
                }
                i += 1;
            }
        }
    }
}

/// “的通知的通知” is how a forwarding title names the forwarded document (关于转发××关于……的通知的
/// 通知): the nesting of 文种, judged by GW104, never a word typed twice. The repeated unit may be
/// read from any of its characters (“通知的通知的”), so rotations of 的 + 文种 count too.
fn forwarded_genre(word: &[(usize, char)]) -> bool {
    let w: String = word.iter().map(|c| c.1).collect();
    let twice = format!("{w}{w}");
    crate::document::Genre::ALL
        .iter()
        .map(|g| g.as_str())
        .any(|g| g.chars().count() + 1 == word.len() && twice.contains(&format!("的{g}")))
}

/// chars[i..i+n] == chars[i+n..i+2n], all Han, and not an AABB or ABAB reduplication of a
/// two-character word.
fn repeated(chars: &[(usize, char)], i: usize, n: usize) -> bool {
    (0..n).all(|k| chars[i + k].1 == chars[i + n + k].1 && is_han(chars[i + k].1))
}
