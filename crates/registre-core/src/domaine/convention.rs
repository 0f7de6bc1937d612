//! Conventions approved by deliberations: parties, préambule, articles.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ConventionId, NumeroDeliberation, Siret};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "type", deny_unknown_fields)]
pub enum Bloc {
    Paragraphe { texte: String },
    Liste { elements: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// "1", "3.1"…
    pub numero: String,
    pub titre: String,
    pub contenu: Vec<Bloc>,
    #[serde(default)]
    pub sous_articles: Vec<Article>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
}
