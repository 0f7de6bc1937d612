//! A generated year for the register's tests and benchmark: the demo
//! commune (Pézilla-la-Rivière, 27 members) with ten séances of 2024 and
//! realistic deliberations around the demo's own 2024/052 of 15 May.

use registre_core::domaine::{
    Alinea, Decision, EtatPresence, ModePublication, NumeroDeliberation, Presence, Publication,
    Scrutin, Seance, Segment, Sens, Statut, Transmission, Vote, VoteNominatif,
};
use registre_core::{demo, DonneesRegistre};

/// The séances of the generated year; the fifth is the demo's.
pub const DATES_DES_SEANCES: [&str; 10] = [
    "2024-01-25",
    "2024-02-29",
    "2024-03-28",
    "2024-04-11",
    "2024-05-15",
    "2024-06-27",
    "2024-07-10",
    "2024-09-26",
    "2024-11-14",
    "2024-12-19",
];

/// The deliberation with a public ballot (named votes in the PV).
pub const NUMERO_SCRUTIN_PUBLIC: &str = "2024/053";

const ASSOCIATIONS: [&str; 8] = [
    "Les Amis du Vieux Pézilla",
    "Union sportive pézillanaise",
    "Comité des fêtes",
    "Club des aînés Lou Recantou",
    "Association des parents d'élèves",
    "Société de chasse Saint-Hubert",
    "École de musique intercommunale",
    "Restos du cœur – antenne de la Têt",
];

const LIEUX: [&str; 6] = [
    "rue du Canigou",
    "chemin de la Têt",
    "place de la République",
    "avenue du Roussillon",
    "impasse des Oliviers",
    "rue Émile-Zola",
];

/// Realistic objets, with accents, ligatures and apostrophes; `{n}`, `{a}`
/// and `{l}` take a number, an association and a place.
const OBJETS: [&str; 24] = [
    "Décision modificative n° {n} du budget principal",
    "Attribution d'une subvention exceptionnelle à l'association « {a} »",
    "Tarifs de la restauration scolaire et de l'accueil périscolaire – année {n}",
    "Acquisition amiable de la parcelle cadastrée section AB n° {n}, {l}",
    "Création d'un poste d'adjoint technique territorial à temps complet",
    "Modification du tableau des effectifs au 1er {m}",
    "Dénomination de la voie nouvelle desservant le lotissement des Oliviers",
    "Demande de subvention au titre de la DETR pour la rénovation énergétique de l'école",
    "Régime indemnitaire (RIFSEEP) : mise à jour des plafonds",
    "Adhésion au groupement de commandes pour l'achat d'électricité",
    "Rapport annuel sur le prix et la qualité du service public de l'eau",
    "Convention de mise à disposition de la salle polyvalente à l'association « {a} »",
    "Éclairage public : travaux de mise en conformité {l}",
    "Œuvres d'art du patrimoine communal : convention de restauration",
    "Vote des taux d'imposition des taxes directes locales",
    "Désignation d'un délégué au syndicat intercommunal d'électrification",
    "Motion de soutien aux viticulteurs du Roussillon",
    "Cession d'un véhicule communal réformé n° {n}",
    "Autorisation de signature d'un bail de location – logement {l}",
    "Instauration de la redevance d'occupation du domaine public – terrasses",
    "Approbation du compte de gestion et du compte administratif",
    "Fonds de concours de la communauté urbaine pour la voirie {l}",
    "Admission en non-valeur de créances irrécouvrables (état n° {n})",
    "Garantie d'emprunt accordée à l'office public de l'habitat – opération {l}",
];

const MOIS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

const PHRASES: [&str; 8] = [
    "Le rapporteur rappelle que la commune s'est engagée depuis plusieurs années dans une démarche de maîtrise de ses dépenses de fonctionnement, tout en maintenant la qualité des services rendus aux habitants.",
    "Il précise que le dossier a été examiné par la commission des finances réunie le mois dernier, qui a émis un avis favorable à l'unanimité de ses membres présents.",
    "Les crédits nécessaires sont inscrits au budget de l'exercice en cours, à l'article correspondant de la section de fonctionnement ou d'investissement selon la nature de la dépense.",
    "Considérant l'intérêt général qui s'attache à ce projet pour la vie de la commune et de ses quartiers, ainsi que pour l'accueil des écoliers et des familles, il est proposé de donner une suite favorable à cette demande.",
    "Le montant de l'opération est estimé à quarante-cinq mille euros hors taxes ; le plan de financement prévisionnel fait apparaître une participation de l'État et du Département.",
    "Après un échange sur les modalités pratiques, notamment la durée de la convention et les conditions de sa reconduction, il est précisé que tout avenant sera soumis au conseil municipal.",
    "Cette mesure s'inscrit dans le cadre du plan pluriannuel d'investissement adopté en début de mandat, dont elle constitue l'une des priorités pour l'année à venir.",
    "La commission d'appel d'offres, réunie à cet effet, a retenu l'offre économiquement la plus avantageuse au regard des critères de prix et de valeur technique annoncés dans l'avis de publicité.",
];

