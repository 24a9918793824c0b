//! GW619 organ-name-near-miss: the name of a national or local organ or of a body set up by law
//! written with one character changed, dropped or added, or two swapped (生态环镜部,
//! 国家卫生健委员会, 市应急管里局, 村务监委员会, 常务委会员).

use std::sync::LazyLock;

use crate::char_sets::{CharSet, FxMap};
use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::roster::{
    local_organs_version, national_organs_version, statutory_bodies_version, LOCAL_ORGANS, NATIONAL_ORGANS,
    STATUTORY_BODIES,
};
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 检查国务院组成部门、直属机构和国家局等现行机构名称（四个字以上）、地方政府工作部门的
    /// 统一名称（五个字以上：自然资源厅、生态环境局、应急管理局、市场监督管理局等）和法律、党内
    /// 法规设立的组织名称（五个字以上：村务监督委员会、纪律检查委员会、常务委员会、人民调解委员会
    /// 等）的误写：中间错一个字（生态环镜部、市应急管里局）、漏一个字（国家卫生健委员会、村务监委员会）、
    /// 多一个字或相邻两个字颠倒（常务委会员）。省去“和”字是规范简称（住房城乡建设部、人力资源
    /// 社会保障局），××分局是派出机构，名称中间有括号（村（居）民委员会）或多出的是“和”“的”
    /// （人民代表大会和常务委员会）是两个名称并列，都不报告。名称首尾的字不同的（生态环境局与
    /// 生态环境部是不同的机构）、国家机构名称前面是地名的（××市国家税务局是2018年前的地方机构）、
    /// 书名号中的文件标题不报告；成文日期在2023年3月机构改革之前的不检查国家和地方机构名称。
    /// 差一个字就是另一个规范名称的（审计委员会与审判委员会、村民委员会与农业农村委员会）不收入
    /// 机构表。机构表是版本化的数据（rules/facts/national-organs.tsv、
    /// rules/facts/local-organs.tsv，2026-11-30 版；rules/facts/statutory-bodies.tsv，2026-12-01 版）。
    ///
    /// ## 原因
    /// 机构名称写错是公文审核的常见差错，逐字检查的错别字规则不认识完整的机构名称。
    ///
    /// ## 示例
    /// ```text
    /// 请生态环镜部、国家卫生健委员会和市应急管里局派员参加，接受村务监委员会监督。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 请生态环境部、国家卫生健康委员会和市应急管理局派员参加，接受村务监督委员会监督。
    /// ```
    ///
    /// ## 依据
    /// 《国务院关于机构设置的通知》（国发〔2023〕5号）；《国务院关于部委管理的国家局设置的通知》
    /// （国发〔2023〕6号）；2018年《深化党和国家机构改革方案》和各省（自治区、直辖市）机构改革方案；
    /// 《中华人民共和国宪法》《中华人民共和国村民委员会组织法》等设立组织的法律和《中国共产党章程》。
    pub static ORGAN_NAME_NEAR_MISS = {
        code: "GW619",
        name: "organ-name-near-miss",
        category: Wording,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "国家机构、地方政府工作部门和法定组织的名称不应错字、漏字、多字",
        source: "国发〔2023〕5号、国发〔2023〕6号；地方机构改革方案（2018年）；设立组织的法律、党内法规",
    };
}

/// The 2023 reform, before which the table's names were not all in use.
const TABLE_FROM: (u32, u32, u32) = (2023, 3, 10);

/// The table a name comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Table {
    /// A national organ: a place right before it makes it a local organ of before 2018
    /// (平安市国家税务局).
    National,
    /// A local government department, usually after its place (市应急管理局).
    Local,
    /// A body set up by law or Party rules (村务监督委员会); its name does not date from the
    /// 2023 reform.
    Statutory,
}

impl Table {
    /// The help line naming the table and its version.
    fn help(self) -> String {
        let (path, version) = match self {
            Table::National => ("national-organs", national_organs_version()),
            Table::Local => ("local-organs", local_organs_version()),
            Table::Statutory => ("statutory-bodies", statutory_bodies_version()),
        };
        format!("依据：rules/facts/{path}.tsv（{version}版）。")
    }
}

