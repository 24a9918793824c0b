//! GW2xx 行文规则 (《党政机关公文处理工作条例》第十五条至第十七条).
pub mod addressed_to_leader;
pub mod direction_mismatch;
pub mod letter_to_superior;
pub mod qingshi_one_matter;
pub mod qingshi_single_addressee;
pub mod report_no_request;
pub mod signed_by_person;
pub mod skip_level;
pub mod upward_cc_subordinate;
