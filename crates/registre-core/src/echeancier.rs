//! The legal deadlines that follow a séance, as a checklist: what must be
//! done by when, with the article that says so, what the register knows to
//! be done, and what is overdue on a given day ("today" is a parameter: the
//! core reads no clock).
//!
//! Per séance: the list of deliberations displayed and put online (L2121-25),
//! the procès-verbal arrêté at the next séance then published (L2121-15),
//! each act transmitted to the préfecture and published (L2131-1, L2131-2);
//! per year: the loose leaves bound with their tables (R2121-9). Only
//! transmission and publication are recorded by the register; the other
//! steps stay "à faire" until then, and overdue once their date is past.

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::domaine::{Commune, Deliberation, Seance, Statut};
use crate::erreur::{Erreur, Resultat};

/// L2121-25 and L2121-15: "dans un délai d'une semaine".
pub const DELAI_UNE_SEMAINE: u64 = 7;

/// L2131-1 sets no deadline for transmitting or publishing a deliberation:
/// it is exécutoire once both are done. The register reminds the clerk
/// after fifteen days, the delay the former L2131-1 set for individual
/// decisions [JUDGMENT: a reminder, not a legal limit].
pub const DELAI_RAPPEL_TRANSMISSION: u64 = 15;

/// R2121-9: communes under 1,000 inhabitants may bind their leaves every
/// five years instead of every year.
pub const SEUIL_RELIURE_QUINQUENNALE: u32 = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EtatEcheance {
    /// Past its date and not known to be done.
    EnRetard,
    /// Not known to be done, still in time (or with no date yet).
    AFaire,
    /// Recorded as done in the register.
    Faite,
}

impl EtatEcheance {
    pub fn libelle(self) -> &'static str {
        match self {
            EtatEcheance::EnRetard => "En retard",
            EtatEcheance::AFaire => "À faire",
            EtatEcheance::Faite => "Fait",
        }
    }
}

/// One step of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ObligationLegale {
    /// The séance it follows from; none for the binding of a year.
    pub seance: Option<String>,
    pub date_seance: Option<NaiveDate>,
    /// The deliberation concerned, for a per-act step ("2024/052").
    pub deliberation: Option<String>,
    /// What is to be done, in French.
    pub libelle: String,
    /// The article that requires it: "L2121-25".
    pub article: String,
    /// The due date; none while it depends on a séance not yet scheduled.
    pub echeance: Option<NaiveDate>,
    /// The due date as printed: "22/05/2024" or "à la prochaine séance".
    pub echeance_affichee: String,
    pub etat: EtatEcheance,
    /// When it was done, if the register knows.
    pub faite_le: Option<NaiveDate>,
    /// Whether the register records this step (transmission, publication);
    /// the others are checked off outside the register.
    pub suivie: bool,
    /// Days past the due date, when overdue.
    pub jours_de_retard: Option<i64>,
}

/// The checklist on a given day, overdue steps first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Echeancier {
    /// The day the states are computed for.
    pub au: NaiveDate,
    pub obligations: Vec<ObligationLegale>,
}

impl Echeancier {
    pub fn en_retard(&self) -> impl Iterator<Item = &ObligationLegale> {
        self.obligations
            .iter()
            .filter(|o| o.etat == EtatEcheance::EnRetard)
    }
}

fn plus_jours(date: NaiveDate, jours: u64) -> NaiveDate {
    date.checked_add_days(Days::new(jours)).unwrap_or(date)
}

