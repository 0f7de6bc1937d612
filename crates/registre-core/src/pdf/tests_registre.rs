//! The procès-verbal and the annual register, block by block and as PDFs.

use chrono::NaiveDate;

use super::*;
use crate::demo;
use crate::domaine::{NumeroDeliberation, Scrutin, Sens, VoteNominatif};
use mise_en_page::{Bloc, Paragraphe};

fn edition() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2025, 1, 6)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

fn texte(blocs: &[Bloc]) -> Vec<String> {
    let paragraphe = |p: &Paragraphe| {
        p.puce
            .iter()
            .map(|s| format!("{} ", s.texte))
            .chain(p.segments.iter().map(|s| s.texte.clone()))
            .collect::<String>()
    };
    blocs
        .iter()
        .flat_map(|b| match b {
            Bloc::Paragraphe(p) => vec![paragraphe(p)],
            Bloc::Colonnes(c) | Bloc::Rangee { cellules: c, .. } => {
                c.iter().flatten().map(paragraphe).collect()
            }
            Bloc::Feuillet(entete) => vec![format!("[feuillet] {entete}")],
            Bloc::Repere(cle) => vec![format!("[repère] {cle}")],
            Bloc::Espace(_) | Bloc::SautDePage => vec![],
        })
        .collect()
}

fn seance_demo() -> SourceSeance {
    let r = demo::donnees();
    SourceSeance {
        commune: r.commune.clone().unwrap(),
        seance: r.seances[0].clone(),
        elus: r.elus.clone(),
        deliberations: r.deliberations.clone(),
    }
}

/// Two séances of 2024 of three deliberations each, from the demo's.
fn petite_annee() -> SourceRegistre {
    let r = demo::donnees();
    let mut seances = Vec::new();
    for (k, jour) in ["2024-03-01", "2024-05-15"].into_iter().enumerate() {
        let mut seance = r.seances[0].clone();
        seance.id = jour.into();
        seance.date = jour.parse().unwrap();
        let deliberations = (1..=3)
            .map(|i| {
                let mut d = r.deliberations[0].clone();
                d.numero = NumeroDeliberation::new(&format!("2024/{:03}", 3 * k + i)).unwrap();
                d.seance = jour.into();
                d.objet = ["Zones humides", "Budget annexe", "École maternelle"][i - 1].into();
                d.statut = Statut::Signe;
                d
            })
            .collect();
        seances.push(SeanceDuRegistre {
            seance,
            deliberations,
        });
    }
    SourceRegistre {
        commune: r.commune.clone().unwrap(),
        annee: 2024,
        elus: r.elus.clone(),
        seances,
        decisions: Vec::new(),
    }
}

#[test]
fn le_pv_porte_les_mentions_de_l_article_l2121_15() {
    let mut s = seance_demo();
    s.deliberations[0].scrutin = Scrutin::Public;
    s.deliberations[0].votes_nominatifs = vec![
        VoteNominatif {
            elu: "billes-jean-paul".into(),
            sens: Sens::Pour,
        },
        VoteNominatif {
            elu: "roca-xavier".into(),
            sens: Sens::Contre,
        },
    ];
    let t = texte(&proces_verbal::proces_verbal(&s).unwrap());
    let contient = |debut: &str| t.iter().any(|l| l.starts_with(debut));
    for attendu in [
        "PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL",
        "du mercredi 15 mai 2024",
        "L'an deux mille vingt-quatre, le quinze mai à 18 h",
        "Membres en exercice : 27",
        "Sont présents : Jean-Paul BILLES",
        "Absents excusés ayant donné pouvoir : Yves ESCAPE (pouvoir à Guy PALOFFIS)",
        "Quorum : 22 membre(s) présent(s) pour 27 en exercice ; le quorum est de 14",
        "Secrétaire de séance : Laurence BARBERA, désignée",
        "ORDRE DU JOUR",
        "1. CONVENTION DE PARTENARIAT",
        "1. Délibération n° 2024/052 — 1re affaire de la séance",
        "RAPPORTEURE : Karine CAROLA",
        "Mme CAROLA fait part du projet",
        "Scrutin public",
        "Résultat : Adoptée à l'unanimité",
        "Ont voté pour : Jean-Paul BILLES (1)",
        "Ont voté contre : Xavier ROCA (1)",
        "Se sont abstenus : néant",
        "Teneur des discussions :",
        "LE MAIRE,",
        "LA SECRÉTAIRE DE SÉANCE,",
    ] {
        assert!(contient(attendu), "{attendu}: {t:#?}");
    }
    let blancs = t.iter().filter(|l| l.starts_with("____")).count();
    assert_eq!(blancs, proces_verbal::LIGNES_A_COMPLETER);
}

