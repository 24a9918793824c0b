//! GW610 usage-preference: forms that current 公文 usage prefers where the dictionary accepts
//! both (其他 over 其它, 作出决定, 制定政策, 划清界限). Advice, at info level.

use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::wording::word_patterns::{report_word_patterns, WordPattern};

declare_rule! {
    /// ## 作用
    /// 提示现行公文用法更推荐的写法：统一用“其他”，不用“其它”；“作出”决定、部署、贡献（抽象
    /// 事物用“作出”）；“制定”法律、政策、制度、标准（“制订”多用于计划、方案）；“划清界限”“是非
    /// 界限”（抽象事物的分界用“界限”）。两种写法词典都收，所以只作提示，不算错误。
    ///
    /// ## 原因
    /// 《现代汉语词典》（第7版）把“其它”列为“其他”的异形写法，公文宜统一用“其他”；“作出”
    /// 用于抽象事物（作出决定、作出贡献），“做出”多用于具体物品；“制定”指定出法律、规程、政策，
    /// “制订”指创制拟定计划、方案；“界限”指不同事物的分界，“界线”多指地区之间的分界线。同一
    /// 文件中写法统一，也便于审核。
    ///
    /// ## 示例
    /// ```text
    /// 省政府做出部署，要求制订配套政策，划清是非界线，其它事项另行通知。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 省政府作出部署，要求制定配套政策，划清是非界限，其他事项另行通知。
    /// ```
    ///
    /// ## 依据
    /// 《现代汉语词典》（第7版）“其他”“作出”“制定”“界限”条。
    pub static USAGE_PREFERENCE = {
        code: "GW610",
        name: "usage-preference",
        category: Wording,
        severity: Info,
        fix: Always,
        scope: AnyText,
        summary: "现行公文用法推荐的写法（其他、作出决定、制定政策、划清界限）",
        source: "《现代汉语词典》（第7版）",
    };
}

static PATTERNS: LazyLock<Vec<WordPattern>> = LazyLock::new(|| {
    let p = WordPattern::new;
    vec![
        p(r"(?P<w>其它)", "其他", "《现代汉语词典》（第7版）把“其它”列为“其他”的异形写法，公文宜统一用“其他”"),
        p(
            r"(?P<w>做出)(?:了|过)?(?:新的?|重大|重要|积极|突出|更大|应有的?|相应的?|明确的?|书面)?(?:决定|决策|决议|部署|安排|规定|指示|批示|承诺|判断|评价|评估|回应|答复|解释|说明|批复|调整|贡献|努力|处理|处罚|处分)",
            "作出",
            "决定、部署、贡献等抽象事物用“作出”",
        ),
        p(
            r"(?P<w>制订)(?:了|出)?(?:相关|有关|配套|具体|地方性|专门|统一)?(?:的)?(?:法律|法规|规章|政策|制度|标准|条例|办法|规定|章程|规则)",
            "制定",
            "定出法律、法规、政策、制度、标准用“制定”；“制订”多用于计划、方案",
        ),
        p(
            r"(?:划清|分清|混淆|模糊|是非|敌我|评判|罪与非罪的?)(?P<w>界线)",
            "界限",
            "不同事物的分界用“界限”；“界线”多指地区之间的分界线",
        ),
    ]
});

pub struct UsagePreference;

impl Rule for UsagePreference {
    fn meta(&self) -> &RuleMeta {
        &USAGE_PREFERENCE
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        report_word_patterns(doc, cx, &PATTERNS, "宜为", |w, right| {
            format!("用法建议：此处宜用“{right}”，不用“{w}”")
        });
    }
}
