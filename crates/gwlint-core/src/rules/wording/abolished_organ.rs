//! GW618 abolished-organ: an organ abolished or renamed in the 2018 and 2023 reforms named as
//! if it still existed (国土资源部, 区环保局 in a document of 2024).

use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::Document;
use crate::roster::{organs_version, AbolishedOrgan as AbolishedOrganName, ABOLISHED_ORGANS};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{sentence_around, years_in, Occurrences};
use crate::span::Span;
use crate::text::is_han;

declare_rule! {
    /// ## 作用
    /// 检查成文日期在机构改革之后的公文是否仍把已撤销、更名的机构当作现行机构：2018年改革后的
    /// 国土资源部、环境保护部、国家工商总局、国家质检总局、各地国土资源局、环保局、安监局、工商局，
    /// 2023年改革后的银保监会、国家乡村振兴局等。“原国土资源部”、书名号中的旧文件标题、叙述改革经过
    /// 的句子（整合、组建、不再保留、划入、更名）和写明改革前年份的叙述不报告；没有成文日期的文稿
    /// 不检查。机构表是版本化的数据（rules/facts/organs.tsv，2026-11-30 版），每行写明依据的改革方案。
    ///
    /// ## 原因
    /// 沿用旧稿时最容易把已撤销机构当作现行机构，收文机关无法据此办理，也是常见的审核差错。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府办公室关于做好耕地保护工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　请市国土资源局会同市环保局做好耕地保护工作。
    ///
    /// 平安市人民政府办公室
    /// 2024年5月6日
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府办公室关于做好耕地保护工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　请市自然资源局会同市生态环境局做好耕地保护工作。
    ///
    /// 平安市人民政府办公室
    /// 2024年5月6日
    /// ```
    ///
    /// ## 依据
    /// 《国务院机构改革方案》（2018年、2023年）；《深化党和国家机构改革方案》（2018年）。
    pub static ABOLISHED_ORGAN = {
        code: "GW618",
        name: "abolished-organ",
        category: Wording,
        severity: Warning,
        fix: None,
        scope: AnyText,
        summary: "不把已撤销、更名的机构当作现行机构（机构表 2026-11-30）",
        source: "《国务院机构改革方案》（2018年、2023年）",
    };
}

/// Words of a sentence that tells the reform itself.
const REFORM_WORDS: &[&str] = &["整合", "组建", "不再保留", "划入", "划转", "更名", "撤销", "改革", "挂牌"];

pub struct AbolishedOrgan;

/// The shipped names, longer names first (so 国家卫生和计划生育委员会 is reported once, not also as
/// 卫生和计划生育委员会), and their finder.
static BY_LENGTH: LazyLock<(Vec<&'static AbolishedOrganName>, Occurrences)> = LazyLock::new(|| {
    let mut organs: Vec<&AbolishedOrganName> = ABOLISHED_ORGANS.iter().filter(|o| !o.name.is_empty()).collect();
    organs.sort_by_key(|o| std::cmp::Reverse(o.name.len()));
    let names: Vec<&str> = organs.iter().map(|o| o.name.as_str()).collect();
    let occurrences = Occurrences::new(&names);
    (organs, occurrences)
});

impl Rule for AbolishedOrgan {
    fn meta(&self) -> &RuleMeta {
        &ABOLISHED_ORGAN
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let Some(date) = &doc.elements.date else { return };
        let day = date.value.ordinal();
        let mut found: Vec<Span> = Vec::new();
        let (organs, occurrences) = &*BY_LENGTH;
        for (organ, starts) in organs.iter().zip(occurrences.in_document(doc)) {
            if day < organ.out_of_use {
                continue;
            }
            for at in starts {
                let span = Span::new(at, at + organ.name.len());
                if found.iter().any(|f| f.start <= span.start && span.end <= f.end) {
                    continue;
                }
                let before = &doc.text[..at];
                let after = &doc.text[span.end..];
                // 农业部门, 文化部门 are departments, not the ministry; 原/前 makes it history.
                if after.starts_with('门') {
                    continue;
                }
                // 原 or 前 before the name or before the place that starts it (原市国土资源局).
                let prefix: String = before
                    .chars()
                    .rev()
                    .take(8)
                    .take_while(|c| !"，。；：、（）“”《》 \u{3000}\n".contains(*c))
                    .collect();
                if prefix.contains('原') || prefix.ends_with('前') {
                    continue;
                }
                // A short national name may end a longer one (企业文化部, 纪检监察部): it counts only
                // after a word that may stand before an organ (会同, 由, 向, 经).
                let short = !organ.local && organ.name.chars().count() <= 3;
                if short
                    && before
                        .chars()
                        .next_back()
                        .is_some_and(|c| is_han(c) && !"同由向对请经在和与及并的报送按据商为受将给是".contains(c))
                {
                    continue;
                }
                if doc.elements.quotations.in_book_title(at) {
                    continue;
                }
                let sentence = sentence_around(&doc.text, at);
                if REFORM_WORDS.iter().any(|w| sentence.contains(w)) {
                    continue;
                }
                // A sentence that names a year before the name went out of use is looking back.
                if years_in(sentence).iter().any(|&y| y < organ.out_of_use.0) {
                    continue;
                }
                found.push(span);
                cx.report(
                    span,
                    format!(
                        "“{}”已撤销或更名，成文日期{}时应为“{}”",
                        organ.name,
                        date.value.standard(),
                        organ.successor
                    ),
                )
                .with_label("已撤销的机构")
                .with_help(format!(
                    "指现行机构时用现名称；指改革前的机构时写“原{}”。依据：rules/facts/organs.tsv（{}版）。",
                    organ.name,
                    organs_version()
                ));
            }
        }
    }
}