/// Every name checked, built once (characters, the name, its table), with the names starting
/// with each character, so a paragraph is read once instead of once per name; the set of first
/// characters answers for most characters without a lookup.
struct Names {
    list: Vec<(Vec<char>, &'static str, Table)>,
    firsts: CharSet,
    by_first: FxMap<char, Starting>,
    /// Every character a window may end with as a name or a near miss of one ([`Ending::may_end`]),
    /// exactly: the signatures of [`Starting`] are asked only of these.
    ends: CharSet,
}

/// The names starting with one character, and the characters a window of each length starting
/// there may end with as one of them or a near miss of one ([`Ending::may_end`]): at most places
/// no window does, and the names are not read.
#[derive(Default)]
struct Starting {
    endings: Vec<Ending>,
    /// The length of the shortest window (one less than the shortest name's).
    shortest: usize,
    /// For each window length from `shortest` on, the signature ([`end_bit`]) of the characters
    /// such a window may end with: a window whose last character's bit is clear may not.
    end_bits: Vec<u64>,
}

impl Starting {
    fn add(&mut self, ending: Ending) {
        let shortest = (ending.len - 1).max(1);
        if self.endings.is_empty() || shortest < self.shortest {
            let before = if self.endings.is_empty() { 0 } else { self.shortest - shortest };
            self.end_bits.splice(0..0, std::iter::repeat_n(0, before));
            self.shortest = shortest;
        }
        for len in [ending.len - 1, ending.len, ending.len + 1] {
            if len == 0 {
                continue;
            }
            let k = len - self.shortest;
            crate::lexicon::segment::grow(&mut self.end_bits, k + 1);
            self.end_bits[k] |= end_bit(ending.last);
            if let (true, Some(c)) = (len == ending.len, ending.before_last) {
                self.end_bits[k] |= end_bit(c);
            }
        }
        self.endings.push(ending);
    }

