//! `registre pdf pv`, `registre pdf registre` and `registre echeancier` on
//! the demo commune extended with a generated year (ten séances of 2024),
//! read back with poppler's pdftotext; and the register's benchmark.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use registre_core::Echange;

use crate::aide::reussit;
use crate::generateur::{self, DATES_DES_SEANCES, NUMERO_SCRUTIN_PUBLIC};

/// A database holding the demo commune and a generated year of `total`
/// deliberations, imported through the interchange format.
fn base_annee(total: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fichier = dir.path().join("annee-2024.json");
    std::fs::write(
        &fichier,
        Echange::nouveau(generateur::annee(total)).en_json(),
    )
    .unwrap();
    let db = dir.path().join("db");
    reussit(&db, &["import", fichier.to_str().unwrap()]);
    dir
}

fn db(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("db")
}

fn pdftotext(pdf: &Path, args: &[&str]) -> String {
    let sortie = Command::new("pdftotext")
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext is needed (scripts/installer-dependances.sh)");
    assert!(sortie.status.success(), "pdftotext failed");
    String::from_utf8(sortie.stdout).expect("pdftotext gives UTF-8")
}

/// The text of each page (pdftotext separates them with a form feed).
fn pages(pdf: &Path) -> Vec<String> {
    let mut p: Vec<String> = pdftotext(pdf, &[])
        .split('\u{c}')
        .map(str::to_owned)
        .collect();
    if p.last().is_some_and(|d| d.trim().is_empty()) {
        p.pop();
    }
    p
}

fn aplatir(texte: &str) -> String {
    texte.split_whitespace().collect::<Vec<_>>().join(" ")
}

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

/// "2024-05-15" → "15 mai 2024" (the day as the register prints it).
fn date_longue(iso: &str) -> String {
    let d: chrono::NaiveDate = iso.parse().unwrap();
    use chrono::Datelike;
    let jour = if d.day() == 1 {
        "1er".to_owned()
    } else {
        d.day().to_string()
    };
    format!("{jour} {} {}", MOIS[d.month0() as usize], d.year())
}

/// Copies a rendered file into `$REGISTRE_APERCU`, when set, to look at it.
fn garder_pour_apercu(pdf: &Path) {
    if let Some(dossier) = std::env::var_os("REGISTRE_APERCU") {
        std::fs::copy(pdf, Path::new(&dossier).join(pdf.file_name().unwrap())).unwrap();
    }
}

