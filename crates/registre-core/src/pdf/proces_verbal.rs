//! The procès-verbal of a séance (L2121-15 CGCT): drafted by the
//! secretary(ies), arrêté at the start of the next séance, signed by the
//! maire and the secretary(ies), published online within a week.
//!
//! It carries what the article requires, in this order: date and hour, the
//! president, the members present or represented (with their pouvoirs), the
//! secretary(ies), the quorum, the agenda, then each deliberation in number
//! order with the report it rests on, the requests for a particular ballot,
//! the result with the names and votes of the voters in a public ballot
//! (L2121-21), and the tenor of the discussions.

use crate::comptes::{comptes, comptes_deliberation};
use crate::domaine::{
    Civilite, Deliberation, Elu, EtatPresence, Presence, Scrutin, Sens, VoteNominatif,
};
use crate::erreur::{Erreur, Resultat};
use crate::regles::seuils::quorum;

use super::documents::{bloc_de_signatures, civilite_longue, ligne_etiquetee, Acte};
use super::documents_seance::{entete_commune, issue_affichee, ordre_du_jour, titre};
use super::mise_en_page::{Alignement, Bloc, Graisse, Paragraphe};
use super::nombres::{date_longue_avec_jour, ouverture_de_seance};
use super::SourceSeance;

/// Lines left blank for the tenor of the discussions when the register
/// holds none: the secretary writes it by hand before the PV is arrêté.
pub(crate) const LIGNES_A_COMPLETER: usize = 5;

/// A line to write on: underscores across the text width (a text line, so
/// it prints and extracts like the rest).
pub(crate) fn ligne_a_completer() -> Paragraphe {
    Paragraphe::new(Alignement::Gauche)
        .normal("_".repeat(82))
        .apres(4.0)
}

/// An élu of the séance, or a damaged-base error naming the séance.
fn elu_de_seance<'a>(s: &'a SourceSeance, id: &str) -> Resultat<&'a Elu> {
    s.elus.iter().find(|e| e.id == id).ok_or_else(|| {
        Erreur::BaseEndommagee(format!(
            "la séance {} renvoie à l'élu « {id} », absent du registre",
            s.seance.id
        ))
    })
}

fn nom(s: &SourceSeance, id: &str) -> Resultat<String> {
    elu_de_seance(s, id).map(Elu::nom_complet)
}

fn etiquette(singulier: &'static str, pluriel: &'static str, n: usize) -> &'static str {
    if n > 1 {
        pluriel
    } else {
        singulier
    }
}

/// Who was there: present, represented (with the holder of the pouvoir,
/// L2121-20), excused, absent; one labelled line each.
pub(crate) fn lignes_de_presence(
    s: &SourceSeance,
    presences: &[Presence],
) -> Resultat<Vec<Paragraphe>> {
    let mut presents = Vec::new();
    let mut pouvoirs = Vec::new();
    let mut excuses = Vec::new();
    let mut absents = Vec::new();
    for p in presences {
        match &p.etat {
            EtatPresence::Present => presents.push(nom(s, &p.elu)?),
            EtatPresence::AbsentExcuse => excuses.push(nom(s, &p.elu)?),
            EtatPresence::Absent => absents.push(nom(s, &p.elu)?),
            EtatPresence::Represente { mandataire } => pouvoirs.push(format!(
                "{} (pouvoir à {})",
                nom(s, &p.elu)?,
                nom(s, mandataire)?
            )),
        }
    }
    let mut lignes = vec![ligne_etiquetee(
        "Sont présents",
        &format!("{}.", presents.join(", ")),
    )];
    if !pouvoirs.is_empty() {
        lignes.push(ligne_etiquetee(
            "Absents excusés ayant donné pouvoir",
            &pouvoirs.join(", "),
        ));
    }
    if !excuses.is_empty() {
        lignes.push(ligne_etiquetee("Absents excusés", &excuses.join(", ")));
    }
    if !absents.is_empty() {
        lignes.push(ligne_etiquetee("Absents", &absents.join(", ")));
    }
    Ok(lignes)
}

/// The quorum sentence (L2121-17): more than half of the members in
/// office physically present; pouvoirs do not count. A séance convened
/// again after a lack of quorum deliberates whatever the number present.
pub(crate) fn phrase_de_quorum(en_exercice: u32, presents: u32, reconvocation: bool) -> String {
    let requis = quorum(en_exercice);
    let base = format!(
        "{presents} membre(s) présent(s) pour {en_exercice} en exercice ; le quorum est de {requis} (plus de la moitié des membres en exercice, les pouvoirs ne comptant pas, article L2121-17 du CGCT)"
    );
    if reconvocation {
        format!("{base}. Séance tenue sur nouvelle convocation après défaut de quorum : le conseil délibère valablement quel que soit le nombre de membres présents.")
    } else if presents >= requis {
        format!("{base} : le quorum est atteint.")
    } else {
        format!("{base} : le quorum n'est pas atteint.")
    }
}

