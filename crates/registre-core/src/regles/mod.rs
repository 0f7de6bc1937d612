//! The legal rules of the CGCT that Registre checks before anything is
//! signed. Each diagnostic carries a stable code, a severity, a French
//! message and the article it enforces. Thresholds and tables are data
//! (`effectif`, `seuils`), so a reform needs no change of logic.
//!
//! Everything here is a pure function of the records: no clock is read.

mod convention;
mod diagnostics;
pub mod effectif;
pub mod numerotation;
pub mod seuils;

pub use convention::{verifier_annexe, verifier_convention};
pub use diagnostics::{
    issue_du_vote, jours_francs, verifier_deliberation, verifier_seance, CodeDiagnostic,
    Diagnostic, Gravite, IssueVote,
};

#[cfg(test)]
mod tests;
