//! Who asks whom to do what: a clause-level reading of the requests in a 公文's 正文.
//!
//! A request is a *marker* (请, 恳请, 望, 盼, 建议, 特申请 …) followed, in the same clause, by an
//! *action asked of the addressee* (批准, 审批, 拨付, 给予支持, 予以倾斜, 协调解决, 同意 …) — or a
//! request for a reply (盼复, 请予答复). What is not a request for approval:
//!
//! - asking the addressee to read or consider (请审阅, 请阅示, 请审议);
//! - instructions to subordinates (请各单位……, 望你们……, 希望广大干部……);
//! - reported approvals (经市政府批准, 已报请审批, 获批) and third parties' applications (企业申请);
//! - 请 inside another word (申请, 提请, 邀请, 报请, 请示).
//!
//! Asking a superior to approve a text and issue it downward (请批转各地执行, 请转发各区县) is read
//! as its own kind, [`RequestKind::Forward`]: the 呈转性报告 of the 1990s asked exactly this, and
//! since the current 条例 it is a request (a 报告 that asks it carries a 请示事项).
//!
//! Quotation is left to the caller, who knows the document's quotations.
//!
//! Routing rules share this reading: GW202 asks whether a 报告 requests, GW201 how many matters a
//! 请示 asks to have approved, GW209 whether a 函 asks for approval, GW106 whether a text asks at
//! all. Each finding names the request it read.

use regex::Regex;
use std::sync::LazyLock;

use crate::span::Span;

/// What a request asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestKind {
    /// To approve, decide, grant or help (批准, 审批, 拨付, 给予支持, 予以倾斜, 协调解决).
    Approval,
    /// A reply (盼复, 请予答复, 请尽快函复).
    Reply,
    /// To approve the text and issue it downward (请批转各地执行, 请予转发).
    Forward,
}

/// One request read in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// From the marker to the end of the action (absolute).
    pub span: Span,
    /// The marker: 请, 恳请, 望, 建议 …
    pub marker: Span,
    /// The action asked: 批准, 拨付, 予以倾斜 …
    pub action: Span,
    pub kind: RequestKind,
    /// The clause adds the request to another one (一并, 同时, 另外, 此外, 同步, 并请).
    pub bundled: bool,
}

/// Markers that open a request. Longer ones first.
const MARKERS: &[&str] = &[
    "恳请",
    "特请",
    "敬请",
    "谨请",
    "拟请",
    "烦请",
    "务请",
    "恳望",
    "盼望",
    "希望",
    "期望",
    "特申请",
    "现申请",
    "拟申请",
    "故申请",
    "为此申请",
    "请求",
    "建议",
    "请",
    "望",
    "盼",
];

/// Actions asked of the addressee when approving, granting or helping.
static ACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"批准|审批|批示|批复|核准|审定|核定|核示|核拨|拨付|增拨|拨款|追加|下达|安排|给予|予以|",
        r"支持|倾斜|解决|协调|同意|核增|增加|帮助|考虑|帮扶|补助|减免|免除|豁免|审核|把关|指示"
    ))
    .unwrap()
});

/// Requests for a reply, complete in themselves.
static REPLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"盼复|盼予?(?:函复|答复|回复)|请\p{Han}{0,10}?(?:函复|答复|回复|示复)").unwrap());

/// After the marker: asking to read or consider — not to approve.
static NOT_APPROVAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:予)?(?:审阅|阅示|阅知|阅研|阅处|审议|参阅|查收|收阅|查阅|知悉|备案|指正|斧正|赐教)").unwrap()
});

/// After the marker: asking to approve the text and issue it downward.
static FORWARD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:予以?)?(?:批转|转发)").unwrap());

/// After the marker: the ones asked are the sender's subordinates or everyone (an instruction), or
/// a third party (双方, 该组织).
static SUBORDINATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:各|你们|全体|广大|大家|同志们|各位|有关单位|相关单位|所属|下属|双方|各方|两国|该)").unwrap()
});

/// After an action word: it is used as a noun (资金安排上, 批准的事项, 审批工作).
static NOUN_USE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:上|中|方面|的|工作|计划|情况|程序|手续|权限)").unwrap());

/// After 予以/给予: attention, understanding or guidance, which no one approves.
static ATTENTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:高度)?(?:关注|重视|理解|指导|指正|监督)").unwrap());

