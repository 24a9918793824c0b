//! GW0xx: about gwlint itself.
pub mod unused_suppression;
