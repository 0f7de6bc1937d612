//! Domain types of the register (v1): commune, élus, séances, deliberations,
//! conventions. Plain serde data; rules live in `comptes` and `validation`.

pub mod actes;
mod commune;
mod convention;
mod decision_maire;
mod deliberation;
mod elu;
pub mod saisie;
mod seance;
mod siret;
pub mod texte;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

pub use actes::{NatureActe, NumeroActes};
pub use commune::{Adresse, Commune, TribunalAdministratif};
pub use convention::{
    euros, Article, Beneficiaire, Bloc, ConditionsFinancieres, Convention, Debut, MentionTaxe,
    Partie, Periode, Uai,
};
pub use decision_maire::{DecisionMaire, NumeroDecision};
pub use deliberation::{
    Correction, Decision, Deliberation, GenreCorrection, ModePublication, NonParticipation,
    Publication, Scrutin, Sens, Signature, Statut, Transmission, Vote, VoteNominatif,
};
pub use elu::{Civilite, Elu, Fonction};
pub use seance::{EtatPresence, Presence, Seance};
pub use siret::Siret;
pub use texte::{Alinea, Segment};

pub type EluId = String;
pub type SeanceId = String;
pub type ConventionId = String;

/// A register number "AAAA/NNN" (year, then order in the year on three digits).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct NumeroDeliberation(String);

impl NumeroDeliberation {
    pub fn new(texte: &str) -> Result<NumeroDeliberation, String> {
        let b = texte.as_bytes();
        let forme = b.len() == 8
            && b[4] == b'/'
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[5..].iter().all(u8::is_ascii_digit);
        if forme {
            Ok(NumeroDeliberation(texte.to_owned()))
        } else {
            Err(format!(
                "le numéro de délibération « {texte} » doit avoir la forme AAAA/NNN (par exemple 2024/052)"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn annee(&self) -> i32 {
        self.0[..4].parse().unwrap_or_default()
    }
}

impl TryFrom<String> for NumeroDeliberation {
    type Error = String;
    fn try_from(texte: String) -> Result<Self, Self::Error> {
        NumeroDeliberation::new(&texte)
    }
}

impl From<NumeroDeliberation> for String {
    fn from(n: NumeroDeliberation) -> String {
        n.0
    }
}

impl std::fmt::Display for NumeroDeliberation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl schemars::JsonSchema for NumeroDeliberation {
    fn schema_name() -> Cow<'static, str> {
        "NumeroDeliberation".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}/[0-9]{3}$",
            "description": "Numéro au registre, AAAA/NNN (par exemple 2024/052)."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numero_de_deliberation_et_numero_actes() {
        let n = NumeroDeliberation::new("2024/052").unwrap();
        assert_eq!(n.annee(), 2024);
        assert_eq!(NumeroActes::depuis_numero(&n).as_str(), "2024_052");
        for faux in ["2024-052", "24/052", "2024/52", "2024/0520", "abcd/052", ""] {
            assert!(NumeroDeliberation::new(faux).is_err(), "{faux}");
        }
    }
}
