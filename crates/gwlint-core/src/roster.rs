//! Dated facts the content rules check a document against: who held which national post when
//! (`rules/facts/leaders.tsv`), which organ names were abolished when (`rules/facts/organs.tsv`),
//! the current organ names (`national-organs.tsv`, `local-organs.tsv`) and the numbers of fixed
//! formulations (`numeric-formulations.tsv`). The tables are versioned text in the repository,
//! read once on first use (a few dozen lines each); `tests/facts.rs` checks their format and
//! dates.

use std::sync::LazyLock;

/// A date as (year, month, day), comparable.
pub type Day = (u32, u32, u32);

/// The version line of a table: its first line that says 版本.
fn version(text: &str) -> &str {
    text.lines().find_map(|l| l.split("版本").nth(1)).map_or("", str::trim)
}

/// A YYYY-MM-DD date.
pub fn parse_day(s: &str) -> Option<Day> {
    let mut it = s.split('-').map(|p| p.parse::<u32>().ok());
    let day = (it.next()??, it.next()??, it.next()??);
    (it.next().is_none() && (1..=12).contains(&day.1) && (1..=31).contains(&day.2)).then_some(day)
}

/// One term of office.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub name: String,
    pub post: String,
    pub from: Day,
    /// None: in office.
    pub to: Option<Day>,
}

impl Term {
    /// Whether the term covers `day` (the first day counts, the last does not: the successor
    /// takes office that day).
    pub fn covers(&self, day: Day) -> bool {
        self.from <= day && self.to.is_none_or(|t| day < t)
    }

    /// The term as Chinese text: 2013年3月15日至2023年3月11日.
    pub fn span_text(&self) -> String {
        let show = |d: Day| format!("{}年{}月{}日", d.0, d.1, d.2);
        match self.to {
            Some(t) => format!("{}至{}", show(self.from), show(t)),
            None => format!("{}起", show(self.from)),
        }
    }
}

const LEADERS_TSV: &str = include_str!("../../../rules/facts/leaders.tsv");
const APPOINTMENTS_TSV: &str = include_str!("../../../rules/facts/sources/appointments.tsv");
const ORGANS_TSV: &str = include_str!("../../../rules/facts/organs.tsv");
const NATIONAL_ORGANS_TSV: &str = include_str!("../../../rules/facts/national-organs.tsv");
const LOCAL_ORGANS_TSV: &str = include_str!("../../../rules/facts/local-organs.tsv");
const STATUTORY_BODIES_TSV: &str = include_str!("../../../rules/facts/statutory-bodies.tsv");
const FORMULATIONS_TSV: &str = include_str!("../../../rules/facts/numeric-formulations.tsv");

/// The data lines of a table: not comments, not blank, split at tabs.
fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

/// Every term of `rules/facts/leaders.tsv`, or the first malformed line.
pub fn parse_leaders(text: &str) -> Result<Vec<Term>, String> {
    let mut out = Vec::new();
    for (line, cols) in rows(text) {
        let [name, post, from, to, source] = cols[..] else {
            return Err(format!("第{line}行应有5列（姓名、职务、起、止、依据）"));
        };
        let from = parse_day(from).ok_or_else(|| format!("第{line}行的起始日期“{from}”不是YYYY-MM-DD"))?;
        let to = if to.is_empty() {
            None
        } else {
            Some(parse_day(to).ok_or_else(|| format!("第{line}行的终止日期“{to}”不是YYYY-MM-DD"))?)
        };
        if to.is_some_and(|t| t <= from) || name.is_empty() || post.is_empty() || source.is_empty() {
            return Err(format!("第{line}行：姓名、职务、依据不能为空，终止日期应晚于起始日期"));
        }
        out.push(Term { name: name.into(), post: post.into(), from, to });
    }
    Ok(out)
}

