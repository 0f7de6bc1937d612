use chrono::NaiveDate;

use super::*;
use crate::demo;
use mise_en_page::Bloc;

fn source_demo() -> SourceExtrait {
    let r = demo::donnees();
    let deliberation = r.deliberations[0].clone();
    SourceExtrait {
        commune: r.commune.clone().expect("the demo has a commune"),
        seance: r.seances[0].clone(),
        elus: r.elus.clone(),
        convention: r.conventions.first().cloned(),
        deliberation,
    }
}

fn edition() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2024, 5, 16)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

#[test]
fn le_dossier_de_demo_est_un_pdf_leger_et_reproductible() {
    let s = source_demo();
    let a = dossier(&s, edition()).unwrap();
    assert!(a.octets.starts_with(b"%PDF-"));
    assert!(a.pages >= 4, "{} pages", a.pages);
    assert!(a.octets.len() < 85_000, "{} octets", a.octets.len());
    let b = dossier(&s, edition()).unwrap();
    assert_eq!(a.octets, b.octets, "same input, same bytes");
}

/// The text of the blocks, paragraph by paragraph (columns flattened).
fn texte(blocs: &[Bloc]) -> Vec<String> {
    let paragraphe = |p: &mise_en_page::Paragraphe| {
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
            Bloc::Feuillet(entete) => vec![entete.clone()],
            Bloc::Espace(_) | Bloc::SautDePage | Bloc::Repere(_) => vec![],
        })
        .collect()
}

fn contient(lignes: &[String], attendu: &str) -> bool {
    lignes.iter().any(|l| l == attendu)
}

#[test]
fn l_extrait_accorde_rapporteur_et_secretaire_au_masculin() {
    let mut s = source_demo();
    s.deliberation.rapporteur = Some("billes-jean-paul".into());
    s.seance.secretaires = vec!["paloffis-guy".into()];
    let t = texte(&documents::extrait(&s).unwrap());
    assert!(contient(&t, "RAPPORTEUR : Jean-Paul BILLES"), "{t:#?}");
    assert!(contient(&t, "LE SECRÉTAIRE DE SÉANCE,"), "{t:#?}");
    assert!(
        contient(&t, "Secrétaire de séance : Guy PALOFFIS."),
        "{t:#?}"
    );
    let t = texte(&documents::extrait(&source_demo()).unwrap());
    assert!(contient(&t, "RAPPORTEURE : Karine CAROLA"), "{t:#?}");
    assert!(contient(&t, "LA SECRÉTAIRE DE SÉANCE,"), "{t:#?}");
}

#[test]
fn absents_et_non_participants_ont_leur_ligne() {
    let mut s = source_demo();
    for p in &mut s.seance.presences {
        if p.elu == "olive-nicolas" {
            p.etat = crate::domaine::EtatPresence::Absent;
        }
    }
    s.deliberation.ne_prennent_pas_part = vec![serde_json::from_value(serde_json::json!({
        "elu": "pique-nathalie",
        "motif": "intéressée à l'affaire"
    }))
    .unwrap()];
    let t = texte(&documents::extrait(&s).unwrap());
    assert!(contient(&t, "Absents : Nicolas OLIVE"), "{t:#?}");
    assert!(
        contient(
            &t,
            "Absents excusés : Marc BILLES, Chrystelle CARLOS, Evelyne SARRAZIN"
        ),
        "{t:#?}"
    );
    assert!(
        contient(
            &t,
            "Ne prend pas part au vote : Nathalie PIQUE (intéressée à l'affaire)"
        ),
        "{t:#?}"
    );
}

