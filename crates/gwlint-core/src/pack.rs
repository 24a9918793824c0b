//! Data rule packs: `rules/*.toml`, corrections-only dictionaries (typos' design).
//!
//! A pack is one rule: a list of `wrong → right` entries (or flag-only entries without
//! `right`) and allow phrases that shadow entries in context (截止日期 shadows 截止). A pack
//! matches leftmost-longest over all its phrases; the linter reads a document once for all
//! packs together ([`PackSet`]), however many entries they have.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

use crate::diagnostic::{Applicability, Fix, Severity};
use crate::document::Document;
use crate::pack_file::{PackFile, StaticPack};
use crate::pack_set::{PackMatch, PackSet};
use crate::rule::{Category, Context, FixAvailability, Rule, RuleMeta, Scope};
use crate::span::Span;

/// A pack file that could not be loaded: where, and why.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{path}{}：{message}", line.map(|l| format!(" 第{l}行")).unwrap_or_default())]
pub struct PackError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

/// Text of a pack: borrowed from the program for a built-in pack, owned for one read at run
/// time (a built-in pack is loaded without copying its thousands of entries).
type Text = Cow<'static, str>;

struct Entry {
    wrong: Text,
    right: Option<Text>,
    note: Option<Text>,
    fix: Option<Applicability>,
}

/// A pack's values before they are checked: read from TOML ([`PackFile`]) or compiled in
/// ([`StaticPack`]).
struct Parts {
    allow: Vec<Text>,
    /// code, name, category, severity, message, fix, summary, source, docs.
    rule: [Text; 9],
    skip_book_titles: bool,
    skip_quotations: bool,
    entries: Vec<EntryParts>,
}

/// An entry's values before they are checked: wrong, right, note, fix.
type EntryParts = (Text, Option<Text>, Option<Text>, Option<Text>);

impl From<PackFile> for Parts {
    fn from(file: PackFile) -> Parts {
        let r = file.rule;
        Parts {
            allow: file.allow.into_iter().map(Cow::Owned).collect(),
            rule: [r.code, r.name, r.category, r.severity, r.message, r.fix, r.summary, r.source, r.docs]
                .map(Cow::Owned),
            skip_book_titles: r.skip_book_titles,
            skip_quotations: r.skip_quotations,
            entries: file
                .entries
                .into_iter()
                .map(|e| (Cow::Owned(e.wrong), e.right.map(Cow::Owned), e.note.map(Cow::Owned), e.fix.map(Cow::Owned)))
                .collect(),
        }
    }
}

impl From<&'static StaticPack> for Parts {
    fn from(pack: &'static StaticPack) -> Parts {
        Parts {
            allow: pack.allow.iter().map(|&a| Cow::Borrowed(a)).collect(),
            rule: pack.rule.map(Cow::Borrowed),
            skip_book_titles: pack.skip_book_titles,
            skip_quotations: pack.skip_quotations,
            entries: pack
                .entries
                .iter()
                .map(|&(wrong, right, note, fix)| {
                    (Cow::Borrowed(wrong), right.map(Cow::Borrowed), note.map(Cow::Borrowed), fix.map(Cow::Borrowed))
                })
                .collect(),
        }
    }
}

/// A loaded pack, ready to run as a rule.
pub struct DictRule {
    meta: RuleMeta,
    message: Text,
    entries: Vec<Entry>,
    /// Every phrase once, with its value: values below `entries.len()` are entries, the rest
    /// allow phrases.
    phrases: Vec<(Text, u32)>,
    /// The pack's own set, built when the pack is run by itself (a linter runs every pack from
    /// one [`PackSet`]).
    alone: OnceLock<Option<PackSet>>,
    skip_book_titles: bool,
    skip_quotations: bool,
}

