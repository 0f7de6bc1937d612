//! The checks themselves: one function per séance, one per deliberation.

use std::collections::HashMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;
use ts_rs::TS;

use super::effectif::effectif_legal;
use super::seuils::{
    delai_convocation, quorum, JOURS_FRANCS_RECONVOCATION, JOURS_FRANCS_URGENCE,
    SEUIL_POPULATION_CINQ_JOURS,
};
use crate::comptes::{comptes, comptes_deliberation, presences_pour, Comptes};
use crate::domaine::{
    Commune, Deliberation, Elu, EtatPresence, Presence, Scrutin, Seance, Sens, Vote,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Gravite {
    /// The act would be illegal or its extract false: blocks signature.
    Erreur,
    /// Probably a mistake, or a point the mayor must be able to justify.
    Avertissement,
    /// Worth knowing; nothing to fix.
    Information,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum CodeDiagnostic {
    QuorumNonAtteint,
    ReconvocationSansQuorum,
    ReconvocationTropProche,
    DelaiConvocationInsuffisant,
    DelaiUrgenceInsuffisant,
    ConvocationEnUrgence,
    EffectifSuperieurAuLegal,
    SiegesVacants,
    EluSansEtatDePresence,
    PresenceHorsMandat,
    PresidentAbsent,
    SecretaireManquant,
    SecretaireAbsent,
    RapporteurAbsent,
    PouvoirsMultiples,
    PouvoirAUnAbsent,
    TotalDesVoixIncoherent,
    UnanimiteAvecVoixDiscordantes,
    NonParticipantCompte,
    NonParticipantMandataire,
    VoteNominatifIncoherent,
    ScrutinPublicSansNoms,
    BlancsNulsHorsScrutinSecret,
    EgaliteSansVoixDuPresident,
    DeliberationRejetee,
    PeriodeIncoherente,
    MontantIncoherent,
    FinAvantDebut,
    PartieSansRepresentant,
    NumerotationLacunaire,
    ChampDeConventionInvalide,
    AnnexeAbsente,
    AnnexeNonCitee,
}

/// One finding: what, how serious, in French, and the article it enforces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, TS)]
pub struct Diagnostic {
    pub code: CodeDiagnostic,
    pub gravite: Gravite,
    pub message: String,
    /// "CGCT L2121-17".
    pub article: String,
}

fn diag(code: CodeDiagnostic, gravite: Gravite, article: &str, message: String) -> Diagnostic {
    Diagnostic {
        code,
        gravite,
        message,
        article: format!("CGCT {article}"),
    }
}

/// The outcome of a vote under L2121-20.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum IssueVote {
    Adoptee,
    Rejetee,
    /// A tie outside a secret ballot, and the president's vote is not recorded.
    Indeterminee,
}

/// Jours francs between sending the convocation and the séance: neither the
/// day of sending nor the day of the séance counts (CE 16 juin 1997, Pfister).
pub fn jours_francs(envoi: NaiveDate, seance: NaiveDate) -> i64 {
    ((seance - envoi).num_days() - 1).max(0)
}

/// L2121-20: adopted by the absolute majority of suffrages exprimés (pour +
/// contre; abstentions and blank or void ballots excluded); on a tie the
/// president's vote prevails, except in a secret ballot.
pub fn issue_du_vote(d: &Deliberation, president: &str) -> IssueVote {
    let (pour, contre) = match d.vote {
        Vote::Unanimite => return IssueVote::Adoptee,
        Vote::Detail { pour, contre, .. } => (pour, contre),
    };
    if pour > contre {
        return IssueVote::Adoptee;
    }
    if pour < contre || pour == 0 || d.scrutin == Scrutin::Secret {
        return IssueVote::Rejetee;
    }
    let vote_president = d
        .votes_nominatifs
        .iter()
        .find(|v| v.elu == president)
        .map(|v| v.sens)
        .or(d.vote_du_president);
    match vote_president {
        Some(Sens::Pour) => IssueVote::Adoptee,
        Some(Sens::Contre | Sens::Abstention) => IssueVote::Rejetee,
        None => IssueVote::Indeterminee,
    }
}

/// Every check of a séance as recorded (attendance at the opening): what the
/// séance editor shows live, as the clerk types.
pub fn verifier_seance(commune: &Commune, elus: &[Elu], seance: &Seance) -> Vec<Diagnostic> {
    let mut d = controles_seance(commune, elus, seance);
    let c = comptes(seance, elus);
    d.extend(
        controles_presences(
            elus,
            seance,
            &seance.presences,
            &c,
            "à l'ouverture de la séance",
        )
        .0,
    );
    d.sort_by_key(|x| x.gravite);
    d
}

/// Checks that concern the séance as a whole: convocation, roster, secretary.
fn controles_seance(commune: &Commune, elus: &[Elu], seance: &Seance) -> Vec<Diagnostic> {
    use CodeDiagnostic as C;
    use Gravite::*;
    let mut d = Vec::new();
    let nom = |id: &str| nom_elu(elus, id);

    let francs = jours_francs(seance.date_convocation, seance.date);
    let requis = delai_convocation(commune.population);
    let article_delai = if commune.population < SEUIL_POPULATION_CINQ_JOURS {
        "L2121-11"
    } else {
        "L2121-12"
    };
    if seance.sur_reconvocation {
        if francs < JOURS_FRANCS_RECONVOCATION {
            d.push(diag(C::ReconvocationTropProche, Erreur, "L2121-17", format!(
                "Séance sur nouvelle convocation après défaut de quorum : {francs} jour(s) franc(s) seulement depuis la convocation du {}, il en faut au moins {JOURS_FRANCS_RECONVOCATION}.",
                seance.date_convocation.format("%d/%m/%Y"))));
        }
    } else if seance.urgence {
        if francs < JOURS_FRANCS_URGENCE {
            d.push(diag(C::DelaiUrgenceInsuffisant, Erreur, article_delai, format!(
                "Même en urgence, la convocation doit précéder la séance d'au moins un jour franc (ici {francs}).")));
        } else if francs < requis {
            d.push(diag(C::ConvocationEnUrgence, Avertissement, article_delai, format!(
                "Convocation en urgence : {francs} jour(s) franc(s) au lieu de {requis}. Le maire doit en rendre compte dès l'ouverture de la séance, et le conseil se prononcer sur l'urgence.")));
        }
    } else if francs < requis {
        d.push(diag(C::DelaiConvocationInsuffisant, Erreur, article_delai, format!(
            "La convocation du {} ne laisse que {francs} jour(s) franc(s) avant la séance du {} ; il en faut {requis} pour une commune de {} habitants (ni le jour d'envoi ni celui de la séance ne comptent).",
            seance.date_convocation.format("%d/%m/%Y"), seance.date.format("%d/%m/%Y"), commune.population)));
    }

    let en_exercice: Vec<&Elu> = elus
        .iter()
        .filter(|e| e.en_exercice_le(seance.date))
        .collect();
    let legal = effectif_legal(commune.population, seance.date);
    let n = en_exercice.len() as u32;
    if n > legal {
        d.push(diag(C::EffectifSuperieurAuLegal, Erreur, "L2121-2", format!(
            "{n} élus sont en exercice le {}, mais le conseil d'une commune de {} habitants compte {legal} sièges : vérifiez les dates de mandat.",
            seance.date.format("%d/%m/%Y"), commune.population)));
    } else if n < legal {
        d.push(diag(
            C::SiegesVacants,
            Information,
            "L2121-2",
            format!(
                "{} siège(s) vacant(s) sur {legal} : les membres en exercice sont {n}.",
                legal - n
            ),
        ));
    }
    for e in &en_exercice {
        if seance.etat_de(&e.id).is_none() {
            d.push(diag(C::EluSansEtatDePresence, Erreur, "L2121-23", format!(
                "{} est en exercice mais ne figure ni parmi les présents, ni parmi les absents : les comptes de l'extrait seraient faux.",
                e.nom_complet())));
        }
    }
    for p in &seance.presences {
        if !en_exercice.iter().any(|e| e.id == p.elu) {
            d.push(diag(
                C::PresenceHorsMandat,
                Erreur,
                "L2121-23",
                format!(
                    "{} figure dans les présences alors que son mandat ne couvre pas le {}.",
                    nom(&p.elu),
                    seance.date.format("%d/%m/%Y")
                ),
            ));
        }
    }
    if seance.secretaires.is_empty() {
        d.push(diag(C::SecretaireManquant, Erreur, "L2121-15", 
            "Aucun secrétaire de séance n'est désigné : le conseil doit en nommer un en début de séance, et il signe les délibérations avec le maire depuis le 1er juillet 2022 (L2121-23).".into()));
    }
    d
}

/// Every check for one deliberation: the séance's, then the item's own.
pub fn verifier_deliberation(
    commune: &Commune,
    elus: &[Elu],
    seance: &Seance,
    delib: &Deliberation,
) -> Vec<Diagnostic> {
    use CodeDiagnostic as C;
    use Gravite::*;
    let mut d = controles_seance(commune, elus, seance);
    let nom = |id: &str| nom_elu(elus, id);
    let presences = presences_pour(seance, delib);
    let etat = |id: &str| presences.iter().find(|p| p.elu == id).map(|p| &p.etat);
    let c = comptes_deliberation(seance, delib, elus);

    let (attendance, tenus) = controles_presences(elus, seance, &presences, &c, "pour ce point");
    d.extend(attendance);
    let present = |id: &str| matches!(etat(id), Some(EtatPresence::Present));
    if let Some(r) = &delib.rapporteur {
        if !present(r) {
            d.push(diag(
                C::RapporteurAbsent,
                Avertissement,
                "L2121-15",
                format!(
                    "Le rapporteur, {}, n'est pas présent pour ce point.",
                    nom(r)
                ),
            ));
        }
    }

    // Members who do not take part (L2131-11).
    for n in &delib.ne_prennent_pas_part {
        if let Some(mandants) = tenus.get(n.elu.as_str()) {
            let noms: Vec<String> = mandants.iter().map(|m| nom(m)).collect();
            d.push(diag(C::NonParticipantMandataire, Avertissement, "L2131-11", format!(
                "{} ne prend pas part au vote mais détient le pouvoir de {} : un élu intéressé ne doit pas l'exercer sur ce point.",
                nom(&n.elu), noms.join(", "))));
        }
        if delib.votes_nominatifs.iter().any(|v| v.elu == n.elu) {
            d.push(diag(
                C::NonParticipantCompte,
                Erreur,
                "L2131-11",
                format!(
                    "{} ne prend pas part au vote mais figure parmi les votants du scrutin public.",
                    nom(&n.elu)
                ),
            ));
        }
    }

    match delib.vote {
        Vote::Unanimite => {
            let discordants: Vec<String> = delib
                .votes_nominatifs
                .iter()
                .filter(|v| v.sens != Sens::Pour)
                .map(|v| nom(&v.elu))
                .collect();
            if !discordants.is_empty() {
                d.push(diag(
                    C::UnanimiteAvecVoixDiscordantes,
                    Erreur,
                    "L2121-20",
                    format!(
                        "L'unanimité est déclarée alors que {} n'a (n'ont) pas voté pour.",
                        discordants.join(", ")
                    ),
                ));
            }
        }
        Vote::Detail {
            pour,
            contre,
            abstentions,
            blancs_nuls,
        } => {
            let total = pour + contre + abstentions + blancs_nuls;
            if total != c.votants {
                let compte_nppv =
                    c.ne_prennent_pas_part > 0 && total == c.votants + c.ne_prennent_pas_part;
                if compte_nppv {
                    d.push(diag(C::NonParticipantCompte, Erreur, "L2131-11", format!(
                        "Le total des voix ({total}) inclut les {} membre(s) qui ne prennent pas part au vote : il doit être de {}.",
                        c.ne_prennent_pas_part, c.votants)));
                } else {
                    d.push(diag(C::TotalDesVoixIncoherent, Erreur, "L2121-20", format!(
                        "Pour, contre, abstentions{} font {total} voix, mais il y a {} votant(s) ({} présent(s) + {} représenté(s){}).",
                        if blancs_nuls > 0 { " et blancs ou nuls" } else { "" },
                        c.votants, c.presents, c.representes,
                        if c.ne_prennent_pas_part > 0 { format!(" − {} ne prenant pas part", c.ne_prennent_pas_part) } else { String::new() })));
                }
            }
            if blancs_nuls > 0 && delib.scrutin != Scrutin::Secret {
                d.push(diag(
                    C::BlancsNulsHorsScrutinSecret,
                    Avertissement,
                    "L2121-21",
                    "Des bulletins blancs ou nuls ne peuvent exister qu'au scrutin secret.".into(),
                ));
            }
            if !delib.votes_nominatifs.is_empty() {
                let compte = |s: Sens| {
                    delib
                        .votes_nominatifs
                        .iter()
                        .filter(|v| v.sens == s)
                        .count() as u32
                };
                let (p, c_, a) = (
                    compte(Sens::Pour),
                    compte(Sens::Contre),
                    compte(Sens::Abstention),
                );
                if (p, c_, a) != (pour, contre, abstentions) {
                    d.push(diag(C::VoteNominatifIncoherent, Erreur, "L2121-21", format!(
                        "Les votes nominatifs donnent {p} pour, {c_} contre, {a} abstention(s), mais le résultat saisi est {pour} pour, {contre} contre, {abstentions} abstention(s).")));
                }
            }
        }
    }
    if delib.scrutin == Scrutin::Public && delib.votes_nominatifs.is_empty() {
        d.push(diag(C::ScrutinPublicSansNoms, Avertissement, "L2121-21",
            "Scrutin public : le registre doit indiquer le nom des votants et le sens de leur vote.".into()));
    }
    for v in &delib.votes_nominatifs {
        if !matches!(etat(&v.elu), Some(EtatPresence::Present))
            && !tenus.values().flatten().any(|m| *m == v.elu)
        {
            d.push(diag(C::VoteNominatifIncoherent, Erreur, "L2121-21", format!(
                "{} figure parmi les votants alors qu'il n'est ni présent ni représenté pour ce point.", nom(&v.elu))));
        }
    }
    match issue_du_vote(delib, &seance.president) {
        IssueVote::Indeterminee => d.push(diag(C::EgaliteSansVoixDuPresident, Avertissement, "L2121-20",
            "Partage égal des voix : la voix du président est prépondérante (hors scrutin secret) ; indiquez comment il a voté.".into())),
        IssueVote::Rejetee => d.push(diag(C::DeliberationRejetee, Information, "L2121-20",
            "La délibération n'a pas obtenu la majorité absolue des suffrages exprimés : elle est rejetée.".into())),
        IssueVote::Adoptee => {}
    }
    d.sort_by_key(|x| x.gravite);
    d
}

/// Checks of one attendance (at the opening, or for an item): quorum, the
/// president and secretaries present, the pouvoirs. Returns the pouvoirs
/// held, by holder, for the item's own checks.
fn controles_presences<'a>(
    elus: &[Elu],
    seance: &Seance,
    presences: &'a [Presence],
    c: &Comptes,
    moment: &str,
) -> (Vec<Diagnostic>, HashMap<&'a str, Vec<&'a str>>) {
    use CodeDiagnostic as C;
    use Gravite::*;
    let mut d = Vec::new();
    let nom = |id: &str| nom_elu(elus, id);
    let present = |id: &str| {
        presences
            .iter()
            .any(|p| p.elu == id && p.etat == EtatPresence::Present)
    };
    // Quorum: physical presence only, assessed at the opening and again for each item (L2121-17).
    let q = quorum(c.en_exercice);
    if c.presents < q {
        if seance.sur_reconvocation {
            d.push(diag(C::ReconvocationSansQuorum, Information, "L2121-17", format!(
                "{} présent(s) pour {q} requis, mais la séance se tient sur nouvelle convocation après défaut de quorum : le conseil délibère valablement, sur le même ordre du jour uniquement.",
                c.presents)));
        } else {
            d.push(diag(C::QuorumNonAtteint, Erreur, "L2121-17", format!(
                "Quorum non atteint {moment} : {} membre(s) présent(s), il en faut {q} (plus de la moitié des {} en exercice ; les pouvoirs ne comptent pas). Le conseil doit être convoqué à nouveau, à trois jours au moins d'intervalle, sur le même ordre du jour ; il délibérera alors sans condition de quorum.",
                c.presents, c.en_exercice)));
        }
    }

    if !present(&seance.president) {
        d.push(diag(
            C::PresidentAbsent,
            Erreur,
            "L2121-14",
            format!(
                "Le président de séance, {}, n'est pas présent {moment}.",
                nom(&seance.president)
            ),
        ));
    }
    for s in &seance.secretaires {
        if !present(s) {
            d.push(diag(C::SecretaireAbsent, Erreur, "L2121-15", format!(
                "Le secrétaire de séance, {}, n'est pas présent {moment} : il ne peut pas signer la délibération.", nom(s))));
        }
    }
    // Pouvoirs (L2121-20): one per holder, held by a member present.
    let mut tenus: HashMap<&str, Vec<&str>> = HashMap::new();
    for p in presences {
        if let EtatPresence::Represente { mandataire } = &p.etat {
            tenus
                .entry(mandataire.as_str())
                .or_default()
                .push(p.elu.as_str());
            if !present(mandataire) {
                d.push(diag(C::PouvoirAUnAbsent, Erreur, "L2121-20", format!(
                    "{} a donné pouvoir à {}, qui n'est pas présent {moment} : ce pouvoir ne peut pas être exercé.",
                    nom(&p.elu), nom(mandataire))));
            }
        }
    }
    let mut multiples: Vec<_> = tenus.iter().filter(|(_, m)| m.len() > 1).collect();
    multiples.sort();
    for (mandataire, mandants) in multiples {
        let noms: Vec<String> = mandants.iter().map(|m| nom(m)).collect();
        d.push(diag(
            C::PouvoirsMultiples,
            Erreur,
            "L2121-20",
            format!(
                "{} détient {} pouvoirs ({}) : un membre ne peut en détenir qu'un seul.",
                nom(mandataire),
                mandants.len(),
                noms.join(", ")
            ),
        ));
    }

    (d, tenus)
}

fn nom_elu(elus: &[Elu], id: &str) -> String {
    elus.iter()
        .find(|e| e.id == id)
        .map(Elu::nom_complet)
        .unwrap_or_else(|| format!("l'élu « {id} »"))
}
