//! GW7xx 版式 (.docx only): GB/T 9704—2012 page and type, checked on the resolved formatting.
pub mod closing_placement;
pub mod common;
pub mod first_line_indent;
pub mod fonts;
pub mod page_number;
pub mod page_setup;
pub mod read_note;
pub mod spec;
