//! What the prefecture's @CTES exchange needs to know about an act: its
//! nature, its classification ("matière") and its internal number.
//!
//! This module owns:
//! * [`NatureActe`], the six ACTES natures (code, letters, label), as listed by
//!   Pastell (`module/actes-generique/definition.yml`) and S²LOW
//!   (`class/CorrespondanceNatureType.php`);
//! * the national levels 1 and 2 of the ACTES classification ([`Matiere`],
//!   [`matieres`]), as static data. Labels follow the ACTES nomenclature as
//!   spelled by the SCDL "Délibérations" schema (OpenDataFrance) and the
//!   `frformat` `NomenclatureActe` validator; deeper levels vary by prefecture
//!   and are not held here;
//! * [`NumeroActes`], the `NumeroInterne` sent to the TdT, validated with the
//!   stricter of the S²LOW and Pastell rules: 1 to 15 characters among `A-Z`,
//!   `0-9` and `_`, with no leading or trailing `_`.
//!
//! See `/work/shared/domain/law-and-formats.md`, sections 3.1 to 3.3.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::NumeroDeliberation;

/// The nature of an act in the ACTES exchange (`CodeNatureActe`).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum NatureActe {
    #[default]
    Deliberations,
    ActesReglementaires,
    ActesIndividuels,
    Contrats,
    DocumentsBudgetaires,
    Autres,
}

impl NatureActe {
    /// The numeric code sent as `CodeNatureActe` (1 to 6).
    pub fn code(self) -> u8 {
        match self {
            NatureActe::Deliberations => 1,
            NatureActe::ActesReglementaires => 2,
            NatureActe::ActesIndividuels => 3,
            NatureActe::Contrats => 4,
            NatureActe::DocumentsBudgetaires => 5,
            NatureActe::Autres => 6,
        }
    }

    /// The two letters closing the act's identifier and file names
    /// (`…-2024_052-DE`).
    pub fn lettres(self) -> &'static str {
        match self {
            NatureActe::Deliberations => "DE",
            NatureActe::ActesReglementaires => "AR",
            NatureActe::ActesIndividuels => "AI",
            NatureActe::Contrats => "CC",
            NatureActe::DocumentsBudgetaires => "BF",
            NatureActe::Autres => "AU",
        }
    }

    /// The label shown to the user, as Pastell spells it.
    pub fn libelle(self) -> &'static str {
        match self {
            NatureActe::Deliberations => "Délibérations",
            NatureActe::ActesReglementaires => "Actes réglementaires",
            NatureActe::ActesIndividuels => "Actes individuels",
            NatureActe::Contrats => "Contrats, conventions et avenants",
            NatureActe::DocumentsBudgetaires => "Documents budgétaires et financiers",
            NatureActe::Autres => "Autres",
        }
    }

    /// Every nature, in code order.
    pub fn toutes() -> &'static [NatureActe] {
        &[
            NatureActe::Deliberations,
            NatureActe::ActesReglementaires,
            NatureActe::ActesIndividuels,
            NatureActe::Contrats,
            NatureActe::DocumentsBudgetaires,
            NatureActe::Autres,
        ]
    }
}

/// An entry of the ACTES classification: a code ("8.1") and its label
/// ("Enseignement").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Matiere {
    #[ts(type = "string")]
    pub code: &'static str,
    #[ts(type = "string")]
    pub libelle: &'static str,
}

const fn m(code: &'static str, libelle: &'static str) -> Matiere {
    Matiere { code, libelle }
}

/// Level 1 of the classification, in code order (codes 1 to 9).
const NIVEAU_1: &[Matiere] = &[
    m("1", "Commande publique"),
    m("2", "Urbanisme"),
    m("3", "Domaine et patrimoine"),
    m("4", "Fonction publique"),
    m("5", "Institutions et vie politique"),
    m("6", "Libertés publiques et pouvoirs de police"),
    m("7", "Finances locales"),
    m("8", "Domaines de compétences par thèmes"),
    m("9", "Autres domaines de compétences"),
];