/// One election, appointment or removal of `rules/facts/sources/appointments.tsv`.
#[derive(Clone, Debug, PartialEq)]
pub struct Appointment {
    pub day: Day,
    pub post: String,
    pub names: Vec<String>,
    /// 免: the terms end; otherwise (任) the names hold the post from this day and everyone
    /// else who held it stops.
    pub removal: bool,
    pub source: String,
}

/// The appointments of `rules/facts/sources/appointments.tsv`, or the first malformed line.
pub fn parse_appointments(text: &str) -> Result<Vec<Appointment>, String> {
    let mut out = Vec::new();
    for (line, cols) in rows(text) {
        let [day, post, names, kind, source] = cols[..] else {
            return Err(format!("第{line}行应有5列（日期、职务、姓名、事件、依据）"));
        };
        let day = parse_day(day).ok_or_else(|| format!("第{line}行的日期“{day}”不是YYYY-MM-DD"))?;
        let removal = match kind {
            "任" => false,
            "免" => true,
            other => return Err(format!("第{line}行的事件应为“任”或“免”，不是“{other}”")),
        };
        let names: Vec<String> = names.split('、').map(str::to_string).collect();
        if post.is_empty() || source.is_empty() || names.iter().any(String::is_empty) {
            return Err(format!("第{line}行：职务、姓名、依据不能为空"));
        }
        out.push(Appointment { day, post: post.into(), names, removal, source: source.into() });
    }
    Ok(out)
}

/// The terms of office the appointments give, each with the sources that opened, renewed or
/// ended it, grouped by post (in the order posts first appear) and by start. An appointment
/// earlier than the one before it, or a removal of someone not in office, is an error.
pub fn terms_from_appointments(events: &[Appointment]) -> Result<Vec<(Term, Vec<String>)>, String> {
    let mut terms: Vec<(Term, Vec<String>)> = Vec::new();
    // Each post's latest record so far: a post's records go in date order.
    let mut posts: Vec<(&str, Day)> = Vec::new();
    for e in events {
        match posts.iter_mut().find(|(p, _)| *p == e.post) {
            Some((_, last)) if e.day < *last => {
                return Err(format!("{}：{}的记录应按日期先后排列", show_day(e.day), e.post));
            }
            Some((_, last)) => *last = e.day,
            None => posts.push((&e.post, e.day)),
        }
        let open = |terms: &[(Term, Vec<String>)], name: &str| {
            terms.iter().position(|(t, _)| t.post == e.post && t.name == name && t.to.is_none())
        };
        if e.removal {
            for name in &e.names {
                let k = open(&terms, name).ok_or_else(|| format!("{}：{name}此前没有任{}", show_day(e.day), e.post))?;
                terms[k].0.to = Some(e.day);
                terms[k].1.push(e.source.clone());
            }
            continue;
        }
        for (t, sources) in terms.iter_mut().filter(|(t, _)| t.post == e.post && t.to.is_none()) {
            if !e.names.contains(&t.name) {
                t.to = Some(e.day);
                sources.push(e.source.clone());
            }
        }
        for name in &e.names {
            match open(&terms, name) {
                Some(k) => terms[k].1.push(e.source.clone()),
                None => terms.push((
                    Term { name: name.clone(), post: e.post.clone(), from: e.day, to: None },
                    vec![e.source.clone()],
                )),
            }
        }
    }
    let mut ordered = Vec::with_capacity(terms.len());
    for (post, _) in posts {
        let mut of_post: Vec<(usize, &(Term, Vec<String>))> =
            terms.iter().enumerate().filter(|(_, (t, _))| t.post == post).collect();
        of_post.sort_by_key(|(i, (t, _))| (t.from, *i));
        ordered.extend(of_post.into_iter().map(|(_, t)| t.clone()));
    }
    Ok(ordered)
}

fn show_day(d: Day) -> String {
    format!("{:04}-{:02}-{:02}", d.0, d.1, d.2)
}

