//! `gwlint-facts`: rebuild `rules/facts/leaders.tsv` from the appointment records in
//! `rules/facts/sources/appointments.tsv` (run from the repository root).

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::path::Path::new("rules/facts/leaders.tsv");
    let text = match gwlint_core::roster::leaders_from_shipped_appointments() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("gwlint-facts: rules/facts/sources/appointments.tsv: {e}");
            return ExitCode::from(2);
        }
    };
    // The table is compiled into gwlint: rebuild after writing it.
    match std::fs::write(path, text) {
        Ok(()) => {
            println!("wrote {} (rebuild gwlint to use it)", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gwlint-facts: {}: {e}", path.display());
            ExitCode::from(2)
        }
    }
}
