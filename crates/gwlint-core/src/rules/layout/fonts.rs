//! GW702 title-font, GW703 body-font, GW704 heading-font: the faces and sizes of GB/T 9704 7.3.

use crate::declare_rule;
use crate::document::{Document, Paragraph, Part, RunFormat};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::layout::common::{report_runs, Verdict};
use crate::rules::layout::spec::{is_one_of, size_name, FANGSONG, HEITI, KAITI, SIZE_2HAO, SIZE_3HAO, XIAOBIAOSONG};

declare_rule! {
    /// ## 作用
    /// 检查 .docx 中公文标题的字体字号：2号小标宋体（方正小标宋简体、方正小标宋_GBK 等视为同一字体）。
    /// 字体或字号相同的连续文字只报告一次。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.3.1 规定标题一般用2号小标宋体字，编排于红色分隔线下空二行位置，居中排布。
    ///
    /// ## 示例
    /// ```text
    /// （版式规则只对 .docx 运行：例如标题设为宋体三号）
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// （标题设为方正小标宋简体二号）
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.3.1。
    pub static TITLE_FONT = {
        code: "GW702",
        name: "title-font",
        category: Layout,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "标题用2号小标宋体",
        source: "GB/T 9704—2012 7.3.1",
        skip_in: [Draft, Template],
    };
}

declare_rule! {
    /// ## 作用
    /// 检查 .docx 正文的字体字号：3号仿宋体（仿宋_GB2312、仿宋、FangSong、方正仿宋_GBK 等视为同一
    /// 字体）。报告找到的字体和字号，如“正文字体为宋体（应为仿宋_GB2312）”；相同问题的连续文字只
    /// 报告一次。第一、二层标题由 GW704 检查。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.3.3 规定正文用3号仿宋体字；第三层、第四层标题也用仿宋体。
    ///
    /// ## 示例
    /// ```text
    /// （版式规则只对 .docx 运行：例如正文设为宋体小四）
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// （正文设为仿宋_GB2312三号）
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.3.3、第3章（字号、字体）。
    pub static BODY_FONT = {
        code: "GW703",
        name: "body-font",
        category: Layout,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "正文用3号仿宋体",
        source: "GB/T 9704—2012 7.3.3",
        skip_in: [Draft, Template],
    };
}

declare_rule! {
    /// ## 作用
    /// 检查 .docx 中第一层标题（“一、”）用黑体、第二层标题（“（一）”）用楷体。只看标题本身（到第一个
    /// 句号为止），标题后接的正文由 GW703 检查。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.3.3 规定：文中结构层次序数，第一层用黑体字、第二层用楷体字、第三层和第四层
    /// 用仿宋体字标注。
    ///
    /// ## 示例
    /// ```text
    /// （版式规则只对 .docx 运行：例如“一、总体要求”设为仿宋）
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// （“一、总体要求”设为黑体三号）
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.3.3。
    pub static HEADING_FONT = {
        code: "GW704",
        name: "heading-font",
        category: Layout,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "一级标题用黑体，二级标题用楷体",
        source: "GB/T 9704—2012 7.3.3",
        skip_in: [Draft, Template],
    };
}

fn font_of(run: &RunFormat) -> &str {
    run.east_asia_font.as_deref().unwrap_or("（未设置）")
}

/// Byte length (within the paragraph) of a level 1 or 2 heading's own words: up to the first 。.
fn heading_extent(doc: &Document, p: &Paragraph) -> Option<usize> {
    let h = p.heading.filter(|h| h.level <= 2)?;
    let content = doc.content(p);
    let indent = p.span.start - p.line.start;
    let start_in_content = h.marker.start - p.span.start;
    let end = content[start_in_content..].find('。').map_or(content.len(), |i| start_in_content + i + '。'.len_utf8());
    Some(indent + end)
}

pub struct TitleFont;

impl Rule for TitleFont {
    fn meta(&self) -> &RuleMeta {
        &TITLE_FONT
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let paras: Vec<&Paragraph> = doc.parts(Part::Title).collect();
        report_runs(doc, cx, &paras, |_, run, _| {
            let font = font_of(run);
            if !is_one_of(run.east_asia_font.as_deref(), XIAOBIAOSONG) {
                return Verdict::Finding(format!("标题字体为{font}（应为小标宋体）"), "标题字体".into());
            }
            match run.size {
                Some(s) if s != SIZE_2HAO => {
                    Verdict::Finding(format!("标题字号为{}（应为二号）", size_name(s)), "标题字号".into())
                }
                _ => Verdict::Fine,
            }
        });
    }
}

pub struct BodyFont;

impl Rule for BodyFont {
    fn meta(&self) -> &RuleMeta {
        &BODY_FONT
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let paras: Vec<&Paragraph> = doc
            .paragraphs
            .iter()
            .filter(|p| p.part == Part::Body && doc.format_of(p).is_some_and(|f| !f.in_table))
            .collect();
        report_runs(doc, cx, &paras, |p, run, _| {
            if heading_extent(doc, p).is_some_and(|end| run.start < end) {
                return Verdict::Skip; // GW704 judges the heading's own words.
            }
            if !is_one_of(run.east_asia_font.as_deref(), FANGSONG) {
                return Verdict::Finding(format!("正文字体为{}（应为仿宋_GB2312）", font_of(run)), "正文字体".into());
            }
            match run.size {
                Some(s) if s != SIZE_3HAO => {
                    Verdict::Finding(format!("正文字号为{}（应为三号）", size_name(s)), "正文字号".into())
                }
                _ => Verdict::Fine,
            }
        });
    }
}

pub struct HeadingFont;

impl Rule for HeadingFont {
    fn meta(&self) -> &RuleMeta {
        &HEADING_FONT
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let paras: Vec<&Paragraph> =
            doc.parts(Part::Body).filter(|p| p.heading.is_some_and(|h| h.level <= 2)).collect();
        report_runs(doc, cx, &paras, |p, run, _| {
            let (Some(end), Some(h)) = (heading_extent(doc, p), p.heading) else { return Verdict::Skip };
            if run.start >= end {
                return Verdict::Skip;
            }
            let (names, want, what) =
                if h.level == 1 { (HEITI, "黑体", "一级标题") } else { (KAITI, "楷体", "二级标题") };
            if is_one_of(run.east_asia_font.as_deref(), names) {
                Verdict::Fine
            } else {
                Verdict::Finding(format!("{what}字体为{}（应为{want}）", font_of(run)), format!("{what}字体"))
            }
        });
    }
}
