//! Built-in code rules, one per file, grouped by family. Data rules live in `rules/*.toml`.

pub mod common;
pub mod format;
pub mod layout;
pub mod meta;
pub mod number;
pub mod punctuation;
pub mod routing;
pub mod structure;
pub mod wording;

use crate::rule::Rule;

/// Every built-in code rule. `tests/registry.rs` checks each file under `rules/` is listed.
pub fn builtin() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(meta::unused_suppression::UnusedSuppression),
        Box::new(structure::title_genre::TitleGenre),
        Box::new(structure::mixed_genre::MixedGenre),
        Box::new(structure::title_missing_subject::TitleMissingSubject),
        Box::new(structure::title_nested_forwarding::TitleNestedForwarding),
        Box::new(structure::title_punctuation::TitlePunctuation),
        Box::new(structure::request_closing::RequestClosing),
        Box::new(structure::closing_genre_mismatch::ClosingGenreMismatch),
        Box::new(structure::reply_cites_request::ReplyCitesRequest),
        Box::new(structure::missing_addressee::MissingAddressee),
        Box::new(routing::qingshi_one_matter::QingshiOneMatter),
        Box::new(routing::report_no_request::ReportNoRequest),
        Box::new(routing::qingshi_single_addressee::QingshiSingleAddressee),
        Box::new(routing::addressed_to_leader::AddressedToLeader),
        Box::new(routing::signed_by_person::SignedByPerson),
        Box::new(routing::upward_cc_subordinate::UpwardCcSubordinate),
        Box::new(routing::direction_mismatch::DirectionMismatch),
        Box::new(routing::skip_level::SkipLevel),
        Box::new(routing::letter_to_superior::LetterToSuperior),
        Box::new(format::doc_number_format::DocNumberFormat),
        Box::new(format::date_format::DateFormat),
        Box::new(format::date_consistency::DateConsistency),
        Box::new(format::heading_marker::HeadingMarker),
        Box::new(format::heading_sequence::HeadingSequence),
        Box::new(format::heading_level_skip::HeadingLevelSkip),
        Box::new(format::attachment_note::AttachmentNote),
        Box::new(format::attachment_consistency::AttachmentConsistency),
        Box::new(format::masthead_elements::MastheadElements),
        Box::new(format::colophon::Colophon),
        Box::new(format::signer_required::SignerRequired),
        Box::new(format::missing_date::MissingDate),
        Box::new(format::addressee_punctuation::AddresseePunctuation),
        Box::new(punctuation::halfwidth_punctuation::HalfwidthPunctuation),
        Box::new(punctuation::paired_marks::PairedMarks),
        Box::new(punctuation::dunhao::DunhaoBeforeConjunction),
        Box::new(punctuation::approx_number_dunhao::ApproxNumberDunhao),
        Box::new(punctuation::dunhao_between_quoted::DunhaoBetweenQuoted),
        Box::new(punctuation::ellipsis::Ellipsis),
        Box::new(punctuation::dash::Dash),
        Box::new(punctuation::range_connector::RangeConnector),
        Box::new(punctuation::duplicate_punctuation::DuplicatePunctuation),
        Box::new(punctuation::paragraph_end::ParagraphEnd),
        Box::new(punctuation::heading_end::HeadingEnd),
        Box::new(punctuation::spaces::Spaces),
        Box::new(punctuation::fullwidth_alnum::FullwidthAlnum),
        Box::new(punctuation::invisible_chars::InvisibleChars),
        Box::new(punctuation::straight_quotes::StraightQuotes),
        Box::new(punctuation::ordinal_dunhao::OrdinalDunhao),
        Box::new(punctuation::line_endings::MixedLineEndings),
        Box::new(number::year_abbreviation::YearAbbreviation),
        Box::new(number::year_zero::YearZero),
        Box::new(number::range_units::RangeUnits),
        Box::new(number::mixed_numerals::MixedNumerals),
        Box::new(number::digit_grouping::DigitGrouping),
        Box::new(wording::context_confusion::ContextConfusion),
        Box::new(wording::de_di_de::DeDiDe),
        Box::new(wording::duplicated_words::DuplicatedWords),
        Box::new(wording::placeholders::Placeholders),
        Box::new(wording::naming_consistency::NamingConsistency),
        Box::new(wording::near_miss_words::NearMissWords),
        Box::new(wording::usage_preference::UsagePreference),
        Box::new(layout::read_note::DocxReadNote),
        Box::new(layout::page_setup::PageSetup),
        Box::new(layout::fonts::TitleFont),
        Box::new(layout::fonts::BodyFont),
        Box::new(layout::fonts::HeadingFont),
        Box::new(layout::first_line_indent::FirstLineIndent),
        Box::new(layout::page_number::PageNumber),
        Box::new(layout::closing_placement::ClosingPlacement),
    ]
}