/// The number after "Feuillet n° " in a page's text.
fn feuillet(page: &str) -> Option<usize> {
    let (_, reste) = page.split_once("Feuillet n° ")?;
    reste
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

#[test]
fn registre_annuel_en_feuillets_numerotes_avec_clotures_et_tables() {
    let dir = base_annee(171);
    let pdf = dir.path().join("registre-2024.pdf");
    let sortie = reussit(
        &db(&dir),
        &["pdf", "registre", "2024", "-o", pdf.to_str().unwrap()],
    );
    let _ = sortie;
    garder_pour_apercu(&pdf);
    let pages = pages(&pdf);
    assert!(pages.len() > 171, "{} pages", pages.len());

    // The cover states the number of leaves: every page but itself.
    let couverture = aplatir(&pages[0]);
    let total = pages.len() - 1;
    assert!(
        couverture.contains(&format!(
            "Le présent registre comprend {total} feuillets, numérotés de 1 à {total}."
        )),
        "{couverture}"
    );
    assert!(
        couverture.contains("Coté et paraphé par nous, Maire de la commune de Pézilla-la-Rivière")
    );
    assert!(couverture
        .contains("10 séance(s), 171 délibération(s), numérotées du n° 2024/001 au n° 2024/171"));
    assert_eq!(feuillet(&pages[0]), None, "the cover is no leaf");

    // Leaves numbered 1..N without a gap, each with the commune's name and
    // the date of its séance (or the tables' title).
    let dates: Vec<String> = DATES_DES_SEANCES.iter().map(|d| date_longue(d)).collect();
    let mut premiere_page_de = BTreeMap::new();
    for (i, page) in pages.iter().enumerate().skip(1) {
        assert_eq!(feuillet(page), Some(i), "page {}: {page}", i + 1);
        assert!(page.contains("Commune de Pézilla-la-Rivière"), "leaf {i}");
        let entete = dates
            .iter()
            .find(|d| page.contains(&format!("Séance du {d}")))
            .cloned()
            .or_else(|| {
                page.contains("Tables de l'année 2024")
                    .then(|| "tables".to_owned())
            });
        let entete = entete.unwrap_or_else(|| panic!("leaf {i} has no séance date: {page}"));
        // A deliberation's leaf bears the date of its own séance.
        let plat = aplatir(page);
        if let Some((_, reste)) = plat.split_once("affaire de la séance du ") {
            assert!(reste.starts_with(&entete), "leaf {i}: {entete} / {reste}");
        }
        if let Some((_, reste)) = plat.split_once("Délibération n° ") {
            if plat.contains("affaire de la séance du") {
                premiere_page_de.insert(reste[..8].to_owned(), i);
            }
        }
    }
    // Every deliberation has its leaves, with its order in the séance.
    assert_eq!(premiere_page_de.len(), 171);
    let tout = aplatir(&pages.join("\n"));
    assert!(tout.contains("Délibération n° 2024/001 1re affaire de la séance du 25 janvier 2024"));
    assert!(tout.contains("Délibération n° 2024/053 2e affaire de la séance du 15 mai 2024"));
    assert!(tout.contains("Ainsi fait et délibéré les jour, mois et an susdits."));

    // One closing leaf per séance, recalling the numbers, the members
    // present and the signatures.
    let clotures: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].contains("CLÔTURE DE LA SÉANCE DU"))
        .collect();
    assert_eq!(clotures.len(), 10);
    for &i in &clotures {
        assert!(
            pages[i].contains("LE MAIRE,"),
            "the signatures share the closing leaf: {}",
            pages[i]
        );
    }
    let mai = aplatir(
        &pages[*clotures
            .iter()
            .find(|&&i| pages[i].contains("CLÔTURE DE LA SÉANCE DU 15 MAI 2024"))
            .unwrap()],
    );
    assert!(
        mai.contains("numérotées du n° 2024/052 au n° 2024/071"),
        "{mai}"
    );
    assert!(mai.contains("Membres présents : Jean-Paul BILLES"), "{mai}");
    assert!(
        mai.contains("LE MAIRE,") && mai.contains("LA SECRÉTAIRE DE SÉANCE,"),
        "{mai}"
    );
    for n in 52..=71 {
        assert!(mai.contains(&format!("2024/{n:03}")), "{mai}");
    }
    assert!(mai.contains("1re") && mai.contains("20e"), "{mai}");

    // The tables: by date, every number in order with its leaf; by objet,
    // in alphabetical order.
    let debut_tables = pages
        .iter()
        .position(|p| p.contains("TABLE CHRONOLOGIQUE DES DÉLIBÉRATIONS"))
        .expect("a table by date");
    let debut_objets = pages
        .iter()
        .position(|p| p.contains("TABLE ALPHABÉTIQUE PAR OBJET"))
        .expect("a table by objet");
    assert!(debut_tables < debut_objets);
    let brut = pdftotext(&pdf, &["-raw", "-f", &(debut_tables + 1).to_string()]);
    let (chrono, par_objet) = brut
        .split_once("TABLE ALPHABÉTIQUE PAR OBJET")
        .expect("both tables");
    let numeros = |t: &str| -> Vec<String> {
        t.split_whitespace()
            .filter(|m| m.len() == 8 && m.starts_with("2024/"))
            .map(str::to_owned)
            .collect()
    };
    let attendus: Vec<String> = (1..=171).map(|n| format!("2024/{n:03}")).collect();
    assert_eq!(numeros(chrono), attendus, "table by date");
    // Each row gives the leaf where the deliberation starts: a row opens
    // with the séance's date and ends with the leaf number (the objet may
    // wrap in between).
    let mut rangees: Vec<String> = Vec::new();
    for ligne in chrono.lines() {
        let date = ligne.len() > 10 && ligne.as_bytes()[2] == b'/' && ligne[6..10] == *"2024";
        match rangees.last_mut() {
            Some(r) if !date => {
                r.push(' ');
                r.push_str(ligne);
            }
            _ if date => rangees.push(ligne.to_owned()),
            _ => {}
        }
    }
    for (numero, page) in &premiere_page_de {
        let rangee = rangees
            .iter()
            .find(|r| r.split_whitespace().nth(1) == Some(numero.as_str()))
            .unwrap_or_else(|| panic!("{numero} in the table by date"));
        let dernier = rangee
            .split("Registre des délibérations")
            .next()
            .unwrap()
            .split_whitespace()
            .last()
            .unwrap();
        assert_eq!(dernier, page.to_string(), "{numero}: {rangee}");
    }
    let donnees = generateur::annee(171);
    let mut par_cle: Vec<(String, String)> = donnees
        .deliberations
        .iter()
        .map(|d| {
            (
                registre_core::pdf::majuscules_sans_accents(d.objet.trim()),
                d.numero.to_string(),
            )
        })
        .collect();
    par_cle.sort();
    let ordre: Vec<String> = par_cle.into_iter().map(|(_, n)| n).collect();
    assert_eq!(numeros(par_objet), ordre, "table by objet");
    assert!(par_objet.contains("Acquisition amiable"));
    // "Éclairage" files under E, "Œuvres" under OE, accents kept in print.
    let e = par_objet.find("Éclairage public").unwrap();
    let o = par_objet.find("Œuvres d'art").unwrap();
    let m = par_objet.find("Motion de soutien").unwrap();
    assert!(e < m && m < o, "E < M < OE");
}