fn court(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

struct Etape {
    seance: Option<(String, NaiveDate)>,
    deliberation: Option<String>,
    libelle: String,
    article: &'static str,
    echeance: Result<NaiveDate, &'static str>,
    faite: Option<Option<NaiveDate>>,
    suivie: bool,
}

fn obligation(e: Etape, au: NaiveDate) -> ObligationLegale {
    let echeance = e.echeance.ok();
    let (etat, jours_de_retard) = match (&e.faite, echeance) {
        (Some(_), _) => (EtatEcheance::Faite, None),
        (None, Some(date)) if date < au => (EtatEcheance::EnRetard, Some((au - date).num_days())),
        (None, _) => (EtatEcheance::AFaire, None),
    };
    ObligationLegale {
        date_seance: e.seance.as_ref().map(|s| s.1),
        seance: e.seance.map(|s| s.0),
        deliberation: e.deliberation,
        libelle: e.libelle,
        article: e.article.to_owned(),
        echeance_affichee: match e.echeance {
            Ok(date) => court(date),
            Err(texte) => texte.to_owned(),
        },
        echeance,
        etat,
        faite_le: e.faite.flatten(),
        suivie: e.suivie,
        jours_de_retard,
    }
}

/// The steps that follow one séance; `suivante` is the next séance's date,
/// if one is in the register.
fn etapes_de_seance(
    seance: &Seance,
    suivante: Option<NaiveDate>,
    deliberations: &[&Deliberation],
) -> Vec<Etape> {
    let cle = || Some((seance.id.clone(), seance.date));
    let mut etapes = vec![
        Etape {
            seance: cle(),
            deliberation: None,
            libelle: "Liste des délibérations affichée en mairie et mise en ligne".into(),
            article: "L2121-25",
            echeance: Ok(plus_jours(seance.date, DELAI_UNE_SEMAINE)),
            // Done when both are recorded, on the later of the two days.
            faite: match (seance.liste_affichee_le, seance.liste_en_ligne_le) {
                (Some(a), Some(b)) => Some(Some(a.max(b))),
                _ => None,
            },
            suivie: true,
        },
        Etape {
            seance: cle(),
            deliberation: None,
            libelle: "Procès-verbal arrêté au commencement de la séance suivante, signé par le maire et le(s) secrétaire(s)".into(),
            article: "L2121-15",
            echeance: suivante.ok_or("à la prochaine séance"),
            faite: seance.pv_arrete_le.map(Some),
            suivie: true,
        },
        Etape {
            seance: cle(),
            deliberation: None,
            libelle: "Procès-verbal publié sur le site internet et tenu à disposition sur papier".into(),
            article: "L2121-15",
            echeance: suivante
                .map(|d| plus_jours(d, DELAI_UNE_SEMAINE))
                .ok_or("une semaine après la prochaine séance"),
            faite: seance.pv_publie_le.map(Some),
            suivie: true,
        },
    ];
    for d in deliberations {
        let rappel = Ok(plus_jours(seance.date, DELAI_RAPPEL_TRANSMISSION));
        let transmise = match &d.transmission {
            Some(t) => Some(Some(t.date)),
            None if d.statut >= Statut::Transmis => Some(None),
            None => None,
        };
        let publiee = match &d.publication {
            Some(p) => Some(Some(p.date)),
            None if d.statut >= Statut::Publie => Some(None),
            None => None,
        };
        etapes.push(Etape {
            seance: cle(),
            deliberation: Some(d.numero.to_string()),
            libelle: format!(
                "Délibération n° {} transmise au représentant de l'État (contrôle de légalité)",
                d.numero
            ),
            article: "L2131-1, L2131-2",
            echeance: rappel,
            faite: transmise,
            suivie: true,
        });
        etapes.push(Etape {
            seance: cle(),
            deliberation: Some(d.numero.to_string()),
            libelle: format!(
                "Délibération n° {} publiée (sous forme électronique, intégralement)",
                d.numero
            ),
            article: "L2131-1, R2131-1",
            echeance: rappel,
            faite: publiee,
            suivie: true,
        });
    }
    etapes
}

/// The binding of the year's leaves (R2121-9): by the end of the year, or
/// every five years under 1,000 inhabitants (counted from that year).
fn etape_de_reliure(annee: i32, population: u32) -> Etape {
    let fin = if population < SEUIL_RELIURE_QUINQUENNALE {
        annee + 4
    } else {
        annee
    };
    Etape {
        seance: None,
        deliberation: None,
        libelle: format!(
            "Feuillets de l'année {annee} reliés, avec une table par date et une table par objet"
        ),
        article: "R2121-9",
        echeance: NaiveDate::from_ymd_opt(fin, 12, 31).ok_or("en fin d'année"),
        faite: None,
        suivie: false,
    }
}

/// The checklist of one séance (`seance` = its identifier) or of every
/// séance of the register, computed for the day `au`: overdue steps first
/// (oldest due date first), then the steps to do, then the ones done.
pub fn echeancier(
    commune: &Commune,
    seances: &[Seance],
    deliberations: &[Deliberation],
    seance: Option<&str>,
    au: NaiveDate,
) -> Resultat<Echeancier> {
    let mut ordre: Vec<&Seance> = seances.iter().collect();
    ordre.sort_by(|a, b| (a.date, a.heure, &a.id).cmp(&(b.date, b.heure, &b.id)));
    if let Some(id) = seance {
        if !ordre.iter().any(|s| s.id == id) {
            return Err(Erreur::Introuvable(format!(
                "La séance « {id} » n'existe pas dans le registre."
            )));
        }
    }
    let mut etapes = Vec::new();
    let mut annees = Vec::new();
    for (i, s) in ordre.iter().enumerate() {
        if seance.is_some_and(|id| id != s.id) {
            continue;
        }
        let suivante = ordre.get(i + 1).map(|n| n.date);
        let mut siennes: Vec<&Deliberation> =
            deliberations.iter().filter(|d| d.seance == s.id).collect();
        siennes.sort_by(|a, b| a.numero.cmp(&b.numero));
        etapes.extend(etapes_de_seance(s, suivante, &siennes));
        if !annees.contains(&s.date.year()) {
            annees.push(s.date.year());
        }
    }
    for annee in annees {
        etapes.push(etape_de_reliure(annee, commune.population));
    }
    let mut obligations: Vec<ObligationLegale> =
        etapes.into_iter().map(|e| obligation(e, au)).collect();
    // Stable: steps of equal state and date keep the séance's order.
    obligations.sort_by_key(|o| (o.etat, o.echeance.is_none(), o.echeance));
    Ok(Echeancier { au, obligations })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::domaine::{ModePublication, Publication, Transmission};

    fn jour(texte: &str) -> NaiveDate {
        texte.parse().unwrap()
    }

    fn donnees() -> crate::DonneesRegistre {
        let mut r = demo::donnees();
        let mut suivante = r.seances[0].clone();
        suivante.id = "2024-06-27".into();
        suivante.date = jour("2024-06-27");
        suivante.date_convocation = jour("2024-06-19");
        r.seances.push(suivante);
        r
    }

    fn trouver<'a>(e: &'a Echeancier, debut: &str) -> &'a ObligationLegale {
        e.obligations
            .iter()
            .find(|o| o.libelle.starts_with(debut))
            .unwrap_or_else(|| panic!("{debut}: {:#?}", e.obligations))
    }

    #[test]
    fn les_echeances_d_une_seance_viennent_de_sa_date_et_de_la_suivante() {
        let r = donnees();
        let commune = r.commune.clone().unwrap();
        let e = echeancier(
            &commune,
            &r.seances,
            &r.deliberations,
            Some("2024-05-15"),
            jour("2024-05-20"),
        )
        .unwrap();
        let liste = trouver(&e, "Liste des délibérations");
        assert_eq!(liste.echeance, Some(jour("2024-05-22")));
        assert_eq!(liste.article, "L2121-25");
        assert_eq!(liste.etat, EtatEcheance::AFaire);
        let pv = trouver(&e, "Procès-verbal arrêté");
        assert_eq!(pv.echeance, Some(jour("2024-06-27")));
        let publication_pv = trouver(&e, "Procès-verbal publié");
        assert_eq!(publication_pv.echeance, Some(jour("2024-07-04")));
        let reliure = trouver(&e, "Feuillets de l'année 2024");
        assert_eq!(reliure.echeance, Some(jour("2024-12-31")));
        assert_eq!(reliure.article, "R2121-9");
        // The other séance's steps are not listed.
        assert!(e
            .obligations
            .iter()
            .all(|o| o.seance.as_deref() != Some("2024-06-27")));
    }

    #[test]
    fn l_affichage_de_la_liste_et_le_pv_enregistres_sont_faits() {
        let mut r = donnees();
        r.seances[0].liste_affichee_le = Some(jour("2024-05-17"));
        let commune = r.commune.clone().unwrap();
        let calcul = |r: &crate::DonneesRegistre| {
            echeancier(
                &commune,
                &r.seances,
                &r.deliberations,
                Some("2024-05-15"),
                jour("2024-07-10"),
            )
            .unwrap()
        };
        // Displayed but not yet online: still due, and now overdue.
        assert_eq!(
            trouver(&calcul(&r), "Liste des délibérations").etat,
            EtatEcheance::EnRetard
        );
        r.seances[0].liste_en_ligne_le = Some(jour("2024-05-18"));
        r.seances[0].pv_arrete_le = Some(jour("2024-06-27"));
        r.seances[0].pv_publie_le = Some(jour("2024-07-01"));
        let e = calcul(&r);
        let liste = trouver(&e, "Liste des délibérations");
        assert_eq!(liste.etat, EtatEcheance::Faite);
        assert_eq!(liste.faite_le, Some(jour("2024-05-18")));
        assert_eq!(
            trouver(&e, "Procès-verbal arrêté").etat,
            EtatEcheance::Faite
        );
        assert_eq!(
            trouver(&e, "Procès-verbal publié").etat,
            EtatEcheance::Faite
        );
    }

    #[test]
    fn sans_seance_suivante_le_pv_est_a_la_prochaine_seance() {
        let r = demo::donnees();
        let commune = r.commune.clone().unwrap();
        let e = echeancier(
            &commune,
            &r.seances,
            &r.deliberations,
            None,
            jour("2025-01-10"),
        )
        .unwrap();
        let pv = trouver(&e, "Procès-verbal arrêté");
        assert_eq!(pv.echeance, None);
        assert_eq!(pv.echeance_affichee, "à la prochaine séance");
        assert_eq!(pv.etat, EtatEcheance::AFaire, "no date, never overdue");
        let reliure = trouver(&e, "Feuillets");
        assert_eq!(reliure.etat, EtatEcheance::EnRetard);
        assert_eq!(reliure.jours_de_retard, Some(10));
    }

    #[test]
    fn transmission_et_publication_sont_lues_dans_les_donnees() {
        let mut r = donnees();
        let d = &mut r.deliberations[0];
        d.statut = Statut::Publie;
        d.transmission = Some(Transmission {
            date: jour("2024-05-17"),
            identifiant_actes: None,
            date_accuse: None,
        });
        d.publication = Some(Publication {
            date: jour("2024-05-18"),
            mode: ModePublication::Electronique,
            url: None,
        });
        let commune = r.commune.clone().unwrap();
        let e = echeancier(
            &commune,
            &r.seances,
            &r.deliberations,
            Some("2024-05-15"),
            jour("2024-07-01"),
        )
        .unwrap();
        let t = trouver(&e, "Délibération n° 2024/052 transmise");
        assert_eq!(
            (t.etat, t.faite_le),
            (EtatEcheance::Faite, Some(jour("2024-05-17")))
        );
        let p = trouver(&e, "Délibération n° 2024/052 publiée");
        assert_eq!(p.faite_le, Some(jour("2024-05-18")));
        // Overdue first, oldest first; done last.
        let etats: Vec<EtatEcheance> = e.obligations.iter().map(|o| o.etat).collect();
        let mut tries = etats.clone();
        tries.sort();
        assert_eq!(etats, tries);
        let retards: Vec<&str> = e.en_retard().map(|o| o.libelle.as_str()).collect();
        assert_eq!(retards.len(), 2, "{retards:#?}");
        assert!(retards[0].starts_with("Liste des délibérations"));
        assert!(retards[1].starts_with("Procès-verbal arrêté"));
    }

    #[test]
    fn une_petite_commune_relie_tous_les_cinq_ans() {
        let e = etape_de_reliure(2024, 800);
        assert_eq!(e.echeance, Ok(jour("2028-12-31")));
        let e = etape_de_reliure(2024, 3_700);
        assert_eq!(e.echeance, Ok(jour("2024-12-31")));
    }

    #[test]
    fn une_seance_inconnue_est_introuvable() {
        let r = demo::donnees();
        let commune = r.commune.clone().unwrap();
        let e = echeancier(
            &commune,
            &r.seances,
            &r.deliberations,
            Some("2031-01-01"),
            jour("2024-05-20"),
        );
        assert!(matches!(e, Err(Erreur::Introuvable(_))));
    }
}
