//! The council's members as records the clerk keeps (screen « Élus »):
//! read, added when a new member is installed, closed when a mandate ends.
//! An élu who sat at a séance whose acts are signed keeps the identity and
//! function printed on those acts.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::Registre;
use crate::domaine::{Deliberation, Elu, EtatPresence, Fonction, Seance, Statut};
use crate::echange;
use crate::erreur::{Erreur, Resultat};

/// Highest adjoint rank: a council has at most 30 % of its members as
/// adjoints (L2122-2), and the largest councils have 69 members.
const RANG_ADJOINT_MAX: u8 = 20;

/// The élus a signed act names, with the dates of the séances at which
/// they are named: their identity is printed there and can no longer move.
fn elus_dans_les_actes_signes(
    seances: &[Seance],
    deliberations: &[Deliberation],
) -> Vec<(String, NaiveDate)> {
    let mut noms = BTreeSet::new();
    for d in deliberations.iter().filter(|d| d.statut >= Statut::Signe) {
        let Some(s) = seances.iter().find(|s| s.id == d.seance) else {
            continue;
        };
        let mut nommer = |id: &str| {
            noms.insert((id.to_owned(), s.date));
        };
        nommer(&s.president);
        s.secretaires.iter().for_each(|e| nommer(e));
        for p in s.presences.iter().chain(&d.mouvements) {
            nommer(&p.elu);
            if let EtatPresence::Represente { mandataire } = &p.etat {
                nommer(mandataire);
            }
        }
        d.rapporteur.iter().for_each(|e| nommer(e));
        d.ne_prennent_pas_part.iter().for_each(|n| nommer(&n.elu));
        d.votes_nominatifs.iter().for_each(|v| nommer(&v.elu));
    }
    noms.into_iter().collect()
}

impl Registre {
    pub fn lire_elu(&self, id: &str) -> Resultat<Elu> {
        self.stockage
            .elus()?
            .into_iter()
            .find(|e| e.id == id)
            .ok_or_else(|| {
                Erreur::Introuvable(format!("L'élu « {id} » n'existe pas dans le registre."))
            })
    }

