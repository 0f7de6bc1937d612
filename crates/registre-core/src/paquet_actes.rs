//! The ACTES package of a signed act, ready for the commune's tiers de
//! télétransmission (TdT): Registre does not transmit (that needs the
//! commune's TdT contract and certificate) but prepares everything the TdT
//! form asks, so nothing is typed twice:
//!
//! * the signed PDF, byte for byte, named as S²LOW names the pieces
//!   (`{département}-{SIREN}-{AAAAMMJJ}-{NumeroInterne}-{DE|AR|…}-1-1_1.pdf`),
//!   and the annexes (the annexed convention) as PDFs (`…_2.pdf`, …);
//! * `metadonnees.json`: nature, matière codes and labels, NumeroInterne,
//!   date of decision, objet on one line (≤ 499 characters), file names;
//! * `acte.xml`: the ministry's `actes:Acte` message (namespace
//!   `http://www.interieur.gouv.fr/ACTES#v1.1-20040216`, ISO-8859-1), with
//!   `ClassificationDateVersion` only when the commune gave the date of its
//!   classification (it comes from the TdT).
//!
//! Checks before anything is produced: signed, matière, objet length,
//! NumeroInterne valid and not reused.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::domaine::{actes, Commune, Deliberation, NumeroActes, Statut};

/// ACTES limits the objet to 499 characters.
pub const OBJET_MAX: usize = 499;

pub const ESPACE_ACTES: &str = "http://www.interieur.gouv.fr/ACTES#v1.1-20040216";

/// One file of the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fichier {
    pub nom: String,
    pub octets: Vec<u8>,
}

/// What the TdT form asks, as written in `metadonnees.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Metadonnees {
    pub collectivite: String,
    pub siren: String,
    pub departement: String,
    pub nature_code: u8,
    pub nature_lettres: String,
    pub nature_libelle: String,
    pub matiere_code: String,
    pub matiere_libelle: String,
    pub numero_interne: String,
    pub numero_registre: String,
    pub date_decision: NaiveDate,
    pub objet: String,
    pub document: String,
    pub annexes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub classification_date_version: Option<NaiveDate>,
    pub empreinte_sha256_document: String,
    pub prepare_le: NaiveDateTime,
}

/// A signed act and what goes with it.
pub struct Entree<'a> {
    pub commune: &'a Commune,
    pub deliberation: &'a Deliberation,
    pub date_decision: NaiveDate,
    pub pdf_signe: &'a [u8],
    /// Annexes already rendered, in order (name stem, bytes).
    pub annexes: Vec<(String, Vec<u8>)>,
    /// The ACTES numbers of the other deliberations, for the uniqueness check.
    pub autres_numeros: Vec<String>,
    pub classification: Option<NaiveDate>,
    pub prepare_le: NaiveDateTime,
}

