//! Council members (élus) and their mandates.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::EluId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Civilite {
    Monsieur,
    Madame,
}

impl Civilite {
    /// "M." / "Mme", as in "Mme CAROLA fait part…".
    pub fn abregee(self) -> &'static str {
        match self {
            Civilite::Monsieur => "M.",
            Civilite::Madame => "Mme",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case", tag = "fonction", deny_unknown_fields)]
pub enum Fonction {
    Maire,
    Adjoint { rang: u8 },
    ConseillerDelegue,
    Conseiller,
}

// serde cannot deny unknown fields next to `flatten`; the schema does it
// (`unevaluatedProperties`), and import validates against the schema first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[schemars(extend("unevaluatedProperties" = false))]
pub struct Elu {
    /// Stable identifier used by séances and deliberations, e.g. "billes-jean-paul".
    pub id: EluId,
    pub civilite: Civilite,
    pub prenom: String,
    /// Family name as printed in the register, usually in capitals.
    pub nom: String,
    #[serde(flatten)]
    pub fonction: Fonction,
    /// Start of the mandate (installation of the council), when known.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub mandat_debut: Option<NaiveDate>,
    /// End of the mandate (resignation, death, end of term), when it ended.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub mandat_fin: Option<NaiveDate>,
}

impl Elu {
    /// "Jean-Paul BILLES".
    pub fn nom_complet(&self) -> String {
        format!("{} {}", self.prenom, self.nom)
    }

    /// Whether the élu is in office on `date`; an unknown start counts as
    /// in office, since the register only lists installed members.
    pub fn en_exercice_le(&self, date: NaiveDate) -> bool {
        self.mandat_debut.is_none_or(|debut| debut <= date)
            && self.mandat_fin.is_none_or(|fin| date <= fin)
    }

    /// "Maire", "Adjointe", "Conseiller municipal"… agreed with the civilité.
    pub fn libelle_fonction(&self) -> String {
        let feminin = self.civilite == Civilite::Madame;
        match (&self.fonction, feminin) {
            (Fonction::Maire, _) => "Maire".into(),
            (Fonction::Adjoint { rang }, false) => {
                format!("{rang}{} Adjoint", ordinal(*rang, false))
            }
            (Fonction::Adjoint { rang }, true) => {
                format!("{rang}{} Adjointe", ordinal(*rang, true))
            }
            (Fonction::ConseillerDelegue, false) => "Conseiller municipal délégué".into(),
            (Fonction::ConseillerDelegue, true) => "Conseillère municipale déléguée".into(),
            (Fonction::Conseiller, false) => "Conseiller municipal".into(),
            (Fonction::Conseiller, true) => "Conseillère municipale".into(),
        }
    }
}

/// French abbreviated ordinals: 1er / 1re, then 2e, 3e…
fn ordinal(rang: u8, feminin: bool) -> &'static str {
    match (rang, feminin) {
        (1, false) => "er",
        (1, true) => "re",
        _ => "e",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn elu(debut: Option<&str>, fin: Option<&str>) -> Elu {
        Elu {
            id: "x".into(),
            civilite: Civilite::Madame,
            prenom: "Karine".into(),
            nom: "CAROLA".into(),
            fonction: Fonction::Adjoint { rang: 1 },
            mandat_debut: debut.map(|d| d.parse().unwrap()),
            mandat_fin: fin.map(|d| d.parse().unwrap()),
        }
    }

    #[test]
    fn mandat_borne_les_dates_d_exercice() {
        let e = elu(Some("2020-05-23"), Some("2024-03-31"));
        assert!(!e.en_exercice_le("2020-05-22".parse().unwrap()));
        assert!(e.en_exercice_le("2020-05-23".parse().unwrap()));
        assert!(e.en_exercice_le("2024-03-31".parse().unwrap()));
        assert!(!e.en_exercice_le("2024-05-15".parse().unwrap()));
        assert!(elu(None, None).en_exercice_le("2024-05-15".parse().unwrap()));
    }

    #[test]
    fn fonction_s_accorde_avec_la_civilite() {
        let mut e = elu(None, None);
        assert_eq!(e.libelle_fonction(), "1re Adjointe");
        e.civilite = Civilite::Monsieur;
        assert_eq!(e.libelle_fonction(), "1er Adjoint");
        e.fonction = Fonction::Adjoint { rang: 2 };
        assert_eq!(e.libelle_fonction(), "2e Adjoint");
        e.fonction = Fonction::Conseiller;
        e.civilite = Civilite::Madame;
        assert_eq!(e.libelle_fonction(), "Conseillère municipale");
    }
}