    /// Saves an élu (a new one when `id` is empty, named after its name).
    /// Refused, the field named, when a name is empty, a mandate ends
    /// before it starts, or the function is already held by a member in
    /// office (one maire, one adjoint per rank: L2122-1, L2122-10). Refused
    /// as well when it would change what a signed act prints: the civilité,
    /// names and function of an élu it names, or a mandate that no longer
    /// covers the séance at which he sat.
    pub fn enregistrer_elu(&self, mut elu: Elu) -> Resultat<Elu> {
        elu.prenom = elu.prenom.trim().to_owned();
        elu.nom = elu.nom.trim().to_owned();
        let refus =
            |champ: &str, message: String| Err(Erreur::invalide(format!("elu.{champ}"), message));
        if elu.prenom.is_empty() {
            return refus("prenom", "le prénom de l'élu est vide".into());
        }
        if elu.nom.is_empty() {
            return refus("nom", "le nom de l'élu est vide".into());
        }
        if let Fonction::Adjoint { rang } = elu.fonction {
            if !(1..=RANG_ADJOINT_MAX).contains(&rang) {
                return refus(
                    "fonction",
                    format!("le rang d'un adjoint va de 1 à {RANG_ADJOINT_MAX}"),
                );
            }
        }
        if let (Some(debut), Some(fin)) = (elu.mandat_debut, elu.mandat_fin) {
            if fin < debut {
                return refus(
                    "mandat_fin",
                    format!(
                        "le mandat finit le {} avant d'avoir commencé le {}",
                        fin.format("%d/%m/%Y"),
                        debut.format("%d/%m/%Y")
                    ),
                );
            }
        }
        let mut donnees = self.stockage.lire_tout()?;
        if elu.id.trim().is_empty() {
            let pris: Vec<String> = donnees.elus.iter().map(|e| e.id.clone()).collect();
            elu.id =
                super::identifiant_lisible(&format!("{} {}", elu.nom, elu.prenom), "elu", &pris);
        }
        let unique = matches!(elu.fonction, Fonction::Maire | Fonction::Adjoint { .. });
        if unique {
            if let Some(autre) = donnees.elus.iter().find(|e| {
                e.id != elu.id && e.fonction == elu.fonction && mandats_se_chevauchent(e, &elu)
            }) {
                return refus(
                    "fonction",
                    format!(
                        "{} est déjà « {} » pendant ce mandat : fermez d'abord son mandat (fin de mandat)",
                        autre.nom_complet(),
                        autre.libelle_fonction()
                    ),
                );
            }
        }
        let signes = elus_dans_les_actes_signes(&donnees.seances, &donnees.deliberations);
        if let Some(ancien) = donnees.elus.iter().find(|e| e.id == elu.id) {
            let seances_signees: Vec<NaiveDate> = signes
                .iter()
                .filter(|(id, _)| *id == elu.id)
                .map(|(_, date)| *date)
                .collect();
            if let Some(premiere) = seances_signees.first() {
                let identite = |e: &Elu| {
                    (
                        e.civilite,
                        e.prenom.clone(),
                        e.nom.clone(),
                        e.fonction.clone(),
                    )
                };
                if identite(ancien) != identite(&elu) {
                    return Err(Erreur::ActeSigne(format!(
                        "{} figure dans des actes signés (séance du {}) : sa civilité, son nom et sa fonction y sont imprimés et ne peuvent plus changer. Pour une nouvelle fonction, fermez ce mandat et ajoutez l'élu de nouveau.",
                        ancien.nom_complet(),
                        premiere.format("%d/%m/%Y")
                    )));
                }
                if let Some(hors) = seances_signees.iter().find(|d| !elu.en_exercice_le(**d)) {
                    return refus(
                        "mandat_fin",
                        format!(
                            "{} a siégé le {} à une séance dont les actes sont signés : le mandat doit couvrir cette date",
                            elu.nom_complet(),
                            hors.format("%d/%m/%Y")
                        ),
                    );
                }
            }
        }
        let rang = match donnees.elus.iter().position(|e| e.id == elu.id) {
            Some(i) => {
                donnees.elus[i] = elu.clone();
                i
            }
            None => {
                donnees.elus.push(elu.clone());
                donnees.elus.len() - 1
            }
        };
        if let Some(a) = echange::anomalie_de(&donnees, &format!("registre.elus[{rang}]"), "elu") {
            return Err(Erreur::DonneeInvalide(a));
        }
        self.stockage.enregistrer_elu(&elu)?;
        Ok(elu)
    }
}

/// Whether two mandates share at least one day; an open bound runs on.
fn mandats_se_chevauchent(a: &Elu, b: &Elu) -> bool {
    let debut = |e: &Elu| e.mandat_debut.unwrap_or(NaiveDate::MIN);
    let fin = |e: &Elu| e.mandat_fin.unwrap_or(NaiveDate::MAX);
    debut(a) <= fin(b) && debut(b) <= fin(a)
}

#[cfg(test)]
mod tests {
    use crate::cycle::{DemandeTransition, Role};
    use crate::domaine::{Civilite, Elu, Fonction};
    use crate::erreur::Erreur;
    use crate::registre::essais::registre_demo;

    fn nouvel_elu(fonction: Fonction) -> Elu {
        Elu {
            id: String::new(),
            civilite: Civilite::Madame,
            prenom: " Élodie ".into(),
            nom: "DURAND-NOËL".into(),
            fonction,
            mandat_debut: Some("2024-06-01".parse().unwrap()),
            mandat_fin: None,
        }
    }

    fn champ(e: Erreur) -> String {
        match e {
            Erreur::DonneeInvalide(a) => a.chemin,
            autre => panic!("refus attendu sur un champ, obtenu {autre:?}"),
        }
    }