/// `rules/facts/leaders.tsv` as the appointments give it.
pub fn render_leaders(version: &str, terms: &[(Term, Vec<String>)]) -> String {
    let mut out = format!("# gwlint 党和国家领导人任职表 — 版本 {version}\n");
    out.push_str("# 由 rules/facts/sources/appointments.tsv 生成，不要手改：改那里的记录后运行\n");
    out.push_str("# cargo run -p gwlint-dev --bin gwlint-facts（tests/facts.rs 检查两者一致）。\n");
    out.push_str("# 每行：姓名<TAB>职务<TAB>任职起<TAB>任职止（空＝现任）<TAB>依据（选举、任命、连任、免职的文件）\n");
    out.push_str("# 日期为当选或决定任命之日、下一任当选之日或免职之日。\n");
    for (t, sources) in terms {
        let mut seen: Vec<&str> = Vec::new();
        for s in sources {
            if !seen.contains(&s.as_str()) {
                seen.push(s);
            }
        }
        let to = t.to.map(show_day).unwrap_or_default();
        out.push_str(&format!("{}\t{}\t{}\t{to}\t{}\n", t.name, t.post, show_day(t.from), seen.join("；")));
    }
    out
}

/// leaders.tsv rebuilt from the shipped appointments.
pub fn leaders_from_shipped_appointments() -> Result<String, String> {
    let events = parse_appointments(APPOINTMENTS_TSV)?;
    Ok(render_leaders(version(APPOINTMENTS_TSV), &terms_from_appointments(&events)?))
}

/// An organ name no longer in use, with what replaced it.
#[derive(Clone, Debug, PartialEq)]
pub struct AbolishedOrgan {
    /// The name as written (full name or its customary short form).
    pub name: String,
    pub successor: String,
    /// From this day on a document naming the organ as current is out of date (the reform's
    /// transition over: the end of the year the new organ was set up).
    pub out_of_use: Day,
    /// Whether the name also ends a local organ's name (…省国土资源厅, 区环保局): matched after
    /// a place name as well as alone.
    pub local: bool,
}

/// Every entry of `rules/facts/organs.tsv`, or the first malformed line.
pub fn parse_organs(text: &str) -> Result<Vec<AbolishedOrgan>, String> {
    let mut out = Vec::new();
    for (line, cols) in rows(text) {
        let [name, successor, day, scope, source] = cols[..] else {
            return Err(format!("第{line}行应有5列（名称、现名称、停用日期、范围、依据）"));
        };
        let out_of_use = parse_day(day).ok_or_else(|| format!("第{line}行的日期“{day}”不是YYYY-MM-DD"))?;
        let local = match scope {
            "中央" => false,
            "地方" => true,
            other => return Err(format!("第{line}行的范围应为“中央”或“地方”，不是“{other}”")),
        };
        if name.is_empty() || successor.is_empty() || source.is_empty() {
            return Err(format!("第{line}行：名称、现名称、依据不能为空"));
        }
        out.push(AbolishedOrgan { name: name.into(), successor: successor.into(), out_of_use, local });
    }
    Ok(out)
}

/// The names of a table of current organ names (`national-organs.tsv`, `local-organs.tsv`,
/// `statutory-bodies.tsv`: name, kind or level, source), each at least `min_chars` characters,
/// or the first malformed line.
pub fn parse_organ_names(text: &str, min_chars: usize) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for (line, cols) in rows(text) {
        let [name, kind, source] = cols[..] else {
            return Err(format!("第{line}行应有3列（名称、类别或层级、依据）"));
        };
        if name.chars().count() < min_chars || kind.is_empty() || source.is_empty() {
            return Err(format!("第{line}行：名称至少{min_chars}个字，类别或层级、依据不能为空"));
        }
        out.push(name.to_string());
    }
    Ok(out)
}

/// The shortest name of the national table (three-character names differ by one character
/// from too many local organs and words).
pub const NATIONAL_MIN_CHARS: usize = 4;
/// The shortest name of the local table (教育局, 民政厅 differ by one character from too many
/// words).
pub const LOCAL_MIN_CHARS: usize = 5;

