//! The facade embedders use: configure once, then check documents.

use std::collections::BTreeMap;

use crate::config::{Config, LintConfig, OrgProfile};
use crate::diagnostic::{sort_diagnostics, Diagnostic, Severity};
use crate::document::{DocClass, Document};
use crate::pack_set::PackSet;
use crate::registry::Registry;
use crate::rule::{Context, Scope};
use crate::selector::{Selectors, UnknownSelector};

/// Why a selection cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectionError {
    #[error(transparent)]
    UnknownSelector(#[from] UnknownSelector),
    #[error("未知的规则代码或名称：“{0}”")]
    UnknownRule(String),
    #[error("无法构建词典：{0}")]
    Dictionary(String),
}

struct Active {
    index: usize,
    severity: Severity,
    options: Option<toml::Table>,
    /// For a data pack, its place in the linter's [`PackSet`].
    pack: Option<usize>,
}

/// A configured set of rules.
pub struct Linter {
    registry: Registry,
    active: Vec<Active>,
    /// The phrases of every active pack, read in one pass.
    packs: PackSet,
    org: Option<OrgProfile>,
}

/// Rule selection and per-rule settings (from gwlint.toml, then the command line).
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
    pub options: BTreeMap<String, toml::Table>,
    /// The drafting organ's profile, for the routing rules that need it.
    pub org: Option<OrgProfile>,
    /// The kind of files checked (draft, formal, template).
    pub profile: Option<crate::config::Profile>,
}

impl From<&Config> for Selection {
    fn from(c: &Config) -> Self {
        Selection { org: c.organization.clone(), profile: c.lint.profile, ..Selection::from(&c.lint) }
    }
}

impl From<&LintConfig> for Selection {
    fn from(c: &LintConfig) -> Self {
        Selection {
            select: c.select.clone(),
            extend_select: c.extend_select.clone(),
            ignore: c.ignore.clone(),
            severity: c.severity.clone(),
            options: c.options.clone(),
            org: None,
            profile: c.profile,
        }
    }
}

impl Linter {
    /// All built-in rules at their default severities.
    pub fn with_defaults() -> Linter {
        Linter::new(Registry::builtin(), &Selection::default()).expect("default selection is valid")
    }

    pub fn new(registry: Registry, sel: &Selection) -> Result<Linter, SelectionError> {
        let mut select = Selectors::parse(sel.select.as_deref().unwrap_or(&["GW".to_string()]));
        select.0.extend(Selectors::parse(&sel.extend_select).0);
        let ignore = Selectors::parse(&sel.ignore);
        let mut enabled = registry.resolve(&select, &ignore)?;
        // A profile turns off the rules whose metadata says so, unless one is selected by its
        // own code or name.
        if let Some(profile) = sel.profile {
            enabled.retain(|&i| {
                let m = registry.rules()[i].meta();
                !m.skip_in.contains(&profile) || select.best(m) == Some(100)
            });
        }
        for key in sel.severity.keys().chain(sel.options.keys()) {
            if registry.find(key).is_none() {
                return Err(SelectionError::UnknownRule(key.clone()));
            }
        }
        let lookup = |map_key: &str, code: &str, name: &str| map_key.eq_ignore_ascii_case(code) || map_key == name;
        let mut pack_phrases = Vec::new();
        let active = enabled
            .into_iter()
            .map(|index| {
                let m = registry.rules()[index].meta();
                let severity = sel
                    .severity
                    .iter()
                    .find(|(k, _)| lookup(k, &m.code, &m.name))
                    .map_or(m.default_severity, |(_, s)| *s);
                let options = sel.options.iter().find(|(k, _)| lookup(k, &m.code, &m.name)).map(|(_, t)| t.clone());
                let pack = registry.rules()[index].as_pack().map(|p| {
                    pack_phrases.push(p.phrases());
                    pack_phrases.len() - 1
                });
                Active { index, severity, options, pack }
            })
            .collect();
        let packs = PackSet::new(&pack_phrases).map_err(SelectionError::Dictionary)?;
        Ok(Linter { registry, active, packs, org: sel.org.clone() })
    }

    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The registry, giving up the selection.
    pub fn into_registry(self) -> Registry {
        self.registry
    }

    /// Codes of the rules that will run.
    pub fn enabled_codes(&self) -> Vec<&str> {
        self.active.iter().map(|a| self.registry.rules()[a.index].meta().code.as_ref()).collect()
    }

    /// Run every enabled rule on the document; diagnostics come back sorted.
    pub fn check(&self, doc: &Document) -> Vec<Diagnostic> {
        self.check_ignoring(doc, &[])
    }

