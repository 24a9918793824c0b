//! GW1xx 文种与结构.
pub mod title_genre;