#[test]
fn le_quorum_se_dit_atteint_manque_ou_sans_objet() {
    use proces_verbal::phrase_de_quorum;
    assert!(phrase_de_quorum(27, 14, false).ends_with("le quorum est atteint."));
    assert!(phrase_de_quorum(27, 13, false).ends_with("le quorum n'est pas atteint."));
    assert!(phrase_de_quorum(27, 9, true).contains("quel que soit le nombre"));
}

#[test]
fn le_pv_est_un_pdf_reproductible_projet_tant_qu_un_acte_l_est() {
    let s = seance_demo();
    let a = proces_verbal(&s, edition()).unwrap();
    assert!(a.octets.starts_with(b"%PDF-"));
    assert_eq!(a.octets, proces_verbal(&s, edition()).unwrap().octets);
    assert_eq!(
        DemandePdf::ProcesVerbal("2024-05-15".into()).nom_de_fichier(),
        "Proces-verbal-2024-05-15.pdf"
    );
    assert_eq!(
        DemandePdf::Registre(2024).nom_de_fichier(),
        "Registre-des-deliberations-2024.pdf"
    );
}

#[test]
fn le_registre_range_les_actes_par_seance_avec_cloture_et_tables() {
    let s = petite_annee();
    let t = texte(&registre_annuel::registre(&s).unwrap());
    let position = |attendu: &str| {
        t.iter()
            .position(|l| l.starts_with(attendu))
            .unwrap_or_else(|| panic!("{attendu}: {t:#?}"))
    };
    assert!(position("Le présent registre comprend ⟦total⟧ feuillets") < position("[feuillet]"));
    // Each deliberation on new leaves, with its order in the séance.
    assert_eq!(
        t.iter()
            .filter(|l| l.as_str() == "[feuillet] Séance du 1er mars 2024")
            .count(),
        4,
        "three deliberations and the closing leaf"
    );
    assert!(
        position("1re affaire de la séance du 1er mars 2024")
            < position("3e affaire de la séance du 1er mars 2024")
    );
    assert!(
        position("CLÔTURE DE LA SÉANCE DU 1ER MARS 2024") < position("Délibération n° 2024/004")
    );
    assert!(position("CLÔTURE DE LA SÉANCE DU 15 MAI 2024") < position("TABLE CHRONOLOGIQUE"));
    assert!(position("TABLE CHRONOLOGIQUE") < position("TABLE ALPHABÉTIQUE PAR OBJET"));
    // By objet: Budget < École < Zones, accents ignored for the order.
    let objets: Vec<&String> = t[position("TABLE ALPHABÉTIQUE PAR OBJET")..]
        .iter()
        .filter(|l| {
            ["Budget", "École", "Zones"]
                .iter()
                .any(|o| l.starts_with(o))
        })
        .collect();
    assert_eq!(
        objets,
        [
            "Budget annexe",
            "Budget annexe",
            "École maternelle",
            "École maternelle",
            "Zones humides",
            "Zones humides"
        ]
    );
}

#[test]
fn les_decisions_du_maire_prennent_leur_place_par_date_et_ont_leur_table() {
    let mut s = petite_annee();
    let decision = |numero: &str, date: &str, objet: &str| crate::domaine::DecisionMaire {
        numero: crate::domaine::NumeroDecision::new(numero).unwrap(),
        date: date.parse().unwrap(),
        objet: objet.into(),
        fondement: "CGCT L2122-22, 4°".into(),
        deliberation_delegation: None,
        texte: vec!["DÉCIDE de signer le marché.".into()],
        compte_rendu_seance: None,
    };
    s.decisions = vec![
        decision("D2024/001", "2024-04-10", "Marché de fournitures"),
        decision("D2024/002", "2024-06-03", "Louage d'une salle"),
    ];
    let t = texte(&registre_annuel::registre(&s).unwrap());
    let position = |attendu: &str| {
        t.iter()
            .position(|l| l.starts_with(attendu))
            .unwrap_or_else(|| panic!("{attendu}: {t:#?}"))
    };
    // Between the two séances, then after the last one, before the tables.
    assert!(
        position("CLÔTURE DE LA SÉANCE DU 1ER MARS 2024")
            < position("Décision du maire n° D2024/001")
    );
    assert!(position("Décision du maire n° D2024/001") < position("Délibération n° 2024/004"));
    assert!(
        position("CLÔTURE DE LA SÉANCE DU 15 MAI 2024")
            < position("Décision du maire n° D2024/002")
    );
    assert!(position("Décision du maire n° D2024/002") < position("TABLE CHRONOLOGIQUE"));
    assert!(
        position("[feuillet] Décision du maire du 10 avril 2024")
            < position("Décision du maire n° D2024/001")
    );
    assert!(position("TABLE DES DÉCISIONS DU MAIRE") > position("TABLE ALPHABÉTIQUE PAR OBJET"));
}

