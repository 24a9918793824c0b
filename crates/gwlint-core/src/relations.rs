//! How an organ named in a document stands to its issuer, as far as the names alone show it.
//!
//! Without `[organization]` in gwlint.toml the 行文规则 still see the plain cases:
//!
//! - the government or Party committee of the issuer's own region is its superior: 鹿鸣县交通运输局
//!   writes to 鹿鸣县人民政府, 县政府 or 县委 upward (a department of a 县 below the 县's government);
//!   a 乡/镇 government writes to a 县/区 government upward; a company's superior is the 国资委 of
//!   the place its name starts with;
//! - a unit below the issuer in its own line is its subordinate: a 所, 站, 队 or 中心 of the issuer's
//!   field (县交通运输局 → 石桥乡交通管理站; 县水利局 → 青龙水库管理所; 县农业农村局 → 县农业技术推广
//!   中心), the issuer's 二级学院, a company of the issuer's group (宁川城发集团 → 宁川城发物业服务
//!   有限公司), or units called 所属/下属/局属/基层, or a group of organs (各……).
//!
//! Anything less plain is left unknown. With `[organization]` configured, the configured relations
//! win (`relation_to`).

use crate::config::{OrgProfile, Relation};
use crate::text::{char_len, strip_spaces};

/// The relation of `other` to the issuer: configured first, inferred from the names otherwise.
pub fn relation_to(issuer: Option<&str>, other: &str, org: Option<&OrgProfile>) -> Option<Relation> {
    if let Some(r) = org.and_then(|o| o.relation(other)) {
        return Some(r);
    }
    if names_subordinates(&strip_spaces(other)) {
        return Some(Relation::Subordinate);
    }
    infer(issuer?, other)
}

/// Names that say by themselves they are subordinate organs, whoever the issuer: a group
/// (各县（市、区）人民政府, 各有关单位) or units called 所属, 下属, 局属, 直属单位, 基层.
fn names_subordinates(name: &str) -> bool {
    name.starts_with('各')
        || ["所属", "下属", "直属单位", "基层", "局属", "委属", "厅属", "院属", "校属"].iter().any(|w| name.contains(w))
}

/// The relation the two names show by themselves.
pub fn infer(issuer: &str, other: &str) -> Option<Relation> {
    let (issuer, other) = (strip_spaces(issuer), strip_spaces(other));
    if is_own_government(&issuer, &other) {
        Some(Relation::Superior)
    } else if is_own_unit(&issuer, &other) {
        Some(Relation::Subordinate)
    } else {
        None
    }
}

/// Region levels, from the largest.
const LEVELS: &[char] = &['省', '市', '州', '盟', '县', '区', '旗', '乡', '镇'];

/// The region a name starts with and its level: 鹿鸣县交通运输局 → (鹿鸣县, '县'); 县政府 → (县, '县').
fn region(name: &str) -> Option<(&str, char)> {
    let mut best = None;
    for (i, c) in name.char_indices().take(9) {
        if LEVELS.contains(&c) {
            // 市场监督管理局: 市 followed by 场 is a word, not a region.
            let next = name[i + c.len_utf8()..].chars().next();
            if c == '市' && next == Some('场') {
                continue;
            }
            best = Some((&name[..i + c.len_utf8()], c));
            if i > 0 {
                break;
            }
        }
    }
    best
}

/// Does the name end like a government or a Party committee of a region?
fn government_of(name: &str) -> Option<&str> {
    for suffix in ["人民政府", "政府", "委员会", "委"] {
        if let Some(r) = name.strip_suffix(suffix) {
            // 县委 / 中共鹿鸣县委员会 / 鹿鸣县人民政府: the rest is only the region.
            let r = r.strip_prefix("中共").unwrap_or(r);
            if !r.is_empty() && r.chars().last().is_some_and(|c| LEVELS.contains(&c)) && char_len(r) <= 8 {
                return Some(r);
            }
        }
    }
    None
}

/// The issuer is a department of a region and `other` is that region's government or committee;
/// or the issuer is a 乡/镇 government and `other` a 县/区 government; or the issuer is a company
/// and `other` the 国资委 of the place its name starts with (the state owner's supervisor).
fn is_own_government(issuer: &str, other: &str) -> bool {
    if is_owner_of_company(issuer, other) {
        return true;
    }
    let Some(gov_region) = government_of(other) else { return false };
    if let Some(own) = government_of(issuer) {
        let level = |r: &str| r.chars().last();
        return matches!(level(own), Some('乡' | '镇')) && matches!(level(gov_region), Some('县' | '区'));
    }
    let Some((issuer_region, level)) = region(issuer) else { return false };
    // 鹿鸣县人民政府 for 鹿鸣县交通运输局; 县政府 for any 县's department.
    gov_region == issuer_region || (char_len(gov_region) == 1 && gov_region.starts_with(level))
}

/// A company and the 国资委 of its place (宁川城发集团有限公司 → 宁川市人民政府国有资产监督管理委员会).
fn is_owner_of_company(issuer: &str, other: &str) -> bool {
    if !issuer.ends_with("公司") || !(other.contains("国有资产监督管理委员会") || other.ends_with("国资委"))
    {
        return false;
    }
    let place = region(other).map_or("", |(r, _)| r.trim_end_matches(LEVELS));
    char_len(place) >= 2 && issuer.starts_with(place)
}

