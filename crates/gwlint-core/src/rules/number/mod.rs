//! GW5xx 数字 (GB/T 15835—2011).
pub mod digit_grouping;
pub mod mixed_numerals;
pub mod range_units;
pub mod year_abbreviation;
pub mod year_zero;