#[test]
fn seance_du_premier_du_mois_et_vote_detaille() {
    let mut s = source_demo();
    s.seance.date = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    s.seance.heure = chrono::NaiveTime::from_hms_opt(20, 30, 0).unwrap();
    s.deliberation.vote = serde_json::from_value(serde_json::json!({
        "mode": "detail", "pour": 20, "contre": 1, "abstentions": 2
    }))
    .unwrap();
    let t = texte(&documents::extrait(&s).unwrap());
    assert!(
        t.iter()
            .any(|l| l.starts_with("L'an deux mille vingt-cinq, le premier juin à 20 h 30, ")),
        "{t:#?}"
    );
    assert!(
        contient(
            &t,
            "Le conseil municipal, après en avoir délibéré, par 20 voix pour, 1 voix contre et 2 abstentions,"
        ),
        "{t:#?}"
    );
    assert!(contient(&t, "► APPROUVE la convention de partenariat ci-annexée avec l'académie de Montpellier pour la mise à disposition d'un ENT (Environnement Numérique de Travail) pour l'année scolaire 2023-2024 ;"), "{t:#?}");
}

#[test]
fn un_dossier_sans_convention_est_l_extrait_seul() {
    let mut s = source_demo();
    s.convention = None;
    let d = dossier(&s, edition()).unwrap();
    let e = extrait(&s, edition()).unwrap();
    assert_eq!(d.pages, e.pages);
}

#[test]
fn seuls_brouillon_et_soumis_au_maire_sont_des_projets() {
    assert!(est_un_projet(Statut::Brouillon));
    assert!(est_un_projet(Statut::SoumisAuMaire));
    for s in [
        Statut::BonPourSignature,
        Statut::Signe,
        Statut::Transmis,
        Statut::Publie,
        Statut::Executoire,
    ] {
        assert!(!est_un_projet(s), "{s:?}");
    }
}

#[test]
fn un_elu_inconnu_est_une_base_endommagee() {
    let mut s = source_demo();
    s.seance.president = "inconnu".into();
    let e = extrait(&s, edition()).unwrap_err();
    assert!(matches!(e, Erreur::BaseEndommagee(_)), "{e}");
}

/// `REGISTRE_PDF_APERCU=dossier.pdf cargo test -p registre-core apercu -- --ignored`
/// writes the demo dossier, to look at it.
#[test]
#[ignore]
fn apercu_du_dossier_de_demo() {
    let chemin = std::env::var("REGISTRE_PDF_APERCU").unwrap_or("/tmp/dossier-demo.pdf".into());
    let rendu = dossier(&source_demo(), edition()).unwrap();
    std::fs::write(&chemin, &rendu.octets).unwrap();
    eprintln!(
        "{chemin}: {} pages, {} octets",
        rendu.pages,
        rendu.octets.len()
    );
}

#[test]
fn les_noms_de_fichier_sont_surs_sous_windows() {
    use DocumentDeliberation::{Dossier, Extrait};
    assert_eq!(
        DemandePdf::deliberation("2024/052", Dossier).nom_de_fichier(),
        "Deliberation-2024-052-dossier.pdf"
    );
    assert_eq!(
        DemandePdf::deliberation("2024/052", Extrait).nom_de_fichier(),
        "Deliberation-2024-052-extrait.pdf"
    );
    assert_eq!(
        DemandePdf::Convention("ent-2024-2025".into()).nom_de_fichier(),
        "Convention-ent-2024-2025.pdf"
    );
    assert_eq!(
        DemandePdf::Convention(" École: <œuvre>/Été\\2024?*| ".into()).nom_de_fichier(),
        "Convention-Ecole-oeuvre-Ete-2024.pdf"
    );
    let nom = DemandePdf::Extrait("../..\\CON".into()).nom_de_fichier();
    assert_eq!(nom, "Deliberation-CON-extrait.pdf");
}

fn source_seance_demo() -> SourceSeance {
    let r = demo::donnees();
    SourceSeance {
        commune: r.commune.clone().expect("the demo has a commune"),
        seance: r.seances[0].clone(),
        elus: r.elus.clone(),
        deliberations: r.deliberations.clone(),
    }
}

fn detail(pour: u32, contre: u32) -> crate::domaine::Vote {
    crate::domaine::Vote::Detail {
        pour,
        contre,
        abstentions: 0,
        blancs_nuls: 0,
    }
}

