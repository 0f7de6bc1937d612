//! `registre search`: reads the words and filters, calls
//! `Registre::rechercher`, prints one hit per line (searched words shown
//! «like this») or the results as JSON.

use clap::{Args, ValueEnum};
use registre_core::domaine::Statut;
use registre_core::recherche::{GenreFiche, Passage, RequeteRecherche, ResultatsRecherche};
use registre_core::{Erreur, Registre};

#[derive(Args)]
pub struct ArgsRecherche {
    /// Les mots cherchés, sans souci des accents ni des majuscules ; tous doivent figurer, le dernier peut être incomplet.
    pub texte: String,
    /// Année (du numéro de la délibération, ou de celle qui approuve la convention).
    #[arg(long, value_name = "ANNEE")]
    pub annee: Option<i32>,
    /// Identifiant de la séance, par exemple 2024-05-15.
    #[arg(long, value_name = "SEANCE")]
    pub seance: Option<String>,
    /// Statut : brouillon, soumis-au-maire, bon-pour-signature, signe, transmis, publie, executoire.
    #[arg(long, value_name = "STATUT", value_parser = statut)]
    pub statut: Option<Statut>,
    /// Code matière ACTES, par exemple 8.1 (ou 8 pour toute la famille).
    #[arg(long, value_name = "CODE")]
    pub matiere: Option<String>,
    /// Identifiant de l'élu rapporteur, par exemple carola-karine.
    #[arg(long, value_name = "ID")]
    pub rapporteur: Option<String>,
    /// Délibérations ou conventions seulement.
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub genre: Option<Genre>,
    /// Nombre maximal de résultats affichés.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limite: u32,
    /// Sortie JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Genre {
    Deliberation,
    Convention,
}

fn statut(texte: &str) -> Result<Statut, String> {
    serde_json::from_value(serde_json::Value::String(texte.replace('-', "_"))).map_err(|_| {
        format!("« {texte} » n'est pas un statut : brouillon, soumis-au-maire, bon-pour-signature, signe, transmis, publie ou executoire")
    })
}

/// What `registre search` prints on its standard output.
pub fn rechercher(registre: &Registre, args: ArgsRecherche) -> Result<String, Erreur> {
    let requete = RequeteRecherche {
        texte: args.texte,
        annee: args.annee,
        seance: args.seance,
        statut: args.statut,
        matiere: args.matiere,
        rapporteur: args.rapporteur,
        genre: args.genre.map(|g| match g {
            Genre::Deliberation => GenreFiche::Deliberation,
            Genre::Convention => GenreFiche::Convention,
        }),
        limite: Some(args.limite),
    };
    let resultats = registre.rechercher(&requete)?;
    if args.json {
        return Ok(serde_json::to_string_pretty(&resultats)
            .expect("the search results always serialize")
            + "\n");
    }
    resume(&requete.texte, &resultats);
    Ok(resultats
        .trouvailles
        .iter()
        .map(|t| {
            let genre = match t.genre {
                GenreFiche::Deliberation => "délibération",
                GenreFiche::Convention => "convention",
            };
            let statut = t.statut.map(|s| format!("  [{}]", s.libelle()));
            let extrait = if t.extrait.is_empty() {
                String::new()
            } else {
                format!("  — {} : {}", t.champ, en_texte(&t.extrait))
            };
            format!(
                "{}  {genre}{}  {}{extrait}\n",
                t.cle,
                statut.unwrap_or_default(),
                en_texte(&t.titre)
            )
        })
        .collect())
}

/// The count goes to the standard error, so the output stays one hit a line.
fn resume(texte: &str, r: &ResultatsRecherche) {
    let affiches = r.trouvailles.len() as u32;
    match r.total {
        0 => eprintln!("Aucun résultat pour « {texte} »."),
        n if n == affiches => eprintln!("{n} résultat(s)."),
        n => eprintln!("{n} résultat(s), les {affiches} premiers affichés (--limite)."),
    }
}

fn en_texte(passages: &[Passage]) -> String {
    passages
        .iter()
        .map(|p| {
            if p.surligne {
                format!("«{}»", p.texte)
            } else {
                p.texte.clone()
            }
        })
        .collect()
}
