//! GW4xx 标点 (GB/T 15834—2011).
pub mod approx_number_dunhao;
pub mod dash;
pub mod dunhao;
pub mod dunhao_between_quoted;
pub mod duplicate_punctuation;
pub mod ellipsis;
pub mod fullwidth_alnum;
pub mod halfwidth_punctuation;
pub mod heading_end;
pub mod invisible_chars;
pub mod line_endings;
pub mod ordinal_dunhao;
pub mod paired_marks;
pub mod paragraph_end;
pub mod range_connector;
pub mod spaces;
pub mod straight_quotes;