/// "arrivée de X", "départ de Y, qui donne pouvoir à Z": the attendance
/// changes recorded for one item.
fn mouvements(s: &SourceSeance, d: &Deliberation) -> Resultat<Vec<String>> {
    d.mouvements
        .iter()
        .map(|m| {
            let qui = nom(s, &m.elu)?;
            Ok(match &m.etat {
                EtatPresence::Present => format!("arrivée de {qui}"),
                EtatPresence::AbsentExcuse | EtatPresence::Absent => format!("départ de {qui}"),
                EtatPresence::Represente { mandataire } => {
                    format!(
                        "départ de {qui}, qui donne pouvoir à {}",
                        nom(s, mandataire)?
                    )
                }
            })
        })
        .collect()
}

/// The voters of a public ballot by the way they voted (L2121-21: the
/// register records each voter's name and vote).
fn votes_nominatifs(s: &SourceSeance, votes: &[VoteNominatif]) -> Resultat<Vec<Paragraphe>> {
    let mut lignes = Vec::new();
    for (sens, libelle) in [
        (Sens::Pour, "Ont voté pour"),
        (Sens::Contre, "Ont voté contre"),
        (Sens::Abstention, "Se sont abstenus"),
    ] {
        let noms = votes
            .iter()
            .filter(|v| v.sens == sens)
            .map(|v| nom(s, &v.elu))
            .collect::<Resultat<Vec<_>>>()?;
        let valeur = if noms.is_empty() {
            "néant".to_owned()
        } else {
            format!("{} ({})", noms.join(", "), noms.len())
        };
        lignes.push(ligne_etiquetee(libelle, &valeur).retrait(6.0).apres(1.0));
    }
    Ok(lignes)
}

fn ordinal(n: usize) -> String {
    if n == 1 {
        "1re".to_owned()
    } else {
        format!("{n}e")
    }
}

/// "1re affaire", "2e affaire": the order number of an item in its séance
/// (R2121-9).
pub(crate) fn rang_dans_la_seance(n: usize) -> String {
    format!("{} affaire de la séance", ordinal(n))
}

/// One item of the PV: its number and objet, then the deliberation's text
/// as in the extract, then what the PV adds.
fn affaire(s: &SourceSeance, rang: usize, d: &Deliberation) -> Resultat<Vec<Bloc>> {
    let acte = Acte {
        commune: &s.commune,
        seance: &s.seance,
        elus: &s.elus,
        deliberation: d,
    };
    let c = comptes_deliberation(&s.seance, d, &s.elus);
    let mut b = vec![Bloc::Paragraphe(
        Paragraphe::new(Alignement::Gauche)
            .gras(format!("{rang}. Délibération n° {}", d.numero))
            .italique(format!(" — {}", rang_dans_la_seance(rang)))
            .apres(2.0)
            .garder_avec_suivant(20.0),
    )];
    let mouvements = mouvements(s, d)?;
    if !mouvements.is_empty() {
        b.push(Bloc::Paragraphe(
            ligne_etiquetee("Avant ce point", &format!("{}.", mouvements.join(" ; "))).apres(1.5),
        ));
    }
    // Present and voting for this item: quorum is assessed at each item.
    b.push(Bloc::Paragraphe(
        ligne_etiquetee(
            "Présents",
            &format!(
                "{} ; représentés : {} ; votants : {}",
                c.presents, c.representes, c.votants
            ),
        )
        .apres(3.0),
    ));
    b.extend(super::documents::texte_de_l_acte(&acte)?);
    let mut p = |para: Paragraphe| b.push(Bloc::Paragraphe(para));
    match d.scrutin {
        Scrutin::Ordinaire => {}
        Scrutin::Public => p(Paragraphe::new(Alignement::Justifie)
            .italique("Scrutin public, à la demande du quart des membres présents (article L2121-21 du CGCT).")
            .apres(1.5)),
        Scrutin::Secret => p(Paragraphe::new(Alignement::Justifie)
            .italique("Scrutin secret, à la demande du tiers des membres présents ou s'agissant d'une nomination (article L2121-21 du CGCT).")
            .apres(1.5)),
    }
    p(ligne_etiquetee("Résultat", issue_affichee(d, &s.seance.president)).apres(1.5));
    if d.scrutin == Scrutin::Public && !d.votes_nominatifs.is_empty() {
        for l in votes_nominatifs(s, &d.votes_nominatifs)? {
            p(l);
        }
    }
    p(Paragraphe::new(Alignement::Gauche)
        .gras("Teneur des discussions :")
        .apres(3.0)
        .garder_avec_suivant(12.0));
    for _ in 0..LIGNES_A_COMPLETER {
        p(ligne_a_completer());
    }
    b.push(Bloc::Espace(5.0));
    Ok(b)
}

