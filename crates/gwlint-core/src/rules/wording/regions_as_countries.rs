//! GW616 regions-as-countries: 香港, 澳门 or 台湾 listed or paired as if a country (美国、台湾等
//! 国家; 中国和台湾; 两岸两国).

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{group_span, GatedRegex};

declare_rule! {
    /// ## 作用
    /// 检查把香港、澳门、台湾当作国家的写法：
    /// - 与外国并列后称“等国家”“等国”（“美国、日本、台湾等国家”），应写“等国家和地区”；
    /// - 与“中国”并列（“中国和台湾”“中国与香港”），应写“大陆和台湾”“内地和香港”；
    /// - 用“两国”称海峡两岸（“两岸两国”“中台两国”）。
    ///
    /// 引号、书名号中的文字不检查（引用错误提法加以批驳的句子不是错误）。
    ///
    /// ## 原因
    /// 香港、澳门、台湾是中国领土的一部分，把它们与国家并列或称为国家是严重的政治性差错。
    ///
    /// ## 示例
    /// ```text
    /// 产品出口美国、日本、台湾等国家，促进中国和香港的经贸往来。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 产品出口美国、日本、中国台湾等国家和地区，促进内地和香港的经贸往来。
    /// ```
    ///
    /// ## 依据
    /// 《中华人民共和国宪法》序言；新华社《新闻信息报道中的禁用词和慎用词》（2016年修订）。
    pub static REGIONS_AS_COUNTRIES = {
        code: "GW616",
        name: "regions-as-countries",
        category: Wording,
        severity: Warning,
        fix: None,
        scope: AnyText,
        summary: "不把香港、澳门、台湾与国家并列或称为国家",
        source: "《中华人民共和国宪法》序言；新华社《新闻信息报道中的禁用词和慎用词》",
    };
}

/// 香港, 澳门 or 台湾 as an item of a list closed by 等国家 or 等国 (and what follows, to leave
/// 等国家和地区 alone).
static LISTED: GatedRegex = GatedRegex::new(
    &["香港", "澳门", "台湾"],
    r"(?P<region>香港|澳门|台湾)(?:地区)?(?:、[^，。；：、]{1,12}){0,8}等(?P<country>国家|国)(?P<after>.{0,3})",
);
/// 中国 paired with one of them.
static PAIRED: GatedRegex =
    GatedRegex::new(&["香港", "澳门", "台湾"], r"中国(?:和|与|同|及|、)(?P<region>香港|澳门|台湾)");
/// The two sides of the strait called two countries.
static TWO_STATES: GatedRegex = GatedRegex::new(&["两国"], r"(?:两岸两国|中台两国|(?:大陆|中国)(?:和|与)台湾两国)");

pub struct RegionsAsCountries;

impl Rule for RegionsAsCountries {
    fn meta(&self) -> &RuleMeta {
        &REGIONS_AS_COUNTRIES
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let quoted = |at: usize| doc.elements.quotations.contains(at);
        for (p, c, _) in LISTED.paragraph_matches(doc) {
            let region = c.name("region").expect("group");
            // The list must be one: 香港 right after 、 or at the start of its clause.
            let before = doc.content(p)[..region.start()].chars().next_back();
            let in_list = c.get(0).is_some_and(|m| m.as_str().contains('、')) || before == Some('、');
            let and_regions =
                ["和地区", "及地区", "（地区", "(地区", "和经济体"].iter().any(|w| c["after"].starts_with(w));
            let span = group_span(p, region);
            if !in_list || and_regions || quoted(span.start) {
                continue;
            }
            cx.report(span, format!("{}与国家并列，后称“等{}”", region.as_str(), &c["country"]))
                .with_label("不是国家")
                .with_help("写作“等国家和地区”，或写明“中国香港”“中国台湾”。");
        }
        for (p, c, span) in PAIRED.paragraph_matches(doc) {
            if quoted(span.start) {
                continue;
            }
            let region = &c["region"];
            let right = if region == "台湾" { "大陆和台湾" } else { "内地和香港、澳门" };
            cx.report(group_span(p, c.get(0).expect("match")), format!("“中国”与{region}并列"))
                .with_label("不能与中国并列")
                .with_help(format!("写作“{right}”。"));
        }
        for (_, _, span) in TWO_STATES.paragraph_matches(doc) {
            if quoted(span.start) {
                continue;
            }
            cx.report(span, "海峡两岸不能称“两国”").with_label("不是两国").with_help("写作“两岸”“大陆和台湾”。");
        }
    }
}
