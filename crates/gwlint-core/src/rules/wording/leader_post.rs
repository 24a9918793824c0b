//! GW617 leader-post: a national leader named with a post he or she did not hold at the
//! document's date (李克强总理 in a 2024 document).

use std::sync::LazyLock;

use crate::declare_rule;
use crate::document::Document;
use crate::roster::{user_roster, Day, Term, LEADERS};
use crate::rule::{Context, Rule, RuleMeta};
use crate::rules::common::{sentence_around, years_in, Occurrences};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查党和国家领导人的姓名和职务是否与成文日期相符：成文日期在2024年的文件写“李克强总理”、
    /// 2022年的文件写“赵乐际委员长”都会报告。职务可以写在姓名前（国务院总理李强）或后（李强总理），
    /// 简称（总理、委员长、副总理、主席）按其可能指的职务核对。“时任”“原”“前”开头的，以及同一句
    /// 写明了任职期间年份的回顾（“2012年，温家宝总理考察……”），不报告。没有成文日期的文稿不检查。
    /// 任职表是版本化的数据（rules/facts/leaders.tsv，2026-11-30 版），每行写明依据的人大决定或
    /// 全会公报。地方领导可在 gwlint.toml 中补充：
    /// `[lint.options.GW617]` 下写 `roster = [{ name = "张三", post = "市长", from = "2021-06-01", to = "2024-01-15" }]`
    /// （`to` 省略表示现任；职务按写法原样匹配，如“张三市长”“市长张三”）。
    ///
    /// ## 原因
    /// 领导人职务写错是严重的政治性差错，沿用旧稿时最容易发生。
    ///
    /// ## 示例
    /// ```text
    /// 平安市人民政府关于贯彻落实全国安全生产电视电话会议精神的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　李克强总理在会上作出重要部署。
    ///
    /// 平安市人民政府
    /// 2024年5月6日
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 平安市人民政府关于贯彻落实全国安全生产电视电话会议精神的通知
    ///
    /// 各县（市、区）人民政府：
    /// 　　李强总理在会上作出重要部署。
    ///
    /// 平安市人民政府
    /// 2024年5月6日
    /// ```
    ///
    /// ## 依据
    /// 历届全国人民代表大会第一次会议关于选举和决定任命的决定；中共中央全会公报。
    pub static LEADER_POST = {
        code: "GW617",
        name: "leader-post",
        category: Wording,
        severity: Warning,
        fix: None,
        scope: AnyText,
        summary: "领导人的职务应与成文日期相符（任职表 2026-11-30）",
        source: "历届全国人大一次会议选举和决定任命的决定；中共中央全会公报",
    };
}

/// How a post is written, longest first, and the posts of the roster each may mean.
const ALIASES: &[(&str, &[&str])] = &[
    ("最高人民检察院检察长", &["最高人民检察院检察长"]),
    ("最高人民法院院长", &["最高人民法院院长"]),
    ("全国人大常委会委员长", &["全国人大常委会委员长"]),
    ("中共中央总书记", &["总书记"]),
    ("全国政协主席", &["全国政协主席"]),
    ("国务院副总理", &["国务院副总理"]),
    ("国务院总理", &["国务院总理"]),
    ("国家副主席", &["国家副主席"]),
    ("国家主席", &["国家主席"]),
    ("国务委员", &["国务委员"]),
    ("委员长", &["全国人大常委会委员长"]),
    ("总书记", &["总书记"]),
    ("副总理", &["国务院副总理"]),
    ("副主席", &["国家副主席"]),
    ("总理", &["国务院总理"]),
    ("主席", &["国家主席", "全国政协主席"]),
];

/// Posts that, written before a name, are as often local ones (工会主席李强, 区政协副主席王勇).
const AMBIGUOUS_BEFORE: &[&str] = &["主席", "副主席"];

pub struct LeaderPost;

/// A way a post is written and the posts it may mean.
struct Alias {
    written: String,
    posts: Vec<String>,
}

/// The alias written at the start (`after`) or end (`!after`) of `s`, spaces allowed between,
/// and the bytes it takes with the spaces.
fn alias_at<'a>(aliases: &'a [Alias], s: &str, after: bool) -> Option<(&'a Alias, usize)> {
    let spaces = |c: char| c == ' ' || c == '\u{3000}';
    let t = if after { s.trim_start_matches(spaces) } else { s.trim_end_matches(spaces) };
    let gap = s.len() - t.len();
    aliases
        .iter()
        .find(|a| if after { t.starts_with(&a.written) } else { t.ends_with(&a.written) })
        .map(|a| (a, gap + a.written.len()))
}