#[test]
fn les_decisions_du_maire_gardent_leur_gras_et_leur_italique() {
    let mut s = petite_annee();
    s.decisions = vec![crate::domaine::DecisionMaire {
        numero: crate::domaine::NumeroDecision::new("D2024/001").unwrap(),
        date: "2024-06-10".parse().unwrap(),
        objet: "Marché de fournitures".into(),
        fondement: "CGCT L2122-22, 4°".into(),
        deliberation_delegation: None,
        texte: crate::domaine::texte::depuis_saisie(
            "**DÉCIDE** de signer le marché.\n\n_Article 2_ : la dépense est inscrite.",
        ),
        compte_rendu_seance: None,
    }];
    let blocs = registre_annuel::registre(&s).unwrap();
    let graisse_de = |mot: &str| {
        blocs
            .iter()
            .filter_map(|b| match b {
                Bloc::Paragraphe(p) => Some(p),
                _ => None,
            })
            .flat_map(|p| &p.segments)
            .find(|x| x.texte.trim() == mot)
            .map(|x| x.graisse)
            .unwrap_or_else(|| panic!("« {mot} » absent : {:#?}", texte(&blocs)))
    };
    assert_eq!(graisse_de("DÉCIDE"), mise_en_page::Graisse::Gras);
    assert_eq!(graisse_de("Article 2"), mise_en_page::Graisse::Italique);
}

#[test]
fn le_registre_annuel_numerote_ses_feuillets_et_les_compte() {
    let s = petite_annee();
    let rendu = registre_annuel(&s, edition()).unwrap();
    // Cover + 6 deliberations (one leaf at least each) + 2 closings + tables.
    assert!(rendu.pages >= 11, "{} pages", rendu.pages);
    assert_eq!(rendu.octets, registre_annuel(&s, edition()).unwrap().octets);
    let Some(texte) = poppler_texte(&rendu.octets) else {
        return;
    };
    let pages: Vec<&str> = texte
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), rendu.pages);
    let total = rendu.pages - 1;
    assert!(pages[0].contains(&format!(
        "comprend {total} feuillets, numérotés de 1 à {total}."
    )));
    for (i, page) in pages.iter().enumerate().skip(1) {
        assert!(
            page.contains(&format!(
                "Registre des délibérations 2024 — Feuillet n° {i}\n"
            )),
            "{page}"
        );
        assert!(page.contains("Commune de Pézilla-la-Rivière"), "{page}");
    }
}

/// pdftotext's output, or None where poppler is missing.
fn poppler_texte(pdf: &[u8]) -> Option<String> {
    let dossier = tempfile::tempdir().ok()?;
    let chemin = dossier.path().join("r.pdf");
    std::fs::write(&chemin, pdf).ok()?;
    let sortie = std::process::Command::new("pdftotext")
        .arg(&chemin)
        .arg("-")
        .output()
        .ok()?;
    sortie
        .status
        .success()
        .then(|| String::from_utf8_lossy(&sortie.stdout).into_owned())
}

#[test]
fn les_renvois_sont_remplaces_par_les_numeros_de_feuillet() {
    let s = petite_annee();
    let rendu = registre_annuel(&s, edition()).unwrap();
    let Some(texte) = poppler_texte(&rendu.octets) else {
        return;
    };
    assert!(!texte.contains('⟦'), "no cross-reference left");
    assert!(!texte.contains("000"), "no provisional number left");
}

/// The annual register of `s` as a document to lay out, as
/// `registre_annuel` builds it (without the PROJET mark).
fn document_du_registre(s: &SourceRegistre) -> Document {
    Document {
        blocs: registre_annuel::registre(s).unwrap(),
        pied: "Registre des délibérations 2024".into(),
        projet: false,
        feuilletage: Some(mise_en_page::Feuilletage {
            pages_de_garde: 1,
            entete: "Commune de Pézilla-la-Rivière".into(),
        }),
    }
}

