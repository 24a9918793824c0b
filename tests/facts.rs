//! The dated fact tables of `rules/facts/` are well formed, versioned and consistent.

use gwlint_core::roster::{
    formulations_version, leaders_version, local_organs_version, national_organs_version, organs_version,
    parse_formulations, parse_leaders, parse_organ_names, parse_organs, shipped_tables, LOCAL_MIN_CHARS,
    NATIONAL_MIN_CHARS,
};

#[test]
fn fact_tables_parse_and_are_versioned() {
    let [(leaders_path, leaders), (organs_path, organs), (national_path, national), (local_path, local), (formulations_path, formulations)] =
        shipped_tables();
    let fixed = parse_formulations(formulations).unwrap_or_else(|e| panic!("{formulations_path}: {e}"));
    assert_eq!(fixed.len(), 20, "{formulations_path} rows");
    assert_eq!(formulations_version(), "2026-11-30");
    let current = parse_organ_names(national, NATIONAL_MIN_CHARS).unwrap_or_else(|e| panic!("{national_path}: {e}"));
    assert_eq!(current.len(), 54, "{national_path} rows");
    assert_eq!(national_organs_version(), "2026-11-30");
    let local_names = parse_organ_names(local, LOCAL_MIN_CHARS).unwrap_or_else(|e| panic!("{local_path}: {e}"));
    assert_eq!(local_names.len(), 35, "{local_path} rows");
    assert_eq!(local_organs_version(), "2026-11-30");
    // No current local name is also an abolished one.
    let abolished = parse_organs(organs).unwrap();
    assert!(local_names.iter().all(|n| abolished.iter().all(|a| &a.name != n)));
    let terms = parse_leaders(leaders).unwrap_or_else(|e| panic!("{leaders_path}: {e}"));
    let abolished = parse_organs(organs).unwrap_or_else(|e| panic!("{organs_path}: {e}"));
    assert_eq!(terms.len(), 54, "{leaders_path} rows");
    assert_eq!(abolished.len(), 51, "{organs_path} rows");
    assert_eq!(leaders_version(), "2026-11-30");
    assert_eq!(organs_version(), "2026-11-30");
}

#[test]
fn one_holder_per_single_post_at_a_time() {
    let [(_, leaders), _, _, _, _] = shipped_tables();
    let terms = parse_leaders(leaders).unwrap();
    for post in [
        "总书记",
        "国家主席",
        "国家副主席",
        "国务院总理",
        "全国人大常委会委员长",
        "全国政协主席",
        "最高人民法院院长",
        "最高人民检察院检察长",
    ] {
        let mut held: Vec<_> = terms.iter().filter(|t| t.post == post).collect();
        held.sort_by_key(|t| t.from);
        for pair in held.windows(2) {
            let end = pair[0]
                .to
                .unwrap_or_else(|| panic!("{post}: {} is in office while {} follows", pair[0].name, pair[1].name));
            assert!(end <= pair[1].from, "{post}: {} and {} overlap", pair[0].name, pair[1].name);
        }
    }
}

#[test]
fn every_abolished_name_is_listed_once() {
    let [_, (_, organs), _, _, _] = shipped_tables();
    let abolished = parse_organs(organs).unwrap();
    let mut names: Vec<&str> = abolished.iter().map(|o| o.name.as_str()).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len());
}

#[test]
fn malformed_formulations_are_refused_with_their_line() {
    let err = |text: &str| parse_formulations(text).unwrap_err();
    assert!(err("N位一体\t五,四\t-\t出处").contains("第1行"));
    assert!(err("位一体\t五\t-\t出处").contains("个数"));
    assert!(err("…N位一体\t五\t-\t出处").contains("开头"));
    assert!(err("N位一体\t五\t2012-13-01\t出处").contains("日期"));
    assert!(err("N位一体\t5\t-\t出处").contains("汉字数字"));
    assert_eq!(parse_formulations("# 注释\nN位一体\t五\t-\t出处").unwrap().len(), 1);
}
