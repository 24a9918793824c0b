//! GW418 invalid-bytes: bytes of a damaged file that its encoding cannot decode, and the
//! replacement character “�” left in the text by an earlier damage.

use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Context, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## 作用
    /// 报告文件中无法按其编码解码的字节（多为复制、转换或传输中损坏的 UTF-8 文件）：gwlint 把每处
    /// 损坏的字节读作“�”，照常检查其余文字，并指出损坏字节在文件中的位置和取值。文中已有的替换
    /// 字符“�”（以前的损坏留下的，原来的字已经丢失）也一并报告。
    ///
    /// ## 原因
    /// 损坏的字节在 Word、WPS 和网页中显示为乱码或问号，印发前必须找回原文改正。这样的文件
    /// `--fix` 不会写回，以免改动无法原样保存的字节。
    ///
    /// ## 示例
    /// ```text
    /// 关于开展安全检查的通知
    ///
    /// 各单位：
    /// 　　经研究，决定开展�安全生产大检查。
    /// ```
    ///
    /// ## 应改为
    /// ```text
    /// 关于开展安全检查的通知
    ///
    /// 各单位：
    /// 　　经研究，决定开展安全生产大检查。
    /// ```
    ///
    /// ## 依据
    /// 《党政机关公文处理工作条例》第二十条（四）：文字准确。
    pub static INVALID_BYTES = {
        code: "GW418",
        name: "invalid-bytes",
        category: Punctuation,
        severity: Error,
        fix: None,
        scope: AnyText,
        summary: "文件中有无法解码的损坏字节",
        source: "《党政机关公文处理工作条例》第二十条（四）",
    };
}

pub struct InvalidBytes;

impl Rule for InvalidBytes {
    fn meta(&self) -> &RuleMeta {
        &INVALID_BYTES
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let mut damaged = Vec::new();
        for bad in &doc.invalid_bytes {
            let at = doc.text_offset(bad.text_offset);
            let shown: Vec<String> = bad.bytes.iter().map(|b| format!("0x{b:02X}")).collect();
            cx.report(
                Span::new(at, at + '\u{FFFD}'.len_utf8()),
                format!("文件第 {} 字节处有无法按 {} 解码的字节（{}）", bad.file_offset, doc.encoding, shown.join(" ")),
            )
            .with_label("损坏的字节")
            .with_help("找回原文改正这一处，或用正确的编码重新保存文件；此文件不会被 --fix 改写。");
            damaged.push(at);
        }
        // Searched for as its three bytes (a search for the character stops at every 0xBD, a
        // byte most Chinese characters hold).
        for at in
            memchr::memmem::find_iter(doc.text.as_bytes(), "\u{FFFD}".as_bytes()).filter(|at| !damaged.contains(at))
        {
            cx.report(Span::new(at, at + '\u{FFFD}'.len_utf8()), "文中有替换字符“�”：此处原来的文字已经丢失")
                .with_label("丢失的文字")
                .with_help("找回原文，补上丢失的文字。");
        }
    }
}
