//! `registre pdf`: the extract, the convention, the dossier, and a séance's
//! list of deliberations and convocation, checked with
//! the tools a clerk's recipients use (poppler's pdftotext/pdffonts/pdfinfo,
//! qpdf) against the reference extract of deliberation 2024/052.

use std::path::{Path, PathBuf};
use std::process::Command;

use registre_core::domaine::Bloc;

use crate::aide::{base_demo, registre, reussit};

/// Size the reference dossier (extract + convention) must stay under.
const TAILLE_MAX_DOSSIER: usize = 85_000;

fn outil(nom: &str, args: &[&str]) -> (i32, String) {
    let sortie = Command::new(nom)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{nom} is needed (scripts/installer-dependances.sh): {e}"));
    (
        sortie.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&sortie.stdout).into_owned(),
    )
}

fn rendre(db: &Path, document: &str, cible: &str) -> PathBuf {
    let fichier = db.join(format!("{document}.pdf"));
    reussit(
        db,
        &["pdf", document, cible, "-o", fichier.to_str().unwrap()],
    );
    fichier
}

/// The text of the PDF, footers and PROJET marks removed, whitespace
/// collapsed, so sentences broken across lines read whole.
fn texte(pdf: &Path) -> String {
    let (code, brut) = outil("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert_eq!(code, 0, "pdftotext failed");
    brut.lines()
        .map(|l| l.trim_matches('\u{c}').trim())
        .filter(|l| *l != "PROJET" && !l.contains(" — Page "))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn pages(pdf: &Path) -> usize {
    let (_, info) = outil("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the page count")
}

const LIGNES_DE_L_EXTRAIT: &[&str] = &[
    "COMMUNE DE PEZILLA-LA-RIVIERE",
    "EXTRAIT DU REGISTRE DES DELIBERATIONS",
    "DU CONSEIL MUNICIPAL",
    "Délibération N° 2024/052",
    "Membres en exercice : 27",
    "Membres présents : 22",
    "Membres absents : 5",
    "Dont membres représentés : 1",
    "L'an deux mille vingt-quatre, le quinze mai à 18 h, les membres du conseil municipal de la commune de Pézilla-la-Rivière se sont réunis, en mairie sous la présidence de Monsieur Jean-Paul BILLES, Maire.",
    "Sont présents : Jean-Paul BILLES, Nathalie PIQUE, Guy PALOFFIS, Jeanine VIDAL, Blaise FONS, Jean TELASCO, Catherine MIFFRE, Françoise CAMPREDON, Joël PACULL, Pascale PUY, Laurent FOURMOND, Liliane HOSTALLIER-SARDA, Corinne MCKENZIE, Laurence BARBERA, Yannick COSTA, Pascal-Henri BASSET, Carine DEVOYON, Karine CAROLA, Jean-Pascal GARDELLE, Xavier ROCA, Léocadie MENDEZ, Christian FALZON.",
    "Absents excusés ayant donné pouvoir : Yves ESCAPE (Pouvoir à Guy PALOFFIS)",
    "Absents excusés : Marc BILLES, Nicolas OLIVE, Chrystelle CARLOS, Evelyne SARRAZIN",
    "Secrétaire de séance : Laurence BARBERA.",
    "Date de la convocation : 07/05/2024",
    "CONVENTION DE PARTENARIAT ACADEMIE DE MONTPELLIER/COMMUNE MISE A DISPOSITION D'UN ENT (ENVIRONNEMENT NUMERIQUE DE TRAVAIL) 2024/2025",
    "RAPPORTEURE : Karine CAROLA",
    "Mme CAROLA fait part du projet de convention de partenariat à signer entre l'Académie de Montpellier et la Commune en vue de la mise à disposition d'un environnement numérique de travail pour les écoliers. Elle précise qu'une convention était déjà existante concernant ce partenariat et que le coût pour la Commune est de 45 € TTC/école/an.",
    "Il est donc proposé à l'assemblée de délibérer sur l'approbation de cette convention.",
    "Le conseil municipal, après en avoir délibéré, à l'unanimité des membres présents et représentés,",
    "► APPROUVE la convention de partenariat ci-annexée avec l'académie de Montpellier pour la mise à disposition d'un ENT (Environnement Numérique de Travail) pour l'année scolaire 2023-2024 ;",
    "► AUTORISE M. le Maire à signer la convention précitée ainsi que tout acte utile en la matière.",
    "Ainsi fait et délibéré les jour, mois et an susdits.",
    "Pour extrait conforme au registre des délibérations,",
    "LE MAIRE,",
    "LA SECRÉTAIRE DE SÉANCE,",
    "Jean-Paul BILLES",
    "Transmis en Préfecture le :",
    "Affiché le :",
    "Publié le :",
    "La présente délibération peut faire l'objet d'un recours pour excès de pouvoir devant le Tribunal Administratif de Montpellier – Espace Pitot – 6 Rue Pitot – 34 063 Montpellier cedex 02 dans un délai de deux mois à compter de la réception par le représentant de l'Etat et de sa publication. Le tribunal administratif peut être saisi par l'application informatique \"Télérecours citoyens\" accessible par le site Internet www.telerecours.fr. Elle peut également faire l'objet, dans le même délai, d'un recours gracieux ou hiérarchique.",
];

/// Every line of the convention, from the demo data (as the reference prints it).
fn lignes_de_la_convention() -> Vec<String> {
    let donnees = registre_core::demo::donnees();
    let c = &donnees.conventions[0];
    let mut lignes = vec![
        "RÉGION ACADÉMIQUE OCCITANIE".to_owned(),
        "le 30 avril 2024".to_owned(),
        c.titre.clone(),
        "Entre : LA RÉGION ACADÉMIQUE OCCITANIE 31, rue de l'Université 34 064 - MONTPELLIER Cedex 2".to_owned(),
        "Représentée par Sophie BÉJEAN, en sa qualité de Rectrice de la région académique Occitanie, Rectrice de l'académie de Montpellier, Chancelière des universités.".to_owned(),
        "Ci-après dénommée « Région académique »".to_owned(),
        "Et : COMMUNE DE PEZILLA-LA-RIVIERE SIRET : 21660140100120 31 AVENUE DU CANIGOUE, 66370 PEZILLA-LA-RIVIERE".to_owned(),
        "Représentée par Jean-Paul BILLES, en sa qualité de MAIRE".to_owned(),
        "Ci-après dénommée « collectivité »".to_owned(),
        "Il est convenu ce qui suit :".to_owned(),
        "Préambule :".to_owned(),
        "A Montpellier, le 30/04/2024".to_owned(),
    ];
    lignes.extend(c.notes.iter().cloned());
    let blocs = |contenu: &[Bloc], lignes: &mut Vec<String>| {
        for b in contenu {
            match b {
                Bloc::Paragraphe { texte } => lignes.push(texte.clone()),
                Bloc::Liste { elements } => {
                    lignes.extend(elements.iter().map(|e| format!("- {e}")))
                }
            }
        }
    };
    blocs(&c.preambule, &mut lignes);
    for a in &c.articles {
        lignes.push(format!("Article {} – {} :", a.numero, a.titre));
        blocs(&a.contenu, &mut lignes);
        for s in &a.sous_articles {
            lignes.push(format!("Article {} {}", s.numero, s.titre));
            blocs(&s.contenu, &mut lignes);
        }
    }
    lignes
}

fn manquantes<'a>(texte: &str, lignes: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    lignes.into_iter().filter(|l| !texte.contains(l)).collect()
}

#[test]
fn pdf_dossier_rend_chaque_ligne_de_l_extrait_de_reference_et_de_la_convention() {
    let db = base_demo();
    let pdf = rendre(db.path(), "dossier", "2024/052");
    let t = texte(&pdf);
    let absentes = manquantes(&t, LIGNES_DE_L_EXTRAIT.iter().copied());
    assert!(
        absentes.is_empty(),
        "missing from the extract: {absentes:#?}\n\n{t}"
    );
    let convention = lignes_de_la_convention();
    let absentes = manquantes(&t, convention.iter().map(String::as_str));
    assert!(
        absentes.is_empty(),
        "missing from the convention: {absentes:#?}\n\n{t}"
    );
    for signe in ['é', 'è', 'à', 'ç', 'œ', '«', '»', '€', '►', 'É', '–'] {
        assert!(t.contains(signe), "{signe} lost by pdftotext");
    }
}

#[test]
fn pdf_dossier_n_embarque_que_des_sous_ensembles_de_liberation_serif() {
    let db = base_demo();
    let pdf = rendre(db.path(), "dossier", "2024/052");
    let (code, liste) = outil("pdffonts", &[pdf.to_str().unwrap()]);
    assert_eq!(code, 0);
    let polices: Vec<&str> = liste.lines().skip(2).collect();
    assert_eq!(polices.len(), 4, "{liste}");
    for ligne in polices {
        let colonnes: Vec<&str> = ligne.split_whitespace().collect();
        assert!(
            colonnes[0].contains("+LiberationSerif"),
            "font named as a subset of Liberation Serif: {ligne}"
        );
        // name, type (2 words), encoding, emb, sub, uni, object, generation
        let n = colonnes.len();
        assert_eq!(&colonnes[n - 5..n - 2], ["yes", "yes", "yes"], "{ligne}");
    }
}

#[test]
fn pdf_dossier_passe_qpdf_check_et_reste_sous_la_taille_cible() {
    let db = base_demo();
    let pdf = rendre(db.path(), "dossier", "2024/052");
    let (code, sortie) = outil("qpdf", &["--check", pdf.to_str().unwrap()]);
    assert_eq!(code, 0, "qpdf --check: {sortie}");
    let taille = std::fs::metadata(&pdf).unwrap().len() as usize;
    assert!(taille < TAILLE_MAX_DOSSIER, "{taille} bytes");
    assert!(!db.path().join("dossier.pdf.part").exists());
}

#[test]
fn pdf_porte_les_metadonnees_de_la_commune_avec_leurs_accents() {
    let db = base_demo();
    let pdf = rendre(db.path(), "extrait", "2024/052");
    let (_, info) = outil("pdfinfo", &[pdf.to_str().unwrap()]);
    let champ = |nom: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(&format!("{nom}:")))
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    assert!(
        champ("Title").starts_with("Délibération n° 2024/052 — CONVENTION DE PARTENARIAT"),
        "{info}"
    );
    assert_eq!(champ("Author"), "Commune de Pézilla-la-Rivière");
    assert!(champ("Subject").contains("séance du 15/05/2024"), "{info}");
    assert!(!champ("CreationDate").is_empty(), "{info}");
}

