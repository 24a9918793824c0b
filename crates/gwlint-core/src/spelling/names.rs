//! The forms a document protects as names: a form it writes more than once (the title counts, so
//! a name in the title and the body is protected), introduces with 简称/以下简称, or writes in its
//! 主送 line is what the drafter meant (a place, a person, an organisation or a project), even
//! when the lexicon does not know it. A form written once, in the title alone, is still checked:
//! a typo in a title is a typo.

use std::cell::OnceCell;

use super::substitution::InDocument;
use crate::char_sets::{CharSet, FxMap, PairFilter};
use crate::document::{Document, Part};
use crate::text::is_han;

/// Above this length the places of a document's pairs of adjacent Han characters are read once,
/// so that asking how often a form is written does not scan the whole text each time (a long
/// document with many candidate typos would take time in proportion to their product).
const SCAN_LIMIT: usize = 64 * 1024;

/// The text the protection reads.
pub struct Names<'a> {
    doc: &'a Document,
    /// 主送 lines, and the forms quoted after 简称.
    named: String,
    /// For a long text: where each pair of adjacent Han characters starts (byte offsets in
    /// ascending order, read on first use), so that a form is counted from the places its
    /// first pair stands instead of by a scan of the text each time.
    pairs: OnceCell<PairPositions>,
    /// The pairs of adjacent Han characters the text writes (with false positives), read on
    /// first use.
    han_pairs: OnceCell<PairFilter>,
    /// How often the text writes each Han character, counted once the text has been asked
    /// about [`CHAR_SCANS`] characters (each counted by a scan of the runs' characters until
    /// then): most documents ask about a few, and a scan for each of many would grow with the
    /// square of the text.
    han_chars: OnceCell<FxMap<char, u32>>,
    /// Characters counted by a scan so far.
    scanned: std::cell::Cell<u32>,
}

/// See [`Names::han_chars`]: a scan of the runs' characters costs a small part of counting
/// them all into a map.
const CHAR_SCANS: u32 = 32;

impl<'a> Names<'a> {
    pub fn of(doc: &'a Document) -> Self {
        let mut named = String::new();
        for p in &doc.paragraphs {
            if p.part == Part::Addressee {
                named.push_str(doc.content(p));
                named.push('\n');
            }
        }
        for i in memchr::memmem::find_iter(doc.text.as_bytes(), "简称") {
            let after = &doc.text[i + "简称".len()..];
            let quoted: String = after
                .trim_start_matches(['“', '"', '「', '：', ':'])
                .chars()
                .take_while(|c| !matches!(c, '”' | '"' | '」' | '）' | ')' | '，' | '。'))
                .take(16)
                .collect();
            named.push_str(&quoted);
            named.push('\n');
        }
        Names {
            doc,
            named,
            pairs: OnceCell::new(),
            han_pairs: OnceCell::new(),
            han_chars: OnceCell::new(),
            scanned: std::cell::Cell::new(0),
        }
    }

    /// Whether `form` is a name in this document.
    pub fn protects(&self, form: &str) -> bool {
        !form.is_empty() && (self.named.contains(form) || self.repeated(form))
    }