/// Builds the package, or says in French why it cannot be sent.
pub fn preparer(e: &Entree) -> Result<(Metadonnees, Vec<Fichier>), Vec<String>> {
    let d = e.deliberation;
    let mut refus = Vec::new();
    if d.statut < Statut::Signe {
        refus.push(format!(
            "la délibération n° {} a le statut « {} » : seul un acte signé se transmet",
            d.numero,
            d.statut.libelle()
        ));
    }
    let matiere = match d.matiere.as_deref() {
        None => {
            refus.push("la matière ACTES manque (par exemple 8.1 Enseignement)".into());
            None
        }
        Some(code) => match actes::verifier_matiere(code) {
            Ok(m) => Some(m),
            Err(m) => {
                refus.push(m);
                None
            }
        },
    };
    let numero = d
        .numero_actes
        .clone()
        .unwrap_or_else(|| NumeroActes::depuis_numero(&d.numero));
    if e.autres_numeros.iter().any(|n| n == numero.as_str()) {
        refus.push(format!(
            "le numéro ACTES « {numero} » est déjà celui d'une autre délibération"
        ));
    }
    let objet = d.objet.split_whitespace().collect::<Vec<_>>().join(" ");
    let longueur = objet.chars().count();
    if objet.is_empty() {
        refus.push("l'objet est vide".into());
    } else if longueur > OBJET_MAX {
        refus.push(format!(
            "l'objet fait {longueur} caractères ; ACTES en accepte {OBJET_MAX} au plus : raccourcissez-le"
        ));
    }
    let Some(matiere) = matiere.filter(|_| refus.is_empty()) else {
        return Err(refus);
    };

    let siren = e.commune.siret.siren().to_owned();
    let departement = format!("{:0>3}", e.commune.departement);
    let racine = format!(
        "{departement}-{siren}-{}-{numero}-{}-1-1",
        e.date_decision.format("%Y%m%d"),
        d.nature.lettres()
    );
    let document = format!("{racine}_1.pdf");
    let mut fichiers = vec![Fichier {
        nom: document.clone(),
        octets: e.pdf_signe.to_vec(),
    }];
    let mut annexes = Vec::new();
    for (i, (_, octets)) in e.annexes.iter().enumerate() {
        let nom = format!("{racine}_{}.pdf", i + 2);
        annexes.push(nom.clone());
        fichiers.push(Fichier {
            nom,
            octets: octets.clone(),
        });
    }
    let metadonnees = Metadonnees {
        collectivite: e.commune.nom.clone(),
        siren,
        departement,
        nature_code: d.nature.code(),
        nature_lettres: d.nature.lettres().into(),
        nature_libelle: d.nature.libelle().into(),
        matiere_code: matiere.code.into(),
        matiere_libelle: actes::libelle_complet(matiere.code).unwrap_or_default(),
        numero_interne: numero.to_string(),
        numero_registre: d.numero.to_string(),
        date_decision: e.date_decision,
        objet,
        document,
        annexes,
        classification_date_version: e.classification,
        empreinte_sha256_document: crate::empreinte(e.pdf_signe),
        prepare_le: e.prepare_le,
    };
    fichiers.push(Fichier {
        nom: "metadonnees.json".into(),
        octets: (serde_json::to_string_pretty(&metadonnees).expect("serializable") + "\n")
            .into_bytes(),
    });
    fichiers.push(Fichier {
        nom: "acte.xml".into(),
        octets: xml_acte(&metadonnees),
    });
    Ok((metadonnees, fichiers))
}

