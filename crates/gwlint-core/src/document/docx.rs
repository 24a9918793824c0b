//! The .docx reader: preflight, docx-rs under `catch_unwind`, then a walk over docx-rs's serde
//! form (its font and size fields are private) with the style cascade resolved:
//! docDefaults → paragraph style and its basedOn chain → character style → direct formatting,
//! theme fonts included. If docx-rs fails on a file the preflight accepts, the text is taken
//! from document.xml directly and the layout rules are skipped.

use serde_json::{Map, Value};

use super::docx_map::DocxMap;
use super::docx_preflight::preflight;
use super::format::{DocFormat, Footer, PageSetup, ParagraphFormat, RunFormat};

/// What the reader produces: the paragraphs' text and, when docx-rs could read the file, the
/// formatting.
pub struct DocxContent {
    pub paragraphs: Vec<String>,
    /// Where the paragraphs' characters stand in document.xml (both reading paths).
    pub map: DocxMap,
    /// Word comments whose text is a gwlint suppression ("gwlint-disable GW204 -- 理由").
    pub suppressions: Vec<super::suppress::Directive>,
    pub format: Option<DocFormat>,
    /// Why the formatting is missing, when it is.
    pub note: Option<String>,
}

/// How long docx-rs may take on one file before the text is read without it. The preflight
/// rejects every input known to make it loop; this is the last line of defence.
#[cfg(not(target_arch = "wasm32"))]
const DOCX_RS_TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(20);

/// Read a .docx; without `layout` (or when docx-rs must not or cannot read it) the text only.
pub fn read(bytes: &[u8], layout: bool) -> Result<DocxContent, String> {
    let parts = preflight(bytes)?;
    let map = DocxMap::read(&parts.document_xml);
    let package = match parts.for_docx_rs {
        Ok(_) if !layout => return Ok(fallback(map, "按要求只读取文字")),
        Ok(p) => p,
        Err(why) => return Ok(fallback(map, &why)),
    };
    let docx = match read_with_docx_rs(package) {
        Ok(d) => d,
        Err(why) => return Ok(fallback(map, &why)),
    };
    let (Ok(document), Ok(styles), Ok(themes)) =
        (serde_json::to_value(&docx.document), serde_json::to_value(&docx.styles), serde_json::to_value(&docx.themes))
    else {
        return Ok(fallback(map, "无法读取文档结构"));
    };
    let cascade = Cascade::new(&styles, &themes);
    let mut walker = Walker {
        cascade: &cascade,
        paragraphs: Vec::new(),
        formats: Vec::new(),
        in_table: 0,
        comments: Vec::new(),
        comment_ends: Vec::new(),
    };
    walker.children(document.get("children"));
    let page = page_setup(&document["sectionProperty"]);
    let suppressions = walker.suppressions();
    let footer = footer(&document["sectionProperty"]);
    // The formatting belongs to docx-rs's paragraphs; it is used only when they are the map's
    // paragraphs, text for text, so that 第N段 and every offset mean one thing.
    let texts = map.texts();
    let same = |a: &String, b: &String| a.chars().filter(|c| !matches!(c, '\n' | '\r')).eq(b.chars());
    if walker.paragraphs.len() != texts.len() || !walker.paragraphs.iter().zip(&texts).all(|(a, b)| same(a, b)) {
        let first = walker.paragraphs.iter().zip(&texts).position(|(a, b)| !same(a, b)).unwrap_or(texts.len());
        let why = format!("docx-rs 与 XML 读出的第{}段不一致", first + 1);
        return Ok(DocxContent { suppressions, ..fallback(map, &why) });
    }
    let format = DocFormat { page, footer, paragraphs: walker.formats };
    Ok(DocxContent { paragraphs: texts, map, suppressions, format: Some(format), note: None })
}

/// docx-rs in the browser (WebAssembly has no threads and no clock here): called directly; the
/// preflight has already turned away every input known to make it loop or overflow.
#[cfg(target_arch = "wasm32")]
fn read_with_docx_rs(package: Vec<u8>) -> Result<docx_rs::Docx, String> {
    docx_rs::read_docx(&package).map_err(|e| format!("{e:?}"))
}

