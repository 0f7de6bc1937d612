//! Benchmark of Registre's full-text search, side by side with SQLite FTS5.
//!
//! `cargo run --release` (in `bench/`): generates a register of 20,000
//! deliberations and 5,000 conventions, imports it into a temporary
//! register, loads the same texts into SQLite FTS5, then measures each
//! engine in its own process (so that each one's peak memory is its own):
//! open time, index build, the latency of ~200 searches as typed, memory.
//! Prints a table; `docs/performances-recherche.md` records the numbers.

mod corpus;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use registre_core::recherche::{analyser, GenreFiche};
use registre_core::{Echange, Registre};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("preparer") => preparer(Path::new(&args[2])),
        Some("registre") => mesurer_registre(Path::new(&args[2])),
        Some("sqlite") => mesurer_sqlite(Path::new(&args[2])),
        Some("lecture") => mesurer_lecture(Path::new(&args[2])),
        _ => orchestrer(),
    }
}

/// One measure per line, "clé valeur", read back by the orchestrator.
fn noter(cle: &str, valeur: impl std::fmt::Display) {
    println!("{cle} {valeur}");
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

/// VmRSS and VmHWM of this process, in MiB.
fn memoire() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let lire = |cle: &str| {
        status
            .lines()
            .find(|l| l.starts_with(cle))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|k| k.parse::<f64>().ok())
            .map_or(f64::NAN, |ko| ko / 1024.0)
    };
    (lire("VmRSS:"), lire("VmHWM:"))
}

fn noter_memoire(etape: &str) {
    let (rss, hwm) = memoire();
    noter(&format!("rss_{etape}"), format!("{rss:.1}"));
    noter(&format!("hwm_{etape}"), format!("{hwm:.1}"));
}

fn maintenant() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2025, 1, 6)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

fn taille_dossier(chemin: &Path) -> u64 {
    match std::fs::metadata(chemin) {
        Ok(m) if m.is_dir() => std::fs::read_dir(chemin)
            .map(|entrees| {
                entrees
                    .filter_map(Result::ok)
                    .map(|e| taille_dossier(&e.path()))
                    .sum()
            })
            .unwrap_or(0),
        Ok(m) => m.len(),
        Err(_) => 0,
    }
}

// ---------------------------------------------------------------------------
// Preparation: the register and the SQLite database