/// Level 2 of the classification, in nomenclature order.
const NIVEAU_2: &[Matiere] = &[
    m("1.1", "Marchés publics"),
    m("1.2", "Délégation de service public"),
    m("1.3", "Conventions de mandat"),
    m("1.4", "Autres types de contrats"),
    m("1.5", "Transactions/protocole d'accord transactionnel"),
    m("1.6", "Actes relatifs à la maîtrise d'œuvre"),
    m("1.7", "Actes spéciaux et divers"),
    m("2.1", "Documents d'urbanisme"),
    m(
        "2.2",
        "Actes relatifs au droit d'occupation ou d'utilisation des sols",
    ),
    m("2.3", "Droit de préemption urbain"),
    m("3.1", "Acquisitions"),
    m("3.2", "Aliénations"),
    m("3.3", "Locations"),
    m("3.4", "Limites territoriales"),
    m("3.5", "Autres actes de gestion du domaine public"),
    m("3.6", "Autres actes de gestion du domaine privé"),
    m("4.1", "Personnel titulaire et stagiaire de la FPT"),
    m("4.2", "Personnel contractuel"),
    m("4.3", "Fonction publique hospitalière"),
    m("4.4", "Autres catégories de personnels"),
    m("4.5", "Régime indemnitaire"),
    m("5.1", "Élection exécutif"),
    m("5.2", "Fonctionnement des assemblées"),
    m("5.3", "Désignation de représentants"),
    m("5.4", "Délégation de fonctions"),
    m("5.5", "Délégation de signature"),
    m("5.6", "Exercice des mandats locaux"),
    m("5.7", "Intercommunalité"),
    m("5.8", "Décision d'ester en justice"),
    m("6.1", "Police municipale"),
    m("6.2", "Pouvoir du président du conseil général"),
    m("6.3", "Pouvoir du président du conseil régional"),
    m("6.4", "Autres actes réglementaires"),
    m("6.5", "Actes pris au nom de l'État"),
    m("7.1", "Décisions budgétaires"),
    m("7.2", "Fiscalité"),
    m("7.3", "Emprunts"),
    m("7.4", "Interventions économiques"),
    m("7.5", "Subventions"),
    m("7.6", "Contributions budgétaires"),
    m("7.7", "Avances"),
    m("7.8", "Fonds de concours"),
    m("7.9", "Prise de participation"),
    m("7.10", "Divers"),
    m("8.1", "Enseignement"),
    m("8.2", "Aide sociale"),
    m("8.3", "Voirie"),
    m("8.4", "Aménagement du territoire"),
    m("8.5", "Politique de la ville-habitat-logement"),
    m("8.6", "Emploi-formation professionnelle"),
    m("8.7", "Transports"),
    m("8.8", "Environnement"),
    m("8.9", "Culture"),
    m("9.1", "Autres domaines de compétences des communes"),
    m("9.2", "Autres domaines de compétences des départements"),
    m("9.3", "Autres domaines de compétences des régions"),
    m("9.4", "Vœux et motions"),
];

/// The level-2 entries of the classification, in nomenclature order.
pub fn matieres() -> &'static [Matiere] {
    NIVEAU_2
}

/// The level-2 entry with this exact code ("8.1"), if the nomenclature has it.
pub fn matiere(code: &str) -> Option<Matiere> {
    NIVEAU_2.iter().find(|m| m.code == code).copied()
}

/// The label of a level-1 code (1 to 9).
pub fn niveau1(code_niveau1: u8) -> Option<&'static str> {
    let code = code_niveau1.to_string();
    NIVEAU_1.iter().find(|m| m.code == code).map(|m| m.libelle)
}

/// The level-1 label above a level-2 entry.
fn libelle_niveau1(entree: &Matiere) -> &'static str {
    let (tete, _) = entree.code.split_once('.').unwrap_or((entree.code, ""));
    tete.parse().ok().and_then(niveau1).unwrap_or_default()
}

/// "Domaines de compétences par thèmes / Enseignement" for "8.1".
pub fn libelle_complet(code: &str) -> Option<String> {
    let entree = matiere(code)?;
    Some(format!("{} / {}", libelle_niveau1(&entree), entree.libelle))
}

/// The SCDL `DELIB_MATIERE_NOM` of a level-2 code: "niveau1/niveau2" in
/// lowercase, accents kept ("domaines de compétences par thèmes/enseignement").
pub fn nom_scdl(code: &str) -> Option<String> {
    let entree = matiere(code)?;
    Some(format!("{}/{}", libelle_niveau1(&entree), entree.libelle).to_lowercase())
}

/// The level-2 entry for `code`, or a French message naming the refused value.
pub fn verifier_matiere(code: &str) -> Result<Matiere, String> {
    matiere(code).ok_or_else(|| {
        format!(
            "la matière « {code} » n'existe pas dans la nomenclature ACTES \
             (niveaux 1 et 2, par exemple 8.1 Enseignement)"
        )
    })
}

/// The ACTES `NumeroInterne` of an act: 1 to 15 characters among `A-Z`, `0-9`
/// and `_`, neither starting nor ending with `_` (S²LOW), e.g. "2024_052".
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct NumeroActes(String);

