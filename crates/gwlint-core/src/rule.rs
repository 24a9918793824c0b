//! The `Rule` trait, rule metadata and the context rules report through.

use serde::Serialize;
use std::borrow::Cow;

use crate::diagnostic::{Diagnostic, Fix, Label, Severity};
use crate::document::Document;
use crate::span::Span;

/// Rule families, matching the code ranges (docs/design.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// GW0xx about gwlint itself (suppression comments)
    Meta,
    /// GW1xx 文种与结构
    Structure,
    /// GW2xx 行文规则
    Routing,
    /// GW3xx 要素格式
    Format,
    /// GW4xx 标点
    Punctuation,
    /// GW5xx 数字
    Number,
    /// GW6xx 用字用词
    Wording,
    /// GW7xx 版式 (.docx)
    Layout,
}

impl Category {
    pub fn name_zh(self) -> &'static str {
        match self {
            Category::Meta => "工具",
            Category::Structure => "文种与结构",
            Category::Routing => "行文规则",
            Category::Format => "要素格式",
            Category::Punctuation => "标点",
            Category::Number => "数字",
            Category::Wording => "用字用词",
            Category::Layout => "版式",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Some(match s {
            "meta" => Category::Meta,
            "structure" => Category::Structure,
            "routing" => Category::Routing,
            "format" => Category::Format,
            "punctuation" => Category::Punctuation,
            "number" => Category::Number,
            "wording" => Category::Wording,
            "layout" => Category::Layout,
            _ => return None,
        })
    }
}

/// Whether a rule can fix what it finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

impl FixAvailability {
    /// How `gwlint rules` and `gwlint explain` say it.
    pub fn label_zh(self) -> &'static str {
        match self {
            FixAvailability::Always => "可修复",
            FixAvailability::Sometimes => "部分可修复",
            FixAvailability::None => "—",
        }
    }
}

/// Which documents a rule judges.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Any text: punctuation, numbers, wording.
    AnyText,
    /// Only texts recognised as 公文 (not 讲话稿 or articles): structure and routing.
    Gongwen,
}

/// Everything known about a rule without running it.
#[derive(Clone, Debug, Serialize)]
pub struct RuleMeta {
    /// Stable code, e.g. "GW401". Never reused.
    pub code: Cow<'static, str>,
    /// Stable kebab-case name, e.g. "halfwidth-punctuation".
    pub name: Cow<'static, str>,
    pub category: Category,
    pub default_severity: Severity,
    pub fix: FixAvailability,
    pub scope: Scope,
    /// One Chinese line for `gwlint rules`.
    pub summary: Cow<'static, str>,
    /// The clause the rule enforces.
    pub source: Cow<'static, str>,
    /// Chinese docs: ## 作用 / ## 原因 / ## 示例 / ## 应改为 / ## 依据.
    pub docs: Cow<'static, str>,
    /// Codes whose findings take precedence: a finding of this rule that overlaps a finding of
    /// one of them in the same document is dropped. A general rule defers to a specific one
    /// that reports the same characters, and only when that one actually reported them
    /// (selecting this rule alone still reports everything). The registry checks every code.
    pub defers_to: &'static [&'static str],
    /// The file profiles (`--profile`) in which the rule does not run.
    pub skip_in: &'static [crate::config::Profile],
}

/// A rule as `gwlint rules --format json` lists it (and the Python package's `rules()`).
#[derive(Clone, Debug, Serialize)]
pub struct RuleRow<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub category: Category,
    pub severity: Severity,
    pub fix: FixAvailability,
    pub summary: &'a str,
    pub source: &'a str,
}

impl RuleMeta {
    /// The rule's row in a rule list.
    pub fn row(&self) -> RuleRow<'_> {
        RuleRow {
            code: &self.code,
            name: &self.name,
            category: self.category,
            severity: self.default_severity,
            fix: self.fix,
            summary: &self.summary,
            source: &self.source,
        }
    }

    /// What `gwlint explain` prints (and the editor server and the MCP server show): the
    /// heading line, category, default severity and fix, then the docs (Markdown).
    pub fn explanation(&self) -> String {
        format!(
            "{} {}：{}\n类别：{}    默认级别：{}    修复：{}\n\n{}",
            self.code,
            self.name,
            self.summary,
            self.category.name_zh(),
            self.default_severity.label_zh(),
            self.fix.label_zh(),
            self.docs_text()
        )
    }

    /// The rule's page in `docs/rules/` (Markdown), generated from the registry.
    pub fn doc_page(&self) -> String {
        format!(
            "# {} {}\n\n{}\n\n- 类别：{}\n- 默认级别：{}\n- 修复：{}\n- 适用：{}\n\n{}",
            self.code,
            self.name,
            self.summary,
            self.category.name_zh(),
            self.default_severity.label_zh(),
            self.fix.label_zh(),
            match self.scope {
                Scope::AnyText => "任何文本",
                Scope::Gongwen => "仅公文（讲话稿、文章等不检查）",
            },
            self.docs_text()
        )
    }

    /// The docs with the one leading space of `///` lines removed.
    pub fn docs_text(&self) -> String {
        let mut out = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out.trim().to_string() + "\n"
    }

    /// Code blocks of the docs: (section heading, block text), in order.
    pub fn doc_examples(&self) -> Vec<(String, String)> {
        let docs = self.docs_text();
        let mut out = Vec::new();
        let mut section = String::new();
        let mut block: Option<String> = None;
        for line in docs.lines() {
            if let Some(b) = block.as_mut() {
                if line.trim_start().starts_with("```") {
                    out.push((section.clone(), std::mem::take(b)));
                    block = None;
                } else {
                    b.push_str(line);
                    b.push('\n');
                }
            } else if let Some(h) = line.strip_prefix("## ") {
                section = h.trim().to_string();
            } else if line.trim_start().starts_with("```") {
                block = Some(String::new());
            }
        }
        out
    }
}

