//! GW611 swapped-characters: a character of a common word swapped for one that sounds or looks
//! like it (标谁, 式点, 监侧), found from the word lexicon and character statistics.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Fix};
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;
use crate::spelling::names::{is_person_name, Names};
use crate::spelling::substitution::{may_find, substitutions, SwapKind};

declare_rule! {
    /// ## 作用
    /// 检查常用词中的音近、形近错字：一个字写成了读音或字形相近的字，使本来的常用词（两到四字）
    /// 变成了不成词的字串，如“执行国家标谁”“开展式点工作”“环境监侧”。
    ///
    /// 判断依据是词表（jieba 词典，约35万词，含词频和词性）和干净文本中的字频统计：只有当写出的
    /// 字与前后的字不成词、在干净文本中从未与相邻的字连用，而换成音近形近字后成为常用词、整句的
    /// 概率明显提高时才报告。音近形近字取自公开的混淆字表，另加同一声旁的字（Unicode Unihan 的
    /// 声旁系列，如“剑/险”“浣/院”“债/绩”）。拼音输入法按读音列出候选字，因此与正字同音（不计
    /// 声调）的错字比只是形近、音近的错字常见得多（从公开拼写纠错训练集估计，约为12倍），所需的
    /// 证据相应少一些：“推动产业转刑升级”报告，同样证据的形近字则不报告。
    ///
    /// 人名、文中多次出现的写法、标题和主送机关中的写法、“简称”引出的写法都按专名处理，不报告；
    /// 职务后以姓氏开头的人名（总经理王体轩）、间隔号连接的名称（中建·智造谷）、整个加引号的
    /// 短语（“数治通”“放管服”）和发文字号前的机关代字（沪府办发﹝2021﹞7号）也不报告。本文
    /// 反复使用、远比一般文本常见的字是本文的主题字（井盖管理文件中的“井”、扬尘防治条例中的
    /// “尘”），错字往往只出现一次，因此不按错字报告；“某”前的姓氏（肖某、石某某）是隐去名字
    /// 的人名，也不报告。
    /// 干净文本中见得太少、单凭字频不足以判断的常用词（如“泄洪”），如果本文在别处写对了，本文的
    /// 写法也算作证据：“科学调度泻洪”与同一文件中的“开闸泄洪”并存时报告。
    ///
    /// 两个字都写成同音字的双字词（拼音输入时选错了词，如“加强鱼蒜管理”应为“加强预算管理”，“事中
    /// 事后尖关”应为“事中事后监管”）也在检查之列：写出的两字不成词（词表中连罕用词也没有）、在干净文本中
    /// 从不相连，与某个常用词读音相同（不计声调），且前后的字明显更常与该词相连时才报告。两字中
    /// 第一字是常见姓氏的（李勇、沈浩）按人名处理，不报告。选错的词本身也可能是词表中的词（“认真
    /// 罐车落实”应为“贯彻落实”，“有关淡味”应为“有关单位”）：这时要求它前后都有字、两侧的字都
    /// 明显更常与同音的常用词相连，且整句概率的提高足以压过这个词本身的词频；地名、人名、机构名
    /// （豫北、平谷）不报告。
    ///
    /// 职务名称前单独的“付”（“由付镇长负责”“付主任”）是“副”之误：“副”可以加在任何职务前，
    /// 词表收不全，因此按职务名称判断；“支付”“交付”中的“付”与前字成词，不报告。
    ///
    /// ## 原因
    /// 音近、形近的错字是公文中最常见的文字差错；它们往往不在固定的错词表里，需要按词判断。
    ///
    /// ## 示例
    /// ```text
    /// 各地要严格执行国家标谁，做好环境监侧工作。各部门要加强鱼蒜管理。请各有关淡味认真落实。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 各地要严格执行国家标准，做好环境监测工作。各部门要加强预算管理。请各有关单位认真落实。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第二十条（四）；《现代汉语词典》（第7版）。
    pub static SWAPPED_CHARACTERS = {
        code: "GW611",
        name: "swapped-characters",
        category: Wording,
        severity: Warning,
        fix: Always,
        scope: AnyText,
        summary: "常用词中的音近、形近错字和同音错词",
        source: "《党政机关公文处理工作条例》第二十条（四）",
        defers_to: ["GW601", "GW602", "GW606", "GW609"],
    };
}

/// The longest quoted run read as a coined term rather than text.
const QUOTED_TERM_CHARS: usize = 6;

/// The dots that join the parts of a name (马克思·韦伯, 金科祥生·悦园).
const NAME_DOTS: [char; 4] = ['·', '•', '・', '‧'];

pub struct SwappedCharacters;

impl Rule for SwappedCharacters {
    fn meta(&self) -> &RuleMeta {
        &SWAPPED_CHARACTERS
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let names = Names::of(doc);
        // A 机关代字 before 〔 (冀政呈〔2019〕6号, 沪府办发﹝2021﹞7号) is an abbreviation, not a word.
        let is_code = |end: usize| doc.text[end..].starts_with(['〔', '[', '［', '【', '﹝']);
        // A short run starting with a surname is a person's name (张文显　教授).
        // A short run quoted whole is a term the document coins or names (“数治通”, “放管服”).
        let is_quoted_term = |r: &crate::spelling::Run<'_>| {
            r.chars.len() <= QUOTED_TERM_CHARS
                && doc.text[..r.start].ends_with(['“', '"', '「'])
                && doc.text[r.start + r.text.len()..].starts_with(['”', '"', '」'])
        };
        let runs = doc
            .han_runs()
            .filter(|r| may_find(r) && !is_code(r.start + r.text.len()) && !is_person_name(r) && !is_quoted_term(r));
        for run in runs {
            for s in substitutions(&run, &|form| names.protects(form), &|form| names.in_document(form)) {
                // A word against a middle dot is part of a name (金科祥生·悦园, 马克思·韦伯).
                if doc.text[..s.word.start].ends_with(NAME_DOTS) || doc.text[s.word.end..].starts_with(NAME_DOTS) {
                    continue;
                }
                let span = Span::new(s.word.start, s.word.end);
                let mut help = match s.kind {
                    SwapKind::Character { expected } => format!(
                        "“{}”不成词，其中的“{}”疑为音近或形近的“{expected}”之误。",
                        s.written,
                        &doc.text[s.at.clone()]
                    ),
                    SwapKind::Homophone { real_word: false } => {
                        format!("“{}”不成词，与常用词“{}”读音相同，疑为拼音输入时选错了词。", s.written, s.right)
                    }
                    SwapKind::Homophone { real_word: true } => format!(
                        "“{}”在这里不通，与常用词“{}”读音相同，且前后的字都常与“{}”相连，疑为拼音输入时选错了词。",
                        s.written, s.right, s.right
                    ),
                };
                if s.elsewhere {
                    help.push_str(&format!("本文别处写作“{}”。", s.right));
                }
                cx.report(span, format!("疑似错别字：“{}”应为“{}”", s.written, s.right))
                    .with_label(format!("应为“{}”", s.right))
                    .with_help(help)
                    .with_fix(Fix::replace(format!("改为“{}”", s.right), Applicability::Unsafe, span, &s.right));
            }
        }
    }
}
