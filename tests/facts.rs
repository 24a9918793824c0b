//! The dated fact tables of `rules/facts/` are well formed, versioned and consistent.

use gwlint_core::roster::{
    formulations_version, leaders_from_shipped_appointments, leaders_version, local_organs_version,
    national_organs_version, organs_version, parse_appointments, parse_formulations, parse_leaders, parse_organ_names,
    parse_organs, shipped_tables, statutory_bodies_version, terms_from_appointments, Day, BODIES_MIN_CHARS,
    LOCAL_MIN_CHARS, NATIONAL_MIN_CHARS,
};

#[test]
fn fact_tables_parse_and_are_versioned() {
    let [(leaders_path, leaders), (organs_path, organs), (national_path, national), (local_path, local), (formulations_path, formulations), (bodies_path, bodies)] =
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
    let body_names = parse_organ_names(bodies, BODIES_MIN_CHARS).unwrap_or_else(|e| panic!("{bodies_path}: {e}"));
    assert_eq!(body_names.len(), 11, "{bodies_path} rows");
    assert_eq!(statutory_bodies_version(), "2026-12-01");
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
    let [(_, leaders), _, _, _, _, _] = shipped_tables();
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
    let [_, (_, organs), _, _, _, _] = shipped_tables();
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

#[test]
fn the_leaders_table_is_what_the_appointment_records_give() {
    let [(leaders_path, leaders), ..] = shipped_tables();
    let rebuilt = leaders_from_shipped_appointments().expect("rules/facts/sources/appointments.tsv");
    assert!(
        rebuilt == leaders,
        "{leaders_path} differs from rules/facts/sources/appointments.tsv: run cargo run -p gwlint-dev --bin gwlint-facts"
    );
}

#[test]
fn appointments_open_renew_and_end_terms() {
    let events = parse_appointments(concat!(
        "2008-03-17\t副总理\t甲、乙\t任\t一届\n",
        "2010-01-01\t副总理\t乙\t免\t免职决定\n",
        "2013-03-16\t副总理\t甲、丙\t任\t二届\n",
        "2018-03-19\t副总理\t丁\t任\t三届\n",
    ))
    .unwrap();
    let terms = terms_from_appointments(&events).unwrap();
    let shown: Vec<(&str, Day, Option<Day>, usize)> =
        terms.iter().map(|(t, s)| (t.name.as_str(), t.from, t.to, s.len())).collect();
    assert_eq!(
        shown,
        vec![
            ("甲", (2008, 3, 17), Some((2018, 3, 19)), 3),
            ("乙", (2008, 3, 17), Some((2010, 1, 1)), 2),
            ("丙", (2013, 3, 16), Some((2018, 3, 19)), 2),
            ("丁", (2018, 3, 19), None, 1),
        ]
    );
    let out_of_order = parse_appointments("2013-03-16\t总理\t甲\t任\t二届\n2008-03-16\t总理\t乙\t任\t一届\n").unwrap();
    assert!(terms_from_appointments(&out_of_order).unwrap_err().contains("先后"));
    let not_in_office = parse_appointments("2013-03-16\t总理\t甲\t免\t免职\n").unwrap();
    assert!(terms_from_appointments(&not_in_office).unwrap_err().contains("没有任"));
    assert!(parse_appointments("2013-03-16\t总理\t甲\t选\t一届").unwrap_err().contains("事件"));
}
