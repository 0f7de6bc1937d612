//! The annual register of deliberations as R2121-9 CGCT wants it bound at
//! the end of the year: leaves numbered continuously, each bearing the
//! commune's name and its séance's date; the deliberations by séance and
//! number, each with its order number in the séance and its full text;
//! after each séance a closing leaf recalling the numbers taken, the
//! members present and the room for the signatures of the maire and the
//! secretary(ies); a table by date and a table by objet; and, on a cover
//! that is no leaf, the number of leaves, for the maire to "coter et
//! parapher" the register.
//!
//! Leaf numbers, the séance date at the top of each leaf and the leaf
//! count are printed by the page decorator (`mise_en_page::Feuilletage`,
//! `Bloc::Feuillet`); the tables and the cover refer to leaves through
//! `Bloc::Repere` and `renvoi_feuillet`, filled in the second pass.

use crate::domaine::{Deliberation, Elu, EtatPresence, Seance};
use crate::erreur::{Erreur, Resultat};

use super::documents::{ainsi_fait, assemblee, bloc_de_signatures, majuscules_sans_accents};
use super::documents::{alinea, signature_du_maire};
use super::documents::{texte_de_l_acte, Acte};
use super::documents_seance::{entete_de_commune, titre};
use super::mise_en_page::{renvoi_feuillet, renvoi_total, Alignement, Bloc, Paragraphe};
use super::nombres::{date_longue, date_longue_avec_jour, heure_courte};
use super::proces_verbal::rang_dans_la_seance;
use super::{SeanceDuRegistre, SourceRegistre};

/// The running header of a séance's leaves: "Séance du 15 mai 2024".
pub(crate) fn entete_de_seance(seance: &Seance) -> String {
    format!("Séance du {}", date_longue(seance.date))
}

/// The key of a deliberation's first leaf, and of a séance's closing leaf.
fn repere_deliberation(d: &Deliberation) -> String {
    d.numero.to_string()
}

fn repere_cloture(seance: &Seance) -> String {
    format!("clôture {}", seance.id)
}

fn elu_du_registre<'a>(elus: &'a [Elu], id: &str, seance: &Seance) -> Resultat<&'a Elu> {
    elus.iter().find(|e| e.id == id).ok_or_else(|| {
        Erreur::BaseEndommagee(format!(
            "la séance {} renvoie à l'élu « {id} », absent du registre",
            seance.id
        ))
    })
}

/// The cover: what the register holds and the certificate of cotation with
/// the number of leaves, for the maire to sign and initial each leaf.
fn page_de_garde(s: &SourceRegistre) -> Resultat<Vec<Bloc>> {
    let deliberations: Vec<&Deliberation> =
        s.seances.iter().flat_map(|x| &x.deliberations).collect();
    let maire = s
        .elus
        .iter()
        .find(|e| e.id == s.commune.maire)
        .ok_or_else(|| {
            Erreur::BaseEndommagee(format!(
                "la commune renvoie au maire « {} », absent du registre",
                s.commune.maire
            ))
        })?;
    let mut b = vec![Bloc::Espace(30.0)];
    let mut p = |para: Paragraphe| b.push(Bloc::Paragraphe(para));
    p(entete_de_commune(&s.commune.nom).taille(14).apres(12.0));
    p(titre("REGISTRE DES DÉLIBÉRATIONS").taille(18).apres(3.0));
    p(titre("DU CONSEIL MUNICIPAL").taille(18).apres(10.0));
    p(titre(&format!("Année {}", s.annee)).taille(16).apres(25.0));
    let numeros = match (deliberations.first(), deliberations.last()) {
        (Some(premiere), Some(derniere)) => format!(
            ", numérotées du n° {} au n° {}",
            premiere.numero, derniere.numero
        ),
        _ => String::new(),
    };
    p(Paragraphe::new(Alignement::Justifie)
        .normal(format!(
            "Le présent registre contient les délibérations prises par le conseil municipal au cours de l'année {} : {} séance(s), {} délibération(s){numeros}. Il se termine par une table chronologique et une table alphabétique par objet.",
            s.annee,
            s.seances.len(),
            deliberations.len()
        ))
        .apres(6.0));
    let total = renvoi_total();
    p(Paragraphe::new(Alignement::Justifie)
        .gras(format!(
            "Le présent registre comprend {total} feuillets, numérotés de 1 à {total}."
        ))
        .apres(6.0));
    p(Paragraphe::new(Alignement::Justifie)
        .normal(format!(
            "Coté et paraphé par nous, Maire de la commune de {}, conformément à l'article R2121-9 du code général des collectivités territoriales.",
            s.commune.nom
        ))
        .apres(8.0));
    p(Paragraphe::new(Alignement::Droite)
        .normal(format!("À {}, le ____________________", s.commune.nom))
        .apres(8.0));
    b.push(signature_du_maire(maire, 18.0));
    Ok(b)
}