    #[test]
    fn un_nouvel_elu_recoit_un_identifiant_lisible_et_se_relit() {
        let (_d, r) = registre_demo();
        let avant = r.lister_elus().unwrap().len();
        let e = r.enregistrer_elu(nouvel_elu(Fonction::Conseiller)).unwrap();
        assert_eq!(e.id, "durand-noel-elodie");
        assert_eq!(e.prenom, "Élodie");
        assert_eq!(r.lire_elu(&e.id).unwrap(), e);
        assert_eq!(r.lister_elus().unwrap().len(), avant + 1);
        let deuxieme = r.enregistrer_elu(nouvel_elu(Fonction::Conseiller)).unwrap();
        assert_eq!(deuxieme.id, "durand-noel-elodie-2");
    }

    #[test]
    fn un_elu_sans_nom_ou_au_mandat_inverse_est_refuse_en_nommant_le_champ() {
        let (_d, r) = registre_demo();
        let mut e = nouvel_elu(Fonction::Conseiller);
        e.nom = "  ".into();
        assert_eq!(champ(r.enregistrer_elu(e).unwrap_err()), "elu.nom");
        let mut e = nouvel_elu(Fonction::Conseiller);
        e.mandat_fin = Some("2024-01-01".parse().unwrap());
        assert_eq!(champ(r.enregistrer_elu(e).unwrap_err()), "elu.mandat_fin");
        let e = nouvel_elu(Fonction::Adjoint { rang: 0 });
        assert_eq!(champ(r.enregistrer_elu(e).unwrap_err()), "elu.fonction");
    }

    #[test]
    fn un_second_maire_en_exercice_est_refuse_mais_pas_un_successeur() {
        let (_d, r) = registre_demo();
        let mut e = nouvel_elu(Fonction::Maire);
        e.mandat_debut = None;
        assert_eq!(champ(r.enregistrer_elu(e).unwrap_err()), "elu.fonction");
        // The maire in office: his mandate closes, then a successor is installed.
        let maire = r.lire_commune().unwrap().maire;
        let mut ancien = r.lire_elu(&maire).unwrap();
        ancien.mandat_fin = Some("2026-03-14".parse().unwrap());
        r.enregistrer_elu(ancien).unwrap();
        let mut successeur = nouvel_elu(Fonction::Maire);
        successeur.mandat_debut = Some("2026-03-21".parse().unwrap());
        r.enregistrer_elu(successeur).unwrap();
    }

    #[test]
    fn un_elu_nomme_dans_un_acte_signe_garde_son_identite_et_son_mandat() {
        let (_d, r) = registre_demo();
        let le = chrono::NaiveDate::from_ymd_opt(2024, 5, 20)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap();
        let maire = r.acteur(Role::Maire).unwrap();
        for etape in [
            DemandeTransition::BonPourSignature,
            DemandeTransition::Signer,
        ] {
            r.changer_statut("2024/052", &etape, &maire, le, None)
                .unwrap();
        }
        let seance = r.lire_seance("2024-05-15").unwrap();
        let secretaire = seance.secretaires[0].clone();
        let avant = r.lire_elu(&secretaire).unwrap();

        let mut renomme = avant.clone();
        renomme.nom = "AUTRE".into();
        assert!(matches!(
            r.enregistrer_elu(renomme),
            Err(Erreur::ActeSigne(_))
        ));
        let mut ferme_trop_tot = avant.clone();
        ferme_trop_tot.mandat_fin = Some(seance.date.pred_opt().unwrap());
        assert_eq!(
            champ(r.enregistrer_elu(ferme_trop_tot).unwrap_err()),
            "elu.mandat_fin"
        );
        assert_eq!(r.lire_elu(&secretaire).unwrap(), avant, "rien n'a changé");

        // Closing the mandate after the séance is what a resignation does.
        let mut demission = avant.clone();
        demission.mandat_fin = Some("2025-01-31".parse().unwrap());
        r.enregistrer_elu(demission.clone()).unwrap();
        assert_eq!(r.lire_elu(&secretaire).unwrap(), demission);
    }
}