#[test]
fn pdf_marque_projet_chaque_page_tant_que_le_maire_n_a_pas_valide() {
    let db = base_demo();
    let pdf = rendre(db.path(), "dossier", "2024/052");
    let (_, brut) = outil("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let n = pages(&pdf);
    assert!(n >= 2);
    assert_eq!(brut.lines().filter(|l| l.trim() == "PROJET").count(), n);
    for p in 1..=n {
        assert!(
            brut.contains(&format!("Délibération n° 2024/052 — Page {p} / {n}")),
            "footer of page {p}"
        );
    }
}

#[test]
fn pdf_sans_marque_projet_une_fois_bon_pour_signature() {
    let dir = tempfile::tempdir().unwrap();
    let json = registre_core::demo::JSON.replace("\"soumis_au_maire\"", "\"bon_pour_signature\"");
    let fichier = dir.path().join("bon.json");
    std::fs::write(&fichier, json).unwrap();
    let db = dir.path().join("db");
    reussit(&db, &["import", fichier.to_str().unwrap()]);
    let pdf = rendre(&db, "dossier", "2024/052");
    let (_, brut) = outil("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(!brut.contains("PROJET"), "{brut}");
}

#[test]
fn pdf_extrait_et_convention_se_rendent_separement() {
    let db = base_demo();
    let extrait = texte(&rendre(db.path(), "extrait", "2024/052"));
    assert!(extrait.contains("RAPPORTEURE : Karine CAROLA"));
    assert!(!extrait.contains("Il est convenu ce qui suit"));
    let pdf = rendre(db.path(), "convention", "ent-ecole-2024-2025");
    let convention = texte(&pdf);
    assert!(convention.contains("Il est convenu ce qui suit :"));
    assert!(!convention.contains("RAPPORTEURE"));
    let (_, brut) = outil("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(
        brut.contains("Délibération n° 2024/052 — Page 1 / "),
        "{brut}"
    );
}

#[test]
fn pdf_d_une_deliberation_inconnue_echoue_en_francais_sans_rien_ecrire() {
    let db = base_demo();
    let fichier = db.path().join("absent.pdf");
    let s = registre(
        db.path(),
        &[
            "pdf",
            "extrait",
            "2099/001",
            "-o",
            fichier.to_str().unwrap(),
        ],
    );
    assert_ne!(s.code, 0);
    assert!(s.stderr.contains("n'existe pas"), "{}", s.stderr);
    assert!(!fichier.exists());
    let s = registre(
        db.path(),
        &[
            "pdf",
            "convention",
            "inconnue",
            "-o",
            fichier.to_str().unwrap(),
        ],
    );
    assert_ne!(s.code, 0);
    assert!(
        s.stderr.contains("La convention « inconnue » n'existe pas"),
        "{}",
        s.stderr
    );
    assert!(!fichier.exists());
}

/// The footer of every page, with pdftotext's own line for it.
fn pieds(pdf: &Path) -> Vec<String> {
    let (_, brut) = outil("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    brut.lines()
        .map(|l| l.trim_matches('\u{c}').trim().to_owned())
        .filter(|l| l.contains(" — Page "))
        .collect()
}

fn polices_embarquees(pdf: &Path) {
    let (code, liste) = outil("pdffonts", &[pdf.to_str().unwrap()]);
    assert_eq!(code, 0);
    let polices: Vec<&str> = liste.lines().skip(2).collect();
    assert!(!polices.is_empty(), "{liste}");
    for ligne in polices {
        let colonnes: Vec<&str> = ligne.split_whitespace().collect();
        let n = colonnes.len();
        assert_eq!(&colonnes[n - 5..n - 2], ["yes", "yes", "yes"], "{ligne}");
    }
}

fn qpdf_accepte(pdf: &Path) {
    let (code, sortie) = outil("qpdf", &["--check", pdf.to_str().unwrap()]);
    assert_eq!(code, 0, "qpdf --check: {sortie}");
}

#[test]
fn pdf_liste_des_deliberations_de_la_seance_de_demo() {
    let db = base_demo();
    let pdf = rendre(db.path(), "liste", "2024-05-15");
    let t = texte(&pdf);
    let absentes = manquantes(
        &t,
        [
            "COMMUNE DE PEZILLA-LA-RIVIERE",
            "LISTE DES DÉLIBÉRATIONS",
            "Séance du conseil municipal du 15 mai 2024",
            "2024/052",
            "CONVENTION DE PARTENARIAT ACADEMIE DE",
            "Adoptée à l'unanimité",
            "Affichée le :",
            "Mise en ligne le :",
        ],
    );
    assert!(absentes.is_empty(), "missing: {absentes:#?}\n\n{t}");
    assert!(!t.contains("PROJET"), "{t}");
    assert_eq!(pieds(&pdf), ["Séance du 15/05/2024 — Page 1 / 1"]);
    polices_embarquees(&pdf);
    qpdf_accepte(&pdf);
}

#[test]
fn pdf_convocation_a_la_seance_de_demo() {
    let db = base_demo();
    let pdf = rendre(db.path(), "convocation", "2024-05-15");
    let t = texte(&pdf);
    let absentes = manquantes(
        &t,
        [
            "COMMUNE DE PEZILLA-LA-RIVIERE",
            "CONVOCATION DU CONSEIL MUNICIPAL",
            "Pézilla-la-Rivière, le 7 mai 2024",
            "Madame, Monsieur le conseiller municipal,",
            "J'ai l'honneur de vous convier à la séance du conseil municipal qui se tiendra le mercredi 15 mai 2024 à 18 h, en mairie.",
            "Ordre du jour : 1. CONVENTION DE PARTENARIAT ACADEMIE DE",
            // The demo commune has 3,700 inhabitants (L2121-12).
            "Une note explicative de synthèse sur les affaires soumises à délibération est jointe à la présente convocation (article L2121-12 du CGCT).",
            "Le Maire,",
            "Jean-Paul BILLES",
        ],
    );
    assert!(absentes.is_empty(), "missing: {absentes:#?}\n\n{t}");
    assert!(!t.contains("PROJET"), "{t}");
    assert_eq!(pieds(&pdf), ["Séance du 15/05/2024 — Page 1 / 1"]);
    polices_embarquees(&pdf);
    qpdf_accepte(&pdf);
}

#[test]
fn pdf_d_une_seance_inconnue_echoue_en_francais_sans_rien_ecrire() {
    let db = base_demo();
    let fichier = db.path().join("absent.pdf");
    for document in ["liste", "convocation"] {
        let s = registre(
            db.path(),
            &[
                "pdf",
                document,
                "2099-01-01",
                "-o",
                fichier.to_str().unwrap(),
            ],
        );
        assert_ne!(s.code, 0);
        assert!(
            s.stderr
                .contains("La séance « 2099-01-01 » n'existe pas dans le registre."),
            "{}",
            s.stderr
        );
        assert!(!fichier.exists());
    }
}