fn parse_fix(s: &str) -> Result<Option<Applicability>, String> {
    match s {
        "safe" => Ok(Some(Applicability::Safe)),
        "unsafe" => Ok(Some(Applicability::Unsafe)),
        "none" | "display-only" => Ok(None),
        other => Err(format!("fix 只能是 safe、unsafe 或 none，不能是“{other}”")),
    }
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

impl DictRule {
    /// Parse and validate a pack. `path` is only used in error messages.
    pub fn from_toml(path: &str, text: &str) -> Result<DictRule, PackError> {
        let file: PackFile = toml::from_str(text).map_err(|e| PackError {
            path: path.to_string(),
            line: e.span().map(|s| line_of(text, s.start)),
            message: e.message().trim().to_string(),
        })?;
        Self::from_file(path, file, text)
    }

    /// Validate a pack already read (`text` is its TOML, for the lines of error messages).
    pub(crate) fn from_file(path: &str, file: PackFile, text: &str) -> Result<DictRule, PackError> {
        Self::from_parts(path, Parts::from(file), text)
    }

    /// Validate a built-in pack, as compiled in (`text` is its TOML), borrowing its text.
    pub(crate) fn from_static(path: &str, pack: &'static StaticPack, text: &str) -> Result<DictRule, PackError> {
        Self::from_parts(path, Parts::from(pack), text)
    }

    fn from_parts(path: &str, parts: Parts, text: &str) -> Result<DictRule, PackError> {
        let err = |line: Option<usize>, message: String| PackError { path: path.to_string(), line, message };
        let find_line = |needle: &str| text.find(needle).map(|o| line_of(text, o));
        let [code, name, category, severity, message, fix, summary, source, docs] = parts.rule;
        let code_ok = code.len() == 5 && code.starts_with("GW") && code[2..].bytes().all(|b| b.is_ascii_digit());
        if !code_ok {
            return Err(err(find_line("code"), format!("规则代码“{code}”不符合 GWnxx 格式")));
        }
        let category =
            Category::parse(&category).ok_or_else(|| err(find_line("category"), format!("未知的类别“{category}”")))?;
        let severity = Severity::parse(&severity).ok_or_else(|| {
            err(find_line("severity"), format!("severity 只能是 error、warning 或 info，不能是“{severity}”"))
        })?;
        let default_fix = parse_fix(&fix).map_err(|m| err(find_line("fix"), m))?;
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            return Err(err(find_line("name"), format!("规则名“{name}”应为小写连字符格式")));
        }
        let mut fixes = Vec::with_capacity(parts.entries.len());
        let mut seen = HashSet::with_capacity(parts.entries.len());
        for (wrong, right, _, fix) in &parts.entries {
            // Only looked up when there is an error to report: a linear search per entry would
            // make loading a pack of thousands of entries quadratic.
            let line = || find_line(&format!("\"{wrong}\""));
            if wrong.trim().is_empty() {
                return Err(err(line(), "wrong 不能为空".into()));
            }
            if right.as_deref() == Some(wrong.as_ref()) {
                return Err(err(line(), format!("“{wrong}”的 wrong 与 right 相同")));
            }
            if !seen.insert(wrong.as_ref()) {
                return Err(err(line(), format!("词条“{wrong}”重复")));
            }
            fixes.push(match fix {
                Some(f) => parse_fix(f).map_err(|m| err(line(), m))?,
                None => default_fix,
            });
        }
        drop(seen);
        let entries: Vec<Entry> = parts
            .entries
            .into_iter()
            .zip(fixes)
            .map(|((wrong, right, note, _), fix)| Entry { wrong, right, note, fix })
            .collect();
        if entries.is_empty() {
            return Err(err(None, "没有任何词条（[[entries]]），这个词典不会报告任何问题".into()));
        }
        for a in &parts.allow {
            if !entries.iter().any(|e| a.contains(e.wrong.as_ref())) {
                return Err(err(find_line(&format!("\"{a}\"")), format!("allow 短语“{a}”不包含任何词条，不会起作用")));
            }
        }
        // Each phrase once, numbered by its first place (an allow phrase that repeats an entry or
        // another phrase would match only as the first, leftmost-longest ties going to the
        // lower number).
        let mut seen_phrases = HashSet::new();
        let phrases = entries
            .iter()
            .map(|e| &e.wrong)
            .chain(&parts.allow)
            .enumerate()
            .filter(|&(_, p)| seen_phrases.insert(&**p))
            .map(|(i, p)| (p.clone(), i as u32))
            .collect();
        let any_fix = entries.iter().any(|e| e.fix.is_some() && e.right.is_some());
        let all_fix = entries.iter().all(|e| e.fix.is_some() && e.right.is_some());
        let meta = RuleMeta {
            code,
            name,
            category,
            default_severity: severity,
            fix: match (any_fix, all_fix) {
                (_, true) => FixAvailability::Always,
                (true, false) => FixAvailability::Sometimes,
                _ => FixAvailability::None,
            },
            scope: Scope::AnyText,
            summary,
            source,
            docs,
            defers_to: &[],
            skip_in: &[],
        };
        Ok(DictRule {
            meta,
            message,
            entries,
            phrases,
            alone: OnceLock::new(),
            skip_book_titles: parts.skip_book_titles,
            skip_quotations: parts.skip_quotations,
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every phrase of the pack (entries and allow phrases) with its value, for a [`PackSet`].
    pub fn phrases(&self) -> Vec<(&str, u32)> {
        self.phrases.iter().map(|(p, v)| (p.as_ref(), *v)).collect()
    }

    /// Reports the entries among `matches`, the pack's leftmost-longest matches in `doc`
    /// (allow phrases among them shadow what they cover, and report nothing).
    pub fn report(&self, doc: &Document, matches: &[PackMatch], cx: &mut Context<'_>) {
        for m in matches {
            let Some(e) = self.entries.get(m.value as usize) else {
                continue;
            };
            let span = Span::new(m.start, m.end);
            if self.skip_book_titles && doc.elements.quotations.in_book_title(span.start) {
                continue;
            }
            if self.skip_quotations && doc.elements.quotations.contains(span.start) {
                continue;
            }
            let message = self.render(e);
            let d = cx.report(span, message);
            if let Some(note) = &e.note {
                d.with_help(note.clone());
            }
            if let Some(right) = &e.right {
                d.with_label(format!("应为“{right}”"));
                let applicability = e.fix.unwrap_or(Applicability::DisplayOnly);
                d.with_fix(Fix::replace(format!("改为“{right}”"), applicability, span, right));
            }
        }
    }

    fn render(&self, e: &Entry) -> String {
        self.message
            .replace("{wrong}", &e.wrong)
            .replace("{right}", e.right.as_deref().unwrap_or(""))
            .replace("{note}", e.note.as_deref().unwrap_or(""))
    }
}

impl Rule for DictRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    /// The pack by itself (a linter runs all packs together instead). Should its set not build
    /// (an empty phrase), nothing is reported: a linter with the pack could not be made.
    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let alone = self.alone.get_or_init(|| PackSet::new(&[self.phrases()]).ok());
        if let Some(set) = alone {
            self.report(doc, &set.find_in(&doc.text, doc.han_chars())[0], cx);
        }
    }

    fn as_pack(&self) -> Option<&DictRule> {
        Some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SourceKind;

    const PACK: &str = r#"
allow = ["截止日期"]

[rule]
code = "GW699"
name = "test-pack"
category = "wording"
severity = "warning"
message = "疑似错别字：“{wrong}”应为“{right}”"
fix = "safe"
summary = "测试"
docs = "测试"

[[entries]]
wrong = "贯澈"
right = "贯彻"

[[entries]]
wrong = "截止"
right = "截至"
fix = "unsafe"
"#;

    fn run(text: &str) -> Vec<crate::diagnostic::Diagnostic> {
        run_pack(PACK, text).1
    }

    /// `pack` run over `text`: the document and what the pack reports in it.
    fn run_pack(pack: &str, text: &str) -> (Document, Vec<crate::diagnostic::Diagnostic>) {
        let rule = DictRule::from_toml("test.toml", pack).unwrap();
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        let mut out = Vec::new();
        let mut cx = Context::new(rule.meta(), Severity::Warning, None, &mut out);
        rule.check(&doc, &mut cx);
        (doc, out)
    }

    #[test]
    fn allow_phrases_shadow_entries() {
        let d = run("请认真贯澈落实。截止3月15日，共5项；截止日期不变。");
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].message, "疑似错别字：“贯澈”应为“贯彻”");
        assert_eq!(d[1].fix.as_ref().unwrap().applicability, Applicability::Unsafe);
    }

    #[test]
    fn an_allow_phrase_repeating_an_entry_or_another_phrase_builds_and_the_entry_wins() {
        let pack = PACK.replace("allow = [\"截止日期\"]", "allow = [\"截止日期\", \"截止\", \"截止日期\"]");
        let (doc, out) = run_pack(&pack, "截止3月15日；截止日期不变。");
        let found: Vec<&str> = out.iter().map(|d| &doc.text[d.span.start..d.span.end]).collect();
        assert_eq!(found, ["截止"]);
        assert_eq!(out[0].span.start, 0);
    }

    #[test]
    fn quoted_text_is_left_alone_when_asked() {
        let pack = PACK.replace("docs = \"测试\"", "docs = \"测试\"\nskip_quotations = true");
        let (doc, out) = run_pack(&pack, "严禁出现“贯澈”等错字，请贯澈落实。");
        assert_eq!(out.len(), 1);
        assert_eq!(&doc.text[out[0].span.start..out[0].span.end], "贯澈");
        assert!(out[0].span.start > doc.text.find('，').unwrap());
    }

    #[test]
    fn unknown_keys_are_errors_with_a_line() {
        let bad = PACK.replace("summary = \"测试\"", "summary = \"测试\"\nsumary = \"x\"");
        let e = DictRule::from_toml("p.toml", &bad).err().unwrap();
        assert!(e.message.contains("sumary"), "{e}");
        assert_eq!(e.line, Some(12));
    }

    #[test]
    fn a_pack_without_entries_is_an_error() {
        let bad = &PACK[..PACK.find("[[entries]]").unwrap()].replace("allow = [\"截止日期\"]", "");
        let e = DictRule::from_toml("p.toml", bad).err().unwrap();
        assert!(e.message.contains("没有任何词条"), "{e}");
    }

    #[test]
    fn a_pack_run_alone_finds_what_it_finds_in_a_linter() {
        let rule = DictRule::from_toml("test.toml", PACK).unwrap();
        let mut registry = crate::registry::Registry::builtin();
        registry.add("test.toml", Box::new(DictRule::from_toml("test.toml", PACK).unwrap())).unwrap();
        let sel = crate::linter::Selection { select: Some(vec!["GW699".into()]), ..Default::default() };
        let linter = crate::linter::Linter::new(registry, &sel).unwrap();
        let text = "请认真贯澈落实。截止3月15日，共5项；截止日期不变。";
        let doc = Document::from_text("t.txt", SourceKind::Txt, text).unwrap();
        let mut alone = Vec::new();
        rule.check(&doc, &mut Context::new(rule.meta(), Severity::Warning, None, &mut alone));
        let spans =
            |d: &[crate::diagnostic::Diagnostic]| d.iter().map(|d| (d.span.start, d.span.end)).collect::<Vec<_>>();
        assert_eq!(spans(&linter.check(&doc)), spans(&alone));
        assert_eq!(alone.len(), 2);
    }

    #[test]
    fn duplicate_entries_are_errors() {
        let bad = format!("{PACK}\n[[entries]]\nwrong = \"贯澈\"\nright = \"贯彻\"\n");
        let e = DictRule::from_toml("p.toml", &bad).err().unwrap();
        assert!(e.message.contains("重复"), "{e}");
    }
}