#[test]
fn pv_de_la_seance_avec_scrutin_public_et_discussions_a_completer() {
    let dir = base_annee(171);
    let pdf = dir.path().join("pv.pdf");
    reussit(
        &db(&dir),
        &["pdf", "pv", "2024-05-15", "-o", pdf.to_str().unwrap()],
    );
    garder_pour_apercu(&pdf);
    let texte = aplatir(&pdftotext(&pdf, &[]));
    for attendu in [
        "PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL",
        "du mercredi 15 mai 2024",
        "L'an deux mille vingt-quatre, le quinze mai à 18 h",
        "sous la présidence de Monsieur Jean-Paul BILLES, Maire.",
        "Membres en exercice : 27",
        "Absents excusés ayant donné pouvoir : Yves ESCAPE (pouvoir à Guy PALOFFIS)",
        "le quorum est de 14",
        "le quorum est atteint.",
        "Secrétaire de séance : Laurence BARBERA, désignée par le conseil municipal",
        "ORDRE DU JOUR",
        "1. Délibération n° 2024/052 — 1re affaire de la séance",
        "2. Délibération n° 2024/053 — 2e affaire de la séance",
        "RAPPORTEURE : Karine CAROLA",
        "Scrutin public, à la demande du quart des membres présents (article L2121-21 du CGCT).",
        "par 21 voix pour, 1 voix contre et 1 abstention",
        "Ont voté contre : Léocadie MENDEZ (1)",
        "Se sont abstenus : Christian FALZON (1)",
        "Teneur des discussions :",
        "Procès-verbal arrêté au commencement de la séance du",
        "LE MAIRE,",
        "LA SECRÉTAIRE DE SÉANCE,",
    ] {
        assert!(texte.contains(attendu), "{attendu} missing from the PV");
    }
    // Items in number order, 052 to 071.
    let p52 = texte.find("Délibération n° 2024/052 —").unwrap();
    let p71 = texte.find("Délibération n° 2024/071 —").unwrap();
    assert!(p52 < p71);
    assert_eq!(texte.matches("Teneur des discussions :").count(), 20);
    let _ = NUMERO_SCRUTIN_PUBLIC;
}

#[test]
fn echeancier_de_l_annee_avec_un_aujourd_hui_fixe() {
    let dir = base_annee(171);
    let json = reussit(&db(&dir), &["echeancier", "--au", "2025-01-10", "--json"]);
    let e: serde_json::Value = serde_json::from_str(&json).unwrap();
    let obligations = e["obligations"].as_array().unwrap();
    let etat = |o: &serde_json::Value| o["etat"].as_str().unwrap().to_owned();
    // Overdue first.
    let etats: Vec<String> = obligations.iter().map(etat).collect();
    let premier_non_retard = etats.iter().position(|e| e != "en_retard").unwrap();
    assert!(etats[premier_non_retard..].iter().all(|e| e != "en_retard"));
    let en_retard = |libelle: &str, seance: &str| {
        obligations.iter().any(|o| {
            o["etat"] == "en_retard"
                && o["libelle"].as_str().unwrap().starts_with(libelle)
                && o["seance"].as_str() == Some(seance)
        })
    };
    // The last séance (19 December) is signed but neither transmitted nor
    // published: its acts are overdue on 10 January (15-day reminder).
    assert!(en_retard(
        "Délibération n° 2024/171 transmise",
        "2024-12-19"
    ));
    assert!(en_retard("Délibération n° 2024/171 publiée", "2024-12-19"));
    // Transmitted in November but not published.
    assert!(en_retard("Délibération n° 2024/150 publiée", "2024-11-14"));
    let fait = |libelle: &str| {
        obligations
            .iter()
            .find(|o| o["libelle"].as_str().unwrap().starts_with(libelle))
            .map(|o| (etat(o), o["faite_le"].clone()))
            .unwrap()
    };
    assert_eq!(
        fait("Délibération n° 2024/150 transmise"),
        ("faite".to_owned(), serde_json::json!("2024-11-19"))
    );
    // The binding of 2024 was due on 31 December.
    let reliure = obligations
        .iter()
        .find(|o| o["article"] == "R2121-9")
        .unwrap();
    assert_eq!(reliure["etat"], "en_retard");
    assert_eq!(reliure["jours_de_retard"], 10);
    // The PV of the last séance waits for the next one: not overdue.
    let pv = obligations
        .iter()
        .find(|o| {
            o["seance"] == "2024-12-19"
                && o["libelle"]
                    .as_str()
                    .unwrap()
                    .starts_with("Procès-verbal arrêté")
        })
        .unwrap();
    assert_eq!(pv["etat"], "a_faire");
    assert_eq!(pv["echeance_affichee"], "à la prochaine séance");

    // One séance, as text: overdue first, in French.
    let texte = reussit(
        &db(&dir),
        &["echeancier", "2024-12-19", "--au", "2024-12-23"],
    );
    let lignes: Vec<&str> = texte.lines().collect();
    assert_eq!(lignes[0], "Échéancier au 23/12/2024 :");
    assert!(lignes[1].starts_with("À faire"), "{texte}");
    assert!(
        texte.contains("Liste des délibérations affichée en mairie et mise en ligne (L2121-25)"),
        "{texte}"
    );
    assert!(!texte.contains("En retard"), "{texte}");
    let texte = reussit(
        &db(&dir),
        &["echeancier", "2024-12-19", "--au", "2024-12-27"],
    );
    assert!(
        texte.lines().nth(1).unwrap().starts_with("En retard (1 j)"),
        "{texte}"
    );
}

