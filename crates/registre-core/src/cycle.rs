//! The life of a deliberation: who may move it from one status to the next,
//! on what conditions, and the events the history keeps (every version,
//! every transition, every comment, every reading by the mayor).
//!
//! Pure functions: the caller passes the time, the actor and the legal
//! diagnostics; [`crate::Registre`] stores the result.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domaine::actes;
use crate::domaine::{Deliberation, Publication, Statut, Transmission};
use crate::regles::{Diagnostic, Gravite};

/// Who acts. There are no accounts: the role is declared (in the app by the
/// profile chosen, in the CLI by `--par`) and recorded with the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The secrétaire de mairie, who drafts.
    Secretariat,
    /// The maire, who reviews and signs.
    Maire,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Acteur {
    pub role: Role,
    /// As printed in the history: "Secrétariat de mairie", "Jean-Paul BILLES (maire)".
    pub nom: String,
}

impl Acteur {
    /// The clerk, as recorded when no name is configured.
    pub fn secretariat() -> Acteur {
        Acteur {
            role: Role::Secretariat,
            nom: "Secrétariat de mairie".into(),
        }
    }

    pub fn maire(nom: &str) -> Acteur {
        Acteur {
            role: Role::Maire,
            nom: format!("{nom} (maire)"),
        }
    }
}

/// What happened to a deliberation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Action {
    Creation,
    Modification,
    /// Written by an import of an interchange file (or the demo).
    Import,
    Transition {
        de: Statut,
        vers: Statut,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional = nullable)]
        motif: Option<String>,
    },
    Commentaire {
        id: u32,
        texte: String,
    },
    CommentaireResolu {
        id: u32,
    },
    /// The mayor opened this version in his review view.
    Lecture,
}

impl Action {
    /// Whether the event carries a new version of the text.
    pub fn change_le_contenu(&self) -> bool {
        matches!(
            self,
            Action::Creation | Action::Modification | Action::Import
        )
    }

    pub fn libelle(&self) -> String {
        match self {
            Action::Creation => "Création".into(),
            Action::Modification => "Modification".into(),
            Action::Import => "Import".into(),
            Action::Transition { vers, motif, .. } => match motif {
                Some(m) => format!("Statut « {} » ({m})", vers.libelle()),
                None => format!("Statut « {} »", vers.libelle()),
            },
            Action::Commentaire { texte, .. } => format!("Commentaire : {texte}"),
            Action::CommentaireResolu { id } => format!("Commentaire n° {id} résolu"),
            Action::Lecture => "Lu par le maire".into(),
        }
    }
}

/// One entry of a deliberation's history, with the text as it stood after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evenement {
    /// 1, 2, 3… per deliberation, never reused.
    pub rang: u32,
    pub le: NaiveDateTime,
    pub par: Acteur,
    pub action: Action,
    /// Version of the text after this event (increases with each change).
    pub version: u32,
    pub deliberation: Deliberation,
}

/// A remark of the mayor (or the clerk) on a deliberation, until resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Commentaire {
    pub id: u32,
    pub le: NaiveDateTime,
    pub par: Acteur,
    pub texte: String,
    /// The version of the text it was written on.
    pub version: u32,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub resolu: Option<Resolution>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Resolution {
    pub le: NaiveDateTime,
    pub par: Acteur,
}

/// A register number left unused on purpose, with its reason (R2121-9:
/// no unexplained hole in the numbering).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NumeroAnnule {
    pub numero: String,
    pub motif: String,
    pub le: NaiveDateTime,
    pub par: Acteur,
}

/// A status change asked for, with what it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "vers")]
pub enum DemandeTransition {
    /// Brouillon → soumis au maire.
    Soumettre,
    /// Soumis au maire or bon pour signature → brouillon, with the reason.
    RenvoyerEnBrouillon { motif: String },
    /// Soumis au maire → bon pour signature (the maire).
    BonPourSignature,
    /// Bon pour signature → signé (the maire). The PDF is rendered or
    /// supplied by the caller; its SHA-256 is recorded.
    Signer,
    /// Signé → transmis en préfecture.
    Transmettre(Transmission),
    /// Transmis → publié.
    Publier(Publication),
    /// Publié → exécutoire (L2131-1: published and transmitted).
    RendreExecutoire,
}

