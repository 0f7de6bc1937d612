//! Read models sent to the UI and printed by the CLI: what a screen shows,
//! already resolved (names instead of ids, counts computed).

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;
use ts_rs::TS;

use crate::comptes::{comptes_deliberation, formule_vote, presences_pour, Comptes};
use crate::domaine::{
    euros, Commune, Convention, Decision, Deliberation, Elu, EtatPresence, MentionTaxe, Seance,
    Statut,
};
use crate::erreur::{Erreur, Resultat};
use crate::regles::{
    issue_du_vote, verifier_convention, verifier_deliberation, Diagnostic, IssueVote,
};

/// A line of the register's list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DeliberationResume {
    pub numero: String,
    pub date_seance: NaiveDate,
    pub objet: String,
    pub statut: Statut,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Procuration {
    /// The absent member who gave the pouvoir.
    pub mandant: String,
    /// The present member who holds it.
    pub mandataire: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ConventionResume {
    pub id: String,
    pub titre: String,
    /// "2024-2025", when the convention covers a school year.
    pub annee_scolaire: Option<String>,
    pub fin: Option<NaiveDate>,
    /// The computed amount, written out: "2 école(s) × 45 € TTC = 90 € TTC".
    pub montant: Option<String>,
}

impl From<&Convention> for ConventionResume {
    fn from(c: &Convention) -> Self {
        let periode = c.periode.as_ref();
        ConventionResume {
            id: c.id.clone(),
            titre: c.titre.clone(),
            annee_scolaire: periode.and_then(|p| p.annee_scolaire.clone()),
            fin: periode.and_then(|p| p.fin),
            montant: c.conditions_financieres.as_ref().map(|f| {
                let taxe = match f.taxe {
                    MentionTaxe::Ttc => "TTC",
                    MentionTaxe::Ht => "HT",
                };
                format!(
                    "{} {}(s) × {} {taxe} = {} {taxe}",
                    f.quantite(),
                    f.unite,
                    euros(f.montant_unitaire_centimes),
                    euros(f.total_centimes())
                )
            }),
        }
    }
}

/// Everything the detail screen and `registre show` display.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DeliberationDetail {
    pub numero: String,
    pub objet: String,
    pub statut: Statut,
    pub commune: String,
    pub date_seance: NaiveDate,
    pub heure_seance: NaiveTime,
    pub lieu: String,
    pub president: String,
    pub date_convocation: NaiveDate,
    pub secretaires: Vec<String>,
    pub comptes: Comptes,
    pub presents: Vec<String>,
    pub procurations: Vec<Procuration>,
    pub absents_excuses: Vec<String>,
    pub absents: Vec<String>,
    pub rapporteur: Option<String>,
    pub expose: Vec<crate::domaine::Alinea>,
    pub formule_vote: String,
    pub decisions: Vec<Decision>,
    pub convention: Option<ConventionResume>,
    /// Members who did not take part in the vote, with the reason (L2131-11).
    pub ne_prennent_pas_part: Vec<NonParticipant>,
    /// Outcome under L2121-20.
    pub issue: IssueVote,
    /// The legal checks, errors first.
    pub diagnostics: Vec<Diagnostic>,
    pub visas: Vec<String>,
    pub nature: crate::domaine::NatureActe,
    /// "8.1 Enseignement", as chosen in the nomenclature.
    #[ts(optional = nullable)]
    pub matiere: Option<String>,
    #[ts(optional = nullable)]
    pub numero_actes: Option<String>,
    #[ts(optional = nullable)]
    pub corrige: Option<crate::domaine::Correction>,
    #[ts(optional = nullable)]
    pub signature: Option<crate::domaine::Signature>,
    #[ts(optional = nullable)]
    pub transmission: Option<crate::domaine::Transmission>,
    #[ts(optional = nullable)]
    pub publication: Option<crate::domaine::Publication>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct NonParticipant {
    pub nom: String,
    pub motif: String,
}

/// A line of the séances list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SeanceResume {
    pub id: String,
    pub date: NaiveDate,
    pub heure: NaiveTime,
    pub lieu: String,
    pub nombre_deliberations: u32,
    /// Whether one of its deliberations is signed: the séance is then frozen.
    pub figee: bool,
}