#[test]
fn la_liste_donne_numero_objet_et_issue_de_chaque_deliberation() {
    let mut s = source_seance_demo();
    let t = texte(&documents_seance::liste(&s).unwrap());
    for attendu in [
        "COMMUNE DE PEZILLA-LA-RIVIERE",
        "LISTE DES DÉLIBÉRATIONS",
        "Séance du conseil municipal du 15 mai 2024",
        "2024/052",
        "Adoptée à l'unanimité",
        "Affichée le :",
        "Mise en ligne le :",
    ] {
        assert!(contient(&t, attendu), "{attendu}: {t:#?}");
    }
    assert!(contient(&t, &s.deliberations[0].objet), "{t:#?}");

    let mut rejetee = s.deliberations[0].clone();
    rejetee.numero = NumeroDeliberation::new("2024/053").unwrap();
    rejetee.vote = detail(10, 12);
    s.deliberations[0].vote = detail(20, 3);
    s.deliberations.push(rejetee);
    let t = texte(&documents_seance::liste(&s).unwrap());
    assert!(contient(&t, "Adoptée"), "{t:#?}");
    assert!(contient(&t, "Rejetée"), "{t:#?}");
    assert!(!contient(&t, "Adoptée à l'unanimité"), "{t:#?}");
    // A tie with no recorded vote of the president: not guessed.
    s.deliberations[1].vote = detail(11, 11);
    let t = texte(&documents_seance::liste(&s).unwrap());
    assert!(contient(&t, "Issue indéterminée"), "{t:#?}");
}

#[test]
fn une_seance_sans_deliberation_a_une_liste_vide_le_disant() {
    let mut s = source_seance_demo();
    s.deliberations.clear();
    let t = texte(&documents_seance::liste(&s).unwrap());
    assert!(
        contient(
            &t,
            "Aucune délibération n'a été prise au cours de cette séance."
        ),
        "{t:#?}"
    );
}

#[test]
fn la_convocation_de_demo_annonce_jour_heure_lieu_et_ordre_du_jour() {
    let s = source_seance_demo();
    assert!(s.seance.ordre_du_jour.is_empty(), "the demo records none");
    let t = texte(&documents_seance::convocation(&s).unwrap());
    for attendu in [
        "CONVOCATION DU CONSEIL MUNICIPAL",
        "Pézilla-la-Rivière, le 7 mai 2024",
        "Madame, Monsieur le conseiller municipal,",
        "J'ai l'honneur de vous convier à la séance du conseil municipal qui se tiendra le mercredi 15 mai 2024 à 18\u{a0}h, en mairie.",
        "Ordre du jour :",
        "Une note explicative de synthèse sur les affaires soumises à délibération est jointe à la présente convocation (article L2121-12 du CGCT).",
        "Le Maire,",
        "Jean-Paul BILLES",
    ] {
        assert!(contient(&t, attendu), "{attendu}: {t:#?}");
    }
    // No agenda recorded: the objets of the deliberations, numbered.
    assert!(
        contient(&t, &format!("1. {}", s.deliberations[0].objet)),
        "{t:#?}"
    );
}

#[test]
fn la_convocation_suit_l_ordre_du_jour_la_population_et_la_civilite_du_maire() {
    let mut s = source_seance_demo();
    s.seance.ordre_du_jour = vec!["Budget primitif 2024".into(), "Questions diverses".into()];
    s.commune.population = 3_499;
    let maire = s.elus.iter_mut().find(|e| e.id == s.commune.maire).unwrap();
    maire.civilite = crate::domaine::Civilite::Madame;
    let t = texte(&documents_seance::convocation(&s).unwrap());
    assert!(contient(&t, "1. Budget primitif 2024"), "{t:#?}");
    assert!(contient(&t, "2. Questions diverses"), "{t:#?}");
    assert!(!t.iter().any(|l| l.contains("note explicative")), "{t:#?}");
    assert!(contient(&t, "La Maire,"), "{t:#?}");
    s.commune.maire = "inconnu".into();
    let e = convocation(&s, edition()).unwrap_err();
    assert!(matches!(e, Erreur::BaseEndommagee(_)), "{e}");
}