pub(crate) fn proces_verbal(s: &SourceSeance) -> Resultat<Vec<Bloc>> {
    let seance = &s.seance;
    let president = elu_de_seance(s, &seance.president)?;
    let maire = elu_de_seance(s, &s.commune.maire)?;
    let c = comptes(seance, &s.elus);
    let mut b = Vec::new();
    let mut p = |para: Paragraphe| b.push(Bloc::Paragraphe(para));
    p(entete_commune(s));
    p(titre("PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL"));
    p(Paragraphe::new(Alignement::Centre)
        .normal(format!("du {}", date_longue_avec_jour(seance.date)))
        .taille(12)
        .apres(2.0));
    p(Paragraphe::new(Alignement::Centre)
        .italique("Article L2121-15 du code général des collectivités territoriales")
        .taille(9)
        .apres(8.0));
    p(Paragraphe::new(Alignement::Justifie).normal(format!(
        "{}, le conseil municipal de la commune de {}, convoqué le {}, s'est réuni {} sous la présidence de {} {}, {}.",
        ouverture_de_seance(seance.date, seance.heure),
        s.commune.nom,
        seance.date_convocation.format("%d/%m/%Y"),
        seance.lieu,
        civilite_longue(president.civilite),
        president.nom_complet(),
        president.libelle_fonction()
    )));
    if seance.urgence {
        // L2121-11 / L2121-12: the maire reports the urgency at the opening.
        p(Paragraphe::new(Alignement::Justifie).normal(
            "Le président rend compte de l'urgence qui a justifié l'abrègement du délai de convocation (articles L2121-11 et L2121-12 du CGCT).",
        ));
    }
    for (etiquette, valeur) in [
        ("Membres en exercice", c.en_exercice),
        ("Membres présents", c.presents),
        ("Membres absents", c.absents),
        ("Dont membres représentés", c.representes),
    ] {
        p(ligne_etiquetee(etiquette, &valeur.to_string()).apres(0.5));
    }
    b.push(Bloc::Espace(2.5));
    for l in lignes_de_presence(s, &seance.presences)? {
        b.push(Bloc::Paragraphe(l));
    }
    let mut p = |para: Paragraphe| b.push(Bloc::Paragraphe(para));
    p(ligne_etiquetee(
        "Quorum",
        &phrase_de_quorum(c.en_exercice, c.presents, seance.sur_reconvocation),
    ));
    let secretaires = seance
        .secretaires
        .iter()
        .map(|id| elu_de_seance(s, id))
        .collect::<Resultat<Vec<_>>>()?;
    let noms_secretaires: Vec<String> = secretaires.iter().map(|e| e.nom_complet()).collect();
    let designe = match secretaires.as_slice() {
        [_, _, ..] => "désignés",
        [e] if e.civilite == Civilite::Madame => "désignée",
        _ => "désigné",
    };
    p(ligne_etiquetee(
        etiquette(
            "Secrétaire de séance",
            "Secrétaires de séance",
            secretaires.len(),
        ),
        &format!(
            "{}, {designe} par le conseil municipal (article L2121-15 du CGCT).",
            noms_secretaires.join(", ")
        ),
    )
    .apres(6.0));

    p(Paragraphe::new(Alignement::Gauche)
        .gras("ORDRE DU JOUR")
        .apres(2.5)
        .garder_avec_suivant(12.0));
    for (i, point) in ordre_du_jour(s).iter().enumerate() {
        p(Paragraphe::new(Alignement::Gauche)
            .retrait(8.0)
            .puce(Graisse::Normal, format!("{}.", i + 1))
            .normal(point)
            .apres(1.5));
    }
    b.push(Bloc::Espace(5.0));
    if s.deliberations.is_empty() {
        b.push(Bloc::Paragraphe(
            Paragraphe::new(Alignement::Gauche)
                .italique("Aucune délibération n'a été prise au cours de cette séance."),
        ));
    }
    for (i, d) in s.deliberations.iter().enumerate() {
        b.extend(affaire(s, i + 1, d)?);
    }

    let mut p = |para: Paragraphe| b.push(Bloc::Paragraphe(para));
    p(Paragraphe::new(Alignement::Justifie)
        .normal("L'ordre du jour étant épuisé, la séance est levée à ______ h ______.")
        .apres(4.0)
        .garder_avec_suivant(60.0));
    p(Paragraphe::new(Alignement::Justifie)
        .italique("Procès-verbal arrêté au commencement de la séance du ____________________ (article L2121-15 du CGCT).")
        .apres(1.0));
    p(Paragraphe::new(Alignement::Justifie)
        .italique("Publié sur le site internet de la commune le : ____________________")
        .apres(6.0)
        .garder_avec_suivant(30.0));
    // Signed by the maire (or who presided) and the secretary(ies),
    // L2121-15 al. 3.
    b.push(bloc_de_signatures(
        maire,
        &secretaires,
        &noms_secretaires,
        18.0,
    ));
    Ok(b)
}