impl DemandeTransition {
    pub fn cible(&self) -> Statut {
        match self {
            DemandeTransition::Soumettre => Statut::SoumisAuMaire,
            DemandeTransition::RenvoyerEnBrouillon { .. } => Statut::Brouillon,
            DemandeTransition::BonPourSignature => Statut::BonPourSignature,
            DemandeTransition::Signer => Statut::Signe,
            DemandeTransition::Transmettre(_) => Statut::Transmis,
            DemandeTransition::Publier(_) => Statut::Publie,
            DemandeTransition::RendreExecutoire => Statut::Executoire,
        }
    }
}

/// What a transition needs to know beyond the deliberation itself.
pub struct Contexte<'a> {
    pub par: &'a Acteur,
    pub date_seance: NaiveDate,
    /// The legal checks of the deliberation as it stands.
    pub diagnostics: &'a [Diagnostic],
    pub commentaires_ouverts: usize,
}

/// Checks a transition and applies it to `d` (status and the data it
/// carries); the error is the French sentence shown to the user.
pub fn appliquer(
    d: &mut Deliberation,
    demande: &DemandeTransition,
    ctx: &Contexte,
) -> Result<(), String> {
    let depuis = d.statut;
    let vers = demande.cible();
    let attendu = |statuts: &[Statut]| -> Result<(), String> {
        if statuts.contains(&depuis) {
            Ok(())
        } else {
            let noms: Vec<String> = statuts
                .iter()
                .map(|s| format!("« {} »", s.libelle()))
                .collect();
            Err(format!(
                "La délibération n° {} a le statut « {} » : elle ne peut passer à « {} » que depuis {}.",
                d.numero,
                depuis.libelle(),
                vers.libelle(),
                noms.join(" ou ")
            ))
        }
    };
    let maire_seulement = |quoi: &str| -> Result<(), String> {
        if ctx.par.role == Role::Maire {
            Ok(())
        } else {
            Err(format!(
                "Seul le maire peut {quoi} la délibération n° {}.",
                d.numero
            ))
        }
    };
    match demande {
        DemandeTransition::Soumettre => {
            attendu(&[Statut::Brouillon])?;
            exiger_redaction_complete(d)?;
        }
        DemandeTransition::RenvoyerEnBrouillon { motif } => {
            attendu(&[Statut::SoumisAuMaire, Statut::BonPourSignature])?;
            if motif.trim().is_empty() {
                return Err("Indiquez le motif du renvoi en brouillon.".into());
            }
        }
        DemandeTransition::BonPourSignature => {
            attendu(&[Statut::SoumisAuMaire])?;
            maire_seulement("déclarer bonne pour signature")?;
            exiger_redaction_complete(d)?;
            exiger_signable(d, ctx)?;
        }
        DemandeTransition::Signer => {
            attendu(&[Statut::BonPourSignature])?;
            maire_seulement("signer")?;
            // Re-checked: the séance may have changed since the "bon pour signature".
            exiger_signable(d, ctx)?;
        }
        DemandeTransition::Transmettre(t) => {
            attendu(&[Statut::Signe])?;
            if t.date < ctx.date_seance {
                return Err(format!(
                    "Date de transmission : le {} précède la séance du {}.",
                    t.date.format("%d/%m/%Y"),
                    ctx.date_seance.format("%d/%m/%Y")
                ));
            }
            if let Some(ar) = t.date_accuse {
                if ar < t.date {
                    return Err(format!(
                        "Date de l'accusé de réception : le {} précède la transmission du {}.",
                        ar.format("%d/%m/%Y"),
                        t.date.format("%d/%m/%Y")
                    ));
                }
            }
            if let Some(id) = &t.identifiant_actes {
                if id.trim().is_empty() || id.contains(char::is_whitespace) {
                    return Err(format!(
                        "Identifiant ACTES : « {id} » ne doit pas contenir d'espace."
                    ));
                }
            }
            d.transmission = Some(t.clone());
        }
        DemandeTransition::Publier(p) => {
            attendu(&[Statut::Transmis])?;
            if p.date < ctx.date_seance {
                return Err(format!(
                    "Date de publication : le {} précède la séance du {}.",
                    p.date.format("%d/%m/%Y"),
                    ctx.date_seance.format("%d/%m/%Y")
                ));
            }
            if let Some(url) = &p.url {
                let schema = url.starts_with("https://") || url.starts_with("http://");
                if !schema || url.contains(char::is_whitespace) {
                    return Err(format!(
                        "Adresse de publication : « {url} » n'est pas une adresse web (https://…)."
                    ));
                }
            }
            d.publication = Some(p.clone());
        }
        DemandeTransition::RendreExecutoire => {
            attendu(&[Statut::Publie])?;
            // L2131-1: exécutoire once published and transmitted.
            if d.transmission.is_none() || d.publication.is_none() {
                return Err(format!(
                    "La délibération n° {} n'est exécutoire qu'une fois publiée et transmise en préfecture (CGCT L2131-1).",
                    d.numero
                ));
            }
        }
    }
    d.statut = vers;
    Ok(())
}