/// VmHWM of this process, in kB.
fn pic_memoire_ko() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.split_whitespace().next()?.parse().ok())
        })
        .unwrap_or(0)
}

/// CPU time of this thread, in ns (`/proc/thread-self/schedstat`): on a
/// shared machine it varies much less than the wall-clock time.
fn temps_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Renders the register of a generated year in this process and prints
/// pages, bytes, time (wall clock and CPU) and peak memory as one line.
fn mesurer_en_processus(total: usize) {
    let r = generateur::annee(total);
    let source = registre_core::pdf::SourceRegistre {
        commune: r.commune.clone().unwrap(),
        annee: 2024,
        elus: r.elus.clone(),
        seances: r
            .seances
            .iter()
            .map(|s| registre_core::pdf::SeanceDuRegistre {
                seance: s.clone(),
                deliberations: r
                    .deliberations
                    .iter()
                    .filter(|d| d.seance == s.id)
                    .cloned()
                    .collect(),
            })
            .collect(),
        decisions: Vec::new(),
    };
    drop(r);
    let avant = pic_memoire_ko();
    let edition = crate::aide::maintenant();
    let cpu = temps_cpu_ns();
    let debut = std::time::Instant::now();
    let rendu = registre_core::pdf::registre_annuel(&source, edition).unwrap();
    let duree = debut.elapsed();
    let cpu = temps_cpu_ns().saturating_sub(cpu);
    let apres = pic_memoire_ko();
    println!(
        "MESURE {total} délibérations : {} pages, {} octets, {:.0} ms ({:.0} ms CPU), VmHWM avant {avant} Ko, après {apres} Ko (+{} Ko)",
        rendu.pages,
        rendu.octets.len(),
        duree.as_secs_f64() * 1000.0,
        cpu as f64 / 1e6,
        apres.saturating_sub(avant)
    );
}

/// Benchmark of the annual register (docs/performances-pdf.md):
/// `cargo test --release -p registre-cli --test integration registre_annuel::mesure -- --ignored --nocapture`.
/// Each size runs in its own process, so each peak memory is its own; the
/// peak stays roughly flat from 100 to 400 deliberations (the register is
/// laid out in slices, see `registre_core::pdf::assemblage`): it grows by
/// the output's size, not by the pages' operations.
#[test]
#[ignore]
fn mesure_du_registre_annuel() {
    if let Ok(taille) = std::env::var("REGISTRE_MESURE_TAILLE") {
        mesurer_en_processus(taille.parse().unwrap());
        return;
    }
    for taille in [100, 200, 400] {
        for _ in 0..2 {
            let sortie = Command::new(std::env::current_exe().unwrap())
                .args([
                    "registre_annuel::mesure_du_registre_annuel",
                    "--ignored",
                    "--exact",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env("REGISTRE_MESURE_TAILLE", taille.to_string())
                .output()
                .unwrap();
            let texte = String::from_utf8_lossy(&sortie.stdout);
            let ligne = texte
                .lines()
                .find_map(|l| l.find("MESURE").map(|i| &l[i..]))
                .unwrap_or_else(|| panic!("no measure: {texte}"));
            println!("{ligne}");
        }
    }
}
