//! Open data: the deliberations as the SCDL « Délibérations » table
//! (OpenDataFrance, Table Schema 2.1.3, `docs/scdl-deliberations-2.1.3.schema.json`):
//! 17 columns in the schema's order, UTF-8, comma-separated, ISO dates.
//!
//! The schema's custom checks (SIRET key, ACTES nomenclature, vote columns
//! all-or-nothing and summing up, PREF_DATE after DELIB_DATE) are enforced
//! here: an invalid row is refused with the deliberation and the reason,
//! never written.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::comptes::comptes_deliberation;
use crate::domaine::{actes, Commune, Deliberation, Elu, Seance, Statut, Vote};
use crate::erreur::Anomalie;

/// The columns, in the schema's order.
pub const COLONNES: [&str; 17] = [
    "COLL_NOM",
    "COLL_SIRET",
    "DELIB_ID",
    "DELIB_DATE",
    "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM",
    "DELIB_OBJET",
    "BUDGET_ANNEE",
    "BUDGET_NOM",
    "PREF_ID",
    "PREF_DATE",
    "VOTE_EFFECTIF",
    "VOTE_REEL",
    "VOTE_POUR",
    "VOTE_CONTRE",
    "VOTE_ABSTENTION",
    "DELIB_URL",
];

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LigneScdl {
    pub coll_nom: String,
    pub coll_siret: String,
    pub delib_id: String,
    pub delib_date: NaiveDate,
    pub delib_matiere_code: String,
    pub delib_matiere_nom: String,
    pub delib_objet: String,
    pub pref_id: Option<String>,
    pub pref_date: Option<NaiveDate>,
    pub vote_effectif: u32,
    pub vote_reel: u32,
    pub vote_pour: u32,
    pub vote_contre: u32,
    pub vote_abstention: u32,
    pub delib_url: Option<String>,
}

/// Only adopted acts are open data: drafts are not published.
pub fn est_publiable(d: &Deliberation) -> bool {
    d.statut >= Statut::Signe
}

/// The row of one deliberation, or why it cannot be exported.
pub fn ligne(
    commune: &Commune,
    seance: &Seance,
    elus: &[Elu],
    d: &Deliberation,
) -> Result<LigneScdl, String> {
    let code = d.matiere.as_deref().ok_or_else(|| {
        "pas de matière ACTES (DELIB_MATIERE_CODE est obligatoire) : renseignez-la, par exemple 8.1".to_owned()
    })?;
    let matiere = actes::verifier_matiere(code)?;
    let nom = actes::nom_scdl(matiere.code).expect("a known matière has a SCDL name");
    // The SCDL check `nomenclature-actes-value` refuses commas and parentheses.
    if nom.contains([',', '(', ')']) {
        return Err(format!(
            "le nom de matière « {nom} » contient une virgule ou une parenthèse"
        ));
    }
    // One line: the objet is a CSV cell read by humans in a spreadsheet.
    let objet = d.objet.split_whitespace().collect::<Vec<_>>().join(" ");
    if objet.is_empty() {
        return Err("l'objet est vide (DELIB_OBJET est obligatoire)".into());
    }
    let c = comptes_deliberation(seance, d, elus);
    let (pour, contre, abstention) = match &d.vote {
        Vote::Unanimite => (c.votants, 0, 0),
        Vote::Detail {
            pour,
            contre,
            abstentions,
            ..
        } => (*pour, *contre, *abstentions),
    };
    // sum-columns-value: VOTE_REEL = POUR + CONTRE + ABSTENTION;
    // compare-columns-value: VOTE_EFFECTIF >= VOTE_REEL.
    let reel = pour + contre + abstention;
    if reel > c.en_exercice {
        return Err(format!(
            "{reel} votes exprimés ou abstentions pour {} membres en exercice",
            c.en_exercice
        ));
    }
    let (pref_id, pref_date) = match &d.transmission {
        // The date it was registered by the contrôle de légalité: the
        // acknowledgment when known, else the transmission.
        Some(t) => (
            Some(format!("PREF{:0>3}", commune.departement)),
            Some(t.date_accuse.unwrap_or(t.date)),
        ),
        None => (None, None),
    };
    if let Some(p) = pref_date {
        if p < seance.date {
            return Err(format!(
                "PREF_DATE {p} précède la date de la délibération {}",
                seance.date
            ));
        }
    }
    let siret = commune.siret.to_string();
    if siret.len() != 14 || !siret.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "le SIRET de la commune « {siret} » n'a pas 14 chiffres"
        ));
    }
    Ok(LigneScdl {
        coll_nom: commune.nom.clone(),
        coll_siret: siret,
        delib_id: d.numero.to_string(),
        delib_date: seance.date,
        delib_matiere_code: matiere.code.to_owned(),
        delib_matiere_nom: nom,
        delib_objet: objet,
        pref_id,
        pref_date,
        vote_effectif: c.en_exercice,
        vote_reel: reel,
        vote_pour: pour,
        vote_contre: contre,
        vote_abstention: abstention,
        delib_url: d.publication.as_ref().and_then(|p| p.url.clone()),
    })
}

