//! Render time and size of the reference dossier and of a generated
//! 40-page deliberation; figures go to docs/performances-pdf.md.
//!
//! `cargo test --release -p registre-core --lib pdf::mesures -- --ignored --nocapture`

use std::time::{Duration, Instant};

use chrono::NaiveDate;

use super::*;
use crate::demo;
use crate::domaine::{Alinea, Bloc as BlocConvention};

fn source_demo() -> SourceExtrait {
    let r = demo::donnees();
    SourceExtrait {
        commune: r.commune.clone().expect("the demo has a commune"),
        seance: r.seances[0].clone(),
        elus: r.elus.clone(),
        convention: r.conventions.first().cloned(),
        deliberation: r.deliberations[0].clone(),
    }
}

/// The demo deliberation with an exposé long enough for about 40 pages.
pub(super) fn deliberation_longue(paragraphes: usize) -> SourceExtrait {
    let mut s = source_demo();
    let textes: Vec<String> = s
        .convention
        .iter()
        .flat_map(|c| {
            c.articles
                .iter()
                .chain(c.articles.iter().flat_map(|a| &a.sous_articles))
        })
        .flat_map(|a| &a.contenu)
        .filter_map(|b| match b {
            BlocConvention::Paragraphe { texte } => Some(texte.clone()),
            BlocConvention::Liste { .. } => None,
        })
        .collect();
    s.deliberation.expose = (0..paragraphes)
        .map(|i| Alinea::Simple(format!("{}. {}", i + 1, textes[i % textes.len()])))
        .collect();
    s.convention = None;
    s
}

fn mesurer(nom: &str, tours: u32, rendre: impl Fn() -> PdfRendu) {
    let mut durees = Vec::new();
    let mut dernier = None;
    for _ in 0..tours {
        let debut = Instant::now();
        dernier = Some(rendre());
        durees.push(debut.elapsed());
    }
    durees.sort();
    let rendu = dernier.expect("at least one run");
    let moyenne = durees.iter().sum::<Duration>() / tours;
    println!(
        "{nom}: {} pages, {} octets ({:.1} Ko), min {:.0} ms, médiane {:.0} ms, moyenne {:.0} ms ({tours} tours)",
        rendu.pages,
        rendu.octets.len(),
        rendu.octets.len() as f64 / 1024.0,
        durees[0].as_secs_f64() * 1000.0,
        durees[durees.len() / 2].as_secs_f64() * 1000.0,
        moyenne.as_secs_f64() * 1000.0,
    );
}

#[test]
#[ignore]
fn mesures_de_rendu_pdf() {
    let edition = NaiveDate::from_ymd_opt(2024, 5, 16)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap();
    let demo = source_demo();
    mesurer("extrait de référence", 10, || {
        extrait(&demo, edition).unwrap()
    });
    mesurer("dossier de référence (extrait + convention)", 10, || {
        dossier(&demo, edition).unwrap()
    });
    let longue = deliberation_longue(620);
    mesurer("délibération générée", 5, || {
        extrait(&longue, edition).unwrap()
    });
}