/// The shipped list of current national organ names.
pub static NATIONAL_ORGANS: LazyLock<Vec<String>> =
    LazyLock::new(|| parse_organ_names(NATIONAL_ORGANS_TSV, NATIONAL_MIN_CHARS).unwrap_or_default());

/// The shipped list of current local organ names without their place (自然资源厅, 生态环境局).
pub static LOCAL_ORGANS: LazyLock<Vec<String>> =
    LazyLock::new(|| parse_organ_names(LOCAL_ORGANS_TSV, LOCAL_MIN_CHARS).unwrap_or_default());

/// The shortest name of the statutory bodies table (as for local organs, for the same reason).
pub const BODIES_MIN_CHARS: usize = LOCAL_MIN_CHARS;

/// The shipped list of the names of bodies set up by law or Party rules, without their place
/// (村务监督委员会, 纪律检查委员会).
pub static STATUTORY_BODIES: LazyLock<Vec<String>> =
    LazyLock::new(|| parse_organ_names(STATUTORY_BODIES_TSV, BODIES_MIN_CHARS).unwrap_or_default());

/// The version (date) of the national organs table.
pub fn national_organs_version() -> &'static str {
    version(NATIONAL_ORGANS_TSV)
}

/// The version (date) of the local organs table.
pub fn local_organs_version() -> &'static str {
    version(LOCAL_ORGANS_TSV)
}

/// The version (date) of the statutory bodies table.
pub fn statutory_bodies_version() -> &'static str {
    version(STATUTORY_BODIES_TSV)
}

/// One piece of a formulation's template.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Piece {
    /// This character.
    Char(char),
    /// A Chinese numeral (一 … 十, 两).
    Numeral,
    /// Up to `MAX_GAP` characters of the same sentence.
    Gap,
}

/// The Chinese numerals a formulation's slot takes.
pub const NUMERALS: &str = "一二两三四五六七八九十";

/// A fixed formulation with numbers (五位一体总体布局, 两不愁三保障).
#[derive(Clone, Debug, PartialEq)]
pub struct Formulation {
    pub template: Vec<Piece>,
    /// The right numeral of each slot, in order.
    pub numerals: Vec<char>,
    /// The day the formulation was fixed; documents dated before it are not checked.
    pub since: Option<Day>,
}

/// The formulations of `rules/facts/numeric-formulations.tsv`, or the first malformed line.
pub fn parse_formulations(text: &str) -> Result<Vec<Formulation>, String> {
    let mut out = Vec::new();
    for (line, cols) in rows(text) {
        let [template, numerals, since, source] = cols[..] else {
            return Err(format!("第{line}行应有4列（模板、数字、起用日期、依据）"));
        };
        let template: Vec<Piece> = template
            .chars()
            .map(|c| match c {
                'N' => Piece::Numeral,
                '…' => Piece::Gap,
                c => Piece::Char(c),
            })
            .collect();
        let numerals: Vec<char> = numerals.split(',').flat_map(str::chars).collect();
        let slots = template.iter().filter(|p| **p == Piece::Numeral).count();
        if slots == 0 || slots != numerals.len() || !numerals.iter().all(|c| NUMERALS.contains(*c)) {
            return Err(format!("第{line}行：模板中的“N”与数字（以“,”分隔的汉字数字）个数应相同"));
        }
        if matches!(template.first(), Some(Piece::Gap)) || matches!(template.last(), Some(Piece::Gap)) {
            return Err(format!("第{line}行：模板不能以“…”开头或结尾"));
        }
        let since = match since {
            "-" => None,
            day => Some(parse_day(day).ok_or_else(|| format!("第{line}行的日期“{day}”不是YYYY-MM-DD或“-”"))?),
        };
        if source.is_empty() {
            return Err(format!("第{line}行：依据不能为空"));
        }
        out.push(Formulation { template, numerals, since });
    }
    Ok(out)
}