/// The shipped terms and the user's, and every way their posts are written (longest first).
fn roster(user: Vec<Term>) -> Roster {
    let mut terms: Vec<Term> = LEADERS.clone();
    let mut aliases: Vec<Alias> = ALIASES
        .iter()
        .map(|(w, posts)| Alias { written: w.to_string(), posts: posts.iter().map(|p| p.to_string()).collect() })
        .collect();
    for t in user {
        if !aliases.iter().any(|a| a.written == t.post) {
            aliases.push(Alias { written: t.post.clone(), posts: vec![t.post.clone()] });
        }
        terms.push(t);
    }
    aliases.sort_by_key(|a| std::cmp::Reverse(a.written.len()));
    let mut names: Vec<String> = terms.iter().map(|t| t.name.clone()).filter(|n| !n.is_empty()).collect();
    names.sort_unstable();
    names.dedup();
    let occurrences = Occurrences::new(&names);
    Roster { terms, aliases, names, occurrences }
}

/// The terms of office, the words for the posts, and the names to look for (sorted, once each).
struct Roster {
    terms: Vec<Term>,
    aliases: Vec<Alias>,
    names: Vec<String>,
    occurrences: Occurrences,
}

/// The shipped roster, read once (a document with a roster in gwlint.toml reads its own).
static SHIPPED: LazyLock<Roster> = LazyLock::new(|| roster(Vec::new()));

impl Rule for LeaderPost {
    fn meta(&self) -> &RuleMeta {
        &LEADER_POST
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let Some(date) = &doc.elements.date else { return };
        let day: Day = date.value.ordinal();
        // gwlint.toml was checked when it was read (config.rs): a malformed roster never gets here.
        let user = cx.options().map(|o| user_roster(o).unwrap_or_default()).unwrap_or_default();
        let own;
        let roster: &Roster = if user.is_empty() {
            &SHIPPED
        } else {
            own = roster(user);
            &own
        };
        let aliases = &roster.aliases;
        for (name, starts) in roster.names.iter().zip(roster.occurrences.in_document(doc)) {
            if starts.is_empty() {
                continue;
            }
            let terms: Vec<&Term> = roster.terms.iter().filter(|t| &t.name == name).collect();
            for at in starts {
                let end = at + name.len();
                let (alias, span) = if let Some((a, len)) = alias_at(aliases, &doc.text[end..], true) {
                    (a, Span::new(at, end + len))
                } else if let Some((a, len)) = alias_at(aliases, &doc.text[..at], false)
                    .filter(|(a, _)| !AMBIGUOUS_BEFORE.contains(&a.written.as_str()))
                {
                    (a, Span::new(at - len, end))
                } else {
                    continue;
                };
                let (written, posts) = (alias.written.as_str(), &alias.posts);
                // A person who never held any of the posts the words may mean is someone else of
                // the same name (区政协副主席王勇).
                if !terms.iter().any(|t| posts.contains(&t.post)) {
                    continue;
                }
                // 时任, 原, 前 before the mention make it historical.
                let lead = &doc.text[..span.start];
                if ["时任", "原", "前"].iter().any(|w| lead.ends_with(w)) {
                    continue;
                }
                if terms.iter().any(|t| posts.contains(&t.post) && t.covers(day)) {
                    continue;
                }
                // A sentence that names a year of the term is looking back.
                let said = years_in(sentence_around(&doc.text, at));
                let held_then = |y: u32| {
                    terms.iter().any(|t| posts.contains(&t.post) && t.from.0 <= y && t.to.is_none_or(|to| y <= to.0))
                };
                if said.iter().any(|&y| held_then(y)) {
                    continue;
                }
                let held: Vec<String> = terms.iter().map(|t| format!("{}（{}）", t.post, t.span_text())).collect();
                cx.report(span, format!("成文日期{}时，{name}不任{written}", date.value.standard()))
                    .with_label("职务与日期不符")
                    .with_help(format!(
                        "{name}的任职：{}。如指当时的职务，写“时任……”。依据：rules/facts/leaders.tsv（{}版）及 gwlint.toml 中的任职表。",
                        held.join("；"),
                        crate::roster::leaders_version()
                    ));
            }
        }
    }
}
