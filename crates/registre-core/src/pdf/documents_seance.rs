//! The two documents of a séance as a whole: the convocation sent to the
//! members (L2121-10 CGCT) and the list of the deliberations examined,
//! displayed and put online within one week (L2121-25 CGCT).

use crate::domaine::{Civilite, Deliberation, Elu, Vote};
use crate::erreur::{Erreur, Resultat};
use crate::regles::seuils::SEUIL_POPULATION_CINQ_JOURS;
use crate::regles::{issue_du_vote, IssueVote};

use super::documents::majuscules_sans_accents;
use super::mise_en_page::{Alignement, Bloc, Graisse, Paragraphe};
use super::nombres::{date_longue, date_longue_avec_jour, heure_courte};
use super::SourceSeance;

/// The outcome printed beside a deliberation in the list (L2121-20 decides
/// it, through `issue_du_vote`).
pub(crate) fn issue_affichee(d: &Deliberation, president: &str) -> &'static str {
    match (issue_du_vote(d, president), &d.vote) {
        (IssueVote::Adoptee, Vote::Unanimite) => "Adoptée à l'unanimité",
        (IssueVote::Adoptee, _) => "Adoptée",
        (IssueVote::Rejetee, _) => "Rejetée",
        // A tie without the president's vote recorded: `registre check`
        // reports it; the list does not guess.
        (IssueVote::Indeterminee, _) => "Issue indéterminée",
    }
}

/// "COMMUNE DE PEZILLA-LA-RIVIERE", as the extract heads it.
pub(crate) fn entete_commune(s: &SourceSeance) -> Paragraphe {
    entete_de_commune(&s.commune.nom)
}

/// "COMMUNE DE PEZILLA-LA-RIVIERE", centred, from the commune's name.
pub(crate) fn entete_de_commune(nom: &str) -> Paragraphe {
    Paragraphe::new(Alignement::Centre)
        .gras(format!("COMMUNE DE {}", majuscules_sans_accents(nom)))
        .taille(12)
        .apres(6.0)
}

pub(crate) fn titre(texte: &str) -> Paragraphe {
    Paragraphe::new(Alignement::Centre)
        .gras(texte)
        .taille(13)
        .apres(2.0)
}

pub(crate) fn maire(s: &SourceSeance) -> Resultat<&Elu> {
    s.elus
        .iter()
        .find(|e| e.id == s.commune.maire)
        .ok_or_else(|| {
            Erreur::BaseEndommagee(format!(
                "la commune renvoie au maire « {} », absent du registre",
                s.commune.maire
            ))
        })
}

pub(crate) fn liste(s: &SourceSeance) -> Resultat<Vec<Bloc>> {
    let seance = &s.seance;
    let mut b = vec![
        Bloc::Paragraphe(entete_commune(s)),
        Bloc::Paragraphe(titre("LISTE DES DÉLIBÉRATIONS")),
        Bloc::Paragraphe(
            Paragraphe::new(Alignement::Centre)
                .normal(format!(
                    "Séance du conseil municipal du {}",
                    date_longue(seance.date)
                ))
                .taille(12)
                .apres(3.0),
        ),
        Bloc::Paragraphe(
            Paragraphe::new(Alignement::Centre)
                .italique("Article L2121-25 du code général des collectivités territoriales")
                .taille(9)
                .apres(8.0),
        ),
    ];
    // Numéro, objet, décision: the objet takes most of the width.
    let poids = vec![2, 7, 3];
    let cellule = |p: Paragraphe| vec![p.apres(3.0)];
    b.push(Bloc::Rangee {
        poids: poids.clone(),
        cellules: ["N°", "Objet", "Décision"]
            .into_iter()
            .map(|t| cellule(Paragraphe::new(Alignement::Gauche).gras(t)))
            .collect(),
    });
    if s.deliberations.is_empty() {
        b.push(Bloc::Paragraphe(
            Paragraphe::new(Alignement::Gauche)
                .italique("Aucune délibération n'a été prise au cours de cette séance."),
        ));
    }
    for d in &s.deliberations {
        b.push(Bloc::Rangee {
            poids: poids.clone(),
            cellules: vec![
                cellule(Paragraphe::new(Alignement::Gauche).gras(d.numero.as_str())),
                cellule(Paragraphe::new(Alignement::Gauche).normal(&d.objet)),
                cellule(
                    Paragraphe::new(Alignement::Gauche)
                        .normal(issue_affichee(d, &seance.president)),
                ),
            ],
        });
    }
    b.push(Bloc::Espace(8.0));
    // Filled once the register knows them, blank for the clerk to complete.
    let date = |d: Option<chrono::NaiveDate>| {
        d.map(|d| format!(" {}", d.format("%d/%m/%Y")))
            .unwrap_or_default()
    };
    for ligne in [
        format!("Affichée le :{}", date(seance.liste_affichee_le)),
        format!("Mise en ligne le :{}", date(seance.liste_en_ligne_le)),
    ] {
        b.push(Bloc::Paragraphe(
            Paragraphe::new(Alignement::Gauche)
                .italique(ligne)
                .apres(1.0),
        ));
    }
    Ok(b)
}