    /// Like `check`, without the rules named by `ignore` (codes, prefixes or names): the
    /// per-file ignores of a configuration.
    pub fn check_ignoring(&self, doc: &Document, ignore: &[String]) -> Vec<Diagnostic> {
        let ignore = Selectors::parse(ignore);
        let mut out = Vec::new();
        let will_run = |a: &Active| {
            let rule = &self.registry.rules()[a.index];
            let meta = rule.meta();
            let skipped = ignore.matches_code(&meta.code, &meta.name)
                || (meta.scope == Scope::Gongwen && doc.facts.class != DocClass::Gongwen);
            (!skipped).then_some(rule)
        };
        // Every pack's matches, found at the first pack that runs, from the document's Han
        // characters (read with the paragraphs' summaries).
        let mut pack_matches = None;
        for a in &self.active {
            let Some(rule) = will_run(a) else { continue };
            let meta = rule.meta();
            let mut cx = Context::new(meta, a.severity, a.options.as_ref(), &mut out).with_org(self.org.as_ref());
            match (rule.as_pack(), a.pack) {
                (Some(pack), Some(slot)) => {
                    let found = pack_matches.get_or_insert_with(|| self.packs.find_in(&doc.text, doc.han_chars()));
                    pack.report(doc, &found[slot], &mut cx);
                }
                _ => rule.check(doc, &mut cx),
            }
        }
        self.drop_deferred(&mut out);
        for d in &mut out {
            d.span = d.span.clamp_to(&doc.text);
            // A .docx is never rewritten (docx-rs cannot round-trip a package): its fixes are advice.
            if doc.kind == crate::document::SourceKind::Docx {
                if let Some(f) = d.fix.as_mut() {
                    f.safe_as_revision = f.applicability == crate::diagnostic::Applicability::Safe;
                    f.applicability = crate::diagnostic::Applicability::DisplayOnly;
                }
            }
        }
        self.apply_suppressions(doc, &mut out);
        sort_diagnostics(&mut out);
        out
    }

    /// Drop the findings of a rule that overlap a finding of a rule it defers to.
    fn drop_deferred(&self, out: &mut Vec<Diagnostic>) {
        let defers: Vec<(&str, &[&str])> = self
            .active
            .iter()
            .map(|a| self.registry.rules()[a.index].meta())
            .filter(|m| !m.defers_to.is_empty())
            .map(|m| (m.code.as_ref(), m.defers_to))
            .collect();
        if defers.is_empty() {
            return;
        }
        let deferred = |d: &Diagnostic| {
            defers
                .iter()
                .find(|(code, _)| *code == d.code)
                .is_some_and(|(_, to)| out.iter().any(|o| to.contains(&o.code.as_ref()) && o.span.overlaps(&d.span)))
        };
        let keep: Vec<bool> = out.iter().map(|d| !deferred(d)).collect();
        let mut keep = keep.into_iter();
        out.retain(|_| keep.next().unwrap_or(true));
    }

    /// Drop findings covered by gwlint-disable comments; report the comments that cover nothing
    /// as GW001 when that rule is enabled.
    fn apply_suppressions(&self, doc: &Document, out: &mut Vec<crate::diagnostic::Diagnostic>) {
        use crate::rules::meta::unused_suppression::UNUSED_SUPPRESSION;
        use crate::suppression::suppressed;
        let directives = &doc.suppressions;
        if directives.is_empty() {
            return;
        }
        let mut used = vec![false; directives.len()];
        out.retain(|d| !suppressed(directives, &mut used, &d.code, &d.name, doc.position(d.span.start).line));
        let Some(active) =
            self.active.iter().find(|a| self.registry.rules()[a.index].meta().code == UNUSED_SUPPRESSION.code)
        else {
            return;
        };
        let mut unused = Vec::new();
        let mut cx = Context::new(&UNUSED_SUPPRESSION, active.severity, None, &mut unused);
        for (d, used) in directives.iter().zip(used) {
            if used || d.kind == crate::document::suppress::DirectiveKind::Enable {
                continue;
            }
            let what = if d.codes.is_empty() { "所有规则".to_string() } else { d.codes.join("、") };
            // In a .docx the suppression is a Word comment over paragraphs (lines are paragraphs).
            let (line, message) = if doc.kind == crate::document::SourceKind::Docx {
                (d.line + 1, format!("第{}段的 Word 抑制批注（{what}）没有抑制任何问题", d.line + 1))
            } else {
                (d.line, format!("第{}行的抑制注释（{what}）没有抑制任何问题", d.line))
            };
            let at = doc.text_offset_of_source_line(line);
            cx.report(crate::span::Span::empty(at), message)
                .with_label("未使用的抑制注释")
                .with_help("删除这条注释，或核对其中的规则代码。");
        }
        out.extend(unused);
    }
}