    /// How often the text writes `form`, and how many Han characters it has.
    pub fn in_document(&self, form: &str) -> InDocument {
        let han_chars = u32::try_from(self.doc.han_char_count()).unwrap_or(u32::MAX);
        let mut chars = form.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if is_han(c) {
                return InDocument { times: self.han_char_times(c), han_chars };
            }
        }
        let times = if form.is_empty() || self.never_written(form) {
            0
        } else if let Some(n) = self.count_long(form, u32::MAX) {
            n
        } else {
            u32::try_from(memchr::memmem::find_iter(self.doc.text.as_bytes(), form).count()).unwrap_or(u32::MAX)
        };
        InDocument { times, han_chars }
    }

    /// How often the text writes the Han character `c`.
    fn han_char_times(&self, c: char) -> u32 {
        if self.han_chars.get().is_none() && self.scanned.get() < CHAR_SCANS {
            self.scanned.set(self.scanned.get() + 1);
            return u32::try_from(self.doc.han_char_occurrences(c)).unwrap_or(u32::MAX);
        }
        self.han_chars.get_or_init(|| han_char_counts(self.doc)).get(&c).copied().unwrap_or(0)
    }

    /// In a long text, how often it writes `form` (two or more Han characters), without
    /// overlapping as `str::matches` counts, up to `enough`; `None` for a short text or another
    /// form (scan those).
    fn count_long(&self, form: &str, enough: u32) -> Option<u32> {
        let text = &self.doc.text;
        if text.len() <= SCAN_LIMIT || u32::try_from(text.len()).is_err() {
            return None;
        }
        let mut chars = form.chars();
        let (a, b) = (chars.next()?, chars.next()?);
        if !form.chars().all(is_han) {
            return None;
        }
        let pairs = self.pairs.get_or_init(|| han_pair_positions(self.doc));
        let (mut count, mut free_from) = (0u32, 0usize);
        for &at in pairs.of(a, b) {
            let at = at as usize;
            if at >= free_from && text[at..].starts_with(form) {
                count += 1;
                free_from = at + form.len();
                if count >= enough {
                    break;
                }
            }
        }
        Some(count)
    }

    /// Whether `form` occurs at least twice in the text (without overlapping).
    fn repeated(&self, form: &str) -> bool {
        match self.count_long(form, 2) {
            Some(n) => n >= 2,
            None => memchr::memmem::find_iter(self.doc.text.as_bytes(), form).nth(1).is_some(),
        }
    }

    /// Whether the text never writes `form`, as its pairs of Han characters tell (a pair the text
    /// never writes rules the form out without a scan; false when they cannot tell). The pairs
    /// are read on first use: only a reading that needs the document's count asks.
    fn never_written(&self, form: &str) -> bool {
        let pairs = self.han_pairs.get_or_init(|| han_pair_filter(self.doc));
        let mut chars = form.chars();
        let Some(mut prev) = chars.next() else { return false };
        chars.any(|c| {
            let absent = is_han(prev) && is_han(c) && !pairs.may_contain(prev, c);
            prev = c;
            absent
        })
    }
}

/// The pairs of adjacent Han characters of the document (read from its runs of Han characters,
/// which the spelling rules have already split).
fn han_pair_filter(doc: &Document) -> PairFilter {
    let mut pairs = PairFilter::default();
    for run in doc.han_runs() {
        run.chars.windows(2).for_each(|w| pairs.insert(w[0], w[1]));
    }
    pairs
}

/// How often each Han character occurs in the document.
fn han_char_counts(doc: &Document) -> FxMap<char, u32> {
    let mut out: FxMap<char, u32> = FxMap::default();
    for run in doc.han_runs() {
        for &c in run.chars {
            *out.entry(c).or_default() += 1;
        }
    }
    out
}

/// Where each pair of adjacent Han characters starts in a text: one array of byte offsets
/// grouped by pair (ascending within a pair), and each pair's stretch of it. Four bytes a
/// character and one entry a distinct pair, however the pairs are spread.
struct PairPositions {
    at: Vec<u32>,
    stretch: FxMap<(char, char), (u32, u32)>,
}

impl PairPositions {
    /// The byte offsets where `a` and `b` stand together, ascending.
    fn of(&self, a: char, b: char) -> &[u32] {
        self.stretch.get(&(a, b)).map_or(&[], |&(from, len)| &self.at[from as usize..(from + len) as usize])
    }
}

/// The pair positions of the document's text (the caller has checked that its offsets fit in
/// a u32): counted in one walk of its runs, placed in a second.
fn han_pair_positions(doc: &Document) -> PairPositions {
    let mut stretch: FxMap<(char, char), (u32, u32)> = FxMap::default();
    for run in doc.han_runs() {
        for w in run.chars.windows(2) {
            stretch.entry((w[0], w[1])).or_default().1 += 1;
        }
    }
    let mut total = 0u32;
    for (from, len) in stretch.values_mut() {
        *from = total;
        total += std::mem::take(len);
    }
    let mut at = vec![0u32; total as usize];
    for run in doc.han_runs() {
        for (i, w) in run.chars.windows(2).enumerate() {
            if let Some((from, len)) = stretch.get_mut(&(w[0], w[1])) {
                at[(*from + *len) as usize] = u32::try_from(run.start + run.bounds[i]).unwrap_or(u32::MAX);
                *len += 1;
            }
        }
    }
    PairPositions { at, stretch }
}

/// The commonest Chinese surnames (they cover most of the population).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

/// [`SURNAMES`] as a set: a search of the string for a Han character tries every place its
/// last byte (a continuation byte) occurs, and the split asks this of most characters.
static SURNAME_SET: std::sync::LazyLock<CharSet> = std::sync::LazyLock::new(|| {
    let mut set = CharSet::default();
    SURNAMES.chars().for_each(|c| set.insert(c));
    set
});

