//! GW204 addressed-to-leader: documents go to organs, not to leaders personally.

use regex::Regex;
use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## 作用
    /// 检查主送机关是否写成了领导者个人，如“王市长：”“刘书记、王市长：”“陈刚同志：”“尊敬的
    /// 刘市长：”“报：县政府李县长”“呈张局长阅示：”。
    /// 答复人大代表建议、政协委员提案的答复或复函按惯例主送提出人，不检查。
    ///
    /// ## 原因
    /// 《党政机关公文处理工作条例》第十五条（五）规定，除上级机关负责人直接交办事项外，不得以本机关
    /// 名义向上级机关负责人报送公文；公文应当主送机关。上级机关负责人直接交办的事项，可在该行用
    /// 抑制注释说明理由。
    ///
    /// ## 示例
    /// ```text
    /// 平安市审计局关于开展市级部门预算执行审计的请示
    ///
    /// 刘书记、王市长：
    /// 　　妥否，请批示。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市审计局关于开展市级部门预算执行审计的请示
    ///
    /// 市人民政府：
    /// 　　妥否，请批示。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第十五条（五）。
    pub static ADDRESSED_TO_LEADER = {
        code: "GW204",
        name: "addressed-to-leader",
        category: Routing,
        severity: Warning,
        fix: None,
        scope: Gongwen,
        summary: "公文不得主送领导者个人",
        source: "《党政机关公文处理工作条例》第十五条（五）",
    };
}

/// The posts (and 同志) a leader's name ends with, and whether a deputy (副) holds the post too.
const POSTS: &[(&str, bool)] = &[
    ("书记", true),
    ("市长", true),
    ("省长", true),
    ("县长", true),
    ("区长", true),
    ("镇长", true),
    ("乡长", true),
    ("局长", true),
    ("厅长", true),
    ("部长", true),
    ("主任", true),
    ("处长", true),
    ("科长", true),
    ("院长", true),
    ("校长", true),
    ("董事长", false),
    ("总经理", false),
    ("秘书长", false),
    ("主席", true),
    ("同志", false),
];

/// A person: a name or surname followed by a post or 同志 (王市长, 陈刚同志, 市委刘书记).
static LEADER: LazyLock<Regex> = LazyLock::new(|| {
    let posts: Vec<String> =
        POSTS.iter().map(|&(post, deputy)| if deputy { format!("副?{post}") } else { post.to_string() }).collect();
    Regex::new(&format!(r"^\p{{Han}}{{0,8}}?\p{{Han}}{{1,3}}(?:{})$", posts.join("|"))).unwrap()
});

/// Whether `name` is a person's ([`LEADER`]). Every such name ends with a post: a name that does
/// not (an organ's, most addressees) is told so without the pattern, whose classes of every Han
/// character make a search cost thousands of instructions.
fn names_a_leader(name: &str) -> bool {
    POSTS.iter().any(|(post, _)| name.ends_with(post)) && LEADER.is_match(name)
}

/// Words of submission around a leader's name: 呈……阅示, 报……审阅, ……亲启.
static SUBMITTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:呈报|呈送|报送|呈|报|送|致)|(?:阅示|阅批|批示|审阅|审批|阅处|亲启|钧鉴|阅)$").unwrap()
});

pub struct AddressedToLeader;

impl Rule for AddressedToLeader {
    fn meta(&self) -> &RuleMeta {
        &ADDRESSED_TO_LEADER
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        if crate::rules::common::answers_proposal(doc) {
            return;
        }
        for organ in &doc.elements.addressees {
            let name = organ.name.as_str();
            // “呈张局长阅示”: the leader without the words of submission around the name.
            let bare = SUBMITTED.replace_all(name, "");
            if bare.chars().count() <= 12 && names_a_leader(&bare) {
                cx.report(organ.span, format!("公文主送了领导者个人“{name}”，应主送机关"))
                    .with_label("领导者个人")
                    .with_help("公文应主送机关；除上级机关负责人直接交办的事项外，不得以本机关名义向上级机关负责人报送公文。直接交办的，可用抑制注释说明。");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern made from the posts is the one written out before, and the test of the post a
    /// name ends with answers as the pattern does: names before every post, as deputies, with a
    /// word after, of organs, too long and too short, and the addressees of real documents.
    #[test]
    fn the_post_a_name_ends_with_tells_what_the_pattern_does() {
        let written = Regex::new(concat!(
            r"^\p{Han}{0,8}?\p{Han}{1,3}(?:副?书记|副?市长|副?省长|副?县长|副?区长|副?镇长|副?乡长|副?局长|副?厅长|",
            r"副?部长|副?主任|副?处长|副?科长|副?院长|副?校长|董事长|总经理|秘书长|副?主席|同志)$"
        ))
        .unwrap();
        let mut names: Vec<String> = Vec::new();
        for before in ["", "王", "陈刚", "市委刘", "尊敬的张", "各区人民政府办公厅", "A", "王 "] {
            for (post, _) in POSTS {
                for (deputy, after) in [("", ""), ("副", ""), ("", "："), ("常务副", ""), ("", "们")] {
                    names.push(format!("{before}{deputy}{post}{after}"));
                }
            }
        }
        names.extend(
            ["各区人民政府", "市政府各委、办、局", "长", "副", "市长", "董事", "经理", "同志们"].map(String::from),
        );
        let doc = include_str!("../../../../../fixtures/rules/GW204/fires_leaders.txt");
        names.extend(doc.lines().map(|l| l.trim_end_matches(['：', ':']).to_string()));
        assert_eq!(LEADER.as_str(), written.as_str());
        let mut leaders = 0;
        for name in &names {
            assert_eq!(names_a_leader(name), written.is_match(name), "{name}");
            leaders += usize::from(written.is_match(name));
        }
        assert_eq!(leaders, 336);
    }
}
