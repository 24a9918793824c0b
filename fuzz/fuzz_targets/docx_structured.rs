//! A structure-aware .docx target: generated WordprocessingML (paragraphs, runs, tables, text
//! boxes, fallback copies, comments, styles) zipped into a package, so the fuzzer explores the
//! readers rather than the zip format.
#![no_main]

use arbitrary::Arbitrary;
use gwlint_core::{Document, Linter, ParseOptions};
use libfuzzer_sys::fuzz_target;
use std::io::Write;
use std::sync::LazyLock;

static LINTER: LazyLock<Linter> = LazyLock::new(Linter::with_defaults);

#[derive(Arbitrary, Debug)]
enum Block {
    Para { style: Option<u8>, runs: Vec<Run> },
    Table(Vec<Vec<Block>>),
    TextBox { anchor: String, inner: Vec<Block>, fallback_copy: bool },
    Raw(String),
}

#[derive(Arbitrary, Debug)]
struct Run {
    text: String,
    size: Option<u16>,
    font: Option<String>,
    tab: bool,
}

#[derive(Arbitrary, Debug)]
struct Package {
    body: Vec<Block>,
    styles: Vec<(u8, Option<u8>, Option<u16>)>,
    with_styles: bool,
    with_rels: bool,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn block(b: &Block, depth: usize, out: &mut String) {
    if depth > 40 {
        return;
    }
    match b {
        Block::Para { style, runs } => {
            out.push_str("<w:p>");
            if let Some(s) = style {
                out.push_str(&format!("<w:pPr><w:pStyle w:val=\"S{s}\"/></w:pPr>"));
            }
            for r in runs {
                out.push_str("<w:r>");
                if r.size.is_some() || r.font.is_some() {
                    out.push_str("<w:rPr>");
                    if let Some(f) = &r.font {
                        out.push_str(&format!("<w:rFonts w:eastAsia=\"{}\"/>", esc(f)));
                    }
                    if let Some(sz) = r.size {
                        out.push_str(&format!("<w:sz w:val=\"{sz}\"/>"));
                    }
                    out.push_str("</w:rPr>");
                }
                out.push_str(&format!("<w:t xml:space=\"preserve\">{}</w:t>", esc(&r.text)));
                if r.tab {
                    out.push_str("<w:tab/>");
                }
                out.push_str("</w:r>");
            }
            out.push_str("</w:p>");
        }
        Block::Table(rows) => {
            out.push_str("<w:tbl>");
            for row in rows {
                out.push_str("<w:tr><w:tc>");
                for b in row {
                    block(b, depth + 1, out);
                }
                out.push_str("<w:p/></w:tc></w:tr>");
            }
            out.push_str("</w:tbl>");
        }
        Block::TextBox { anchor, inner, fallback_copy } => {
            let mut content = String::new();
            for b in inner {
                block(b, depth + 1, &mut content);
            }
            out.push_str(&format!("<w:p><w:r><w:t>{}</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>", esc(anchor)));
            if *fallback_copy {
                out.push_str(&format!("<mc:Fallback><w:pict><v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></w:pict></mc:Fallback>"));
            }
            out.push_str("</mc:AlternateContent></w:r></w:p>");
        }
        Block::Raw(s) => out.push_str(s),
    }
}

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml""#;

fuzz_target!(|pkg: Package| {
    let mut body = String::new();
    for b in &pkg.body {
        block(b, 0, &mut body);
    }
    let document =
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document {NS}><w:body>{body}</w:body></w:document>");
    let styles: String = pkg
        .styles
        .iter()
        .map(|(id, based, sz)| {
            let based = based.map(|b| format!("<w:basedOn w:val=\"S{b}\"/>")).unwrap_or_default();
            let sz = sz.map(|s| format!("<w:rPr><w:sz w:val=\"{s}\"/></w:rPr>")).unwrap_or_default();
            format!("<w:style w:type=\"paragraph\" w:styleId=\"S{id}\">{based}{sz}</w:style>")
        })
        .collect();
    let mut parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_string()),
        ("word/document.xml", document),
    ];
    if pkg.with_rels {
        let styles_rel = if pkg.with_styles {
            r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        } else {
            ""
        };
        parts.push(("word/_rels/document.xml.rels", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{styles_rel}</Relationships>"#)));
    }
    if pkg.with_styles {
        parts.push((
            "word/styles.xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles {NS}>{styles}</w:styles>"),
        ));
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        for (name, data) in &parts {
            if z.start_file(*name, opts).is_err() || z.write_all(data.as_bytes()).is_err() {
                return;
            }
        }
        if z.finish().is_err() {
            return;
        }
    }
    let Ok(doc) = Document::parse("a.docx", &buf.into_inner(), &ParseOptions::default()) else { return };
    let _ = LINTER.check(&doc);
});