/// Endings of units that sit below a department in its own line.
const UNIT_ENDINGS: &[&str] = &["所", "站", "队", "中心", "二级学院", "分公司", "分局", "科", "股"];

/// Words that are a field, not a place, in a name's first characters after the region.
fn field(name: &str) -> Option<&str> {
    let rest = region(name).map_or(name, |(r, _)| &name[r.len()..]);
    let two: usize = rest.char_indices().nth(2).map_or(rest.len(), |(i, _)| i);
    (char_len(rest) >= 3).then(|| &rest[..two])
}

/// `other` is a unit of the issuer's own line: its 所/站/中心 in the same field, its 二级学院,
/// or a company of its group.
fn is_own_unit(issuer: &str, other: &str) -> bool {
    if names_subordinates(other) {
        return true;
    }
    if other.contains("二级学院") && (issuer.ends_with("学院") || issuer.ends_with("大学")) {
        return true;
    }
    // A company of the group: the group's name (without 集团有限公司) begins the company's.
    if let Some(brand) = ["集团有限公司", "集团公司", "集团"].iter().find_map(|s| issuer.strip_suffix(s)) {
        if char_len(brand) >= 2 && other.starts_with(brand) && other.ends_with("公司") && other != issuer {
            return true;
        }
    }
    // A 所, 站 or 中心 of the same field below a department (not another department).
    let is_unit = UNIT_ENDINGS.iter().any(|e| other.ends_with(e))
        && !["局", "委", "厅", "政府"].iter().any(|e| other.ends_with(e));
    let department = ["局", "委员会", "委", "厅", "办公室"].iter().any(|e| issuer.ends_with(e));
    let same_field = field(issuer).is_some_and(|f| other.contains(f))
        || field(issuer).and_then(|f| f.chars().next()).is_some_and(|c| c == '水' && other.contains("水库"));
    is_unit && department && same_field
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn governments_of_the_issuers_region_are_superiors() {
        for (issuer, other) in [
            ("鹿鸣县交通运输局", "鹿鸣县人民政府"),
            ("鹿鸣县交通运输局", "县政府"),
            ("江屿市应急管理局", "江屿市人民政府"),
            ("江屿市应急管理局", "市政府"),
            ("禾丰县农业农村局", "中共禾丰县委员会"),
            ("禾丰县农业农村局", "县委"),
            ("宁川市市场监督管理局", "宁川市人民政府"),
            ("河湾乡人民政府", "岑溪县人民政府"),
            ("宁川城发集团有限公司", "宁川市人民政府国有资产监督管理委员会"),
            ("宁川城发集团有限公司", "宁川市国资委"),
        ] {
            assert_eq!(infer(issuer, other), Some(Relation::Superior), "{issuer} → {other}");
        }
        for (issuer, other) in [
            ("鹿鸣县人民政府", "江屿市人民政府"),
            ("鹿鸣县交通运输局", "江屿市人民政府"),
            ("鹿鸣县交通运输局", "江屿市交通运输局"),
            ("鹿鸣县交通运输局", "鹿鸣县财政局"),
            ("鹿鸣县交通运输局", "市政府"),
            ("宁川港航集团有限公司", "宁川市人民政府"),
            ("岑溪县人民政府", "宁川市人民政府"),
            ("宁川城发集团有限公司", "江屿市国资委"),
            ("宁川市财政局", "宁川市国资委"),
        ] {
            assert_eq!(infer(issuer, other), None, "{issuer} → {other}");
        }
    }

    #[test]
    fn units_of_the_issuers_line_are_subordinates() {
        for (issuer, other) in [
            ("鹿鸣县交通运输局", "石桥乡交通管理站"),
            ("鹿鸣县水利局", "青龙水库管理所"),
            ("鹿鸣县农业农村局", "县农业技术推广中心"),
            ("宁川职业技术学院", "学院各二级学院"),
            ("宁川城发集团有限公司", "宁川城发物业服务有限公司"),
            ("鹿鸣县交通运输局", "局属各单位"),
            ("鹿鸣县教育局", "县直属单位"),
        ] {
            assert_eq!(infer(issuer, other), Some(Relation::Subordinate), "{issuer} → {other}");
        }
        for (issuer, other) in [
            ("鹿鸣县交通运输局", "县发展和改革局"),
            ("鹿鸣县交通运输局", "县财政局"),
            ("鹿鸣县交通运输局", "县公路养护中心站局"),
            ("鹿鸣县交通运输局", "县疾病预防控制中心"),
            ("鹿鸣县农业农村局", "市农业农村局"),
            ("宁川城发集团有限公司", "宁川市财政局"),
            ("鹿鸣县防汛抗旱指挥部办公室", "县气象局"),
        ] {
            assert_eq!(infer(issuer, other), None, "{issuer} → {other}");
        }
    }

    #[test]
    fn configured_relations_win() {
        let org = OrgProfile { subordinates: vec!["鹿鸣县人民政府".into()], ..Default::default() };
        assert_eq!(relation_to(Some("鹿鸣县交通运输局"), "鹿鸣县人民政府", Some(&org)), Some(Relation::Subordinate));
        assert_eq!(relation_to(None, "县政府", None), None);
        assert_eq!(relation_to(None, "各乡镇人民政府", None), Some(Relation::Subordinate));
    }
}