/// One deliberation on its own leaves: its number, its order in the séance
/// and its full text as in the extract.
fn deliberation(
    s: &SourceRegistre,
    x: &SeanceDuRegistre,
    rang: usize,
    d: &Deliberation,
) -> Resultat<Vec<Bloc>> {
    let acte = Acte {
        commune: &s.commune,
        seance: &x.seance,
        elus: &s.elus,
        deliberation: d,
    };
    let mut b = vec![
        Bloc::Feuillet(entete_de_seance(&x.seance)),
        Bloc::Repere(repere_deliberation(d)),
        Bloc::Paragraphe(
            Paragraphe::new(Alignement::Centre)
                .gras(format!("Délibération n° {}", d.numero))
                .taille(13)
                .apres(1.0),
        ),
        Bloc::Paragraphe(
            Paragraphe::new(Alignement::Centre)
                .italique(format!(
                    "{} du {}",
                    rang_dans_la_seance(rang),
                    date_longue(x.seance.date)
                ))
                .apres(6.0),
        ),
    ];
    b.extend(assemblee(&acte)?);
    b.extend(texte_de_l_acte(&acte)?);
    b.push(Bloc::Espace(3.0));
    b.push(Bloc::Paragraphe(ainsi_fait()));
    Ok(b)
}

/// The leaf closing a séance (R2121-9): the order numbers of its
/// deliberations, the members present, and room for the signatures of the
/// maire and the secretary(ies).
fn cloture(s: &SourceRegistre, x: &SeanceDuRegistre) -> Resultat<Vec<Bloc>> {
    let seance = &x.seance;
    let nom = |id: &str| elu_du_registre(&s.elus, id, seance).map(Elu::nom_complet);
    let mut b = vec![
        Bloc::Feuillet(entete_de_seance(seance)),
        Bloc::Repere(repere_cloture(seance)),
    ];
    let mut p = |para: Paragraphe| b.push(Bloc::Paragraphe(para));
    p(titre(&format!(
        "CLÔTURE DE LA SÉANCE DU {}",
        date_longue(seance.date).to_uppercase()
    ))
    .apres(6.0));
    p(Paragraphe::new(Alignement::Justifie)
        .normal(format!(
            "Séance du conseil municipal tenue le {} à {}, {}, sous la présidence de {}.",
            date_longue_avec_jour(seance.date),
            heure_courte(seance.heure),
            seance.lieu,
            nom(&seance.president)?
        ))
        .apres(4.0));
    let n = x.deliberations.len();
    let resume = match (x.deliberations.first(), x.deliberations.last()) {
        (Some(a), Some(z)) if n > 1 => format!(
            "{n} délibérations ont été prises au cours de la séance, numérotées du n° {} au n° {} :",
            a.numero, z.numero
        ),
        (Some(a), _) => format!(
            "Une délibération a été prise au cours de la séance, sous le n° {} :",
            a.numero
        ),
        _ => "Aucune délibération n'a été prise au cours de la séance.".to_owned(),
    };
    p(Paragraphe::new(Alignement::Justifie)
        .normal(resume)
        .apres(3.0));
    // Small and tight: the recall and the signatures fit on one leaf for
    // a séance of twenty items.
    let poids = vec![2, 3, 13];
    let cellule = |t: Paragraphe| vec![t.taille(9).apres(0.8)];
    if n > 0 {
        b.push(Bloc::Rangee {
            poids: poids.clone(),
            cellules: ["Ordre", "N°", "Objet"]
                .into_iter()
                .map(|t| cellule(Paragraphe::new(Alignement::Gauche).gras(t)))
                .collect(),
        });
    }
    for (i, d) in x.deliberations.iter().enumerate() {
        b.push(Bloc::Rangee {
            poids: poids.clone(),
            cellules: vec![
                cellule(Paragraphe::new(Alignement::Gauche).normal(ordinal_court(i + 1))),
                cellule(Paragraphe::new(Alignement::Gauche).gras(d.numero.as_str())),
                cellule(Paragraphe::new(Alignement::Gauche).normal(&d.objet)),
            ],
        });
    }
    b.push(Bloc::Espace(4.0));
    let mut presents = Vec::new();
    let mut representes = Vec::new();
    for presence in &seance.presences {
        match &presence.etat {
            EtatPresence::Present => presents.push(nom(&presence.elu)?),
            EtatPresence::Represente { mandataire } => representes.push(format!(
                "{} (pouvoir à {})",
                nom(&presence.elu)?,
                nom(mandataire)?
            )),
            EtatPresence::AbsentExcuse | EtatPresence::Absent => {}
        }
    }
    let mut p = |para: Paragraphe| b.push(Bloc::Paragraphe(para));
    p(Paragraphe::new(Alignement::Justifie)
        .gras("Membres présents")
        .normal(format!(" : {}.", presents.join(", "))));
    if !representes.is_empty() {
        p(Paragraphe::new(Alignement::Justifie)
            .gras("Membres représentés")
            .normal(format!(" : {}.", representes.join(", "))));
    }
    b.push(Bloc::Espace(6.0));
    let maire = elu_du_registre(&s.elus, &s.commune.maire, seance)?;
    let secretaires = seance
        .secretaires
        .iter()
        .map(|id| elu_du_registre(&s.elus, id, seance))
        .collect::<Resultat<Vec<_>>>()?;
    let noms: Vec<String> = secretaires.iter().map(|e| e.nom_complet()).collect();
    // Since 1 July 2022 (L2121-23, R2121-9) the maire and the
    // secretary(ies) sign the register, by hand, once per séance here.
    b.push(Bloc::Paragraphe(
        Paragraphe::new(Alignement::Gauche)
            .italique("Signatures (article R2121-9 du CGCT) :")
            .apres(4.0)
            .garder_avec_suivant(40.0),
    ));
    b.push(bloc_de_signatures(maire, &secretaires, &noms, 28.0));
    Ok(b)
}