fn exiger_redaction_complete(d: &Deliberation) -> Result<(), String> {
    let manque = |champ: &str| {
        Err(format!(
            "La délibération n° {} ne peut pas être soumise : {champ}.",
            d.numero
        ))
    };
    if d.objet.trim().is_empty() {
        return manque("l'objet est vide");
    }
    if d.decisions.is_empty() {
        return manque("le dispositif ne contient aucune décision");
    }
    if let Some(i) = d
        .decisions
        .iter()
        .position(|x| x.verbe.trim().is_empty() || x.texte.trim().is_empty())
    {
        return manque(&format!("la décision n° {} est incomplète", i + 1));
    }
    Ok(())
}

/// What must hold before the mayor can sign: a matière (ACTES), a valid
/// ACTES number, no blocking legal diagnostic, no open comment.
fn exiger_signable(d: &Deliberation, ctx: &Contexte) -> Result<(), String> {
    match &d.matiere {
        None => {
            return Err(format!(
                "La délibération n° {} n'a pas de matière ACTES (par exemple 8.1 Enseignement) : elle est exigée pour la transmission en préfecture.",
                d.numero
            ))
        }
        Some(code) => {
            actes::verifier_matiere(code)?;
        }
    }
    if d.numero_actes.is_none() {
        return Err(format!(
            "La délibération n° {} n'a pas de numéro ACTES.",
            d.numero
        ));
    }
    let bloquants: Vec<&Diagnostic> = ctx
        .diagnostics
        .iter()
        .filter(|x| x.gravite == Gravite::Erreur)
        .collect();
    if let Some(premier) = bloquants.first() {
        return Err(format!(
            "La délibération n° {} ne peut pas être signée : {} erreur(s) juridique(s) bloquante(s), dont : {}",
            d.numero,
            bloquants.len(),
            premier.message
        ));
    }
    if ctx.commentaires_ouverts > 0 {
        return Err(format!(
            "La délibération n° {} a {} commentaire(s) non résolu(s).",
            d.numero, ctx.commentaires_ouverts
        ));
    }
    Ok(())
}

/// Whether the text may still be edited: only before the mayor's "bon pour
/// signature", and never once signed.
pub fn exiger_modifiable(d: &Deliberation) -> Result<(), String> {
    match d.statut {
        Statut::Brouillon | Statut::SoumisAuMaire => Ok(()),
        Statut::BonPourSignature => Err(format!(
            "La délibération n° {} est « bon pour signature » : renvoyez-la d'abord en brouillon pour la modifier.",
            d.numero
        )),
        s => Err(format!(
            "La délibération n° {} a le statut « {} » : un acte signé ne peut plus être modifié. Une correction passe par une nouvelle délibération, rectificative ou de retrait.",
            d.numero,
            s.libelle()
        )),
    }
}

/// Autosave writes often: a modification by the same person within this
/// delay after the previous one, with nothing in between, replaces it in the
/// history instead of adding a version per keystroke pause.
pub const FUSION_MODIFICATIONS_MINUTES: i64 = 10;