/// The rows of the adopted deliberations (of `annee` when given), in
/// number order; every refused row is listed, with its deliberation.
pub fn lignes(
    commune: &Commune,
    seances: &[Seance],
    elus: &[Elu],
    deliberations: &[Deliberation],
    annee: Option<i32>,
) -> Result<Vec<LigneScdl>, Vec<Anomalie>> {
    let mut retenues: Vec<&Deliberation> =
        deliberations.iter().filter(|d| est_publiable(d)).collect();
    retenues.sort_by(|a, b| a.numero.cmp(&b.numero));
    let mut lignes = Vec::new();
    let mut anomalies = Vec::new();
    for d in retenues {
        let Some(seance) = seances.iter().find(|s| s.id == d.seance) else {
            anomalies.push(Anomalie {
                chemin: format!("délibération n° {}", d.numero),
                message: format!("sa séance « {} » est absente du registre", d.seance),
            });
            continue;
        };
        if annee.is_some_and(|a| seance.date.year() != a) {
            continue;
        }
        match ligne(commune, seance, elus, d) {
            Ok(l) => lignes.push(l),
            Err(message) => anomalies.push(Anomalie {
                chemin: format!("délibération n° {}", d.numero),
                message,
            }),
        }
    }
    if anomalies.is_empty() {
        Ok(lignes)
    } else {
        Err(anomalies)
    }
}

/// RFC 4180 quoting: a cell with a comma, a quote or a line break is
/// quoted, its quotes doubled.
fn cellule(texte: &str) -> String {
    if texte.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", texte.replace('"', "\"\""))
    } else {
        texte.to_owned()
    }
}

/// The CSV text: header, then one line per row, CRLF line ends (RFC 4180).
pub fn csv(lignes: &[LigneScdl]) -> String {
    let mut sortie = COLONNES.join(",");
    sortie.push_str("\r\n");
    for l in lignes {
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let cellules = [
            cellule(&l.coll_nom),
            l.coll_siret.clone(),
            cellule(&l.delib_id),
            l.delib_date.to_string(),
            l.delib_matiere_code.clone(),
            cellule(&l.delib_matiere_nom),
            cellule(&l.delib_objet),
            String::new(),
            String::new(),
            l.pref_id.clone().unwrap_or_default(),
            date(l.pref_date),
            l.vote_effectif.to_string(),
            l.vote_reel.to_string(),
            l.vote_pour.to_string(),
            l.vote_contre.to_string(),
            l.vote_abstention.to_string(),
            l.delib_url.as_deref().map(cellule).unwrap_or_default(),
        ];
        sortie.push_str(&cellules.join(","));
        sortie.push_str("\r\n");
    }
    sortie
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domaine::{ModePublication, Publication, Transmission};

    fn demo() -> crate::DonneesRegistre {
        let mut r = crate::demo::donnees();
        r.deliberations[0].statut = Statut::Signe;
        r
    }

    fn exporter(r: &crate::DonneesRegistre) -> Result<Vec<LigneScdl>, Vec<Anomalie>> {
        lignes(
            r.commune.as_ref().unwrap(),
            &r.seances,
            &r.elus,
            &r.deliberations,
            None,
        )
    }

    #[test]
    fn la_deliberation_de_reference_donne_une_ligne_complete() {
        let l = exporter(&demo()).unwrap();
        assert_eq!(l.len(), 1);
        let l = &l[0];
        assert_eq!(l.coll_nom, "Pézilla-la-Rivière");
        assert_eq!(l.delib_id, "2024/052");
        assert_eq!(l.delib_matiere_code, "8.1");
        assert_eq!(
            l.delib_matiere_nom,
            "domaines de compétences par thèmes/enseignement"
        );
        // Unanimity of the 23 votants (22 present + 1 pouvoir), 27 in office.
        assert_eq!(
            (
                l.vote_effectif,
                l.vote_reel,
                l.vote_pour,
                l.vote_contre,
                l.vote_abstention
            ),
            (27, 23, 23, 0, 0)
        );
        assert_eq!(l.pref_id, None);
    }

    #[test]
    fn un_brouillon_n_est_pas_publie() {
        let r = crate::demo::donnees();
        assert_eq!(r.deliberations[0].statut, Statut::SoumisAuMaire);
        assert!(exporter(&r).unwrap().is_empty());
    }

    #[test]
    fn une_ligne_sans_matiere_est_refusee_avec_la_deliberation() {
        let mut r = demo();
        r.deliberations[0].matiere = None;
        let a = exporter(&r).unwrap_err();
        assert_eq!(a[0].chemin, "délibération n° 2024/052");
        assert!(a[0].message.contains("matière ACTES"), "{}", a[0].message);
    }

    #[test]
    fn transmission_et_publication_remplissent_pref_et_url() {
        let mut r = demo();
        let d = &mut r.deliberations[0];
        d.statut = Statut::Publie;
        d.transmission = Some(Transmission {
            date: NaiveDate::from_ymd_opt(2024, 5, 20).unwrap(),
            identifiant_actes: None,
            date_accuse: Some(NaiveDate::from_ymd_opt(2024, 5, 21).unwrap()),
        });
        d.publication = Some(Publication {
            date: NaiveDate::from_ymd_opt(2024, 5, 22).unwrap(),
            mode: ModePublication::Electronique,
            url: Some("https://pezilla-la-riviere.fr/actes/2024-052.pdf".into()),
        });
        let l = &exporter(&r).unwrap()[0];
        assert_eq!(l.pref_id.as_deref(), Some("PREF066"));
        assert_eq!(l.pref_date, NaiveDate::from_ymd_opt(2024, 5, 21));
        let t = csv(&exporter(&r).unwrap());
        assert!(t.contains(",PREF066,2024-05-21,27,23,23,0,0,https://pezilla-la-riviere.fr/actes/2024-052.pdf\r\n"), "{t}");
    }

    #[test]
    fn le_csv_a_dix_sept_colonnes_et_protege_les_virgules() {
        let mut r = demo();
        r.deliberations[0].objet = "ENT, \"ÉCOLES\"\net suite".into();
        let t = csv(&exporter(&r).unwrap());
        let lignes: Vec<&str> = t.split("\r\n").collect();
        assert_eq!(lignes[0].split(',').count(), 17);
        assert!(
            lignes[1].contains("\"ENT, \"\"ÉCOLES\"\" et suite\""),
            "{}",
            lignes[1]
        );
    }
}