/// docx-rs on its own thread (with a large stack, its panics caught), within a time limit.
#[cfg(not(target_arch = "wasm32"))]
fn read_with_docx_rs(package: Vec<u8>) -> Result<docx_rs::Docx, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new().name("docx-rs".into()).stack_size(32 << 20).spawn(move || {
        let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| docx_rs::read_docx(&package)));
        let _ = tx.send(parsed);
    });
    if spawned.is_err() {
        return Err("无法启动解析线程".into());
    }
    match rx.recv_timeout(DOCX_RS_TIME_LIMIT) {
        Ok(Ok(Ok(d))) => Ok(d),
        Ok(Ok(Err(e))) => Err(format!("{e:?}")),
        Ok(Err(_)) => Err("解析器内部错误".into()),
        // The thread is left to finish on its own; the run goes on with the text.
        Err(_) => Err(format!("解析超过 {} 秒", DOCX_RS_TIME_LIMIT.as_secs())),
    }
}

fn fallback(map: DocxMap, why: &str) -> DocxContent {
    let why: String = why.chars().take(120).collect();
    DocxContent {
        paragraphs: map.texts(),
        map,
        suppressions: Vec::new(),
        format: None,
        note: Some(format!("无法完整解析此 .docx（{why}），已改用纯文本提取：文字规则照常检查，版式规则未运行")),
    }
}

/// The default footer: its text (fields shown by their cached value) and whether it holds PAGE.
fn footer(sp: &Value) -> Option<Footer> {
    let f = sp.get("footer")?.as_array()?.get(1)?;
    fn walk(v: &Value, text: &mut String, page: &mut bool) {
        match v {
            Value::Object(m) => {
                let kind = m.get("type").and_then(Value::as_str).unwrap_or("");
                if kind == "text" {
                    text.push_str(m.get("data").and_then(|d| d["text"].as_str()).unwrap_or(""));
                } else if kind.starts_with("instrText") {
                    let instr = m.get("data").map(|d| d.to_string()).unwrap_or_default();
                    *page |= instr.to_ascii_uppercase().contains("PAGE");
                }
                m.values().for_each(|x| walk(x, text, page));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, text, page)),
            _ => {}
        }
    }
    let (mut text, mut page_field) = (String::new(), false);
    walk(f, &mut text, &mut page_field);
    Some(Footer { text, page_field })
}

fn page_setup(sp: &Value) -> Option<PageSetup> {
    let size = &sp["pageSize"];
    let m = &sp["pageMargin"];
    Some(PageSetup {
        width: size["w"].as_i64()?,
        height: size["h"].as_i64()?,
        top: m["top"].as_i64()?,
        bottom: m["bottom"].as_i64()?,
        left: m["left"].as_i64()?,
        right: m["right"].as_i64()?,
    })
}

/// Resolved style information.
struct Cascade {
    defaults_run: Map<String, Value>,
    defaults_para: Map<String, Value>,
    styles: Vec<Value>,
    /// Style id → index in `styles` (the first definition wins, as in Word).
    by_id: std::collections::HashMap<String, usize>,
    minor_ea: Option<String>,
    major_ea: Option<String>,
    default_para_style: Option<String>,
}

impl Cascade {
    fn new(styles: &Value, themes: &Value) -> Cascade {
        let obj = |v: &Value| v.as_object().cloned().unwrap_or_default();
        let defaults = &styles["docDefaults"];
        let list = styles["styles"].as_array().cloned().unwrap_or_default();
        let default_para_style = list
            .iter()
            .find(|s| s["styleType"] == "paragraph" && (s["styleId"] == "Normal" || s["default"] == true))
            .and_then(|s| s["styleId"].as_str().map(String::from));
        let mut by_id = std::collections::HashMap::new();
        for (i, s) in list.iter().enumerate() {
            if let Some(id) = s["styleId"].as_str() {
                by_id.entry(id.to_string()).or_insert(i);
            }
        }
        Cascade {
            by_id,
            defaults_run: obj(&defaults["runPropertyDefault"]["runProperty"]),
            defaults_para: obj(&defaults["paragraphPropertyDefault"]["paragraphProperty"]),
            styles: list,
            minor_ea: theme_font(themes, "minor"),
            major_ea: theme_font(themes, "major"),
            default_para_style,
        }
    }

    fn style(&self, id: &str) -> Option<&Value> {
        self.by_id.get(id).map(|&i| &self.styles[i])
    }

    /// The style and its basedOn ancestors, root first (at most 10 levels, no cycles).
    fn chain(&self, id: Option<&str>) -> Vec<&Value> {
        let mut out = Vec::new();
        let mut next = id.map(String::from);
        while let Some(i) = next.take() {
            let Some(s) = self.style(&i) else { break };
            if out.len() >= 10 || out.iter().any(|o: &&Value| o["styleId"] == s["styleId"]) {
                break;
            }
            out.push(s);
            next = s["basedOn"].as_str().map(String::from);
        }
        out.reverse();
        out
    }