/// The agenda: the one recorded with the séance, else the objets of its
/// deliberations in number order.
pub(crate) fn ordre_du_jour(s: &SourceSeance) -> Vec<String> {
    if s.seance.ordre_du_jour.is_empty() {
        s.deliberations.iter().map(|d| d.objet.clone()).collect()
    } else {
        s.seance.ordre_du_jour.clone()
    }
}

pub(crate) fn convocation(s: &SourceSeance) -> Resultat<Vec<Bloc>> {
    let seance = &s.seance;
    let maire = maire(s)?;
    let mut b = Vec::new();
    let mut p = |para: Paragraphe| b.push(Bloc::Paragraphe(para));
    p(entete_commune(s));
    p(Paragraphe::new(Alignement::Droite)
        .normal(format!(
            "{}, le {}",
            s.commune.nom,
            date_longue(seance.date_convocation)
        ))
        .apres(8.0));
    p(titre("CONVOCATION DU CONSEIL MUNICIPAL").apres(8.0));
    p(Paragraphe::new(Alignement::Gauche)
        .normal("Madame, Monsieur le conseiller municipal,")
        .apres(4.0));
    p(Paragraphe::new(Alignement::Justifie)
        .normal(format!(
            "J'ai l'honneur de vous convier à la séance du conseil municipal qui se tiendra le {} à {}, {}.",
            date_longue_avec_jour(seance.date),
            // "18 h" never split across two lines.
            heure_courte(seance.heure).replace(' ', "\u{a0}"),
            seance.lieu
        ))
        .apres(4.0));
    p(Paragraphe::new(Alignement::Gauche)
        .gras("Ordre du jour :")
        .apres(2.0)
        .garder_avec_suivant(12.0));
    for (i, point) in ordre_du_jour(s).iter().enumerate() {
        p(Paragraphe::new(Alignement::Gauche)
            .retrait(8.0)
            .puce(Graisse::Normal, format!("{}.", i + 1))
            .normal(point)
            .apres(1.5));
    }
    b.push(Bloc::Espace(3.0));
    let mut p = |para: Paragraphe| b.push(Bloc::Paragraphe(para));
    // L2121-12: from 3,500 inhabitants a note explicative de synthèse goes
    // with the convocation.
    if s.commune.population >= SEUIL_POPULATION_CINQ_JOURS {
        p(Paragraphe::new(Alignement::Justifie)
            .normal(
                "Une note explicative de synthèse sur les affaires soumises à délibération est jointe à la présente convocation (article L2121-12 du CGCT).",
            )
            .apres(4.0));
    }
    p(Paragraphe::new(Alignement::Justifie)
        .normal(
            "Je vous prie d'agréer, Madame, Monsieur le conseiller municipal, l'expression de mes salutations distinguées.",
        )
        .apres(8.0));
    let titre_maire = match maire.civilite {
        Civilite::Monsieur => "Le Maire,",
        Civilite::Madame => "La Maire,",
    };
    b.push(Bloc::Colonnes(vec![
        vec![],
        vec![
            Paragraphe::new(Alignement::Centre)
                .gras(titre_maire)
                .apres(14.0),
            Paragraphe::new(Alignement::Centre)
                .gras(maire.nom_complet())
                .apres(0.5),
        ],
    ]));
    Ok(b)
}