fn ordinal_court(n: usize) -> String {
    if n == 1 {
        "1re".to_owned()
    } else {
        format!("{n}e")
    }
}

/// A sort key for the table by objet: capitals without accents, so that
/// "École" files with "ECOLE" and before "F".
fn cle_alphabetique(objet: &str) -> String {
    majuscules_sans_accents(objet.trim())
}

fn entete_de_table(titres: &[&str], poids: &[usize]) -> Bloc {
    Bloc::Rangee {
        poids: poids.to_vec(),
        cellules: titres
            .iter()
            .map(|t| {
                vec![Paragraphe::new(Alignement::Gauche)
                    .gras(*t)
                    .taille(10)
                    .apres(1.5)]
            })
            .collect(),
    }
}

fn rangee(poids: &[usize], textes: Vec<String>) -> Bloc {
    Bloc::Rangee {
        poids: poids.to_vec(),
        cellules: textes
            .into_iter()
            .map(|t| {
                vec![Paragraphe::new(Alignement::Gauche)
                    .normal(t)
                    .taille(10)
                    .apres(1.2)]
            })
            .collect(),
    }
}

/// The table by date and the table by objet (R2121-9), with the leaf where
/// each deliberation starts.
fn tables(s: &SourceRegistre) -> Vec<Bloc> {
    let entete = format!("Tables de l'année {}", s.annee);
    let mut b = vec![
        Bloc::Feuillet(entete.clone()),
        Bloc::Paragraphe(titre("TABLE CHRONOLOGIQUE DES DÉLIBÉRATIONS").apres(5.0)),
    ];
    let poids = [3, 3, 12, 2];
    b.push(entete_de_table(
        &["Séance", "N°", "Objet", "Feuillet"],
        &poids,
    ));
    for x in &s.seances {
        let date = x.seance.date.format("%d/%m/%Y").to_string();
        for d in &x.deliberations {
            b.push(rangee(
                &poids,
                vec![
                    date.clone(),
                    d.numero.to_string(),
                    d.objet.clone(),
                    renvoi_feuillet(&repere_deliberation(d)),
                ],
            ));
        }
        b.push(rangee(
            &poids,
            vec![
                date,
                String::new(),
                "Clôture de la séance".to_owned(),
                renvoi_feuillet(&repere_cloture(&x.seance)),
            ],
        ));
    }

    b.push(Bloc::Feuillet(entete));
    b.push(Bloc::Paragraphe(
        titre("TABLE ALPHABÉTIQUE PAR OBJET").apres(5.0),
    ));
    let poids = [12, 3, 3, 2];
    b.push(entete_de_table(
        &["Objet", "N°", "Séance", "Feuillet"],
        &poids,
    ));
    let mut toutes: Vec<(&Seance, &Deliberation)> = s
        .seances
        .iter()
        .flat_map(|x| x.deliberations.iter().map(move |d| (&x.seance, d)))
        .collect();
    toutes.sort_by_cached_key(|(_, d)| (cle_alphabetique(&d.objet), d.numero.to_string()));
    for (seance, d) in toutes {
        b.push(rangee(
            &poids,
            vec![
                d.objet.clone(),
                d.numero.to_string(),
                seance.date.format("%d/%m/%Y").to_string(),
                renvoi_feuillet(&repere_deliberation(d)),
            ],
        ));
    }
    if !s.decisions.is_empty() {
        b.push(Bloc::Paragraphe(
            titre("TABLE DES DÉCISIONS DU MAIRE (CGCT L2122-22)").apres(5.0),
        ));
        let poids = [3, 3, 12, 2];
        b.push(entete_de_table(
            &["Date", "N°", "Objet", "Feuillet"],
            &poids,
        ));
        for d in &s.decisions {
            b.push(rangee(
                &poids,
                vec![
                    d.date.format("%d/%m/%Y").to_string(),
                    d.numero.to_string(),
                    d.objet.clone(),
                    renvoi_feuillet(&repere_decision(d)),
                ],
            ));
        }
    }
    b
}