    fn theme(&self, name: &str) -> Option<String> {
        if name.starts_with("minor") {
            self.minor_ea.clone()
        } else if name.starts_with("major") {
            self.major_ea.clone()
        } else {
            None
        }
    }
}

/// The East Asian typeface of a theme's minor or major font, if the theme names one.
fn theme_font(themes: &Value, which: &str) -> Option<String> {
    fn find(v: &Value, which: &str, inside: bool) -> Option<String> {
        match v {
            Value::Object(m) => {
                for (k, child) in m {
                    let here = inside || k.to_ascii_lowercase().starts_with(which);
                    if here {
                        if let Some(t) = (k == "ea" || k == "eastAsia").then(|| child["typeface"].as_str()).flatten() {
                            if !t.is_empty() {
                                return Some(t.to_string());
                            }
                        }
                        if child["script"] == "Hans" {
                            if let Some(t) = child["typeface"].as_str() {
                                return Some(t.to_string());
                            }
                        }
                    }
                    if let Some(f) = find(child, which, here) {
                        return Some(f);
                    }
                }
                None
            }
            Value::Array(a) => a.iter().find_map(|x| find(x, which, inside)),
            _ => None,
        }
    }
    find(themes, which, false)
}

/// Overlay `over` on `base` for the properties the layout rules read.
fn merge(base: &mut Map<String, Value>, over: &Value) {
    let Some(o) = over.as_object() else { return };
    for (k, v) in o {
        if v.is_null() {
            continue;
        }
        if k == "fonts" {
            let fonts = base.entry("fonts").or_insert_with(|| Value::Object(Map::new()));
            if let (Some(f), Some(vo)) = (fonts.as_object_mut(), v.as_object()) {
                for (fk, fv) in vo {
                    if !fv.is_null() {
                        f.insert(fk.clone(), fv.clone());
                    }
                }
            }
        } else {
            base.insert(k.clone(), v.clone());
        }
    }
}

struct Walker<'a> {
    cascade: &'a Cascade,
    paragraphs: Vec<String>,
    formats: Vec<ParagraphFormat>,
    in_table: usize,
    /// Word comments: (id, text, index of the paragraph where the commented range starts).
    comments: Vec<(i64, String, usize)>,
    /// (id, index of the paragraph where the commented range ends).
    comment_ends: Vec<(i64, usize)>,
}

/// The text of a comment's paragraphs.
/// The paragraphs inside a drawing's text boxes (`w:txbxContent`), in document order; pictures
/// have none. Tables inside a text box contribute their cells' paragraphs.
fn text_box_paragraphs(drawing: &Value, out: &mut Vec<Value>) {
    match drawing {
        Value::Object(map) if map.get("type").and_then(Value::as_str) == Some("paragraph") => {
            out.push(map.get("data").cloned().unwrap_or(Value::Null));
        }
        Value::Object(map) => map.values().for_each(|v| text_box_paragraphs(v, out)),
        Value::Array(items) => items.iter().for_each(|v| text_box_paragraphs(v, out)),
        _ => {}
    }
}

