//! GW4xx 标点 (GB/T 15834—2011).
pub mod halfwidth_punctuation;
