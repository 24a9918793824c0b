//! GB/T 9704—2012 layout numbers in one place, each with its clause, and the font names
//! accepted for each face. Lengths are in twips (1 mm = 56.7 twips), sizes in half-points.

/// Twips in one millimetre.
pub const TWIPS_PER_MM: f64 = 56.692_913;

/// A length with its tolerance.
pub struct Length {
    pub what: &'static str,
    pub mm: f64,
    pub tolerance_mm: f64,
    pub clause: &'static str,
}

/// 5.1 纸张: A4 210 mm × 297 mm (成品尺寸允许误差 ±2 mm, 6.3).
pub const PAGE_WIDTH: Length =
    Length { what: "纸张宽度", mm: 210.0, tolerance_mm: 2.0, clause: "GB/T 9704—2012 5.1" };
pub const PAGE_HEIGHT: Length =
    Length { what: "纸张高度", mm: 297.0, tolerance_mm: 2.0, clause: "GB/T 9704—2012 5.1" };
/// 5.2.1 天头 37 mm ±1 mm, 订口 28 mm ±1 mm, 版心 156 mm × 225 mm; the bottom and right margins
/// follow from A4 minus the 版心: 297 − 37 − 225 = 35 mm, 210 − 28 − 156 = 26 mm.
pub const MARGINS: [Length; 4] = [
    Length { what: "上边距（天头）", mm: 37.0, tolerance_mm: 1.0, clause: "GB/T 9704—2012 5.2.1" },
    Length {
        what: "下边距", mm: 35.0, tolerance_mm: 1.0, clause: "GB/T 9704—2012 5.2.1（由版心225 mm推算）"
    },
    Length { what: "左边距（订口）", mm: 28.0, tolerance_mm: 1.0, clause: "GB/T 9704—2012 5.2.1" },
    Length {
        what: "右边距", mm: 26.0, tolerance_mm: 1.0, clause: "GB/T 9704—2012 5.2.1（由版心156 mm推算）"
    },
];

/// 三号 = 16 pt; 二号 = 22 pt.
pub const SIZE_3HAO: u32 = 32;
pub const SIZE_2HAO: u32 = 44;

/// 7.3.3 正文 3号仿宋体; the common names of the face.
pub const FANGSONG: &[&str] = &[
    "仿宋_GB2312",
    "仿宋",
    "FangSong",
    "FangSong_GB2312",
    "方正仿宋_GBK",
    "方正仿宋简体",
    "仿宋_GB18030",
    "华文仿宋",
    "方正仿宋_GB2312",
];
/// 7.3.1 标题 2号小标宋体.
pub const XIAOBIAOSONG: &[&str] =
    &["方正小标宋简体", "方正小标宋_GBK", "方正小标宋", "小标宋体", "小标宋", "华文中宋", "方正小标宋_GB2312"];
/// 7.3.3 第一层 黑体.
pub const HEITI: &[&str] = &["黑体", "SimHei", "方正黑体_GBK", "方正黑体简体", "华文黑体", "方正黑体_GB2312"];
/// 7.3.3 第二层 楷体.
pub const KAITI: &[&str] =
    &["楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "方正楷体_GBK", "方正楷体简体", "华文楷体", "楷体_GB18030"];

/// First-line indent of two 三号 characters: 2 × 16 pt = 640 twips, or 200 hundredths of a character.
pub const INDENT_TWIPS: std::ops::RangeInclusive<i64> = 560..=720;
pub const INDENT_CHARS: std::ops::RangeInclusive<i64> = 180..=220;

/// 7.3.5: 署名 and 成文日期 stand on the right (日期右空四字, 署名 centred over it). A paragraph counts
/// as placed on the right when aligned right or centre, indented on the left by at least a third
/// of the 156 mm 版心 (about 10 三号 characters), or led by at least four spaces.
pub const CLOSING_MIN_LEFT_TWIPS: i64 = 2950;
pub const CLOSING_MIN_LEFT_CHARS: i64 = 1000;
pub const CLOSING_MIN_LEADING_SPACES: usize = 4;

pub fn mm(twips: i64) -> f64 {
    twips as f64 / TWIPS_PER_MM
}

pub fn size_name(half_points: u32) -> String {
    let name = match half_points {
        84 => "初号",
        72 => "小初",
        52 => "一号",
        48 => "小一",
        44 => "二号",
        36 => "小二",
        32 => "三号",
        30 => "小三",
        28 => "四号",
        24 => "小四",
        21 => "五号",
        18 => "小五",
        _ => "",
    };
    let pt = half_points as f64 / 2.0;
    if name.is_empty() {
        format!("{pt}磅")
    } else {
        format!("{name}（{pt}磅）")
    }
}

pub fn is_one_of(font: Option<&str>, names: &[&str]) -> bool {
    font.is_some_and(|f| names.iter().any(|n| n.eq_ignore_ascii_case(f.trim())))
}
