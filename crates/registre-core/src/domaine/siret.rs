//! SIRET numbers (INSEE): 14 digits whose Luhn key is valid.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A SIRET checked at construction: 14 digits, Luhn key valid.
///
/// The Luhn rule applies to every SIRET except La Poste's establishments
/// (SIREN 356 000 000), whose digits must sum to a multiple of 5 instead (INSEE).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct Siret(String);

const SIREN_LA_POSTE: &str = "356000000";

impl Siret {
    pub fn new(texte: &str) -> Result<Siret, String> {
        let chiffres: String = texte.chars().filter(|c| !c.is_whitespace()).collect();
        if chiffres.len() != 14 || !chiffres.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "le SIRET « {texte} » doit compter exactement 14 chiffres"
            ));
        }
        let valide = if chiffres.starts_with(SIREN_LA_POSTE) {
            chiffres
                .bytes()
                .map(|b| u32::from(b - b'0'))
                .sum::<u32>()
                .is_multiple_of(5)
        } else {
            cle_luhn_valide(&chiffres)
        };
        if valide {
            Ok(Siret(chiffres))
        } else {
            Err(format!(
                "le SIRET « {texte} » n'est pas valide (clé de contrôle incorrecte)"
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The SIREN: the first 9 digits, which identify the collectivité.
    pub fn siren(&self) -> &str {
        &self.0[..9]
    }
}

fn cle_luhn_valide(chiffres: &str) -> bool {
    let somme: u32 = chiffres
        .bytes()
        .rev()
        .enumerate()
        .map(|(rang, b)| {
            let c = u32::from(b - b'0');
            if rang % 2 == 1 {
                let double = c * 2;
                if double > 9 {
                    double - 9
                } else {
                    double
                }
            } else {
                c
            }
        })
        .sum();
    somme.is_multiple_of(10)
}

impl TryFrom<String> for Siret {
    type Error = String;
    fn try_from(texte: String) -> Result<Self, Self::Error> {
        Siret::new(&texte)
    }
}

impl From<Siret> for String {
    fn from(siret: Siret) -> String {
        siret.0
    }
}

impl std::fmt::Display for Siret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl schemars::JsonSchema for Siret {
    fn schema_name() -> Cow<'static, str> {
        "Siret".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{14}$",
            "description": "SIRET : 14 chiffres, clé de Luhn valide (vérifiée à l'import)."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siret_de_pezilla_est_valide() {
        let siret = Siret::new("21660140100120").unwrap();
        assert_eq!(siret.siren(), "216601401");
    }

    #[test]
    fn siret_avec_espaces_est_normalise() {
        assert_eq!(
            Siret::new("216 601 401 00120").unwrap().as_str(),
            "21660140100120"
        );
    }

    #[test]
    fn siret_a_cle_fausse_est_refuse() {
        let err = Siret::new("21660140100121").unwrap_err();
        assert!(err.contains("clé de contrôle"), "{err}");
    }

    #[test]
    fn siret_trop_court_ou_non_numerique_est_refuse() {
        assert!(Siret::new("2166014010012").is_err());
        assert!(Siret::new("2166014010012A").is_err());
    }

    #[test]
    fn siret_de_la_poste_suit_la_regle_de_la_somme() {
        // 356 000 000 00001: digits sum to 15, a multiple of 5, though its Luhn key is wrong…
        assert!(!cle_luhn_valide("35600000000001"));
        assert!(Siret::new("35600000000001").is_ok());
        // …and the reverse: a valid Luhn key is not enough for La Poste.
        assert!(cle_luhn_valide("35600000000048"));
        assert!(Siret::new("35600000000048").is_err());
    }

    #[test]
    fn siret_serde_refuse_une_cle_fausse() {
        let r: Result<Siret, _> = serde_json::from_str("\"21660140100121\"");
        assert!(r.is_err());
    }
}
