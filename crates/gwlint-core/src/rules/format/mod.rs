//! GW3xx 要素格式 (GB/T 9704—2012 elements checked from text).
pub mod addressee_punctuation;
pub mod attachment_consistency;
pub mod attachment_note;
pub mod colophon;
pub mod date_consistency;
pub mod date_format;
pub mod doc_number_format;
pub mod heading_level_skip;
pub mod heading_marker;
pub mod heading_sequence;
pub mod masthead_elements;
pub mod missing_date;
pub mod signer_required;