/// Members who take turns being away, and who hold their pouvoirs.
const ABSENTS_TOURNANTS: [(&str, &str); 5] = [
    ("olive-nicolas", "fons-blaise"),
    ("carlos-chrystelle", "vidal-jeanine"),
    ("sarrazin-evelyne", "puy-pascale"),
    ("billes-marc", "roca-xavier"),
    ("costa-yannick", "gardelle-jean-pascal"),
];

const RAPPORTEURS: [&str; 6] = [
    "billes-jean-paul",
    "pique-nathalie",
    "paloffis-guy",
    "carola-karine",
    "telasco-jean",
    "miffre-catherine",
];

fn date(texte: &str) -> chrono::NaiveDate {
    texte.parse().expect("a valid date")
}

fn objet(i: usize) -> String {
    OBJETS[i % OBJETS.len()]
        .replace("{n}", &(i / OBJETS.len() + 1 + i % 7).to_string())
        .replace("{a}", ASSOCIATIONS[i % ASSOCIATIONS.len()])
        .replace("{l}", LIEUX[i % LIEUX.len()])
        .replace("{m}", MOIS[i % 12])
}

fn expose(i: usize) -> Vec<Alinea> {
    let phrase = |k: usize| PHRASES[(i + k) % PHRASES.len()];
    let mut a = vec![
        Alinea::Simple(format!("{} {}", phrase(0), phrase(1))),
        Alinea::Paragraphe {
            paragraphe: vec![
                Segment::simple(format!("{} ", phrase(2))),
                Segment {
                    texte: "Le conseil est invité à se prononcer".into(),
                    gras: true,
                    italique: false,
                },
                Segment::simple(" sur les points suivants :"),
            ],
        },
        Alinea::Liste {
            liste: vec![
                vec![Segment::simple(phrase(3))],
                vec![Segment {
                    texte: phrase(4).into(),
                    gras: false,
                    italique: true,
                }],
            ],
        },
        Alinea::Simple(format!("{} {}", phrase(5), phrase(6))),
    ];
    a.push(Alinea::Simple(format!(
        "{} {} {}",
        phrase(7),
        phrase(0),
        phrase(3)
    )));
    if i.is_multiple_of(3) {
        a.push(Alinea::Simple(format!("{} {}", phrase(1), phrase(6))));
    }
    a
}

/// The numbers of the year per séance: 001–051 over the first four séances
/// (the demo's 2024/052 opens the fifth), the rest spread over the others.
fn repartition(total: usize) -> Vec<usize> {
    assert!(
        total >= 60,
        "at least 60 deliberations for the generated year"
    );
    let avant = [13, 13, 13, 12];
    let apres = total - 51;
    let mut r: Vec<usize> = avant.to_vec();
    for k in 0..6 {
        r.push(apres / 6 + usize::from(k < apres % 6));
    }
    r
}

fn seance(modele: &Seance, jour: &str, rang: usize, objets: Vec<String>) -> Seance {
    let d = date(jour);
    let mut s = modele.clone();
    s.id = jour.to_owned();
    s.date = d;
    s.date_convocation = d - chrono::Days::new(8);
    s.ordre_du_jour = objets;
    let (absent, mandataire) = ABSENTS_TOURNANTS[rang % ABSENTS_TOURNANTS.len()];
    s.presences = s
        .presences
        .iter()
        .map(|p| Presence {
            elu: p.elu.clone(),
            etat: if p.elu == absent {
                EtatPresence::Represente {
                    mandataire: mandataire.into(),
                }
            } else if p.elu == "escape-yves" && rang.is_multiple_of(2) {
                EtatPresence::Present
            } else {
                p.etat.clone()
            },
        })
        .collect();
    s.secretaires = if rang % 4 == 3 {
        vec!["mckenzie-corinne".into(), "fourmond-laurent".into()]
    } else if rang.is_multiple_of(2) {
        vec!["barbera-laurence".into()]
    } else {
        vec!["pacull-joel".into()]
    };
    s
}