fn comment_text(comment: &Value) -> String {
    fn collect(v: &Value, out: &mut String) {
        match v {
            Value::Object(m) => {
                if m.get("type").and_then(Value::as_str) == Some("text") {
                    out.push_str(m.get("data").and_then(|d| d["text"].as_str()).unwrap_or(""));
                }
                m.values().for_each(|x| collect(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    collect(&comment["children"], &mut out);
    out
}

impl Walker<'_> {
    /// Comments that say "gwlint-disable …" suppress those rules on the paragraphs they cover:
    /// a Disable before the first paragraph and an Enable after the last (lines are paragraphs).
    fn suppressions(&self) -> Vec<super::suppress::Directive> {
        use super::suppress::{Directive, DirectiveKind};
        let mut out = Vec::new();
        for (id, text, start) in &self.comments {
            let text = text.trim();
            let Some(rest) = text.strip_prefix("gwlint-disable") else { continue };
            let (codes, reason) = match rest.split_once("--") {
                Some((a, b)) => (a, Some(b.trim().to_string()).filter(|r| !r.is_empty())),
                None => (rest, None),
            };
            let codes: Vec<String> = codes
                .split([',', ' ', '，', '、'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            let end = self.comment_ends.iter().find(|(i, _)| i == id).map_or(*start, |(_, e)| *e);
            out.push(Directive { kind: DirectiveKind::Disable, codes: codes.clone(), reason, line: *start });
            out.push(Directive { kind: DirectiveKind::Enable, codes, reason: None, line: end + 2 });
        }
        out
    }

    fn children(&mut self, children: Option<&Value>) {
        for c in children.and_then(Value::as_array).into_iter().flatten() {
            match c["type"].as_str() {
                Some("paragraph") => self.paragraph(&c["data"]),
                Some("table") => {
                    self.in_table += 1;
                    for row in c["data"]["rows"].as_array().into_iter().flatten() {
                        for cell in row["data"]["cells"].as_array().into_iter().flatten() {
                            self.children(cell["data"].get("children"));
                        }
                    }
                    self.in_table -= 1;
                }
                _ => self.children(c["data"].get("children")),
            }
        }
    }

    fn paragraph(&mut self, p: &Value) {
        let prop = &p["property"];
        let style = prop["style"].as_str().map(String::from).or_else(|| self.cascade.default_para_style.clone());
        let chain = self.cascade.chain(style.as_deref());
        let mut para_props = self.cascade.defaults_para.clone();
        let mut run_base = self.cascade.defaults_run.clone();
        for s in &chain {
            merge(&mut para_props, &s["paragraphProperty"]);
            merge(&mut run_base, &s["runProperty"]);
        }
        merge(&mut para_props, prop);
        let mut text = String::new();
        let mut runs = Vec::new();
        let mut boxed = Vec::new();
        self.runs(&p["children"], &run_base, &mut text, &mut runs, &mut boxed);
        let here = self.paragraphs.len();
        for c in p["children"].as_array().into_iter().flatten() {
            match c["type"].as_str() {
                Some("commentRangeStart") => {
                    let id = c["data"]["id"].as_i64().unwrap_or(-1);
                    self.comments.push((id, comment_text(&c["data"]["comment"]), here));
                }
                Some("commentRangeEnd") => self.comment_ends.push((c["data"]["id"].as_i64().unwrap_or(-1), here)),
                _ => {}
            }
        }
        let indent = &para_props.get("indent").cloned().unwrap_or(Value::Null);
        let first_line =
            (indent["specialIndent"]["type"] == "firstLine").then(|| indent["specialIndent"]["val"].as_i64()).flatten();
        self.formats.push(ParagraphFormat {
            style,
            alignment: para_props.get("alignment").and_then(Value::as_str).map(String::from),
            first_line_twips: first_line,
            first_line_chars: indent["firstLineChars"].as_i64(),
            left_twips: indent["start"].as_i64(),
            left_chars: indent["startChars"].as_i64(),
            in_table: self.in_table > 0,
            runs,
        });
        self.paragraphs.push(text);
        // Text boxes anchored in this paragraph: their paragraphs follow it in reading order.
        // Like table cells they are outside the body flow, so the layout rules leave them alone.
        self.in_table += 1;
        for inner in &boxed {
            self.paragraph(inner);
        }
        self.in_table -= 1;
    }

    fn runs(
        &self,
        children: &Value,
        base: &Map<String, Value>,
        text: &mut String,
        out: &mut Vec<RunFormat>,
        boxed: &mut Vec<Value>,
    ) {
        for c in children.as_array().into_iter().flatten() {
            if c["type"] != "run" {
                // Hyperlinks, insertions, smart tags: runs nested inside.
                self.runs(&c["data"]["children"], base, text, out, boxed);
                continue;
            }
            let rp = &c["data"]["runProperty"];
            let mut props = base.clone();
            if let Some(char_style) = rp["style"].as_str() {
                for s in self.cascade.chain(Some(char_style)) {
                    merge(&mut props, &s["runProperty"]);
                }
            }
            merge(&mut props, rp);
            let start = text.len();
            for piece in c["data"]["children"].as_array().into_iter().flatten() {
                match piece["type"].as_str() {
                    Some("text") => text.push_str(piece["data"]["text"].as_str().unwrap_or("")),
                    Some("tab") => text.push('\t'),
                    Some("drawing") => text_box_paragraphs(&piece["data"], boxed),
                    _ => {}
                }
            }
            if text.len() == start {
                continue;
            }
            let fonts = props.get("fonts").cloned().unwrap_or(Value::Null);
            let east_asia = fonts["eastAsia"]
                .as_str()
                .map(String::from)
                .or_else(|| fonts["eastAsiaTheme"].as_str().and_then(|t| self.cascade.theme(t)));
            out.push(RunFormat {
                start,
                end: text.len(),
                east_asia_font: east_asia,
                size: props.get("sz").and_then(Value::as_u64).map(|v| v as u32),
                bold: props.get("bold").and_then(Value::as_bool).unwrap_or(false),
            });
        }
    }
}