/// An élu as the séance editor lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EluResume {
    pub id: String,
    /// "Jean-Paul BILLES".
    pub nom: String,
    /// "Maire", "Conseillère municipale"…
    pub fonction: String,
    pub mandat_debut: Option<NaiveDate>,
    pub mandat_fin: Option<NaiveDate>,
}

impl From<&Elu> for EluResume {
    fn from(e: &Elu) -> Self {
        EluResume {
            id: e.id.clone(),
            nom: e.nom_complet(),
            fonction: e.libelle_fonction(),
            mandat_debut: e.mandat_debut,
            mandat_fin: e.mandat_fin,
        }
    }
}

/// What the app needs at start: is there a register, and where is it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EtatRegistre {
    pub commune: Option<String>,
    pub nombre_deliberations: u32,
    pub emplacement: String,
}

/// The records a deliberation's detail is resolved against.
pub(crate) struct Contexte<'a> {
    pub commune: &'a Commune,
    pub seance: &'a Seance,
    pub elus: &'a [Elu],
    pub convention: Option<&'a Convention>,
}

pub(crate) fn detail(ctx: &Contexte<'_>, d: &Deliberation) -> Resultat<DeliberationDetail> {
    let seance = ctx.seance;
    let nom = |id: &str| -> Resultat<String> {
        ctx.elus
            .iter()
            .find(|e| e.id == id)
            .map(Elu::nom_complet)
            .ok_or_else(|| {
                Erreur::BaseEndommagee(format!(
                    "la délibération {} renvoie à l'élu « {id} », absent du registre",
                    d.numero
                ))
            })
    };
    let mut presents = Vec::new();
    let mut procurations = Vec::new();
    let mut absents_excuses = Vec::new();
    let mut absents = Vec::new();
    for p in &presences_pour(seance, d) {
        match &p.etat {
            EtatPresence::Present => presents.push(nom(&p.elu)?),
            EtatPresence::AbsentExcuse => absents_excuses.push(nom(&p.elu)?),
            EtatPresence::Absent => absents.push(nom(&p.elu)?),
            EtatPresence::Represente { mandataire } => procurations.push(Procuration {
                mandant: nom(&p.elu)?,
                mandataire: nom(mandataire)?,
            }),
        }
    }
    Ok(DeliberationDetail {
        numero: d.numero.to_string(),
        objet: d.objet.clone(),
        statut: d.statut,
        commune: ctx.commune.nom.clone(),
        date_seance: seance.date,
        heure_seance: seance.heure,
        lieu: seance.lieu.clone(),
        president: nom(&seance.president)?,
        date_convocation: seance.date_convocation,
        secretaires: seance
            .secretaires
            .iter()
            .map(|s| nom(s))
            .collect::<Resultat<_>>()?,
        comptes: comptes_deliberation(seance, d, ctx.elus),
        presents,
        procurations,
        absents_excuses,
        absents,
        rapporteur: d.rapporteur.as_deref().map(nom).transpose()?,
        expose: d.expose.clone(),
        formule_vote: formule_vote(&d.vote),
        decisions: d.decisions.clone(),
        convention: ctx.convention.map(ConventionResume::from),
        ne_prennent_pas_part: d
            .ne_prennent_pas_part
            .iter()
            .map(|n| {
                Ok(NonParticipant {
                    nom: nom(&n.elu)?,
                    motif: n.motif.clone(),
                })
            })
            .collect::<Resultat<_>>()?,
        issue: issue_du_vote(d, &seance.president),
        diagnostics: {
            let mut diagnostics = verifier_deliberation(ctx.commune, ctx.elus, seance, d);
            if let Some(c) = ctx.convention {
                diagnostics.extend(verifier_convention(c, Some(d)));
            }
            diagnostics.extend(crate::regles::verifier_annexe(d));
            diagnostics.sort_by_key(|x| x.gravite);
            diagnostics
        },
        visas: d.visas.clone(),
        nature: d.nature,
        matiere: d.matiere.as_deref().map(|code| {
            crate::domaine::actes::matiere(code)
                .map(|m| format!("{} {}", m.code, m.libelle))
                .unwrap_or_else(|| code.to_owned())
        }),
        numero_actes: d.numero_actes.as_ref().map(|n| n.to_string()),
        corrige: d.corrige.clone(),
        signature: d.signature.clone(),
        transmission: d.transmission.clone(),
        publication: d.publication.clone(),
    })
}