/// The shipped formulations.
pub static FORMULATIONS: LazyLock<Vec<Formulation>> =
    LazyLock::new(|| parse_formulations(FORMULATIONS_TSV).unwrap_or_default());

/// The version (date) of the formulations table.
pub fn formulations_version() -> &'static str {
    version(FORMULATIONS_TSV)
}

/// A term of a local leader, from `[lint.options.GW617] roster` in gwlint.toml.
#[derive(Clone, Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserTerm {
    pub name: String,
    pub post: String,
    pub from: String,
    #[serde(default)]
    pub to: Option<String>,
}

impl UserTerm {
    /// The term, or what is wrong with the entry.
    pub fn term(&self) -> Result<Term, String> {
        let from = parse_day(&self.from).ok_or_else(|| format!("起始日期“{}”不是YYYY-MM-DD", self.from))?;
        let to = match &self.to {
            Some(t) => Some(parse_day(t).ok_or_else(|| format!("终止日期“{t}”不是YYYY-MM-DD"))?),
            None => None,
        };
        if self.name.trim().is_empty() || self.post.trim().is_empty() {
            return Err("姓名和职务不能为空".into());
        }
        if to.is_some_and(|t| t <= from) {
            return Err("终止日期应晚于起始日期".into());
        }
        Ok(Term { name: self.name.clone(), post: self.post.clone(), from, to })
    }
}

/// The local roster of a `[lint.options.GW617]` table, or what is wrong with it (the entry's
/// number and the problem).
pub fn user_roster(options: &toml::Table) -> Result<Vec<Term>, String> {
    let Some(value) = options.get("roster") else { return Ok(Vec::new()) };
    let entries: Vec<UserTerm> = value.clone().try_into().map_err(|e: toml::de::Error| {
        format!("roster 应为 {{ name, post, from, to }} 的列表：{}", e.message().trim())
    })?;
    entries.iter().enumerate().map(|(i, e)| e.term().map_err(|m| format!("roster 第{}项：{m}", i + 1))).collect()
}

/// The shipped roster (empty if the table were malformed; `tests/facts.rs` keeps it well formed).
pub static LEADERS: LazyLock<Vec<Term>> = LazyLock::new(|| parse_leaders(LEADERS_TSV).unwrap_or_default());
/// The shipped list of abolished organ names.
pub static ABOLISHED_ORGANS: LazyLock<Vec<AbolishedOrgan>> =
    LazyLock::new(|| parse_organs(ORGANS_TSV).unwrap_or_default());

/// The version (date) of the leaders table.
pub fn leaders_version() -> &'static str {
    version(LEADERS_TSV)
}

/// The version (date) of the organs table.
pub fn organs_version() -> &'static str {
    version(ORGANS_TSV)
}

/// The shipped tables' text, for tests.
pub fn shipped_tables() -> [(&'static str, &'static str); 6] {
    [
        ("rules/facts/leaders.tsv", LEADERS_TSV),
        ("rules/facts/organs.tsv", ORGANS_TSV),
        ("rules/facts/national-organs.tsv", NATIONAL_ORGANS_TSV),
        ("rules/facts/local-organs.tsv", LOCAL_ORGANS_TSV),
        ("rules/facts/numeric-formulations.tsv", FORMULATIONS_TSV),
        ("rules/facts/statutory-bodies.tsv", STATUTORY_BODIES_TSV),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_cover_their_days() {
        let t =
            Term { name: "甲".into(), post: "国务院总理".into(), from: (2013, 3, 15), to: Some((2023, 3, 11)) };
        assert!(t.covers((2013, 3, 15)));
        assert!(t.covers((2023, 3, 10)));
        assert!(!t.covers((2023, 3, 11)));
        assert!(!t.covers((2013, 3, 14)));
        assert!(parse_leaders("甲\t总理\t2013-3-40\t\t依据").is_err());
        assert!(parse_leaders("甲\t总理\t2013-03-15").is_err());
    }
}