pub(crate) fn registre(s: &SourceRegistre) -> Resultat<Vec<Bloc>> {
    let mut b = page_de_garde(s)?;
    // The maire's decisions take their place by date, before the séance
    // held on or after their day.
    let mut decisions = s.decisions.iter().peekable();
    for x in &s.seances {
        while let Some(d) = decisions.next_if(|d| d.date < x.seance.date) {
            b.extend(decision_du_maire(s, d));
        }
        for (i, d) in x.deliberations.iter().enumerate() {
            b.extend(deliberation(s, x, i + 1, d)?);
        }
        b.extend(cloture(s, x)?);
    }
    for d in decisions {
        b.extend(decision_du_maire(s, d));
    }
    b.extend(tables(s));
    Ok(b)
}

fn repere_decision(d: &crate::domaine::DecisionMaire) -> String {
    format!("décision {}", d.numero)
}

/// A decision of the maire by delegation (L2122-22), on its own leaves,
/// signed by him.
fn decision_du_maire(s: &SourceRegistre, d: &crate::domaine::DecisionMaire) -> Vec<Bloc> {
    let mut b = vec![
        Bloc::Feuillet(format!("Décision du maire du {}", date_longue(d.date))),
        Bloc::Repere(repere_decision(d)),
    ];
    let mut p = |para: Paragraphe| b.push(Bloc::Paragraphe(para));
    p(Paragraphe::new(Alignement::Centre)
        .gras(format!("Décision du maire n° {}", d.numero))
        .taille(13)
        .apres(1.0));
    p(Paragraphe::new(Alignement::Centre)
        .italique(format!(
            "du {}, prise par délégation du conseil municipal ({}){}",
            date_longue(d.date),
            d.fondement,
            d.deliberation_delegation
                .as_ref()
                .map(|n| format!(", délibération n° {n}"))
                .unwrap_or_default()
        ))
        .apres(6.0));
    p(titre(&majuscules_sans_accents(&d.objet)).apres(5.0));
    for a in &d.texte {
        match a.segments() {
            // Bold, italic and lists as typed, like an exposé.
            Some(_) => alinea(a).into_iter().for_each(&mut p),
            None => {
                for ligne in a.brut().lines() {
                    p(Paragraphe::new(Alignement::Gauche).normal(ligne).apres(1.0));
                }
            }
        }
    }
    if let Some(seance) = &d.compte_rendu_seance {
        p(Paragraphe::new(Alignement::Gauche)
            .italique(format!(
                "Compte rendu au conseil municipal lors de la séance « {seance} » (CGCT L2122-23)."
            ))
            .apres(4.0));
    }
    let maire = s.elus.iter().find(|e| e.id == s.commune.maire);
    if let Some(maire) = maire {
        b.push(signature_du_maire(maire, 14.0));
    }
    b
}