#[test]
fn liste_et_convocation_sont_des_pdf_d_une_page_reproductibles() {
    let s = source_seance_demo();
    for rendre in [liste, convocation] {
        let a = rendre(&s, edition()).unwrap();
        assert!(a.octets.starts_with(b"%PDF-"));
        assert_eq!(a.pages, 1);
        assert_eq!(a.octets, rendre(&s, edition()).unwrap().octets);
    }
}

#[test]
fn les_documents_de_seance_ont_leur_nom_de_fichier() {
    assert_eq!(
        DemandePdf::Liste("2024-05-15".into()).nom_de_fichier(),
        "Liste-deliberations-2024-05-15.pdf"
    );
    assert_eq!(
        DemandePdf::Convocation("2024-05-15-b".into()).nom_de_fichier(),
        "Convocation-2024-05-15-b.pdf"
    );
    assert_eq!(
        DemandePdf::seance("2024-05-15", DocumentSeance::Liste),
        DemandePdf::Liste("2024-05-15".into())
    );
    assert_eq!(
        DemandePdf::seance("2024-05-15", DocumentSeance::Convocation),
        DemandePdf::Convocation("2024-05-15".into())
    );
}

use crate::domaine::{
    Alinea, Correction, GenreCorrection, ModePublication, Publication, Segment, Transmission,
};

fn run(texte: &str, gras: bool, italique: bool) -> Segment {
    Segment {
        texte: texte.into(),
        gras,
        italique,
    }
}

/// The demo deliberation with visas, a bold run, an italic run and a
/// two-item list in its exposé.
fn source_mise_en_forme() -> SourceExtrait {
    let mut s = source_demo();
    s.deliberation.visas = vec![
        "Vu le code général des collectivités territoriales, notamment son article L2121-29 ;"
            .into(),
        "Vu le code de l'éducation ;".into(),
    ];
    s.deliberation.expose = vec![
        Alinea::Paragraphe {
            paragraphe: vec![
                run("Le coût pour la Commune est de ", false, false),
                run("45 € TTC", true, false),
                run(" par école et par an, selon la ", false, false),
                run("convention précédente", false, true),
                run(".", false, false),
            ],
        },
        Alinea::from("Les écoles concernées sont :"),
        Alinea::Liste {
            liste: vec![
                vec![
                    run("l'école ", false, false),
                    run("maternelle", true, false),
                ],
                vec![
                    run("l'école ", false, false),
                    run("élémentaire", false, true),
                    run(" Jean Moulin", false, false),
                ],
            ],
        },
        Alinea::from(
            "Il est donc proposé à l'assemblée de délibérer sur l'approbation de cette convention.",
        ),
    ];
    s
}

/// Runs a poppler tool on `pdf`; `None` (and a note) when the tool is not
/// installed, so the rest of the test still runs.
fn poppler(outil: &str, pdf: &[u8], args: &[&str]) -> Option<String> {
    let dossier = tempfile::tempdir().unwrap();
    let chemin = dossier.path().join("extrait.pdf");
    std::fs::write(&chemin, pdf).unwrap();
    let sortie = match std::process::Command::new(outil)
        .args(args)
        .arg(&chemin)
        .args(if outil == "pdftotext" {
            &["-"][..]
        } else {
            &[]
        })
        .output()
    {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{outil} absent ({e}): PDF text not checked");
            return None;
        }
    };
    assert!(sortie.status.success(), "{outil} failed");
    Some(String::from_utf8_lossy(&sortie.stdout).into_owned())
}

