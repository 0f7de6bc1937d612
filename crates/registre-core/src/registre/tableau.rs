//! The home dashboard: what needs doing now, for a given "today".

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::Registre;
use crate::convention::{self, Echeance};
use crate::domaine::Statut;
use crate::erreur::Resultat;
use crate::vues::DeliberationResume;
use crate::AttenteMaire;

/// Conventions are listed as expiring this many days ahead.
pub const HORIZON_CONVENTIONS_JOURS: u32 = 60;

/// A convention that still waits for its deliberation or its signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConventionEnAttente {
    pub id: String,
    pub titre: String,
    /// « sans délibération », « délibération n° 2024/052 non signée »…
    pub motif: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TableauDeBord {
    pub au: NaiveDate,
    /// Submitted to the mayor, oldest first.
    pub a_relire: Vec<AttenteMaire>,
    /// Declared bon pour signature, not yet signed.
    pub a_signer: Vec<DeliberationResume>,
    /// Signed, not yet transmitted to the préfecture (L2131-1).
    pub a_transmettre: Vec<DeliberationResume>,
    /// Transmitted, not yet published: not exécutoire (L2131-1).
    pub a_publier: Vec<DeliberationResume>,
    /// Conventions ending within the next 60 days.
    pub conventions_a_echeance: Vec<Echeance>,
    pub conventions_en_attente: Vec<ConventionEnAttente>,
    /// Legal steps past their date (liste affichée, PV, transmission,
    /// publication, binding): the échéancier's overdue items.
    pub en_retard: Vec<crate::echeancier::ObligationLegale>,
}

impl Registre {
    pub fn tableau_de_bord(&self, au: NaiveDate) -> Resultat<TableauDeBord> {
        let resumes = self.lister_deliberations()?;
        let avec = |statut: Statut| -> Vec<DeliberationResume> {
            let mut v: Vec<DeliberationResume> = resumes
                .iter()
                .filter(|d| d.statut == statut)
                .cloned()
                .collect();
            v.sort_by(|a, b| (a.date_seance, &a.numero).cmp(&(b.date_seance, &b.numero)));
            v
        };
        let conventions = self.stockage.conventions()?;
        let deliberations = self.stockage.deliberations()?;
        let mut en_attente = Vec::new();
        for c in &conventions {
            // The deliberation that annexes it, either side of the link.
            let d = deliberations.iter().find(|d| {
                d.convention.as_deref() == Some(c.id.as_str())
                    || c.deliberation.as_ref() == Some(&d.numero)
            });
            let motif = match d {
                None => Some("aucune délibération ne l'approuve".to_owned()),
                Some(d) if d.statut < Statut::Signe => Some(format!(
                    "la délibération n° {} qui l'approuve n'est pas signée ({})",
                    d.numero,
                    d.statut.libelle().to_lowercase()
                )),
                Some(_) if c.date_signature.is_none() => {
                    Some("approuvée, mais sa date de signature n'est pas enregistrée".to_owned())
                }
                Some(_) => None,
            };
            if let Some(motif) = motif {
                en_attente.push(ConventionEnAttente {
                    id: c.id.clone(),
                    titre: c.titre.clone(),
                    motif,
                });
            }
        }
        Ok(TableauDeBord {
            au,
            a_relire: self.a_relire()?,
            a_signer: avec(Statut::BonPourSignature),
            a_transmettre: avec(Statut::Signe),
            a_publier: avec(Statut::Transmis),
            conventions_a_echeance: convention::echeances(
                &conventions,
                au,
                HORIZON_CONVENTIONS_JOURS,
            ),
            conventions_en_attente: en_attente,
            en_retard: self.echeancier(None, au)?.en_retard().cloned().collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::cycle::{DemandeTransition, Role};
    use crate::Registre;

    fn le() -> chrono::NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2024, 5, 20)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    #[test]
    fn le_tableau_suit_la_deliberation_de_reference_jusqu_a_la_transmission() {
        let dir = tempfile::tempdir().unwrap();
        let r = Registre::ouvrir(dir.path()).unwrap();
        r.charger_demo(le()).unwrap();
        let au = le().date();
        let t = r.tableau_de_bord(au).unwrap();
        assert_eq!(t.a_relire.len(), 1);
        assert!(t.a_transmettre.is_empty());
        assert_eq!(t.conventions_en_attente.len(), 1);
        assert!(t.conventions_en_attente[0]
            .motif
            .contains("n'est pas signée"));

        let maire = r.acteur(Role::Maire).unwrap();
        r.changer_statut(
            "2024/052",
            &DemandeTransition::BonPourSignature,
            &maire,
            le(),
            None,
        )
        .unwrap();
        assert_eq!(r.tableau_de_bord(au).unwrap().a_signer.len(), 1);
        r.changer_statut("2024/052", &DemandeTransition::Signer, &maire, le(), None)
            .unwrap();
        let t = r.tableau_de_bord(au).unwrap();
        assert!(t.a_relire.is_empty() && t.a_signer.is_empty());
        assert_eq!(t.a_transmettre[0].numero, "2024/052");
        // Months later, the list of the séance and the transmission are overdue.
        let tard = r
            .tableau_de_bord(chrono::NaiveDate::from_ymd_opt(2024, 9, 1).unwrap())
            .unwrap();
        assert!(
            tard.en_retard
                .iter()
                .any(|o| o.deliberation.as_deref() == Some("2024/052")),
            "{:?}",
            tard.en_retard
        );
        // The demo convention ends on 1 September 2025: within 60 days of 15 July.
        let fin = r
            .tableau_de_bord(chrono::NaiveDate::from_ymd_opt(2025, 7, 15).unwrap())
            .unwrap()
            .conventions_a_echeance;
        assert_eq!(fin.len(), 1, "{fin:?}");
    }
}