/// Before the action: a verb or a noun that makes it a noun (加强协调, 统筹协调, 制度安排, 作出安排).
static NOMINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:加强|发挥|推动|促进|做好|强化|统筹|深化|沟通和|制度|作出|做出|总体|具体)$").unwrap()
});

/// The question before a closing request: 妥否，请批示.
static QUESTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:妥否|当否|可否|是否妥当|是否可行|是否同意)[，,]?$").unwrap());

/// An approval already given, before the action: 报经市政府同意, 已经县政府批准.
static REPORTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:报经|业经|已经|经过|(?:^|[，,])经)[^，,。]{0,16}$").unwrap());

/// Words that bundle a request with another one.
static BUNDLED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"一并|同时|另外|此外|同步|并请|另请|另行申请").unwrap());

/// Characters that, before 请, make it part of another word.
fn word_before_qing(c: char) -> bool {
    matches!(c, '申' | '提' | '邀' | '聘' | '宴' | '吁' | '报' | '敬' | '呈' | '声' | '奏' | '恭' | '延' | '约' | '函')
}

/// The clauses of a text: between 。！？； and line ends (commas stay inside: a request often
/// runs over one: “望市卫生健康委在资金安排上，对我县予以倾斜”).
fn clauses(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.char_indices()
        .filter(|(_, c)| matches!(c, '。' | '！' | '？' | '；' | '\n' | ';' | '!' | '?'))
        .map(|(i, c)| (i, c.len_utf8()))
        .chain(std::iter::once((text.len(), 0)))
        .filter_map(move |(end, len)| {
            let clause = (start, &text[start..end]);
            start = end + len;
            (!clause.1.trim().is_empty()).then_some(clause)
        })
}

/// The requests in `text`, whose first byte is at `base`.
pub fn requests(text: &str, base: usize) -> Vec<Request> {
    let mut out = Vec::new();
    for (at, clause) in clauses(text) {
        let bundled = BUNDLED.is_match(clause);
        let abs = |s: usize, e: usize| Span::new(base + at + s, base + at + e);
        if let Some(m) = REPLY.find(clause) {
            let before = clause[..m.start()].chars().next_back();
            let qing = m.as_str().starts_with('请');
            let to_subordinates = qing && SUBORDINATES.is_match(&m.as_str()["请".len()..]);
            if !(to_subordinates || qing && before.is_some_and(word_before_qing)) {
                let marker_end = m.start() + m.as_str().chars().next().map_or(0, char::len_utf8);
                out.push(Request {
                    span: abs(m.start(), m.end()),
                    marker: abs(m.start(), marker_end),
                    action: abs(marker_end, m.end()),
                    kind: RequestKind::Reply,
                    bundled,
                });
                continue;
            }
        }
        if let Some((start, marker, action, kind)) = approval_in(clause) {
            out.push(Request {
                span: abs(start, action.end),
                marker: abs(marker.start, marker.end),
                action: abs(action.start, action.end),
                kind,
                bundled,
            });
        }
    }
    out
}