/// The demo register with a generated year of `total` deliberations in ten
/// séances of 2024 (the demo's 2024/052 kept as it is).
pub fn annee(total: usize) -> DonneesRegistre {
    let mut r = demo::donnees();
    let modele_seance = r.seances[0].clone();
    let modele = r.deliberations[0].clone();
    let repartition = repartition(total);
    let mut seances = Vec::new();
    let mut deliberations = Vec::new();
    let mut numero = 0;
    for (rang, (jour, nombre)) in DATES_DES_SEANCES.iter().zip(&repartition).enumerate() {
        let mut objets = Vec::new();
        for _ in 0..*nombre {
            numero += 1;
            let texte = format!("2024/{numero:03}");
            if texte == modele.numero.as_str() {
                // The demo's deliberation, declared bon pour signature so
                // the year prints without the PROJET mark.
                objets.push(modele.objet.clone());
                continue;
            }
            let i = numero - 1;
            let mut d = modele.clone();
            d.numero = NumeroDeliberation::new(&texte).unwrap();
            d.seance = (*jour).to_owned();
            d.objet = objet(i);
            d.rapporteur = Some(RAPPORTEURS[i % RAPPORTEURS.len()].into());
            d.visas = vec![
                "Vu le code général des collectivités territoriales, notamment son article L2121-29,".into(),
            ];
            d.expose = expose(i);
            d.convention = None;
            d.numero_actes = None;
            d.matiere = None;
            d.decisions = vec![
                Decision {
                    verbe: "APPROUVE".into(),
                    texte: format!("{} ;", objet(i).to_lowercase()),
                },
                Decision {
                    verbe: "AUTORISE".into(),
                    texte: "M. le Maire à signer tout document relatif à la présente délibération."
                        .into(),
                },
            ];
            d.vote = if i % 5 == 2 {
                Vote::Detail {
                    pour: 20,
                    contre: 2,
                    abstentions: 1,
                    blancs_nuls: 0,
                }
            } else {
                Vote::Unanimite
            };
            // Everything but the last séance is signed; the older ones are
            // transmitted and published.
            let date_seance = date(jour);
            d.statut = if rang == 9 {
                Statut::Signe
            } else if rang >= 7 {
                Statut::Transmis
            } else {
                Statut::Publie
            };
            if d.statut >= Statut::Transmis {
                d.transmission = Some(Transmission {
                    date: date_seance + chrono::Days::new(5),
                    identifiant_actes: None,
                    date_accuse: Some(date_seance + chrono::Days::new(5)),
                });
            }
            if d.statut >= Statut::Publie {
                d.publication = Some(Publication {
                    date: date_seance + chrono::Days::new(6),
                    mode: ModePublication::Electronique,
                    url: None,
                });
            }
            if texte == NUMERO_SCRUTIN_PUBLIC {
                d.scrutin = Scrutin::Public;
                d.vote = Vote::Detail {
                    pour: 21,
                    contre: 1,
                    abstentions: 1,
                    blancs_nuls: 0,
                };
                let presents: Vec<String> = modele_seance
                    .presences
                    .iter()
                    .filter(|p| p.etat == EtatPresence::Present)
                    .map(|p| p.elu.clone())
                    .collect();
                d.votes_nominatifs = presents
                    .iter()
                    .enumerate()
                    .map(|(k, elu)| VoteNominatif {
                        elu: elu.clone(),
                        sens: match k {
                            20 => Sens::Contre,
                            21 => Sens::Abstention,
                            _ => Sens::Pour,
                        },
                    })
                    .collect();
                d.vote_du_president = Some(Sens::Pour);
            }
            objets.push(d.objet.clone());
            deliberations.push(d);
        }
        if *jour == modele_seance.id {
            let mut s = modele_seance.clone();
            s.ordre_du_jour = objets;
            seances.push(s);
        } else {
            seances.push(seance(&modele_seance, jour, rang, objets));
        }
    }
    deliberations.extend(r.deliberations.drain(..).map(|mut d| {
        d.statut = Statut::BonPourSignature;
        d
    }));
    deliberations.sort_by(|a, b| a.numero.cmp(&b.numero));
    r.seances = seances;
    r.deliberations = deliberations;
    r
}