/// pdftotext's text with whitespace collapsed (lines joined).
fn texte_pdf(pdf: &[u8]) -> Option<String> {
    poppler("pdftotext", pdf, &[]).map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn position(t: &[String], attendu: &str) -> usize {
    t.iter()
        .position(|l| l == attendu)
        .unwrap_or_else(|| panic!("{attendu}: {t:#?}"))
}

#[test]
fn l_expose_rend_gras_italique_et_listes_a_puces() {
    let s = source_mise_en_forme();
    let blocs = documents::extrait(&s).unwrap();
    let paragraphes: Vec<&mise_en_page::Paragraphe> = blocs
        .iter()
        .filter_map(|b| match b {
            Bloc::Paragraphe(p) => Some(p),
            _ => None,
        })
        .collect();
    let avec = |mot: &str| {
        paragraphes
            .iter()
            .flat_map(|p| &p.segments)
            .find(|seg| seg.texte == mot)
            .unwrap_or_else(|| panic!("{mot} absent"))
            .graisse
    };
    assert_eq!(avec("45 € TTC"), mise_en_page::Graisse::Gras);
    assert_eq!(
        avec("convention précédente"),
        mise_en_page::Graisse::Italique
    );
    assert_eq!(avec("maternelle"), mise_en_page::Graisse::Gras);
    assert_eq!(avec("élémentaire"), mise_en_page::Graisse::Italique);
    let elements: Vec<_> = paragraphes
        .iter()
        .filter(|p| p.puce.as_ref().is_some_and(|b| b.texte == "•"))
        .collect();
    assert_eq!(elements.len(), 2);
    for e in &elements {
        assert!(e.retrait > e.retrait_puce, "hanging indent");
        assert!(e.retrait_puce > 0.0, "the list is indented");
    }
    let t = texte(&blocs);
    assert!(
        position(&t, "Les écoles concernées sont :") < position(&t, "• l'école maternelle"),
        "{t:#?}"
    );

    let rendu = extrait(&s, edition()).unwrap();
    let Some(pdf) = texte_pdf(&rendu.octets) else {
        return;
    };
    for attendu in [
        "Le coût pour la Commune est de 45 € TTC par école et par an, selon la convention précédente.",
        "Les écoles concernées sont : • l'école maternelle • l'école élémentaire Jean Moulin Il est donc proposé",
    ] {
        assert!(pdf.contains(attendu), "{attendu}: {pdf}");
    }
    // The four faces are embedded as subsets.
    if let Some(polices) = poppler("pdffonts", &rendu.octets, &[]) {
        for face in [
            "+LiberationSerif ",
            "+LiberationSerif-Bold ",
            "+LiberationSerif-Italic ",
        ] {
            assert!(polices.contains(face), "{face}: {polices}");
        }
    }
}

#[test]
fn les_visas_sont_imprimes_un_par_ligne_avant_l_expose() {
    let s = source_mise_en_forme();
    let t = texte(&documents::extrait(&s).unwrap());
    let rapporteure = position(&t, "RAPPORTEURE : Karine CAROLA");
    let cgct = position(
        &t,
        "Vu le code général des collectivités territoriales, notamment son article L2121-29 ;",
    );
    let education = position(&t, "Vu le code de l'éducation ;");
    let expose = t
        .iter()
        .position(|l| l.starts_with("Le coût pour la Commune"))
        .unwrap();
    assert!(
        rapporteure < cgct && cgct + 1 == education && education < expose,
        "{t:#?}"
    );

    let Some(pdf) = texte_pdf(&extrait(&s, edition()).unwrap().octets) else {
        return;
    };
    let cgct = pdf.find("Vu le code général").expect("visa printed");
    let education = pdf
        .find("Vu le code de l'éducation ;")
        .expect("visa printed");
    let expose = pdf.find("Le coût pour la Commune").unwrap();
    assert!(cgct < education && education < expose, "{pdf}");
}

#[test]
fn une_deliberation_qui_en_corrige_une_autre_le_dit_sous_son_titre() {
    let mut s = source_demo();
    let t = texte(&documents::extrait(&s).unwrap());
    assert!(
        !t.iter().any(|l| l.contains("de la délibération n°")),
        "{t:#?}"
    );
    let numero = NumeroDeliberation::new("2024/041").unwrap();
    for (genre, attendu) in [
        (
            GenreCorrection::Rectificative,
            "Délibération rectificative de la délibération n° 2024/041",
        ),
        (
            GenreCorrection::Retrait,
            "Retrait de la délibération n° 2024/041",
        ),
    ] {
        s.deliberation.corrige = Some(Correction {
            numero: numero.clone(),
            genre,
        });
        let t = texte(&documents::extrait(&s).unwrap());
        let titre = position(&t, &s.deliberation.objet);
        assert_eq!(position(&t, attendu), titre + 1, "{t:#?}");
        if let Some(pdf) = texte_pdf(&extrait(&s, edition()).unwrap().octets) {
            assert!(pdf.contains(attendu), "{pdf}");
        }
    }
}

#[test]
fn transmission_et_publication_completent_le_pied_de_l_extrait() {
    let mut s = source_demo();
    let t = texte(&documents::extrait(&s).unwrap());
    for vide in ["Transmis en Préfecture le :", "Affiché le :", "Publié le :"] {
        assert!(contient(&t, vide), "{vide}: {t:#?}");
    }
    assert!(!t.iter().any(|l| l.contains("ACTES")), "{t:#?}");

    let jour = |j| NaiveDate::from_ymd_opt(2024, 5, j).unwrap();
    s.deliberation.transmission = Some(Transmission {
        date: jour(20),
        identifiant_actes: Some("066-216601441-20240520-2024_052-DE".into()),
        date_accuse: None,
    });
    s.deliberation.publication = Some(Publication {
        date: jour(22),
        mode: ModePublication::Electronique,
        url: None,
    });
    let t = texte(&documents::extrait(&s).unwrap());
    for attendu in [
        "Transmis en Préfecture le : 20/05/2024",
        "Identifiant ACTES : 066-216601441-20240520-2024_052-DE",
        "Affiché le :",
        "Publié le : 22/05/2024",
    ] {
        assert!(contient(&t, attendu), "{attendu}: {t:#?}");
    }
    let rendu = extrait(&s, edition()).unwrap();
    if let Some(pdf) = texte_pdf(&rendu.octets) {
        for attendu in [
            "Transmis en Préfecture le : 20/05/2024",
            "066-216601441-20240520-2024_052-DE",
            "Publié le : 22/05/2024",
        ] {
            assert!(pdf.contains(attendu), "{attendu}: {pdf}");
        }
    }

    // Displayed, with the préfecture's acknowledgment and no identifier.
    s.deliberation.transmission = Some(Transmission {
        date: jour(20),
        identifiant_actes: None,
        date_accuse: Some(jour(21)),
    });
    s.deliberation.publication = Some(Publication {
        date: jour(23),
        mode: ModePublication::Affichage,
        url: None,
    });
    let t = texte(&documents::extrait(&s).unwrap());
    for attendu in [
        "Transmis en Préfecture le : 20/05/2024 (accusé de réception du 21/05/2024)",
        "Affiché le : 23/05/2024",
        "Publié le :",
    ] {
        assert!(contient(&t, attendu), "{attendu}: {t:#?}");
    }
    assert!(!t.iter().any(|l| l.contains("ACTES")), "{t:#?}");
}

/// `REGISTRE_PDF_APERCU=/tmp/exemple.pdf cargo test -p registre-core apercu_de_l_extrait -- --ignored`
/// writes the demo extract with visas, emphasis, a list, a correction and
/// the transmission filled in, to look at it.
#[test]
#[ignore]
fn apercu_de_l_extrait_mis_en_forme() {
    let chemin = std::env::var("REGISTRE_PDF_APERCU").unwrap_or("/tmp/exemple.pdf".into());
    let mut s = source_mise_en_forme();
    s.deliberation.corrige = Some(Correction {
        numero: NumeroDeliberation::new("2024/041").unwrap(),
        genre: GenreCorrection::Rectificative,
    });
    s.deliberation.transmission = Some(Transmission {
        date: NaiveDate::from_ymd_opt(2024, 5, 20).unwrap(),
        identifiant_actes: Some("066-216601441-20240520-2024_052-DE".into()),
        date_accuse: Some(NaiveDate::from_ymd_opt(2024, 5, 21).unwrap()),
    });
    let rendu = dossier(&s, edition()).unwrap();
    std::fs::write(&chemin, &rendu.octets).unwrap();
    eprintln!(
        "{chemin}: {} pages, {} octets",
        rendu.pages,
        rendu.octets.len()
    );
}