    /// Whether a window of `rest` (the text from a place whose character starts the names) may
    /// end as one of the names or a near miss of one; `ends` holds every character a window of
    /// any name may end with ([`Names::ends`]).
    fn may_end_in(&self, rest: &[char], ends: &CharSet) -> bool {
        let last = rest.get(self.shortest - 1..).unwrap_or_default();
        last.iter().zip(&self.end_bits).any(|(&c, &bits)| ends.contains(c) && bits & end_bit(c) != 0)
    }
}

/// A character's bit of the 64-bit signature of [`Starting::end_bits`].
fn end_bit(c: char) -> u64 {
    1 << (u32::from(c).wrapping_mul(0x9E37_79B1) >> 26)
}

/// What a window of text is first tested against for one name, kept beside the other names with
/// the same first character (36 names start with 国): the name's length, table and last two
/// characters. The name itself, in `Names::list`, is read only for a window that ends as a near
/// miss of it must.
#[derive(Clone, Copy, Debug)]
struct Ending {
    /// The name's place in `Names::list`.
    index: usize,
    table: Table,
    /// Its length in characters.
    len: usize,
    last: char,
    /// The character before the last (none for a name of one character).
    before_last: Option<char>,
}

impl Ending {
    /// Whether a window of `len` characters ending with `end` may be the name or a near miss of
    /// it: every near miss ends with the name's last character, or, as long as the name, with the
    /// character before it (the last two swapped).
    fn may_end(&self, len: usize, end: char) -> bool {
        end == self.last || (len == self.len && len >= 2 && Some(end) == self.before_last)
    }
}

impl Names {
    /// The names starting with `c` (in the order of the tables).
    fn starting_with(&self, c: char) -> Option<&Starting> {
        if !self.firsts.contains(c) {
            return None;
        }
        self.by_first.get(&c)
    }
}

static NAMES: LazyLock<Names> = LazyLock::new(|| {
    let list: Vec<(Vec<char>, &'static str, Table)> = NATIONAL_ORGANS
        .iter()
        .map(|n| (n, Table::National))
        .chain(LOCAL_ORGANS.iter().map(|n| (n, Table::Local)))
        .chain(STATUTORY_BODIES.iter().map(|n| (n, Table::Statutory)))
        .map(|(n, table)| (n.chars().collect(), n.as_str(), table))
        .collect();
    let (mut firsts, mut by_first, mut ends) =
        (CharSet::default(), FxMap::<char, Starting>::default(), CharSet::default());
    for (index, (name, _, table)) in list.iter().enumerate() {
        if let (Some(&c), Some(&last)) = (name.first(), name.last()) {
            firsts.insert(c);
            ends.insert(last);
            let before_last = name.len().checked_sub(2).map(|k| name[k]);
            if let Some(b) = before_last {
                ends.insert(b);
            }
            by_first.entry(c).or_default().add(Ending { index, table: *table, len: name.len(), last, before_last });
        }
    }
    Names { list, firsts, by_first, ends }
});

pub struct OrganNameNearMiss;

/// Whether `written` is `name` with one inner character changed, dropped or added, or with two
/// characters after its first swapped (常务委会员 for 常务委员会).
fn near_miss(written: &[char], name: &[char]) -> bool {
    let (w, n) = (written.len(), name.len());
    // The tests of a character first (most windows fail them): a near miss keeps the name's
    // first character, and its last one unless the last two are swapped.
    let last_kept = written.last() == name.last() || (w == n && n >= 2 && written[w - 1] == name[n - 2]);
    if written.first() != name.first() || !last_kept {
        return false;
    }
    // A name written with a bracket or space inside is a deliberate pair of names (村（居）民委员会).
    if !written.iter().all(|&c| crate::text::is_han(c)) {
        return false;
    }
    if w == n && swapped(written, name) {
        return true;
    }
    if written.last() != name.last() {
        return false;
    }
    match w as isize - n as isize {
        0 => written.iter().zip(name).filter(|(a, b)| a != b).count() == 1,
        // 和 left out is the standard short form (住房城乡建设部, 人力资源社会保障部).
        -1 => (1..n - 1).any(|k| name[k] != '和' && written[..k] == name[..k] && written[k..] == name[k + 1..]),
        // 分 before the last character is a branch (生态环境分局, 市场监督管理分局); the name
        // itself after its first character is the name after a place (市市场监督管理局); a
        // conjunction or 的 joins two names (人民代表大会和常务委员会).
        1 => {
            written[1..] != *name
                && (1..w - 1).any(|k| {
                    written[..k] == name[..k]
                        && written[k + 1..] == name[k..]
                        && !(written[k] == '分' && k == w - 2)
                        && !"的和与及或".contains(written[k])
                })
        }
        _ => false,
    }
}

/// Whether `written` is `name` with two adjacent characters swapped.
fn swapped(written: &[char], name: &[char]) -> bool {
    let mut differ = (0..name.len()).filter(|&k| written[k] != name[k]);
    match (differ.next(), differ.next(), differ.next()) {
        (Some(a), Some(b), None) => b == a + 1 && written[a] == name[b] && written[b] == name[a],
        _ => false,
    }
}

impl Rule for OrganNameNearMiss {
    fn meta(&self) -> &RuleMeta {
        &ORGAN_NAME_NEAR_MISS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        // Before the 2023 reform the organ tables' names were not all in use.
        let before_reform = doc.elements.date.as_ref().is_some_and(|d| d.value.ordinal() < TABLE_FROM);
        let names = &*NAMES;
        // A name and every near miss of one are Han characters only: they stand inside the
        // document's runs of Han characters, whose characters are read already.
        for run in doc.han_runs() {
            let plain = run.chars;
            let at = |i: usize| run.start + run.bounds[i];
            let mut next_free = 0;
            for (i, &c) in plain.iter().enumerate() {
                // Most characters start no name: asked first.
                let Some(starting) = names.starting_with(c) else { continue };
                if i < next_free {
                    continue;
                }
                if !starting.may_end_in(&plain[i..], &names.ends) {
                    continue;
                }
                let after_place = i > 0 && matches!(plain[i - 1], '省' | '市' | '县' | '区' | '州' | '盟' | '旗');
                'names: for ending in &starting.endings {
                    let table = ending.table;
                    if (table == Table::National && after_place) || (table != Table::Statutory && before_reform) {
                        continue;
                    }
                    for len in [ending.len, ending.len - 1, ending.len + 1] {
                        let Some(window) = plain.get(i..i + len) else { continue };
                        // The name itself and every near miss of it end with its last character,
                        // or with the one before it (the last two swapped): most windows do not.
                        if !ending.may_end(len, window[len - 1]) {
                            continue;
                        }
                        let (name, full, _) = &names.list[ending.index];
                        if window == name.as_slice() {
                            next_free = i + len;
                            break 'names;
                        }
                        if !near_miss(window, name) || names.list.iter().any(|n| n.0.as_slice() == window) {
                            continue;
                        }
                        let span = Span::new(at(i), at(i + len));
                        if doc.elements.quotations.in_book_title(span.start)
                            || reads_as_common_words(doc, span.start..span.end, window, name)
                        {
                            continue;
                        }
                        let written: String = window.iter().collect();
                        cx.report(span, format!("机构名称疑有误：“{written}”应为“{full}”"))
                            .with_label(format!("应为“{full}”"))
                            .with_help(table.help())
                            .with_fix(Fix::replace(format!("改为“{full}”"), Applicability::Unsafe, span, full));
                        next_free = i + len;
                        break 'names;
                    }
                }
            }
        }
    }
}

/// Whether the bytes `range` of the document, `written` there near `name`, read as common words
/// where they differ from the name, in the split of their run of Han characters
/// (交通运输等部门, 国家全部: other text, not a name miswritten).
fn reads_as_common_words(doc: &Document, range: std::ops::Range<usize>, written: &[char], name: &[char]) -> bool {
    let same: usize = written.iter().zip(name).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
    doc.han_runs()
        .find(|r| r.start <= range.start && range.end <= r.start + r.text.len())
        .is_some_and(|run| crate::spelling::reads_as_common_words(&run, range.clone(), range.start + same))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn near_misses_of_a_name() {
        let name = chars("村务监督委员会");
        assert!(near_miss(&chars("村务监委员会"), &name));
        assert!(near_miss(&chars("村务监肚委员会"), &name));
        assert!(near_miss(&chars("常务委会员"), &chars("常务委员会")));
        assert!(!near_miss(&chars("村务（居务）委员会"), &name));
        assert!(!near_miss(&chars("人民代表大会和常务委员会"), &chars("人民代表大会常务委员会")));
        assert!(!near_miss(&chars("常务会委员"), &chars("常务委员会")));
    }

    #[test]
    fn a_place_is_passed_only_where_no_window_may_end_as_a_name() {
        // Every length and last character `Ending::may_end` lets through is let through by the
        // signature of the names starting with the same character.
        let mut checked = 0;
        for (&first, starting) in &NAMES.by_first {
            for ending in &starting.endings {
                for len in [ending.len - 1, ending.len, ending.len + 1].into_iter().filter(|&l| l > 1) {
                    for end in [ending.last, ending.before_last.unwrap_or(ending.last)] {
                        if !ending.may_end(len, end) {
                            continue;
                        }
                        let mut rest = vec!['的'; len + 3];
                        (rest[0], rest[len - 1]) = (first, end);
                        assert!(starting.may_end_in(&rest, &NAMES.ends), "{first} {len} {end}");
                        assert!(starting.may_end_in(&rest[..len], &NAMES.ends), "{first} {len} {end}");
                        checked += 1;
                    }
                }
            }
        }
        // Four of each name: three lengths ending with its last character, its own length ending
        // with the one before.
        assert_eq!(checked, 4 * NAMES.list.len());
        // Text that ends no name is passed, and so is a place near the end of the text.
        let starting = NAMES.starting_with('国').unwrap();
        let ends = &NAMES.ends;
        assert!(!starting.may_end_in(&chars("国的的的的的的的的的的的的的的的的的的的的"), ends));
        assert!(!starting.may_end_in(&chars("国"), ends));
        assert!(starting.may_end_in(&chars("国家发展和改革委员会"), ends));
    }

    /// A name one character from another name of the tables would be reported where the other
    /// is meant; the tables keep none (审计委员会 and 审判委员会 are why 审计委员会 is not there).
    #[test]
    fn no_name_is_a_near_miss_of_another() {
        let list = &NAMES.list;
        assert_eq!(list.len(), 54 + 35 + 11);
        for (a, a_name, _) in list {
            for (b, b_name, _) in list {
                assert!(a == b || !near_miss(a, b), "{a_name} / {b_name}");
            }
        }
    }
}