fn preparer(dossier: &Path) {
    let debut = Instant::now();
    let donnees = corpus::generer();
    noter("generation_ms", ms(debut.elapsed()));
    let texte_brut: usize = donnees
        .deliberations
        .iter()
        .map(|d| {
            let (t, c) = corpus::textes_deliberation(d);
            t.len() + c.len()
        })
        .chain(donnees.conventions.iter().map(|c| {
            let (t, c) = corpus::textes_convention(c);
            t.len() + c.len()
        }))
        .sum();
    noter(
        "texte_mo",
        format!("{:.1}", texte_brut as f64 / 1_048_576.0),
    );
    noter("deliberations", donnees.deliberations.len());
    noter("conventions", donnees.conventions.len());

    let json = Echange::nouveau(donnees.clone()).en_json();
    noter("json_mo", format!("{:.1}", json.len() as f64 / 1_048_576.0));
    // The index alone, from records already in memory.
    let debut = Instant::now();
    let index =
        registre_core::recherche::Index::construire(&donnees.deliberations, &donnees.conventions);
    noter("index_seul_ms", ms(debut.elapsed()));
    noter(
        "index_mo",
        format!("{:.1}", index.statistiques().octets as f64 / 1_048_576.0),
    );
    drop(index);
    let debut = Instant::now();
    {
        let registre = Registre::ouvrir(&dossier.join("registre")).expect("register opens");
        registre
            .importer(&json, false, maintenant())
            .expect("the generated register imports");
    }
    noter("import_ms", ms(debut.elapsed()));
    noter(
        "registre_mo",
        format!(
            "{:.1}",
            taille_dossier(&dossier.join("registre")) as f64 / 1_048_576.0
        ),
    );

    let debut = Instant::now();
    let mut base = rusqlite::Connection::open(dossier.join("fts.sqlite")).unwrap();
    base.execute_batch(
        "PRAGMA journal_mode = WAL;
         CREATE TABLE fiches(id INTEGER PRIMARY KEY, genre TEXT NOT NULL, cle TEXT NOT NULL,
                             annee INTEGER, seance TEXT, statut TEXT, matiere TEXT, rapporteur TEXT);
         CREATE VIRTUAL TABLE textes USING fts5(titre, corps,
                             tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');",
    )
    .unwrap();
    let transaction = base.transaction().unwrap();
    {
        let mut fiche = transaction
            .prepare("INSERT INTO fiches VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .unwrap();
        let mut texte = transaction
            .prepare("INSERT INTO textes(rowid, titre, corps) VALUES (?1, ?2, ?3)")
            .unwrap();
        let mut id = 0i64;
        for d in &donnees.deliberations {
            id += 1;
            let statut = serde_json::to_value(d.statut).unwrap();
            fiche
                .execute(rusqlite::params![
                    id,
                    "deliberation",
                    d.numero.as_str(),
                    d.numero.annee(),
                    d.seance,
                    statut.as_str(),
                    d.matiere,
                    d.rapporteur
                ])
                .unwrap();
            let (titre, corps) = corpus::textes_deliberation(d);
            texte.execute(rusqlite::params![id, titre, corps]).unwrap();
        }
        for c in &donnees.conventions {
            id += 1;
            let annee = c.deliberation.as_ref().map(|n| n.annee());
            fiche
                .execute(rusqlite::params![
                    id,
                    "convention",
                    c.id,
                    annee,
                    None::<String>,
                    None::<String>,
                    None::<String>,
                    None::<String>
                ])
                .unwrap();
            let (titre, corps) = corpus::textes_convention(c);
            texte.execute(rusqlite::params![id, titre, corps]).unwrap();
        }
    }
    transaction.commit().unwrap();
    base.execute_batch("INSERT INTO textes(textes) VALUES ('optimize');")
        .unwrap();
    drop(base);
    noter("sqlite_chargement_ms", ms(debut.elapsed()));
    noter(
        "sqlite_mo",
        format!(
            "{:.1}",
            taille_dossier(&dossier.join("fts.sqlite")) as f64 / 1_048_576.0
        ),
    );
}

// ---------------------------------------------------------------------------
// Registre

fn percentiles(mut durees: Vec<Duration>) -> (Duration, Duration, Duration) {
    durees.sort();
    let n = durees.len();
    (durees[n * 50 / 100], durees[n * 95 / 100], durees[n - 1])
}

fn noter_latences(prefixe: &str, durees: Vec<Duration>) {
    let (p50, p95, max) = percentiles(durees);
    noter(&format!("{prefixe}_p50_ms"), ms(p50));
    noter(&format!("{prefixe}_p95_ms"), ms(p95));
    noter(&format!("{prefixe}_max_ms"), ms(max));
}

/// Reading every record back from sled, as the index build does.
fn mesurer_lecture(dossier: &Path) {
    let debut = Instant::now();
    let registre = Registre::ouvrir(&dossier.join("registre")).expect("register opens");
    noter("ouverture_ms", ms(debut.elapsed()));
    let debut = Instant::now();
    let donnees = registre.exporter().unwrap();
    noter("lecture_ms", ms(debut.elapsed()));
    drop(donnees);
    noter_memoire("lu");
}

fn mesurer_registre(dossier: &Path) {
    let requetes = corpus::requetes();
    noter_memoire("depart");
    let debut = Instant::now();
    let registre = Registre::ouvrir(&dossier.join("registre")).expect("register opens");
    noter("ouverture_ms", ms(debut.elapsed()));
    noter_memoire("ouvert");

    let debut = Instant::now();
    let stats = registre.preparer_recherche().unwrap();
    noter("index_ms", ms(debut.elapsed()));
    noter("index_fiches", stats.fiches);
    noter("index_termes", stats.termes);
    noter("index_occurrences", stats.occurrences);
    noter_memoire("index");

    // The same check every search makes before reusing the index.
    let debut = Instant::now();
    for _ in 0..20 {
        registre.preparer_recherche().unwrap();
    }
    noter("controle_cache_ms", ms(debut.elapsed() / 20));

    let mut durees = Vec::new();
    let mut trouves = 0u64;
    for r in &requetes {
        let debut = Instant::now();
        let resultats = registre.rechercher(r).unwrap();
        durees.push(debut.elapsed());
        trouves += u64::from(resultats.total);
    }
    noter("requetes", requetes.len());
    noter("resultats_moyens", trouves / requetes.len() as u64);
    noter_latences("registre", durees);
    noter_memoire("fin");
}

// ---------------------------------------------------------------------------
// SQLite FTS5

/// `"w1" "w2" "w3"*`: every word, the last one as a prefix, from the same
/// folded words as Registre's own query.
fn expression_fts(texte: &str) -> Option<String> {
    let mots = analyser(texte);
    if mots.is_empty() {
        return None;
    }
    Some(
        mots.iter()
            .map(|m| format!("\"{}\"{}", m.plie, if m.prefixe { "*" } else { "" }))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn mesurer_sqlite(dossier: &Path) {
    let requetes = corpus::requetes();
    noter_memoire("depart");
    let debut = Instant::now();
    let base = rusqlite::Connection::open(dossier.join("fts.sqlite")).unwrap();
    // Touch the schema: opening alone reads nothing.
    base.query_row("SELECT count(*) FROM fiches", [], |l| l.get::<_, i64>(0))
        .unwrap();
    noter("ouverture_ms", ms(debut.elapsed()));
    noter_memoire("ouvert");
    let filtre = "f.id = textes.rowid AND textes MATCH ?1
                  AND (?2 IS NULL OR f.annee = ?2) AND (?3 IS NULL OR f.genre = ?3)";
    let mut page = base
        .prepare(&format!(
            "SELECT f.genre, f.cle, highlight(textes, 0, '«', '»'),
                    snippet(textes, 1, '«', '»', '…', 24), bm25(textes, 3.0, 1.0) AS score
             FROM textes, fiches f WHERE {filtre} ORDER BY score LIMIT 20"
        ))
        .unwrap();
    let mut compte = base
        .prepare(&format!(
            "SELECT count(*) FROM textes, fiches f WHERE {filtre}"
        ))
        .unwrap();
    let mut durees = Vec::new();
    let mut trouves = 0u64;
    for r in &requetes {
        let Some(expression) = expression_fts(&r.texte) else {
            continue;
        };
        let genre = r.genre.map(|g| match g {
            GenreFiche::Deliberation => "deliberation",
            GenreFiche::Convention => "convention",
        });
        let debut = Instant::now();
        let lignes: Vec<(String, String, String, String, f64)> = page
            .query_map(rusqlite::params![expression, r.annee, genre], |l| {
                Ok((l.get(0)?, l.get(1)?, l.get(2)?, l.get(3)?, l.get(4)?))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let total: i64 = compte
            .query_row(rusqlite::params![expression, r.annee, genre], |l| l.get(0))
            .unwrap();
        durees.push(debut.elapsed());
        std::hint::black_box(lignes);
        trouves += total as u64;
    }
    noter("requetes", durees.len());
    noter("resultats_moyens", trouves / durees.len() as u64);
    noter_latences("sqlite", durees);
    noter_memoire("fin");
}

// ---------------------------------------------------------------------------
// The orchestrator

fn executer(etape: &str, dossier: &Path) -> BTreeMap<String, String> {
    let sortie = Command::new(std::env::current_exe().unwrap())
        .arg(etape)
        .arg(dossier)
        .output()
        .expect("the benchmark runs itself");
    if !sortie.status.success() {
        panic!(
            "étape « {etape} » en échec : {}",
            String::from_utf8_lossy(&sortie.stderr)
        );
    }
    String::from_utf8_lossy(&sortie.stdout)
        .lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(c, v)| (c.to_owned(), v.to_owned()))
        .collect()
}

fn orchestrer() {
    let dossier: PathBuf =
        std::env::temp_dir().join(format!("registre-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dossier).unwrap();
    eprintln!("Génération et import dans {} …", dossier.display());
    let p = executer("preparer", &dossier);
    eprintln!("Lecture de la base …");
    let l = executer("lecture", &dossier);
    eprintln!("Mesures Registre …");
    let r = executer("registre", &dossier);
    eprintln!("Mesures SQLite FTS5 …");
    let s = executer("sqlite", &dossier);
    let _ = std::fs::remove_dir_all(&dossier);

    let v = |m: &BTreeMap<String, String>, c: &str| m.get(c).cloned().unwrap_or_else(|| "—".into());
    println!(
        "Corpus : {} délibérations, {} conventions, {} Mo de texte ({} Mo en JSON d'échange)",
        v(&p, "deliberations"),
        v(&p, "conventions"),
        v(&p, "texte_mo"),
        v(&p, "json_mo")
    );
    println!(
        "Génération {} ms ; import Registre {} ms (base sled {} Mo) ; chargement SQLite FTS5 {} ms (fichier {} Mo)",
        v(&p, "generation_ms"),
        v(&p, "import_ms"),
        v(&p, "registre_mo"),
        v(&p, "sqlite_chargement_ms"),
        v(&p, "sqlite_mo")
    );
    println!(
        "Index Registre : {} fiches, {} termes, {} occurrences, ~{} Mo ; construit en {} ms à partir des fiches en mémoire ; contrôle de fraîcheur {} ms par recherche",
        v(&r, "index_fiches"),
        v(&r, "index_termes"),
        v(&r, "index_occurrences"),
        v(&p, "index_mo"),
        v(&p, "index_seul_ms"),
        v(&r, "controle_cache_ms")
    );
    println!(
        "Relecture de toutes les fiches depuis sled : {} ms (VmRSS ensuite {} Mo, cache de sled compris)",
        v(&l, "lecture_ms"),
        v(&l, "rss_lu")
    );
    println!(
        "{} requêtes (moyenne de {} résultats chez Registre, {} chez SQLite)\n",
        v(&r, "requetes"),
        v(&r, "resultats_moyens"),
        v(&s, "resultats_moyens")
    );
    println!("| Mesure | Registre (index en mémoire) | SQLite FTS5 |");
    println!("|---|---:|---:|");
    let lignes: [(&str, String, String); 9] = [
        (
            "Ouverture de la base (ms)",
            v(&r, "ouverture_ms"),
            v(&s, "ouverture_ms"),
        ),
        (
            "Construction de l'index (ms)",
            v(&r, "index_ms"),
            format!("{} (au chargement)", v(&p, "sqlite_chargement_ms")),
        ),
        (
            "Recherche p50 (ms)",
            v(&r, "registre_p50_ms"),
            v(&s, "sqlite_p50_ms"),
        ),
        (
            "Recherche p95 (ms)",
            v(&r, "registre_p95_ms"),
            v(&s, "sqlite_p95_ms"),
        ),
        (
            "Recherche max (ms)",
            v(&r, "registre_max_ms"),
            v(&s, "sqlite_max_ms"),
        ),
        (
            "VmRSS après ouverture (Mo)",
            v(&r, "rss_ouvert"),
            v(&s, "rss_ouvert"),
        ),
        ("VmRSS index construit (Mo)", v(&r, "rss_index"), "—".into()),
        (
            "VmRSS en fin de mesure (Mo)",
            v(&r, "rss_fin"),
            v(&s, "rss_fin"),
        ),
        (
            "VmHWM, pic du processus (Mo)",
            v(&r, "hwm_fin"),
            v(&s, "hwm_fin"),
        ),
    ];
    for (mesure, registre, sqlite) in lignes {
        println!("| {mesure} | {registre} | {sqlite} |");
    }
}
