//! GW6xx 用字用词. The dictionary rules (GW601 and packs) are data in `rules/*.toml`.
pub mod context_confusion;
pub mod de_di_de;
pub mod duplicated_words;
pub mod naming_consistency;
pub mod near_miss_tables;
pub mod near_miss_words;
pub mod placeholders;
pub mod usage_preference;
pub mod word_patterns;
