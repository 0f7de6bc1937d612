//! Counts printed on every extract, derived from the séance and never typed:
//! membres en exercice, présents, absents, représentés, votants.

use schemars::JsonSchema;
use serde::Serialize;
use ts_rs::TS;

use crate::domaine::{Deliberation, Elu, EtatPresence, Presence, Seance, Vote};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema, TS)]
pub struct Comptes {
    /// Members whose mandate runs on the séance date (vacancies lower it).
    pub en_exercice: u32,
    /// Physically present: the only ones that count for quorum (L2121-17).
    pub presents: u32,
    /// En exercice minus présents (represented members are absent too).
    pub absents: u32,
    /// Absent members who gave a written pouvoir (L2121-20).
    pub representes: u32,
    /// Présents plus représentés, less the members who do not take part
    /// (L2131-11): each pouvoir gives its holder a second vote.
    pub votants: u32,
    /// Present or represented members who "ne prennent pas part au vote".
    pub ne_prennent_pas_part: u32,
}

/// Counts at the opening of the séance.
pub fn comptes(seance: &Seance, elus: &[Elu]) -> Comptes {
    compter(seance, &seance.presences, elus, &[])
}

/// Counts for one item: the séance's attendance updated by the item's
/// arrivals and departures, less the members who do not take part.
pub fn comptes_deliberation(seance: &Seance, d: &Deliberation, elus: &[Elu]) -> Comptes {
    let nppv: Vec<&str> = d
        .ne_prennent_pas_part
        .iter()
        .map(|n| n.elu.as_str())
        .collect();
    compter(seance, &presences_pour(seance, d), elus, &nppv)
}

/// Attendance for one item: each member's state at the opening, replaced by
/// the item's `mouvements` (an arrival, a departure, a pouvoir given on leaving).
pub fn presences_pour(seance: &Seance, d: &Deliberation) -> Vec<Presence> {
    let mut presences = seance.presences.clone();
    for m in &d.mouvements {
        match presences.iter_mut().find(|p| p.elu == m.elu) {
            Some(p) => p.etat = m.etat.clone(),
            None => presences.push(m.clone()),
        }
    }
    presences
}

fn compter(seance: &Seance, presences: &[Presence], elus: &[Elu], nppv: &[&str]) -> Comptes {
    let en_exercice = elus
        .iter()
        .filter(|e| e.en_exercice_le(seance.date))
        .count() as u32;
    let nombre = |filtre: fn(&EtatPresence) -> bool| {
        presences.iter().filter(|p| filtre(&p.etat)).count() as u32
    };
    let presents = nombre(|etat| matches!(etat, EtatPresence::Present));
    let representes = nombre(|etat| matches!(etat, EtatPresence::Represente { .. }));
    let ne_prennent_pas_part = presences
        .iter()
        .filter(|p| {
            matches!(
                p.etat,
                EtatPresence::Present | EtatPresence::Represente { .. }
            ) && nppv.contains(&p.elu.as_str())
        })
        .count() as u32;
    Comptes {
        en_exercice,
        presents,
        absents: en_exercice.saturating_sub(presents),
        representes,
        votants: presents + representes - ne_prennent_pas_part,
        ne_prennent_pas_part,
    }
}

/// The vote sentence that follows "Le conseil municipal, après en avoir délibéré,".
pub fn formule_vote(vote: &Vote) -> String {
    match vote {
        Vote::Unanimite => "à l'unanimité des membres présents et représentés".to_owned(),
        Vote::Detail {
            pour,
            contre,
            abstentions,
            blancs_nuls: 0,
        } => format!(
            "par {} pour, {} contre et {}",
            accorder(*pour, "voix", "voix"),
            accorder(*contre, "voix", "voix"),
            accorder(*abstentions, "abstention", "abstentions"),
        ),
        Vote::Detail {
            pour,
            contre,
            abstentions,
            blancs_nuls,
        } => format!(
            "par {} pour, {} contre, {} et {}",
            accorder(*pour, "voix", "voix"),
            accorder(*contre, "voix", "voix"),
            accorder(*abstentions, "abstention", "abstentions"),
            accorder(
                *blancs_nuls,
                "bulletin blanc ou nul",
                "bulletins blancs ou nuls"
            ),
        ),
    }
}

fn accorder(n: u32, singulier: &str, pluriel: &str) -> String {
    // French takes the singular for 0 and 1.
    if n <= 1 {
        format!("{n} {singulier}")
    } else {
        format!("{n} {pluriel}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domaine::{Civilite, Fonction, Presence};

    fn elu(id: &str, fin: Option<&str>) -> Elu {
        Elu {
            id: id.into(),
            civilite: Civilite::Monsieur,
            prenom: "P".into(),
            nom: id.to_uppercase(),
            fonction: Fonction::Conseiller,
            mandat_debut: None,
            mandat_fin: fin.map(|d| d.parse().unwrap()),
        }
    }

    #[test]
    fn une_vacance_abaisse_les_membres_en_exercice() {
        let elus = vec![elu("a", None), elu("b", None), elu("c", Some("2024-01-31"))];
        let seance = Seance {
            id: "2024-05-15".into(),
            date: "2024-05-15".parse().unwrap(),
            heure: "18:00:00".parse().unwrap(),
            lieu: "en mairie".into(),
            president: "a".into(),
            date_convocation: "2024-05-07".parse().unwrap(),
            secretaires: vec!["a".into()],
            presences: vec![
                Presence {
                    elu: "a".into(),
                    etat: EtatPresence::Present,
                },
                Presence {
                    elu: "b".into(),
                    etat: EtatPresence::Represente {
                        mandataire: "a".into(),
                    },
                },
            ],
            ordre_du_jour: vec![],
            urgence: false,
            sur_reconvocation: false,
            liste_affichee_le: None,
            liste_en_ligne_le: None,
            pv_arrete_le: None,
            pv_publie_le: None,
        };
        let c = comptes(&seance, &elus);
        assert_eq!(
            c,
            Comptes {
                en_exercice: 2,
                presents: 1,
                absents: 1,
                representes: 1,
                votants: 2,
                ne_prennent_pas_part: 0
            }
        );
    }

    #[test]
    fn formule_de_vote_detaillee_accorde_les_mots() {
        let v = Vote::Detail {
            pour: 20,
            contre: 1,
            abstentions: 2,
            blancs_nuls: 0,
        };
        assert_eq!(
            formule_vote(&v),
            "par 20 voix pour, 1 voix contre et 2 abstentions"
        );
        let v = Vote::Detail {
            pour: 23,
            contre: 0,
            abstentions: 0,
            blancs_nuls: 0,
        };
        assert_eq!(
            formule_vote(&v),
            "par 23 voix pour, 0 voix contre et 0 abstention"
        );
    }
}