/// Declare a rule's metadata with its Chinese docs as `///` comments (ruff/clippy style).
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $NAME:ident = {
            code: $code:literal,
            name: $name:literal,
            category: $cat:ident,
            severity: $sev:ident,
            fix: $fix:ident,
            scope: $scope:ident,
            summary: $summary:literal,
            source: $source:literal
            $(, defers_to: [$($defer:literal),* $(,)?])?
            $(, skip_in: [$($skip:ident),* $(,)?])?
            $(,)?
        };
    ) => {
        $vis static $NAME: $crate::rule::RuleMeta = $crate::rule::RuleMeta {
            code: ::std::borrow::Cow::Borrowed($code),
            name: ::std::borrow::Cow::Borrowed($name),
            category: $crate::rule::Category::$cat,
            default_severity: $crate::diagnostic::Severity::$sev,
            fix: $crate::rule::FixAvailability::$fix,
            scope: $crate::rule::Scope::$scope,
            summary: ::std::borrow::Cow::Borrowed($summary),
            source: ::std::borrow::Cow::Borrowed($source),
            docs: ::std::borrow::Cow::Borrowed(concat!($($doc, "\n"),*)),
            defers_to: &[$($($defer),*)?],
            skip_in: &[$($($crate::config::Profile::$skip),*)?],
        };
    };
}

/// A check over a whole document.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &RuleMeta;
    fn check(&self, doc: &Document, cx: &mut Context<'_>);

    /// The rule as a data pack: a linter reads the text once for all its packs.
    fn as_pack(&self) -> Option<&crate::pack::DictRule> {
        None
    }
}

/// What a running rule reports through: stamps the code, name, configured severity and source.
pub struct Context<'a> {
    meta: &'a RuleMeta,
    severity: Severity,
    options: Option<&'a toml::Table>,
    org: Option<&'a crate::config::OrgProfile>,
    out: &'a mut Vec<Diagnostic>,
}

impl<'a> Context<'a> {
    pub fn new(
        meta: &'a RuleMeta,
        severity: Severity,
        options: Option<&'a toml::Table>,
        out: &'a mut Vec<Diagnostic>,
    ) -> Self {
        Context { meta, severity, options, org: None, out }
    }

    /// Give the rule the drafting organ's profile (`[organization]` in gwlint.toml).
    pub fn with_org(mut self, org: Option<&'a crate::config::OrgProfile>) -> Self {
        self.org = org;
        self
    }

    /// The drafting organ's profile, if configured.
    pub fn org(&self) -> Option<&'a crate::config::OrgProfile> {
        self.org
    }

    /// Report a finding at `span`; returns it so the caller can add help, labels and a fix.
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.out.push(Diagnostic {
            code: self.meta.code.clone(),
            name: self.meta.name.clone(),
            severity: self.severity,
            message: message.into(),
            span,
            label: None,
            labels: Vec::new(),
            help: None,
            source: Some(self.meta.source.clone()).filter(|s| !s.is_empty()),
            fix: None,
        });
        self.out.last_mut().expect("just pushed")
    }

    /// The rule's whole `[lint.options.GWxxx]` table from gwlint.toml, if any.
    pub fn options(&self) -> Option<&toml::Table> {
        self.options
    }

    /// A per-rule option from `[lint.options.GWxxx]` in gwlint.toml.
    pub fn option<T: serde::de::DeserializeOwned>(&self, key: &str) -> Option<T> {
        self.options?.get(key)?.clone().try_into().ok()
    }
}

impl Diagnostic {
    pub fn with_label(&mut self, text: impl Into<String>) -> &mut Self {
        self.label = Some(text.into());
        self
    }

    pub fn with_secondary(&mut self, span: Span, message: impl Into<String>) -> &mut Self {
        self.labels.push(Label { span, message: message.into() });
        self
    }

    pub fn with_help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(&mut self, fix: Fix) -> &mut Self {
        self.fix = Some(fix);
        self
    }
}