/// The first marker of a clause followed by an action asked of the addressee: where the request
/// starts, the marker, the action (clause offsets) and what is asked.
fn approval_in(clause: &str) -> Option<(usize, Span, Span, RequestKind)> {
    let mut from = 0;
    while let Some((m_start, marker)) = next_marker(clause, from) {
        let m_end = m_start + marker.len();
        from = m_end;
        let rest = &clause[m_end..];
        if NOT_APPROVAL.is_match(rest) || SUBORDINATES.is_match(rest.trim_start_matches(['，', ','])) {
            continue;
        }
        // “如无不妥，请批转各地执行”: approve and issue downward.
        if let Some(f) = FORWARD.find(rest) {
            let start = QUESTION.find(&clause[..m_start]).map_or(m_start, |q| q.start());
            let action = Span::new(m_end + f.start(), m_end + f.end());
            return Some((start, Span::new(m_start, m_end), action, RequestKind::Forward));
        }
        // The action follows in the clause, within 48 characters of the marker.
        let window_end = rest.char_indices().nth(48).map_or(rest.len(), |(i, _)| i);
        // The first action that is a verb (“资金安排上”, “批准的项目” use it as a noun), with the
        // verb that 予以/给予 introduce (予以倾斜, 给予支持).
        let window = &rest[..window_end];
        // 予以关注, 给予指导: attention or guidance is not an approval.
        let asked = |a: &regex::Match<'_>| {
            let after = &window[a.end()..];
            let attention = matches!(a.as_str(), "予以" | "给予") && ATTENTION.is_match(after);
            !(NOUN_USE.is_match(after) || attention)
        };
        let Some(a) = ACTION.find_iter(window).find(asked) else { continue };
        // 给予200万元经费支持: up to the verb it introduces, within the phrase.
        let after = &window[a.end()..];
        let a_end = match ACTION.find(after) {
            Some(next)
                if matches!(a.as_str(), "予以" | "给予")
                    && after[..next.start()].chars().count() <= 12
                    && !after[..next.start()].contains(['，', ',']) =>
            {
                a.end() + next.end()
            }
            _ => a.end(),
        };
        // “建议” proposes: only a proposal that the superior grant something is a request.
        if marker == "建议" && !grants(a.as_str()) {
            continue;
        }
        // A reported approval inside the window (经……批准, 已批复) is not asked for.
        let lead = &rest[..a.start()];
        // “……请求解除合同的，人民法院应予支持”: a condition and its consequence, not a request.
        let conditional = lead.contains("的，") || lead.contains("的,");
        // 得到……帮助 is received, not asked; 加强协调, 制度安排 are nouns of another verb.
        let received = lead.contains("得到") || lead.contains("获得");
        if lead.ends_with(['经', '已', '获'])
            || REPORTED.is_match(lead)
            || conditional
            || received
            || NOMINAL.is_match(lead)
        {
            continue;
        }
        // “妥否，请批示”: the question belongs to the request.
        let start = QUESTION.find(&clause[..m_start]).map_or(m_start, |q| q.start());
        let action = Span::new(m_end + a.start(), m_end + a_end);
        return Some((start, Span::new(m_start, m_end), action, RequestKind::Approval));
    }
    None
}

/// Actions that give the asker something (a 建议 asking for these is a request).
fn grants(action: &str) -> bool {
    matches!(
        action,
        "拨付"
            | "增拨"
            | "拨款"
            | "追加"
            | "下达"
            | "安排"
            | "给予"
            | "予以"
            | "支持"
            | "倾斜"
            | "核增"
            | "核拨"
            | "补助"
            | "批准"
            | "同意"
            | "减免"
            | "免除"
            | "豁免"
    )
}

/// The next request marker at or after `from`: not inside another word (申请 is a marker only
/// as the sender's own act: 特申请, 现申请).
fn next_marker(clause: &str, from: usize) -> Option<(usize, &'static str)> {
    let mut i = from;
    while i < clause.len() {
        let rest = &clause[i..];
        if let Some(m) = MARKERS.iter().find(|m| rest.starts_with(**m)) {
            let before = clause[..i].chars().next_back();
            let qing_in_word = m.starts_with('请') && before.is_some_and(word_before_qing);
            // 请示 is a 文种, 请求 after 提 is a word; 望 in 希望/展望/愿望 is handled by the
            // longer markers or is no marker (展望, 观望, 失望).
            // 请求 is the sender's own only at the start of a clause or after 特, 现 …; after a
            // noun it reports someone else's (当事人请求……的, 你省请求).
            let others_request =
                *m == "请求" && before.is_some_and(|c| crate::text::is_han(c) && !"特现拟故并另再谨恳".contains(c));
            // 建议 as a noun: 意见和建议, 建议，并……
            let suggestion_noun = *m == "建议"
                && (rest["建议".len()..].starts_with(['，', ',', '。', '、', '书', '稿'])
                    || before.is_some_and(|c| "和及与".contains(c)));
            let inside_word = qing_in_word
                || others_request
                || suggestion_noun
                || (*m == "请" && rest.starts_with("请示"))
                || (*m == "望" && before.is_some_and(|c| "展观失愿声威名德渴眺瞭守探".contains(c)))
                || (*m == "盼"
                    && (before.is_some_and(|c| "期企顾愁所".contains(c)) || rest["盼".len()..].starts_with("什么")))
                || (*m == "建议" && before.is_some_and(|c| "的项条提倡".contains(c)));
            if !inside_word {
                return Some((i, m));
            }
            i += m.len();
            continue;
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    None
}

#[cfg(test)]
mod tests;