/// Whether a new modification may replace the last history entry.
pub fn fusionne_avec(dernier: &Evenement, par: &Acteur, le: NaiveDateTime) -> bool {
    matches!(dernier.action, Action::Creation | Action::Modification)
        && &dernier.par == par
        && le >= dernier.le
        && le - dernier.le <= chrono::Duration::minutes(FUSION_MODIFICATIONS_MINUTES)
}

/// The publication mode's label, for messages and the CLI.
pub fn libelle_publication(p: &Publication) -> String {
    format!("{} le {}", p.mode.libelle(), p.date.format("%d/%m/%Y"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domaine::ModePublication;
    use crate::regles::CodeDiagnostic;
    use chrono::NaiveDate;

    fn date(a: i32, m: u32, j: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(a, m, j).unwrap()
    }

    fn brouillon() -> Deliberation {
        let mut d = crate::demo::donnees().deliberations[0].clone();
        d.statut = Statut::Brouillon;
        d
    }

    fn appliquer_par(
        d: &mut Deliberation,
        demande: DemandeTransition,
        role: Role,
        diagnostics: &[Diagnostic],
        commentaires_ouverts: usize,
    ) -> Result<(), String> {
        let par = Acteur {
            role,
            nom: "X".into(),
        };
        appliquer(
            d,
            &demande,
            &Contexte {
                par: &par,
                date_seance: date(2024, 5, 15),
                diagnostics,
                commentaires_ouverts,
            },
        )
    }

    fn ok(d: &mut Deliberation, demande: DemandeTransition, role: Role) {
        appliquer_par(d, demande, role, &[], 0).unwrap();
    }

    /// Submits `d`, then has the maire declare it « bon pour signature »
    /// with these diagnostics and open comments: the refusal.
    fn refus_du_bon_pour_signature(
        d: &mut Deliberation,
        diagnostics: &[Diagnostic],
        commentaires_ouverts: usize,
    ) -> String {
        ok(d, DemandeTransition::Soumettre, Role::Secretariat);
        appliquer_par(
            d,
            DemandeTransition::BonPourSignature,
            Role::Maire,
            diagnostics,
            commentaires_ouverts,
        )
        .unwrap_err()
    }

    #[test]
    fn le_cycle_complet_va_du_brouillon_a_l_executoire() {
        let mut d = brouillon();
        ok(&mut d, DemandeTransition::Soumettre, Role::Secretariat);
        ok(&mut d, DemandeTransition::BonPourSignature, Role::Maire);
        ok(&mut d, DemandeTransition::Signer, Role::Maire);
        ok(
            &mut d,
            DemandeTransition::Transmettre(Transmission {
                date: date(2024, 5, 20),
                identifiant_actes: Some("066-216601441-20240515-2024_052-DE".into()),
                date_accuse: Some(date(2024, 5, 20)),
            }),
            Role::Secretariat,
        );
        ok(
            &mut d,
            DemandeTransition::Publier(Publication {
                date: date(2024, 5, 21),
                mode: ModePublication::Electronique,
                url: None,
            }),
            Role::Secretariat,
        );
        ok(
            &mut d,
            DemandeTransition::RendreExecutoire,
            Role::Secretariat,
        );
        assert_eq!(d.statut, Statut::Executoire);
        assert_eq!(d.transmission.unwrap().date, date(2024, 5, 20));
    }

    #[test]
    fn seul_le_maire_declare_bon_pour_signature_et_signe() {
        let mut d = brouillon();
        ok(&mut d, DemandeTransition::Soumettre, Role::Secretariat);
        let e = appliquer_par(
            &mut d,
            DemandeTransition::BonPourSignature,
            Role::Secretariat,
            &[],
            0,
        )
        .unwrap_err();
        assert!(e.contains("Seul le maire"), "{e}");
        assert_eq!(d.statut, Statut::SoumisAuMaire);
    }

    #[test]
    fn une_etape_sautee_est_refusee_en_nommant_les_statuts() {
        let mut d = brouillon();
        let e = appliquer_par(&mut d, DemandeTransition::Signer, Role::Maire, &[], 0).unwrap_err();
        assert!(e.contains("« Brouillon »"), "{e}");
        assert!(e.contains("« Bon pour signature »"), "{e}");
        assert_eq!(d.statut, Statut::Brouillon);
    }

    #[test]
    fn sans_matiere_la_signature_est_refusee() {
        let mut d = brouillon();
        d.matiere = None;
        let e = refus_du_bon_pour_signature(&mut d, &[], 0);
        assert!(e.contains("matière ACTES"), "{e}");
    }

    #[test]
    fn une_erreur_juridique_bloquante_empeche_la_signature() {
        let mut d = brouillon();
        let quorum = Diagnostic {
            code: CodeDiagnostic::QuorumNonAtteint,
            gravite: Gravite::Erreur,
            article: "CGCT L2121-17".into(),
            message: "Le quorum n'est pas atteint.".into(),
        };
        let e = refus_du_bon_pour_signature(&mut d, &[quorum], 0);
        assert!(e.contains("quorum"), "{e}");
    }

    #[test]
    fn un_commentaire_ouvert_empeche_le_bon_pour_signature() {
        let mut d = brouillon();
        let e = refus_du_bon_pour_signature(&mut d, &[], 2);
        assert!(e.contains("2 commentaire(s) non résolu(s)"), "{e}");
    }

    #[test]
    fn un_brouillon_vide_ne_peut_pas_etre_soumis() {
        let mut d = brouillon();
        d.decisions.clear();
        let e = appliquer_par(
            &mut d,
            DemandeTransition::Soumettre,
            Role::Secretariat,
            &[],
            0,
        )
        .unwrap_err();
        assert!(e.contains("aucune décision"), "{e}");
    }

    #[test]
    fn la_transmission_ne_peut_preceder_la_seance() {
        let mut d = brouillon();
        d.statut = Statut::Signe;
        let e = appliquer_par(
            &mut d,
            DemandeTransition::Transmettre(Transmission {
                date: date(2024, 5, 1),
                identifiant_actes: None,
                date_accuse: None,
            }),
            Role::Secretariat,
            &[],
            0,
        )
        .unwrap_err();
        assert!(e.contains("précède la séance"), "{e}");
        assert!(d.transmission.is_none());
    }

    #[test]
    fn un_renvoi_en_brouillon_exige_un_motif() {
        let mut d = brouillon();
        ok(&mut d, DemandeTransition::Soumettre, Role::Secretariat);
        let e = appliquer_par(
            &mut d,
            DemandeTransition::RenvoyerEnBrouillon { motif: " ".into() },
            Role::Maire,
            &[],
            0,
        )
        .unwrap_err();
        assert!(e.contains("motif"), "{e}");
    }

    #[test]
    fn signe_veut_dire_fige() {
        let mut d = brouillon();
        assert!(exiger_modifiable(&d).is_ok());
        d.statut = Statut::BonPourSignature;
        assert!(exiger_modifiable(&d).unwrap_err().contains("renvoyez-la"));
        for s in [
            Statut::Signe,
            Statut::Transmis,
            Statut::Publie,
            Statut::Executoire,
        ] {
            d.statut = s;
            assert!(exiger_modifiable(&d)
                .unwrap_err()
                .contains("ne peut plus être modifié"));
        }
    }

    #[test]
    fn l_autosauvegarde_fusionne_seulement_les_modifications_recentes_du_meme_auteur() {
        let d = brouillon();
        let le = date(2024, 5, 10).and_hms_opt(10, 0, 0).unwrap();
        let e = Evenement {
            rang: 3,
            le,
            par: Acteur::secretariat(),
            action: Action::Modification,
            version: 2,
            deliberation: d,
        };
        let plus = |m: i64| le + chrono::Duration::minutes(m);
        assert!(fusionne_avec(&e, &Acteur::secretariat(), plus(9)));
        assert!(!fusionne_avec(&e, &Acteur::secretariat(), plus(11)));
        assert!(!fusionne_avec(&e, &Acteur::maire("M"), plus(1)));
        let mut transition = e.clone();
        transition.action = Action::Lecture;
        assert!(!fusionne_avec(&transition, &Acteur::secretariat(), plus(1)));
    }
}
