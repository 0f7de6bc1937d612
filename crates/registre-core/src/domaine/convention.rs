//! Conventions approved by deliberations: parties, préambule, articles.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ConventionId, NumeroDeliberation, Siret};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Partie {
    /// "LA RÉGION ACADÉMIQUE OCCITANIE".
    pub nom: String,
    #[serde(default)]
    pub siret: Option<Siret>,
    /// Address lines as printed.
    pub adresse: Vec<String>,
    /// Who signs for the party: "Sophie BÉJEAN".
    pub representant: String,
    /// "en sa qualité de …": "MAIRE", "Rectrice de la région académique Occitanie, …".
    pub qualite: String,
    /// "Ci-après dénommée « collectivité »": the word between the guillemets.
    pub designation: String,
}

/// A block of structured text: a paragraph or a bulleted list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case", tag = "type", deny_unknown_fields)]
pub enum Bloc {
    Paragraphe { texte: String },
    Liste { elements: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// "1", "3.1"…
    pub numero: String,
    pub titre: String,
    pub contenu: Vec<Bloc>,
    #[serde(default)]
    pub sous_articles: Vec<Article>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Convention {
    pub id: ConventionId,
    pub titre: String,
    /// The issuing body's heading, e.g. "RÉGION ACADÉMIQUE OCCITANIE".
    #[serde(default)]
    pub entete: Option<String>,
    /// Date printed at the top of the document ("le 30 avril 2024").
    #[serde(default)]
    pub date_document: Option<NaiveDate>,
    pub parties: Vec<Partie>,
    /// Notes such as the seed's "NB : …".
    #[serde(default)]
    pub notes: Vec<String>,
    pub preambule: Vec<Bloc>,
    pub articles: Vec<Article>,
    pub lieu_signature: String,
    #[serde(default)]
    pub date_signature: Option<NaiveDate>,
    /// The deliberation that approves it.
    #[serde(default)]
    pub deliberation: Option<NumeroDeliberation>,
    /// What period the convention covers and how long it runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periode: Option<Periode>,
    /// The money it involves, as data: the total is computed, never typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions_financieres: Option<ConditionsFinancieres>,
}

/// When the convention starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case", tag = "debut", deny_unknown_fields)]
pub enum Debut {
    /// "La présente convention prend effet à la date de signature".
    ALaSignature,
    Le {
        date: NaiveDate,
    },
}

// Unknown fields are refused by the schema (serde cannot next to `flatten`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[schemars(extend("unevaluatedProperties" = false))]
pub struct Periode {
    /// The school year covered, "2024-2025", when the convention is a school one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{4}$"))]
    pub annee_scolaire: Option<String>,
    #[serde(flatten)]
    pub debut: Debut,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fin: Option<NaiveDate>,
    #[serde(default)]
    pub reconduction_tacite: bool,
}

/// "45 € TTC par école et par an" for a list of schools.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct ConditionsFinancieres {
    /// The unit amount in cents, so that no rounding ever happens (45 € = 4500).
    pub montant_unitaire_centimes: u64,
    pub taxe: MentionTaxe,
    /// What one unit is: "école", "élève", "an"…
    pub unite: String,
    /// The units paid for, when they are named (schools with their UAI).
    #[serde(default)]
    pub beneficiaires: Vec<Beneficiaire>,
    /// The number of units when they are not named one by one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantite: Option<u32>,
}

impl ConditionsFinancieres {
    pub fn quantite(&self) -> u32 {
        self.quantite.unwrap_or(self.beneficiaires.len() as u32)
    }

    pub fn total_centimes(&self) -> u64 {
        self.montant_unitaire_centimes * u64::from(self.quantite())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub enum MentionTaxe {
    #[serde(rename = "TTC")]
    Ttc,
    #[serde(rename = "HT")]
    Ht,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Beneficiaire {
    /// "ECOLE ELEMENTAIRE PUBLIQUE SARDA GARRIGA".
    pub nom: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uai: Option<Uai>,
}

/// A school's UAI (ex-RNE): seven digits and a check letter, the remainder
/// of the number modulo 23 in an alphabet without I, O and Q.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(type = "string")]
#[serde(try_from = "String", into = "String")]
pub struct Uai(String);

const LETTRES_UAI: &[u8; 23] = b"ABCDEFGHJKLMNPRSTUVWXYZ";

impl Uai {
    pub fn new(texte: &str) -> Result<Uai, String> {
        let b = texte.as_bytes();
        let forme = b.len() == 8 && b[..7].iter().all(u8::is_ascii_digit);
        let numero: Option<u32> = if forme { texte[..7].parse().ok() } else { None };
        match numero {
            Some(n) if LETTRES_UAI[(n % 23) as usize] == b[7] => Ok(Uai(texte.to_owned())),
            Some(_) => Err(format!("le code UAI « {texte} » a une lettre de contrôle incorrecte")),
            None => Err(format!(
                "le code UAI « {texte} » doit compter sept chiffres et une lettre (par exemple 0660710N)"
            )),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Uai {
    type Error = String;
    fn try_from(texte: String) -> Result<Self, Self::Error> {
        Uai::new(&texte)
    }
}

impl From<Uai> for String {
    fn from(u: Uai) -> String {
        u.0
    }
}

impl schemars::JsonSchema for Uai {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Uai".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{7}[A-Z]$",
            "description": "Code UAI d'un établissement : 7 chiffres et une lettre de contrôle (vérifiée à l'import)."
        })
    }
}

/// An amount in euros written the French way: "45 €", "1 234,56 €" (narrow
/// no-break space between thousands, no-break space before the sign).
pub fn euros(centimes: u64) -> String {
    let entiers = (centimes / 100).to_string();
    let mut groupes = String::new();
    for (i, c) in entiers.chars().enumerate() {
        if i > 0 && (entiers.len() - i).is_multiple_of(3) {
            groupes.push('\u{202F}');
        }
        groupes.push(c);
    }
    match centimes % 100 {
        0 => format!("{groupes}\u{A0}€"),
        reste => format!("{groupes},{reste:02}\u{A0}€"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn montants_a_la_francaise() {
        assert_eq!(euros(4500), "45\u{A0}€");
        assert_eq!(euros(9000), "90\u{A0}€");
        assert_eq!(euros(123_456), "1\u{202F}234,56\u{A0}€");
        assert_eq!(euros(5), "0,05\u{A0}€");
        assert_eq!(euros(100_000_000), "1\u{202F}000\u{202F}000\u{A0}€");
    }

    #[test]
    fn codes_uai_des_ecoles_de_pezilla() {
        assert!(Uai::new("0660710N").is_ok());
        assert!(Uai::new("0660446B").is_ok());
        assert!(Uai::new("0660446C")
            .unwrap_err()
            .contains("lettre de contrôle"));
        assert!(Uai::new("660446B").unwrap_err().contains("sept chiffres"));
    }

    #[test]
    fn le_total_est_calcule_sur_les_beneficiaires() {
        let c = ConditionsFinancieres {
            montant_unitaire_centimes: 4500,
            taxe: MentionTaxe::Ttc,
            unite: "école".into(),
            beneficiaires: vec![
                Beneficiaire {
                    nom: "A".into(),
                    uai: None,
                },
                Beneficiaire {
                    nom: "B".into(),
                    uai: None,
                },
            ],
            quantite: None,
        };
        assert_eq!((c.quantite(), c.total_centimes()), (2, 9000));
    }
}