#[test]
fn le_registre_par_tranches_a_le_texte_du_rendu_d_un_seul_tenant() {
    let s = petite_annee();
    let document = document_du_registre(&s);
    let meta = finition::Metadonnees {
        titre: "Registre".into(),
        auteur: "Commune".into(),
        sujet: "Registre".into(),
        mots_cles: "registre".into(),
        date: edition(),
    };
    let entier = mise_en_page::rendre(&document).unwrap();
    let entier_octets = finition::finir(&entier.octets, &entier.polices, &meta).unwrap();
    // One leaf a slice: the most cuts there can be.
    let tranches =
        assemblage::rendre_par_tranches(&document, 1, &crate::avancement::Avancement::muet())
            .unwrap();
    assert_eq!(tranches.pages, entier.pages);
    let octets = finition::finir_document(tranches.pdf, &tranches.polices, &meta, false).unwrap();
    let (Some(a), Some(b)) = (poppler_texte(&entier_octets), poppler_texte(&octets)) else {
        return;
    };
    assert_eq!(a, b);
}

#[test]
fn le_registre_annuel_rapporte_chaque_tranche_et_s_arrete_quand_on_l_annule() {
    use crate::avancement::{Annulation, Avancement};
    use std::sync::Mutex;

    let s = petite_annee();
    let etapes = Mutex::new(Vec::new());
    let suivi = Avancement::new(Annulation::default(), |fait, total| {
        etapes.lock().unwrap().push((fait, total));
    });
    let rendu = registre_annuel_suivi(&s, edition(), &suivi).unwrap();
    drop(suivi);
    let etapes = etapes.into_inner().unwrap();
    let total = etapes[0].1;
    assert!(total >= 2, "{etapes:?}");
    assert_eq!(etapes.first(), Some(&(0, total)));
    assert_eq!(etapes.last(), Some(&(total, total)));
    assert!(
        etapes.windows(2).all(|p| p[0].0 + 1 == p[1].0),
        "{etapes:?}"
    );
    // Followed or not, the same document.
    assert_eq!(rendu.octets, registre_annuel(&s, edition()).unwrap().octets);

    // Cancelled once the first slice is laid out (one leaf a slice): the
    // second is never laid out, and no PDF comes back.
    let document = document_du_registre(&s);
    let annulation = Annulation::default();
    let vues = Mutex::new(0);
    let suivi = Avancement::new(annulation.clone(), |fait, _| {
        *vues.lock().unwrap() += 1;
        if fait == 1 {
            annulation.annuler();
        }
    });
    let resultat = assemblage::rendre_par_tranches(&document, 1, &suivi);
    assert!(matches!(resultat, Err(Erreur::Annulee)));
    drop(suivi);
    assert_eq!(vues.into_inner().unwrap(), 2, "0 puis 1, puis l'arrêt");
}

/// A word and its box on the page, in points from the top left.
struct MotPlace {
    texte: String,
    x_min: f64,
    y_min: f64,
    x_max: f64,
    y_max: f64,
}

impl MotPlace {
    fn touche(&self, autre: &MotPlace) -> bool {
        !(autre.x_max <= self.x_min
            || self.x_max <= autre.x_min
            || autre.y_max <= self.y_min
            || self.y_max <= autre.y_min)
    }
}

/// The words of `page` (1-based) as poppler places them; None where
/// poppler is missing.
fn mots_places(pdf: &[u8], page: u32) -> Option<Vec<MotPlace>> {
    let dossier = tempfile::tempdir().ok()?;
    let chemin = dossier.path().join("r.pdf");
    std::fs::write(&chemin, pdf).ok()?;
    let sortie = std::process::Command::new("pdftotext")
        .args(["-bbox", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(&chemin)
        .arg("-")
        .output()
        .ok()?;
    let html = String::from_utf8_lossy(&sortie.stdout).into_owned();
    let mot = regex::Regex::new(
        r#"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>"#,
    )
    .unwrap();
    Some(
        mot.captures_iter(&html)
            .map(|c| {
                let n = |i: usize| c[i].parse::<f64>().unwrap();
                MotPlace {
                    texte: c[5].to_string(),
                    x_min: n(1),
                    y_min: n(2),
                    x_max: n(3),
                    y_max: n(4),
                }
            })
            .collect(),
    )
}

#[test]
fn la_marque_projet_ne_couvre_pas_l_entete_courante_des_feuillets() {
    let mut s = petite_annee();
    s.seances[1].deliberations[0].statut = Statut::Brouillon;
    let rendu = registre_annuel(&s, edition()).unwrap();
    // The cover (no running header) and the first leaf (with it).
    for page in [1, 2] {
        let Some(mots) = mots_places(&rendu.octets, page) else {
            return;
        };
        let projet = mots
            .iter()
            .find(|m| m.texte == "PROJET")
            .unwrap_or_else(|| panic!("pas de marque PROJET page {page}"));
        for autre in mots.iter().filter(|m| m.texte != "PROJET") {
            assert!(
                !projet.touche(autre),
                "page {page} : PROJET couvre « {} »",
                autre.texte
            );
        }
    }
}
