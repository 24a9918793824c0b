//! GW303 date-consistency: 印发日期, 发文字号 year and deadlines against the 成文日期.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{body_paragraphs, title_text};

declare_rule! {
    /// ## 作用
    /// 检查公文中几个日期是否自相矛盾：印发日期早于成文日期；发文字号的年份晚于成文日期的年份；
    /// 正文中要求“于××××年×月×日前”完成的时限早于成文日期（收文时已经过期）；本文“自××××年
    /// ×月×日起施行（实施）”的日期早于成文日期。“对发生在××××年×月×日以前的行为”这类适用
    /// 范围不是时限，不检查；“自……起执行”可以追溯（如价格、补助标准），印发、转发、批转类通知中
    /// 被印发文件的施行日期、“……起施行的《……》”这类引述也不检查。
    ///
    /// ## 原因
    /// 成文日期是公文生效的时间（《党政机关公文处理工作条例》第九条（十二））。印发在成文之后；
    /// 发文字号的年份是发文当年；时限早于成文日期，收文机关无法执行，多是沿用旧稿没有改日期。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府办公室关于报送防汛工作情况的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　请于2025年3月10日前将防汛准备情况报市政府办公室。
    ///
    /// 平安市人民政府办公室
    /// 2025年3月18日
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府办公室关于报送防汛工作情况的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　请于2025年4月10日前将防汛准备情况报市政府办公室。
    ///
    /// 平安市人民政府办公室
    /// 2025年3月18日
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第九条（十二）；GB/T 9704—2012 7.2.4、7.3.5.1、7.4.3。
    pub static DATE_CONSISTENCY = {
        code: "GW303",
        name: "date-consistency",
        category: Format,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "印发日期、字号年份、办理时限、施行日期不应与成文日期矛盾",
        source: "《党政机关公文处理工作条例》第九条（十二）；GB/T 9704—2012 7.2.4",
        skip_in: [Template],
    };
}

/// A deadline: 于2025年3月10日前报送, 在2025年3月10日之前完成.
/// “前” after the date of a deadline — but not “以前的”, which limits a noun to a time
/// (“对发生在2025年2月1日以前的行为”: a scope of application, not a deadline).
static DEADLINE_TAIL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:前|之前|以前)(?:[^的]|$)").unwrap());
/// Words before “于”/“在” that make the date a time something happened or a scope (对于……之前
/// 已出具的), not a time to act by.
const NOT_A_DEADLINE: &[&str] =
    &["对于", "发生在", "出生在", "成立在", "形成在", "取得在", "签订在", "作出在", "实施在"];

/// 施行 or 实施 right after the date, closing the clause: the document's own effective date.
static IN_FORCE_TAIL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^起(?:施行|实施)(?:[。；，]|$)").unwrap());

pub struct DateConsistency;

impl Rule for DateConsistency {
    fn meta(&self) -> &RuleMeta {
        &DATE_CONSISTENCY
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let Some(date) = &doc.elements.date else { return };
        let (signed, signed_span) = (date.value, Some(date.span));
        if let Some(printed) = doc.elements.printed.as_ref().filter(|p| p.date.value.ordinal() < signed.ordinal()) {
            let d = &printed.date;
            let diag =
                cx.report(d.span, format!("印发日期（{}）早于成文日期（{}）", d.value.standard(), signed.standard()));
            diag.with_label("印发日期");
            if let Some(s) = signed_span {
                diag.with_secondary(s, "成文日期");
            }
        }
        if let Some(n) = &doc.elements.doc_number {
            let year = n.year_value.filter(|&y| y >= 1000).unwrap_or(0);
            if year > signed.year {
                cx.report(n.year, format!("发文字号的年份（{year}）晚于成文日期的年份（{}）", signed.year))
                    .with_label("年份不符");
            }
        }
        let issuing = ["印发", "转发", "批转"].iter().any(|w| title_text(doc).contains(w));
        for p in body_paragraphs(doc) {
            for d in doc.elements.dates_in(p.span) {
                let (before, after) = (&doc.text[p.span.start..d.span.start], &doc.text[d.span.end..p.span.end]);
                // The document's own effective date: 本通知（本办法……）自……起施行, not a cited norm's.
                let clause = before.rsplit(['。', '；']).next().unwrap_or(before);
                let own = clause.contains('本') && !clause.contains('》');
                if !issuing
                    && own
                    && before.ends_with('自')
                    && IN_FORCE_TAIL.is_match(after)
                    && d.value.ordinal() < signed.ordinal()
                {
                    let diag = cx.report(
                        d.span,
                        format!("施行日期（{}）早于成文日期（{}）", d.value.standard(), signed.standard()),
                    );
                    diag.with_label("施行日期在成文之前")
                        .with_help("核对施行日期；需要追溯适用的，写明“自……起执行”并说明理由。");
                    if let Some(s) = signed_span {
                        diag.with_secondary(s, "成文日期");
                    }
                    continue;
                }
                let before_ok = (before.ends_with('于') || before.ends_with('在'))
                    && !NOT_A_DEADLINE.iter().any(|w| before.ends_with(w));
                if !before_ok || !DEADLINE_TAIL.is_match(after) || d.value.ordinal() >= signed.ordinal() {
                    continue;
                }
                let span = d.span;
                let diag =
                    cx.report(span, format!("办理时限（{}）早于成文日期（{}）", d.value.standard(), signed.standard()));
                diag.with_label("时限已过").with_help("核对时限是否沿用了旧稿的日期。");
                if let Some(s) = signed_span {
                    diag.with_secondary(s, "成文日期");
                }
            }
        }
    }
}
