//! No input makes gwlint panic or hang: random bytes, truncations, bit flips, odd Markdown,
//! a huge single paragraph.

use gwlint_core::{Document, Linter, ParseOptions};

use crate::support::fixture;

/// A small deterministic generator (no dependency needed for a smoke fuzz).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn lint_any(name: &str, bytes: &[u8], linter: &Linter) {
    if let Ok(doc) = Document::parse(name, bytes, &ParseOptions::default()) {
        for d in linter.check(&doc) {
            assert!(d.span.end <= doc.text.len());
            let _ = doc.position(d.span.start);
        }
    }
}

#[test]
fn random_bytes_truncations_and_bit_flips() {
    let linter = Linter::with_defaults();
    let mut rng = Lcg(42);
    for _ in 0..300 {
        let len = (rng.next() % 400) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        lint_any("r.txt", &bytes, &linter);
        lint_any("r.md", &bytes, &linter);
    }
    for name in ["03_baogao_errors.txt", "10_gbk_tongzhi.txt", "13_utf16_tonggao.txt", "06_yijian.md"] {
        let orig = std::fs::read(fixture(&format!("documents/{name}"))).unwrap();
        for cut in (0..orig.len()).step_by(5) {
            lint_any(name, &orig[..cut], &linter);
        }
        for _ in 0..200 {
            let mut b = orig.clone();
            let i = (rng.next() as usize) % b.len();
            b[i] ^= 1 << (rng.next() % 8);
            lint_any(name, &b, &linter);
        }
    }
}

#[test]
fn odd_markdown_and_structure() {
    let linter = Linter::with_defaults();
    let cases = [
        "```\n未闭合的代码块\n",
        "<!--\n未闭合的注释\n",
        "# \n##\n---\n***\n",
        "1.\n2.\n（\n）\n",
        "[链接](http://a.b \"t\")\n![图](x.png)\n",
        "> 引用\n>> 嵌套\n- 列表\n  - 子项\n",
        "附件：\n附件\n抄送：\n印发\n",
        "2025年1月1日\n2025年1月1日\n",
        "（（（（（（（（（（）\n",
        "\u{feff}\u{200b}\u{3000}\t \r\r\n\n",
    ];
    for c in cases {
        lint_any("a.md", c.as_bytes(), &linter);
        lint_any("a.txt", c.as_bytes(), &linter);
    }
}

#[test]
fn one_huge_paragraph_is_linear() {
    let linter = Linter::with_defaults();
    let para = "为切实做好安全生产工作,现通知如下：".repeat(20_000);
    let text = format!("关于做好安全生产工作的通知\n\n各单位：\n{para}\n");
    let doc = Document::parse("big.txt", text.as_bytes(), &ParseOptions::default()).unwrap();
    let d = linter.check(&doc);
    assert_eq!(d.iter().filter(|d| d.code == "GW401").count(), 20_000);
}
