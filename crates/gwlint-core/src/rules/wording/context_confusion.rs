//! GW602 context-confusion: words right in one context and wrong in another (截止/截至, 形势/形式).

use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::wording::word_patterns::{report_word_patterns, WordPattern};

declare_rule! {
    /// ## 作用
    /// 检查在特定搭配中用错的易混词：“截止2024年底”应为“截至”；“当前形式严峻”应为“形势”；
    /// “公民的权力”应为“权利”、“国家权利机关”应为“权力机关”；“反应问题”应为“反映”；“起用新印章”
    /// 应为“启用”。只在确定的搭配中报告（精确优先），修改需人工确认。
    ///
    /// ## 原因
    /// 这些词单独看都是正确的词，错在搭配：“截至”后接时间，“截止”表示到期停止；“形势”指事物
    /// 发展的状况，“形式”指外在样式；“权利”是依法享有的利益，“权力”是支配的力量；“反映”是
    /// 把情况告诉上级，“反应”是受刺激后的变化；“启用”指开始使用物品，“起用”指任用人员。
    ///
    /// ## 示例
    /// ```text
    /// 截止2024年底，全市共受理群众反应问题1200件。当前形式依然严峻。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 截至2024年底，全市共受理群众反映问题1200件。当前形势依然严峻。
    /// ```
    ///
    /// ## 依据
    /// 《现代汉语词典》（第7版）；《党政机关公文处理工作条例》第二十条（四）。
    pub static CONTEXT_CONFUSION = {
        code: "GW602",
        name: "context-confusion",
        category: Wording,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "易混词在特定搭配中用错（截至/截止、形势/形式等）",
        source: "《现代汉语词典》（第7版）",
    };
}

static PATTERNS: LazyLock<Vec<WordPattern>> = LazyLock::new(|| {
    let p = WordPattern::new;
    vec![
        p(
            r"(?P<w>截止)(?:[0-9]|目前|今年|去年|本月|上月|本周|当前|现在|年底|年末|发稿|[一二三四五六七八九十]+月)",
            "截至",
            "表示“到某时为止”用“截至”，其后接时间；“截止”表示到期停止，如“报名于5月1日截止”",
        ),
        p(r"(?:当前|目前|国际|国内|安全|疫情|防控)(?P<w>形式)", "形势", "指事物发展的状况用“形势”"),
        p(r"(?P<w>形式)(?:严峻|复杂|逼人|喜人|好转|向好|依然严峻|十分严峻)", "形势", "指事物发展的状况用“形势”"),
        p(
            r"(?:公民|群众|消费者|劳动者|妇女|儿童|合法|民主|基本|知情|选举|被选举|财产)的?(?P<w>权力)",
            "权利",
            "依法享有的利益用“权利”",
        ),
        p(r"(?:国家|最高)(?P<w>权利)机关", "权力", "人民代表大会是国家权力机关"),
        p(r"(?P<w>反应)(?:情况|问题|意见|诉求|建议|民意|呼声)", "反映", "把情况、意见告诉上级用“反映”"),
        p(
            r"(?P<w>起用)(?:新印章|印章|公章|新版|系统|平台|办公楼)",
            "启用",
            "开始使用物品、设施用“启用”；“起用”指任用人员",
        ),
    ]
});

pub struct ContextConfusion;

impl Rule for ContextConfusion {
    fn meta(&self) -> &RuleMeta {
        &CONTEXT_CONFUSION
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        report_word_patterns(doc, cx, &PATTERNS, "应为", |w, right| format!("此处“{w}”应为“{right}”"));
    }
}