/// Whether `c` is a common surname.
pub fn is_surname(c: char) -> bool {
    SURNAME_SET.contains(c)
}

/// Whether a run of Han characters standing alone (between spaces or punctuation) reads as a
/// person's name: two to four characters starting with a common surname (倪一飞　市机管局局长,
/// 张文显　　教授).
pub fn is_person_name(run: &super::Run<'_>) -> bool {
    (2..=4).contains(&run.chars.len()) && is_surname(run.chars[0])
}

/// Characters and words that end a place or organisation name: a form right before one (贝塘乡,
/// 姜曹村, 一冶集团, 园区南路) is part of a name.
const NAME_ENDINGS: &[&str] = &[
    "村", "乡", "镇", "县", "区", "市", "省", "州", "旗", "盟", "屯", "寨", "庄", "堡", "街", "路", "巷", "里", "坊",
    "湾", "桥", "集团", "公司", "社区", "大学", "学院", "学校", "中学", "小学", "医院",
];

/// Whether `rest` starts with the ending of a place or organisation name.
pub fn ends_name(rest: &str) -> bool {
    NAME_ENDINGS.iter().any(|n| rest.starts_with(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ParseOptions;

    /// Whether `form` occurs twice, by scanning: what the pair counts must agree with.
    fn scanned(text: &str, form: &str) -> bool {
        text.matches(form).nth(1).is_some()
    }

    #[test]
    fn a_long_document_answers_from_its_pair_positions_as_a_scan_would() {
        // Longer than SCAN_LIMIT: 标谁 once, 数治 twice, 一一 in 一一一 (overlapping, one match),
        // 检验检测 with every pair repeated but the form once; 数治通， ends outside Han (scanned).
        let filler = "各地要严格执行国家标准，推进试点工作。".repeat(4000);
        let text = format!("{filler}标谁。数治通，数治。一一一。检验检查检测检验。");
        assert!(text.len() > SCAN_LIMIT);
        let doc = Document::parse("a.txt", text.as_bytes(), &ParseOptions::default()).unwrap();
        let names = Names::of(&doc);
        for form in ["标谁", "数治", "一一", "一一一", "检验检测", "检验", "标准", "国家标准", "谁", "a", "数治通，"]
        {
            assert_eq!(names.repeated(form), scanned(&doc.text, form), "{form}");
            let times = u32::try_from(doc.text.matches(form).count()).unwrap();
            assert_eq!(names.in_document(form).times, times, "{form}");
        }
        assert!(!names.protects("标谁") && names.protects("数治") && names.protects("国家标准"));
    }

    #[test]
    fn a_character_is_counted_alike_by_a_scan_and_by_the_counts() {
        let text = "关于做好二〇二五年防汛工作的通知。各乡镇人民政府、县直各单位：为切实做好今年汛期的防汛抗旱工作，保障人民群众生命财产安全，现将有关事项通知如下。";
        let doc = Document::parse("a.txt", text.as_bytes(), &ParseOptions::default()).unwrap();
        let names = Names::of(&doc);
        // More characters than are scanned: the later ones are read from the counts.
        let asked: Vec<char> = text.chars().chain("标准谁".chars()).collect();
        assert!(asked.len() > 2 * CHAR_SCANS as usize);
        for c in asked {
            let times = u32::try_from(text.matches(c).count()).unwrap();
            assert_eq!(names.in_document(c.encode_utf8(&mut [0; 4])).times, times, "{c}");
        }
        assert!(names.han_chars.get().is_some());
    }

    #[test]
    fn a_document_counts_the_forms_it_writes() {
        let text = "科学调度泻洪。适时开闸泄洪，泄洪流量a泄洪。";
        let doc = Document::parse("a.txt", text.as_bytes(), &ParseOptions::default()).unwrap();
        let names = Names::of(&doc);
        let han = u32::try_from(text.chars().filter(|&c| is_han(c)).count()).unwrap();
        for form in [
            "泄洪",
            "泻洪",
            "洪流",
            "洪a",
            "流量a泄洪",
            "a泄",
            "开闸泄洪",
            "调度泄洪",
            "标准",
            "a",
            "",
            "洪",
            "泻",
            "标",
        ] {
            let times = if form.is_empty() { 0 } else { u32::try_from(text.matches(form).count()).unwrap() };
            assert_eq!(names.in_document(form), InDocument { times, han_chars: han }, "{form}");
        }
    }
}
