//! GW111 title-issuer-signature: the issuer named in the title is not the organ that signs.

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{title_paragraphs, title_text};
use crate::text::strip_spaces;

declare_rule! {
    /// ## 作用
    /// 检查标题中的发文机关与发文机关署名是否一致：标题写“平安市人民政府关于……”，署名却是
    /// “平安市人民政府办公室”，或署名是另一个机关。规范简称与全称视为一致（发展改革委／发展和改革
    /// 委员会、市场监管局／市场监督管理局），标题可省略署名中的上级地名（奉贤区发展改革委／上海市
    /// 奉贤区发展和改革委员会）；联合行文时，标题中任一机关出现在署名中即可。标题不写发文机关、
    /// 署名是个人或没有署名的，不检查。
    ///
    /// ## 原因
    /// GB/T 9704—2012 7.3.1、7.3.5 规定标题由发文机关名称、事由和文种组成，署名署发文机关全称或
    /// 规范化简称。两处机关不一致，文件由谁发出就不清楚了，多是套用其他机关的旧稿。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　现就做好防汛工作通知如下。
    ///
    /// 平安市人民政府办公室
    /// 2025年5月6日
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府办公室关于做好防汛工作的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　现就做好防汛工作通知如下。
    ///
    /// 平安市人民政府办公室
    /// 2025年5月6日
    /// ```
    ///
    /// ## 依据
    /// GB/T 9704—2012 7.3.1、7.3.5。
    pub static TITLE_ISSUER_SIGNATURE = {
        code: "GW111",
        name: "title-issuer-signature",
        category: Structure,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "标题中的发文机关应与署名一致",
        source: "GB/T 9704—2012 7.3.1、7.3.5",
    };
}

/// Full and customary short forms read alike: 和 dropped (发展和改革 = 发展改革), 委员会 = 委,
/// 人民政府 = 政府, 监督管理 = 监管, 管委会 = 管理委.
fn canonical(name: &str) -> String {
    strip_spaces(name)
        .replace("中华人民共和国", "")
        .replace('和', "")
        .replace("管委会", "管理委")
        .replace("委员会", "委")
        .replace("人民政府", "政府")
        .replace("监督管理", "监管")
}

/// The kind of organ a name ends with (政府, 办公室, 委, 局 …), after [`canonical`].
fn kind(name: &str) -> Option<&'static str> {
    const KINDS: &[&str] =
        &["办公室", "办公厅", "政府", "委", "局", "厅", "部", "署", "院", "中心", "公司", "集团", "办"];
    KINDS.iter().find(|k| name.ends_with(*k)).copied()
}

/// The place a name starts with, up to its first 省, 市, 县 or 区 (平安市, 平安市长河区).
fn place(name: &str) -> Option<&str> {
    name.char_indices().find(|(_, c)| matches!(c, '省' | '市' | '县' | '区')).map(|(i, c)| &name[..i + c.len_utf8()])
}

/// Whether two organ names may be one organ: equal or one ending the other (a place left out),
/// or of the same kind in the same place (宁川市国资委 and 宁川市人民政府国有资产监督管理委员会:
/// short and full names this rule cannot expand are given the benefit of the doubt).
fn same_organ(a: &str, b: &str) -> bool {
    let (a, b) = (canonical(a), canonical(b));
    if a.is_empty() || b.is_empty() || a.ends_with(&b) || b.ends_with(&a) {
        return true;
    }
    let same_place = match (place(&a), place(&b)) {
        (Some(x), Some(y)) => x == y || x.ends_with(y) || y.ends_with(x),
        _ => true,
    };
    let (Some(k), true) = (kind(&a), same_place && kind(&a) == kind(&b)) else { return false };
    // An abbreviation keeps characters of the full name in order (国资委 in 国有资产监督管理委员会,
    // 发改委 in 发展改革委): the shorter middle must be a subsequence of the longer.
    let middle = |n: &str| {
        let n = n.strip_suffix(k).unwrap_or(n);
        place(n).map_or(n, |p| &n[p.len()..]).to_string()
    };
    let (x, y) = (middle(&a), middle(&b));
    let (short, long) = if x.chars().count() <= y.chars().count() { (x, y) } else { (y, x) };
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|d| d == c))
}

pub struct TitleIssuerSignature;

impl Rule for TitleIssuerSignature {
    fn meta(&self) -> &RuleMeta {
        &TITLE_ISSUER_SIGNATURE
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let title = title_text(doc);
        let Some(at) = title.find("关于") else { return };
        let mut issuer = &title[..at];
        // 转发/批转/印发 before 关于 belongs to the subject: the issuer stands before it.
        for w in ["转发", "批转", "印发"] {
            if let Some(i) = issuer.find(w) {
                issuer = &issuer[..i];
            }
        }
        let named: Vec<&str> = issuer.split(['、', '，']).map(str::trim).filter(|s| s.chars().count() >= 3).collect();
        let signers: Vec<&str> = doc.elements.signature.iter().map(|o| doc.slice(o.span).trim()).collect();
        if named.is_empty() || signers.is_empty() {
            return;
        }
        // A 署名 line may hold several organs separated by spaces (joint documents).
        let signed: Vec<String> = signers
            .iter()
            .flat_map(|l| {
                l.split([' ', '\u{3000}', '、']).filter(|s| !s.is_empty()).map(str::to_string).collect::<Vec<_>>()
            })
            .chain(signers.iter().map(|l| l.to_string()))
            .collect();
        // Only organs: a person's name is GW205's business.
        if !signed.iter().any(|s| crate::document::elements::ends_like_organ(s) || s.ends_with("政府")) {
            return;
        }
        if named.iter().any(|n| signed.iter().any(|s| same_organ(n, s))) {
            return;
        }
        let Some(first) = title_paragraphs(doc).first().map(|p| p.span) else { return };
        let Some(sig) = doc.elements.signature.first() else { return };
        let shown: Vec<String> = signers.iter().map(|s| strip_spaces(s).into_owned()).collect();
        cx.report(first, format!("标题中的发文机关“{issuer}”与署名“{}”不一致", shown.join("、")))
            .with_label("发文机关")
            .with_secondary(sig.span, "署名")
            .with_help("标题和署名应是同一机关（署名用全称或规范化简称）；联合行文时写明各机关。");
    }
}