impl NumeroActes {
    /// Most characters S²LOW and Pastell accept.
    pub const LONGUEUR_MAX: usize = 15;

    pub fn new(texte: &str) -> Result<NumeroActes, String> {
        let regle = "1 à 15 caractères parmi A-Z, 0-9 et _, sans _ au début ni à la fin";
        let probleme = if texte.is_empty() {
            Some("est vide".to_owned())
        } else if texte.chars().count() > Self::LONGUEUR_MAX {
            Some(format!(
                "compte {} caractères (15 au plus)",
                texte.chars().count()
            ))
        } else if let Some(c) = texte
            .chars()
            .find(|c| !(c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_'))
        {
            Some(format!("contient le caractère interdit « {c} »"))
        } else if texte.starts_with('_') || texte.ends_with('_') {
            Some("commence ou finit par _".to_owned())
        } else {
            None
        };
        match probleme {
            None => Ok(NumeroActes(texte.to_owned())),
            Some(p) => Err(format!(
                "le numéro ACTES « {texte} » {p} : il doit compter {regle} (par exemple 2024_052)"
            )),
        }
    }

    /// The ACTES number of a register number: "2024/052" → "2024_052".
    pub fn depuis_numero(numero: &NumeroDeliberation) -> NumeroActes {
        // A register number is "AAAA/NNN" in digits, so the result is always valid.
        NumeroActes(numero.as_str().replace('/', "_"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for NumeroActes {
    type Error = String;
    fn try_from(texte: String) -> Result<Self, Self::Error> {
        NumeroActes::new(&texte)
    }
}

impl From<NumeroActes> for String {
    fn from(n: NumeroActes) -> String {
        n.0
    }
}

impl std::fmt::Display for NumeroActes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl JsonSchema for NumeroActes {
    fn schema_name() -> Cow<'static, str> {
        "NumeroActes".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[A-Z0-9]([A-Z0-9_]{0,13}[A-Z0-9])?$",
            "description": "Numéro interne ACTES : 1 à 15 caractères parmi A-Z, 0-9 et _, sans _ au début ni à la fin (par exemple 2024_052)."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matiere_8_1_enseignement_et_ses_noms_complet_et_scdl() {
        let e = matiere("8.1").unwrap();
        assert_eq!(e.code, "8.1");
        assert_eq!(e.libelle, "Enseignement");
        assert_eq!(
            libelle_complet("8.1").unwrap(),
            "Domaines de compétences par thèmes / Enseignement"
        );
        assert_eq!(
            nom_scdl("8.1").unwrap(),
            "domaines de compétences par thèmes/enseignement"
        );
        assert_eq!(verifier_matiere("8.1"), Ok(e));
        assert_eq!(
            nom_scdl("5.1").unwrap(),
            "institutions et vie politique/élection exécutif"
        );
    }

    #[test]
    fn nomenclature_de_niveau_2_compte_57_entrees() {
        assert_eq!(7 + 3 + 6 + 5 + 8 + 5 + 10 + 9 + 4, 57);
        assert_eq!(matieres().len(), 57);
        let par_niveau1: Vec<usize> = (1..=9)
            .map(|n| {
                matieres()
                    .iter()
                    .filter(|m| m.code.split_once('.').unwrap().0 == n.to_string())
                    .count()
            })
            .collect();
        assert_eq!(par_niveau1, [7, 3, 6, 5, 8, 5, 10, 9, 4]);
    }

    #[test]
    fn matieres_inconnues_refusees_avec_la_valeur_dans_le_message() {
        for faux in ["8.10", "10.1", "8", "", "8.0", "08.1", " 8.1", "7.11"] {
            assert_eq!(matiere(faux), None, "{faux}");
            assert_eq!(libelle_complet(faux), None, "{faux}");
            assert_eq!(nom_scdl(faux), None, "{faux}");
            let message = verifier_matiere(faux).unwrap_err();
            assert!(message.contains(&format!("« {faux} »")), "{message}");
        }
        assert_eq!(
            verifier_matiere("8.12").unwrap_err(),
            "la matière « 8.12 » n'existe pas dans la nomenclature ACTES \
             (niveaux 1 et 2, par exemple 8.1 Enseignement)"
        );
    }

    #[test]
    fn codes_de_matiere_uniques_bien_formes_et_sous_un_niveau_1() {
        let forme = regex::Regex::new(r"^\d\.\d{1,2}$").unwrap();
        let mut vus = std::collections::HashSet::new();
        for m in matieres() {
            assert!(forme.is_match(m.code), "{}", m.code);
            assert!(vus.insert(m.code), "code en double : {}", m.code);
            assert!(!m.libelle.is_empty(), "{}", m.code);
            assert!(libelle_complet(m.code).is_some(), "{}", m.code);
        }
        assert_eq!(niveau1(0), None);
        assert_eq!(niveau1(10), None);
        assert_eq!(niveau1(1), Some("Commande publique"));
        assert_eq!(niveau1(9), Some("Autres domaines de compétences"));
        assert!((1..=9).all(|n| niveau1(n).is_some()));
    }

    #[test]
    fn libelles_sans_virgule_ni_parenthese_pour_le_scdl() {
        let niveau1 = NIVEAU_1.iter().map(|m| m.libelle);
        let niveau2 = NIVEAU_2.iter().map(|m| m.libelle);
        for libelle in niveau1.chain(niveau2) {
            assert!(
                !libelle.contains([',', '(', ')']),
                "caractère interdit par le SCDL dans « {libelle} »"
            );
        }
    }

    #[test]
    fn natures_codes_lettres_et_libelles() {
        let vues: Vec<(u8, &str)> = NatureActe::toutes()
            .iter()
            .map(|n| (n.code(), n.lettres()))
            .collect();
        assert_eq!(
            vues,
            [
                (1, "DE"),
                (2, "AR"),
                (3, "AI"),
                (4, "CC"),
                (5, "BF"),
                (6, "AU")
            ]
        );
        assert_eq!(NatureActe::default(), NatureActe::Deliberations);
        assert_eq!(NatureActe::Deliberations.libelle(), "Délibérations");
        assert_eq!(
            NatureActe::Contrats.libelle(),
            "Contrats, conventions et avenants"
        );
        assert_eq!(
            serde_json::to_string(&NatureActe::DocumentsBudgetaires).unwrap(),
            "\"documents_budgetaires\""
        );
    }

    #[test]
    fn numero_actes_acceptes() {
        for bon in ["2024_052", "A", "123456789012345", "A_B", "DE2024"] {
            let n = NumeroActes::new(bon).unwrap();
            assert_eq!(n.as_str(), bon);
            assert_eq!(n.to_string(), bon);
        }
    }

    #[test]
    fn numero_actes_refuses_avec_la_valeur_et_la_regle() {
        for faux in [
            "2024/052",
            "_2024",
            "2024_",
            "_",
            "a24",
            "2024-052",
            "2024 052",
            "É1",
            "1234567890123456",
            "",
        ] {
            let message = NumeroActes::new(faux).unwrap_err();
            assert!(message.contains(&format!("« {faux} »")), "{message}");
            assert!(message.contains("1 à 15 caractères"), "{message}");
        }
    }

    #[test]
    fn numero_actes_derive_du_numero_de_deliberation() {
        let n = NumeroDeliberation::new("2024/052").unwrap();
        let actes = NumeroActes::depuis_numero(&n);
        assert_eq!(actes.as_str(), "2024_052");
        assert_eq!(NumeroActes::new(actes.as_str()), Ok(actes));
    }

    #[test]
    fn numero_actes_en_json_est_une_chaine_validee() {
        let n: NumeroActes = serde_json::from_str("\"2024_052\"").unwrap();
        assert_eq!(serde_json::to_string(&n).unwrap(), "\"2024_052\"");
        assert!(serde_json::from_str::<NumeroActes>("\"2024/052\"").is_err());
        assert_eq!(NumeroActes::inline(&ts_rs::Config::new()), "string");
    }

    #[test]
    fn types_typescript_en_chaines() {
        let config = ts_rs::Config::new();
        assert_eq!(
            Matiere::inline(&config),
            "{ code: string, libelle: string, }"
        );
        assert_eq!(
            NatureActe::inline(&config),
            "\"deliberations\" | \"actes_reglementaires\" | \"actes_individuels\" | \"contrats\" | \"documents_budgetaires\" | \"autres\""
        );
    }

    #[test]
    fn motif_du_schema_json_concorde_avec_la_validation() {
        let schema = schemars::schema_for!(NumeroActes);
        let motif = schema.get("pattern").and_then(|p| p.as_str()).unwrap();
        let motif = regex::Regex::new(motif).unwrap();
        for texte in [
            "2024_052",
            "A",
            "123456789012345",
            "1234567890123456",
            "_2024",
            "2024_",
            "a24",
            "2024/052",
            "",
            "A_",
            "AB",
        ] {
            assert_eq!(
                motif.is_match(texte),
                NumeroActes::new(texte).is_ok(),
                "{texte}"
            );
        }
    }
}