/// Escapes text for XML content or attributes (also the HTML of
/// `publication`).
pub(crate) fn echapper(texte: &str) -> String {
    texte
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Writes as ISO-8859-1: characters outside Latin-1 (€, œ, ’) become
/// numeric references, which any XML parser reads whatever the encoding.
fn latin1(xml: &str) -> Vec<u8> {
    let mut octets = Vec::with_capacity(xml.len());
    for c in xml.chars() {
        match u8::try_from(c as u32) {
            Ok(b) => octets.push(b),
            Err(_) => octets.extend_from_slice(format!("&#{};", c as u32).as_bytes()),
        }
    }
    octets
}

/// The `actes:Acte` message (ACTES 1.1): matière level 1 and level 2 as
/// CodeMatiere1 and CodeMatiere2 (the level-2 number after the dot).
pub fn xml_acte(m: &Metadonnees) -> Vec<u8> {
    let (n1, n2) = m
        .matiere_code
        .split_once('.')
        .expect("a verified matière is N.N");
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n");
    x.push_str(&format!(
        "<actes:Acte xmlns:actes=\"{ESPACE_ACTES}\" Date=\"{}\" NumeroInterne=\"{}\" CodeNatureActe=\"{}\">\n",
        m.date_decision,
        echapper(&m.numero_interne),
        m.nature_code
    ));
    x.push_str(&format!(
        "  <actes:CodeMatiere1 CodeMatiere=\"{n1}\"/>\n  <actes:CodeMatiere2 CodeMatiere=\"{n2}\"/>\n"
    ));
    x.push_str(&format!(
        "  <actes:Objet>{}</actes:Objet>\n",
        echapper(&m.objet)
    ));
    if let Some(c) = m.classification_date_version {
        x.push_str(&format!(
            "  <actes:ClassificationDateVersion>{c}</actes:ClassificationDateVersion>\n"
        ));
    }
    x.push_str(&format!(
        "  <actes:Document>\n    <actes:NomFichier>{}</actes:NomFichier>\n  </actes:Document>\n",
        echapper(&m.document)
    ));
    if !m.annexes.is_empty() {
        x.push_str(&format!(
            "  <actes:Annexes Nombre=\"{}\">\n",
            m.annexes.len()
        ));
        for a in &m.annexes {
            x.push_str(&format!(
                "    <actes:Annexe>\n      <actes:NomFichier>{}</actes:NomFichier>\n    </actes:Annexe>\n",
                echapper(a)
            ));
        }
        x.push_str("  </actes:Annexes>\n");
    }
    x.push_str("  <actes:DocumentPapier>N</actes:DocumentPapier>\n</actes:Acte>\n");
    latin1(&x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entree<'a>(d: &'a Deliberation, commune: &'a Commune) -> Entree<'a> {
        Entree {
            commune,
            deliberation: d,
            date_decision: NaiveDate::from_ymd_opt(2024, 5, 15).unwrap(),
            pdf_signe: b"%PDF-1.7 signe",
            annexes: vec![("convention".into(), b"%PDF-1.7 annexe".to_vec())],
            autres_numeros: vec![],
            classification: NaiveDate::from_ymd_opt(2024, 1, 10),
            prepare_le: NaiveDate::from_ymd_opt(2024, 5, 20)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
        }
    }

    fn demo() -> (Deliberation, Commune) {
        let r = crate::demo::donnees();
        let mut d = r.deliberations[0].clone();
        d.statut = Statut::Signe;
        (d, r.commune.unwrap())
    }

    #[test]
    fn la_deliberation_de_reference_donne_un_paquet_complet() {
        let (d, c) = demo();
        let (m, fichiers) = preparer(&entree(&d, &c)).unwrap();
        let noms: Vec<&str> = fichiers.iter().map(|f| f.nom.as_str()).collect();
        assert_eq!(
            noms,
            [
                "066-216601401-20240515-2024_052-DE-1-1_1.pdf",
                "066-216601401-20240515-2024_052-DE-1-1_2.pdf",
                "metadonnees.json",
                "acte.xml"
            ]
        );
        assert_eq!(
            m.matiere_libelle,
            "Domaines de compétences par thèmes / Enseignement"
        );
        let xml = &fichiers[3].octets;
        let texte: String = xml.iter().map(|&b| b as char).collect();
        for attendu in [
            "NumeroInterne=\"2024_052\" CodeNatureActe=\"1\"",
            "<actes:CodeMatiere1 CodeMatiere=\"8\"/>",
            "<actes:CodeMatiere2 CodeMatiere=\"1\"/>",
            "<actes:ClassificationDateVersion>2024-01-10</actes:ClassificationDateVersion>",
            "<actes:Annexes Nombre=\"1\">",
            "ENVIRONNEMENT NUMERIQUE DE TRAVAIL",
        ] {
            assert!(texte.contains(attendu), "{attendu} in {texte}");
        }
    }

    #[test]
    fn un_acte_non_signe_sans_matiere_ou_a_l_objet_trop_long_est_refuse_avec_chaque_raison() {
        let (mut d, c) = demo();
        d.statut = Statut::BonPourSignature;
        d.matiere = None;
        d.objet = "A".repeat(500);
        let refus = preparer(&entree(&d, &c)).unwrap_err();
        assert_eq!(refus.len(), 3, "{refus:?}");
        assert!(refus[0].contains("seul un acte signé"));
        assert!(refus[1].contains("matière ACTES"));
        assert!(refus[2].contains("500 caractères"));
    }

    #[test]
    fn un_numero_actes_deja_pris_est_refuse() {
        let (d, c) = demo();
        let mut e = entree(&d, &c);
        e.autres_numeros = vec!["2024_052".into()];
        assert!(preparer(&e).unwrap_err()[0].contains("déjà celui"));
    }

    #[test]
    fn les_caracteres_hors_latin1_deviennent_des_references() {
        assert_eq!(
            latin1("45 € œuvre é"),
            b"45 &#8364; &#339;uvre \xE9".to_vec()
        );
        assert_eq!(echapper("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
    }
}
