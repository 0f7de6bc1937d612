//! `registre`: the headless command line over the core crate (no Tauri
//! linked). For scripting, tests and benchmarks; same database as the app.

mod recherche;
mod suivi;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use registre_core::pdf::DemandePdf;
use registre_core::regles::{Diagnostic, Gravite};
use registre_core::{
    dossier_par_defaut, ecrire_atomiquement, DeliberationDetail, Erreur, Registre, Verification,
};

#[derive(Parser)]
#[command(
    name = "registre",
    version,
    about = "Registre des délibérations du conseil municipal, en ligne de commande."
)]
struct Cli {
    /// Dossier de la base de données (par défaut : variable REGISTRE_DB, sinon le dossier de données de l'application).
    #[arg(long, global = true, value_name = "DOSSIER")]
    db: Option<PathBuf>,

    /// Qui agit, tel qu'inscrit dans l'historique : secretariat (par défaut) ou maire.
    #[arg(long, global = true, value_enum, default_value = "secretariat")]
    par: suivi::Profil,

    #[command(subcommand)]
    commande: Commande,
}

#[derive(Subcommand)]
enum Commande {
    /// Charge le registre de démonstration (Pézilla-la-Rivière, séance du 15 mai 2024) dans une base vide.
    Demo,
    /// Importe un fichier d'échange JSON (tout ou rien : rien n'est écrit en cas d'erreur).
    Import {
        fichier: PathBuf,
        /// Remplace le contenu d'un registre qui n'est pas vide.
        #[arg(long)]
        remplacer: bool,
    },
    /// Exporte le registre.
    Export {
        #[command(subcommand)]
        format: FormatExport,
    },
    /// Liste les délibérations : numéro, date de séance, objet, statut.
    List {
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
    /// Contrôle juridique (CGCT) d'une délibération, ou de tout le registre. Code de sortie 3 si une erreur bloquante est trouvée.
    Check {
        numero: Option<String>,
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
    /// Affiche une délibération (par exemple 2024/052).
    Show {
        numero: String,
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
    /// Conventions : renouvellement pour la période suivante, échéances.
    Convention {
        #[command(subcommand)]
        action: ActionConvention,
    },
    /// Rédaction : lire, enregistrer, créer à partir d'un modèle, proposer un numéro.
    Draft {
        #[command(subcommand)]
        action: suivi::ActionBrouillon,
    },
    /// Fait passer une délibération au statut suivant (soumettre, bon-pour-signature, signer…).
    Status(suivi::ArgsStatut),
    /// Ajoute un commentaire à une délibération, ou en résout un (--resoudre ID).
    Comment {
        numero: String,
        texte: Option<String>,
        #[arg(long, value_name = "ID")]
        resoudre: Option<u32>,
    },
    /// Ce qui a changé depuis la dernière lecture du maire, et les commentaires.
    Review {
        numero: String,
        /// Marque la version actuelle comme lue par le maire.
        #[arg(long)]
        lu: bool,
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
    /// Ce qui attend le maire, le plus ancien d'abord.
    Pending {
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
    /// Historique complet d'une délibération : versions, statuts, commentaires, lectures.
    History {
        numero: String,
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
    /// Dit si un fichier PDF est exactement celui enregistré à la signature (code de sortie 4 sinon).
    Verify {
        fichier: PathBuf,
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
    /// Logo de la commune (PNG ou JPEG, 1 Mo au plus), imprimé en haut des documents.
    Logo {
        /// Image à garder comme logo.
        fichier: Option<PathBuf>,
        /// Retire le logo.
        #[arg(long, conflicts_with = "fichier")]
        retirer: bool,
    },
    /// Élus du conseil : liste, ajout d'un élu ou modification (fin de mandat…).
    Elu {
        #[command(subcommand)]
        action: ActionElu,
    },
    /// Décisions du maire par délégation du conseil (L2122-22), inscrites au registre par date.
    Decision {
        #[command(subcommand)]
        action: ActionDecision,
    },
    /// Sauvegarde complète (registre, historique, commentaires, PDF signés) : dans FICHIER,
    /// ou sinon parmi les copies automatiques à côté de la base (les N plus récentes sont gardées).
    Backup {
        #[arg(short = 'o', long = "output", value_name = "FICHIER")]
        sortie: Option<PathBuf>,
        /// Nombre de copies automatiques à garder.
        #[arg(long, default_value_t = registre_core::sauvegarde::A_GARDER_PAR_DEFAUT)]
        garder: usize,
    },
    /// Restaure une sauvegarde : tout est vérifié avant de remplacer quoi que ce soit.
    Restore { fichier: PathBuf },
    /// Prépare le paquet ACTES d'un acte signé pour le tiers de télétransmission :
    /// PDF signé, annexes, métadonnées et XML actes:Acte, dans un dossier.
    Actes {
        numero: String,
        /// Dossier à créer (il ne doit pas exister, ou être vide).
        #[arg(short = 'o', long = "output", value_name = "DOSSIER")]
        sortie: PathBuf,
        /// Date de la classification ACTES de la commune (fournie par le TdT), AAAA-MM-JJ.
        #[arg(long, value_name = "DATE", value_parser = date_iso)]
        classification: Option<chrono::NaiveDate>,
    },
    /// Produit un PDF : l'extrait d'une délibération, une convention, les deux en un seul fichier,
    /// pour une séance sa convocation, la liste de ses délibérations ou son procès-verbal,
    /// ou le registre annuel en feuillets numérotés.
    Pdf {
        #[command(subcommand)]
        document: DocumentPdf,
    },
    /// Échéancier légal d'une séance (par exemple 2024-05-15), ou de tout le registre :
    /// liste affichée, procès-verbal, transmission, publication, reliure ; les retards d'abord.
    Echeancier {
        seance: Option<String>,
        /// Date de référence AAAA-MM-JJ (par défaut : aujourd'hui).
        #[arg(long, value_name = "DATE", value_parser = date_iso)]
        au: Option<chrono::NaiveDate>,
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
    /// Recherche plein texte dans les délibérations et les conventions, sans souci des accents ni des majuscules.
    Search(recherche::ArgsRecherche),
}

#[derive(Subcommand)]
enum ActionElu {
    /// Liste les élus : le maire d'abord, puis par ordre alphabétique.
    List {
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
    /// Enregistre un élu décrit en JSON, au format d'échange (identifiant vide : un nouvel élu).
    Save { fichier: PathBuf },
}

#[derive(Subcommand)]
enum ActionDecision {
    /// Enregistre une décision décrite en JSON (numéro vide : le suivant de l'année).
    Add { fichier: PathBuf },
    /// Liste les décisions par date.
    List {
        /// Année (par défaut : toutes).
        #[arg(long)]
        annee: Option<i32>,
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ActionConvention {
    /// Crée la convention de la période suivante (année scolaire, dates et textes décalés d'un an).
    Renouveler {
        id: String,
        /// Sortie JSON de la nouvelle convention.
        #[arg(long)]
        json: bool,
    },
    /// Liste les conventions qui arrivent à échéance.
    Echeances {
        /// Horizon en jours (par défaut 60).
        #[arg(long, default_value_t = 60)]
        jours: u32,
        /// Date de référence AAAA-MM-JJ (par défaut : aujourd'hui).
        #[arg(long, value_name = "DATE", value_parser = date_iso)]
        au: Option<chrono::NaiveDate>,
        /// Sortie JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum DocumentPdf {
    /// L'extrait du registre d'une délibération (par exemple 2024/052).
    Extrait {
        numero: String,
        /// Fichier PDF à écrire.
        #[arg(short = 'o', long = "output", value_name = "FICHIER")]
        sortie: PathBuf,
    },
    /// Une convention, par son identifiant (par exemple ent-ecole-2024-2025).
    Convention {
        id: String,
        /// Fichier PDF à écrire.
        #[arg(short = 'o', long = "output", value_name = "FICHIER")]
        sortie: PathBuf,
    },
    /// L'extrait suivi de la convention annexée, en un seul fichier.
    Dossier {
        numero: String,
        /// Fichier PDF à écrire.
        #[arg(short = 'o', long = "output", value_name = "FICHIER")]
        sortie: PathBuf,
    },
    /// La liste des délibérations d'une séance (par exemple 2024-05-15), à afficher et mettre en ligne.
    Liste {
        seance: String,
        /// Fichier PDF à écrire.
        #[arg(short = 'o', long = "output", value_name = "FICHIER")]
        sortie: PathBuf,
    },
    /// La convocation des conseillers à une séance (par exemple 2024-05-15), avec l'ordre du jour.
    Convocation {
        seance: String,
        /// Fichier PDF à écrire.
        #[arg(short = 'o', long = "output", value_name = "FICHIER")]
        sortie: PathBuf,
    },
    /// Le procès-verbal d'une séance (par exemple 2024-05-15), article L2121-15 du CGCT.
    Pv {
        seance: String,
        /// Fichier PDF à écrire.
        #[arg(short = 'o', long = "output", value_name = "FICHIER")]
        sortie: PathBuf,
    },
    /// Le registre des délibérations d'une année (par exemple 2024), en feuillets numérotés,
    /// avec feuillets de clôture et tables, prêt à être coté, paraphé et relié (R2121-9).
    Registre {
        annee: i32,
        /// Fichier PDF à écrire.
        #[arg(short = 'o', long = "output", value_name = "FICHIER")]
        sortie: PathBuf,
    },
    /// Le PDF enregistré à la signature d'une délibération, à l'octet près.
    Signe {
        numero: String,
        /// Fichier PDF à écrire.
        #[arg(short = 'o', long = "output", value_name = "FICHIER")]
        sortie: PathBuf,
    },
}

/// Exit code of `registre check` when a blocking legal error was found.
const CODE_ANOMALIES_BLOQUANTES: u8 = 3;

#[derive(Subcommand)]
enum FormatExport {
    /// Format d'échange JSON versionné (voir docs/format-echange.md).
    Json {
        /// Fichier de sortie (par défaut : la sortie standard).
        #[arg(short = 'o', long = "output", value_name = "FICHIER")]
        sortie: Option<PathBuf>,
    },
    /// Publication en ligne (R2131-1) : les PDF signés des actes d'une période et une page index.html.
    Publication {
        /// Début de la période (date des séances), AAAA-MM-JJ.
        #[arg(long, value_parser = date_iso)]
        du: chrono::NaiveDate,
        /// Fin de la période, AAAA-MM-JJ.
        #[arg(long, value_parser = date_iso)]
        au: chrono::NaiveDate,
        /// Date de mise en ligne affichée (par défaut : aujourd'hui).
        #[arg(long = "en-ligne", value_name = "DATE", value_parser = date_iso)]
        en_ligne: Option<chrono::NaiveDate>,
        /// Dossier à créer (il ne doit pas exister, ou être vide).
        #[arg(short = 'o', long = "output", value_name = "DOSSIER")]
        sortie: PathBuf,
    },
    /// Données ouvertes : CSV au schéma SCDL « Délibérations » 2.1.3, actes signés seulement.
    Scdl {
        /// Année des séances à exporter (par défaut : toutes).
        #[arg(long = "year", value_name = "ANNEE")]
        annee: Option<i32>,
        /// Fichier CSV à écrire (par défaut : la sortie standard).
        #[arg(short = 'o', long = "output", value_name = "FICHIER")]
        sortie: Option<PathBuf>,
    },
}

/// A record typed in a JSON file (`decision add`, `elu save`); `quoi` names
/// it in the refusal: « ce n'est pas un élu lisible (ligne 3, colonne 7) ».
fn lire_json<T: serde::de::DeserializeOwned>(fichier: &Path, quoi: &str) -> Result<T, Erreur> {
    let texte = std::fs::read_to_string(fichier).map_err(|source| Erreur::EntreeSortie {
        chemin: fichier.to_path_buf(),
        source,
    })?;
    serde_json::from_str(&texte).map_err(|e| {
        Erreur::DonneeInvalide(registre_core::Anomalie {
            chemin: fichier.display().to_string(),
            message: format!(
                "ce n'est pas {quoi} lisible (ligne {}, colonne {}) : {e}",
                e.line(),
                e.column()
            ),
        })
    })
}

fn date_iso(texte: &str) -> Result<chrono::NaiveDate, String> {
    texte
        .parse()
        .map_err(|_| format!("« {texte} » n'est pas une date AAAA-MM-JJ (par exemple 2025-07-15)"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match executer(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("registre : {e}");
            ExitCode::FAILURE
        }
    }
}

fn dossier(cli_db: Option<PathBuf>) -> Result<PathBuf, Erreur> {
    cli_db
        .or_else(|| std::env::var_os("REGISTRE_DB").map(PathBuf::from))
        .or_else(dossier_par_defaut)
        .ok_or_else(|| {
            Erreur::Interne(
                "aucun dossier de données trouvé : indiquez la base avec --db DOSSIER".into(),
            )
        })
}

fn executer(cli: Cli) -> Result<ExitCode, Erreur> {
    let registre = Registre::ouvrir(&dossier(cli.db)?)?;
    let mut sortie = std::io::stdout().lock();
    let ecrire = |sortie: &mut dyn Write, texte: &str| {
        sortie
            .write_all(texte.as_bytes())
            .map_err(|source| Erreur::EntreeSortie {
                chemin: PathBuf::from("<sortie standard>"),
                source,
            })
    };
    match cli.commande {
        Commande::Demo => {
            registre.charger_demo(chrono::Local::now().naive_local())?;
            let etat = registre.etat()?;
            eprintln!(
                "Registre de démonstration chargé : commune de {}, {} délibération(s), dans « {} ».",
                etat.commune.unwrap_or_default(),
                etat.nombre_deliberations,
                etat.emplacement
            );
        }
        Commande::Import { fichier, remplacer } => {
            let texte =
                std::fs::read_to_string(&fichier).map_err(|source| Erreur::EntreeSortie {
                    chemin: fichier.clone(),
                    source,
                })?;
            let donnees =
                registre.importer(&texte, remplacer, chrono::Local::now().naive_local())?;
            eprintln!(
                "Import terminé : {} élu(s), {} séance(s), {} délibération(s), {} convention(s).",
                donnees.elus.len(),
                donnees.seances.len(),
                donnees.deliberations.len(),
                donnees.conventions.len()
            );
        }
        Commande::Export {
            format: FormatExport::Json { sortie: fichier },
        } => {
            let json = registre.exporter()?.en_json();
            match fichier {
                Some(chemin) => ecrire_atomiquement(&chemin, &json)?,
                None => ecrire(&mut sortie, &json)?,
            }
        }
        Commande::Export {
            format:
                FormatExport::Scdl {
                    annee,
                    sortie: fichier,
                },
        } => {
            let csv = registre.exporter_scdl(annee)?;
            let lignes = csv.lines().count().saturating_sub(1);
            match fichier {
                Some(chemin) => {
                    ecrire_atomiquement(&chemin, csv.as_bytes())?;
                    eprintln!(
                        "Export SCDL : {lignes} délibération(s) dans « {} ».",
                        chemin.display()
                    );
                }
                None => ecrire(&mut sortie, &csv)?,
            }
        }
        Commande::Export {
            format:
                FormatExport::Publication {
                    du,
                    au,
                    en_ligne,
                    sortie: dossier,
                },
        } => {
            // The core reads no clock: "today" is decided here, at the edge.
            let en_ligne = en_ligne.unwrap_or_else(|| chrono::Local::now().date_naive());
            let fichiers = registre.publication(du, au, en_ligne)?;
            registre_core::ecrire_dans_dossier_neuf(&dossier, &fichiers)?;
            eprintln!(
                "Publication : {} acte(s) et index.html dans « {} ».",
                fichiers.len() - 1,
                dossier.display()
            );
        }
        Commande::Decision {
            action: ActionDecision::Add { fichier },
        } => {
            let saisie: registre_core::SaisieDecision = lire_json(&fichier, "une décision")?;
            let d = registre.enregistrer_decision_maire(saisie)?;
            eprintln!(
                "Décision {} du {} enregistrée.",
                d.numero,
                d.date.format("%d/%m/%Y")
            );
            ecrire(&mut sortie, &format!("{}\n", d.numero))?;
        }
        Commande::Logo { fichier, retirer } => match (fichier, retirer) {
            (_, true) => {
                registre.retirer_logo()?;
                eprintln!("Logo retiré.");
            }
            (Some(fichier), false) => {
                let octets = std::fs::read(&fichier).map_err(|source| Erreur::EntreeSortie {
                    chemin: fichier.clone(),
                    source,
                })?;
                let logo = registre.enregistrer_logo(octets)?;
                eprintln!(
                    "Logo enregistré ({} × {} pixels) : il figure sur les prochains documents.",
                    logo.largeur, logo.hauteur
                );
            }
            (None, false) => match registre.logo()? {
                Some(l) => ecrire(
                    &mut sortie,
                    &format!(
                        "logo : {} × {} pixels, {} Ko\n",
                        l.largeur,
                        l.hauteur,
                        l.octets.len().div_ceil(1024)
                    ),
                )?,
                None => eprintln!("Aucun logo."),
            },
        },
        Commande::Elu {
            action: ActionElu::List { json },
        } => {
            let liste = registre.lister_elus()?;
            if json {
                ecrire(&mut sortie, &(en_json(&liste) + "\n"))?;
            } else {
                for e in liste {
                    let mandat = match (e.mandat_debut, e.mandat_fin) {
                        (_, Some(fin)) => {
                            format!("  (mandat terminé le {})", fin.format("%d/%m/%Y"))
                        }
                        (Some(debut), None) => {
                            format!("  (depuis le {})", debut.format("%d/%m/%Y"))
                        }
                        (None, None) => String::new(),
                    };
                    ecrire(
                        &mut sortie,
                        &format!("{}  {}  {}{mandat}\n", e.id, e.nom, e.fonction),
                    )?;
                }
            }
        }
        Commande::Elu {
            action: ActionElu::Save { fichier },
        } => {
            let elu: registre_core::domaine::Elu = lire_json(&fichier, "un élu")?;
            let e = registre.enregistrer_elu(elu)?;
            eprintln!("Élu {} enregistré.", e.nom_complet());
            ecrire(&mut sortie, &format!("{}\n", e.id))?;
        }
        Commande::Decision {
            action: ActionDecision::List { annee, json },
        } => {
            let liste = registre.lister_decisions_maire(annee)?;
            if json {
                ecrire(&mut sortie, &(en_json(&liste) + "\n"))?;
            } else if liste.is_empty() {
                eprintln!("Aucune décision du maire.");
            } else {
                for d in liste {
                    ecrire(
                        &mut sortie,
                        &format!(
                            "{}  {}  {}  ({})\n",
                            d.numero,
                            d.date.format("%d/%m/%Y"),
                            d.objet,
                            d.fondement
                        ),
                    )?;
                }
            }
        }
        Commande::Backup {
            sortie: fichier,
            garder,
        } => {
            let le = chrono::Local::now().naive_local();
            let chemin = match fichier {
                Some(chemin) => {
                    ecrire_atomiquement(&chemin, registre.sauvegarder(le)?)?;
                    chemin
                }
                None => registre
                    .sauvegarde_automatique(le, garder, None)?
                    .ok_or_else(|| {
                        Erreur::Interne("le registre est vide : rien à sauvegarder".into())
                    })?,
            };
            eprintln!("Sauvegarde écrite : « {} ».", chemin.display());
            ecrire(&mut sortie, &format!("{}\n", chemin.display()))?;
        }
        Commande::Restore { fichier } => {
            let texte =
                std::fs::read_to_string(&fichier).map_err(|source| Erreur::EntreeSortie {
                    chemin: fichier.clone(),
                    source,
                })?;
            let donnees = registre.restaurer(&texte)?;
            eprintln!(
                "Sauvegarde restaurée : {} délibération(s), {} séance(s), {} convention(s).",
                donnees.deliberations.len(),
                donnees.seances.len(),
                donnees.conventions.len()
            );
        }
        Commande::Actes {
            numero,
            sortie: dossier,
            classification,
        } => {
            let (m, fichiers) = registre.paquet_actes(
                &numero,
                classification,
                chrono::Local::now().naive_local(),
            )?;
            registre_core::ecrire_dans_dossier_neuf(&dossier, &fichiers)?;
            ecrire(
                &mut sortie,
                &fichiers
                    .iter()
                    .map(|f| format!("{}\n", f.nom))
                    .collect::<String>(),
            )?;
            eprintln!(
                "Paquet ACTES de la délibération n° {} (NumeroInterne {}) écrit dans « {} »{}.",
                m.numero_registre,
                m.numero_interne,
                dossier.display(),
                if m.classification_date_version.is_none() {
                    " ; la date de classification est à renseigner dans le TdT (--classification)"
                } else {
                    ""
                }
            );
        }
        Commande::Search(args) => ecrire(&mut sortie, &recherche::rechercher(&registre, args)?)?,
        Commande::List { json } => {
            let liste = registre.lister_deliberations()?;
            if json {
                ecrire(&mut sortie, &(en_json(&liste) + "\n"))?;
            } else if liste.is_empty() {
                eprintln!("Le registre ne contient aucune délibération.");
            } else {
                for d in liste {
                    let ligne = format!(
                        "{}  {}  {:<18}  {}\n",
                        d.numero,
                        d.date_seance.format("%d/%m/%Y"),
                        d.statut.libelle(),
                        d.objet
                    );
                    ecrire(&mut sortie, &ligne)?;
                }
            }
        }
        Commande::Show { numero, json } => {
            let detail = registre.lire_deliberation(&numero)?;
            let texte = if json {
                en_json(&detail) + "\n"
            } else {
                en_texte(&detail)
            };
            ecrire(&mut sortie, &texte)?;
        }
        Commande::Pdf {
            document:
                DocumentPdf::Signe {
                    numero,
                    sortie: fichier,
                },
        } => suivi::pdf_signe(&registre, &numero, &fichier)?,
        Commande::Draft { action } => {
            ecrire(&mut sortie, &suivi::brouillon(&registre, action, cli.par)?)?
        }
        Commande::Status(args) => ecrire(&mut sortie, &suivi::statut(&registre, args, cli.par)?)?,
        Commande::Comment {
            numero,
            texte,
            resoudre,
        } => ecrire(
            &mut sortie,
            &suivi::commenter(&registre, &numero, texte, resoudre, cli.par)?,
        )?,
        Commande::Review { numero, lu, json } => {
            ecrire(&mut sortie, &suivi::revue(&registre, &numero, lu, json)?)?
        }
        Commande::Pending { json } => ecrire(&mut sortie, &suivi::a_relire(&registre, json)?)?,
        Commande::History { numero, json } => {
            ecrire(&mut sortie, &suivi::historique(&registre, &numero, json)?)?
        }
        Commande::Verify { fichier, json } => {
            let (texte, conforme) = suivi::verifier(&registre, &fichier, json)?;
            ecrire(&mut sortie, &texte)?;
            if !conforme {
                return Ok(ExitCode::from(suivi::CODE_PDF_NON_CONFORME));
            }
        }
        Commande::Pdf { document } => {
            let (demande, fichier) = match document {
                DocumentPdf::Extrait { numero, sortie } => (DemandePdf::Extrait(numero), sortie),
                DocumentPdf::Convention { id, sortie } => (DemandePdf::Convention(id), sortie),
                DocumentPdf::Dossier { numero, sortie } => (DemandePdf::Dossier(numero), sortie),
                DocumentPdf::Liste { seance, sortie } => (DemandePdf::Liste(seance), sortie),
                DocumentPdf::Convocation { seance, sortie } => {
                    (DemandePdf::Convocation(seance), sortie)
                }
                DocumentPdf::Pv { seance, sortie } => (DemandePdf::ProcesVerbal(seance), sortie),
                DocumentPdf::Registre { annee, sortie } => (DemandePdf::Registre(annee), sortie),
                DocumentPdf::Signe { .. } => unreachable!("handled above"),
            };
            // The core reads no clock: the edition date is given here.
            let rendu = registre.rendre_pdf(&demande, chrono::Local::now().naive_local())?;
            ecrire_atomiquement(&fichier, &rendu.octets)?;
            eprintln!(
                "PDF écrit : « {} » ({} page(s), {} Ko).",
                fichier.display(),
                rendu.pages,
                rendu.octets.len().div_ceil(1024)
            );
        }
        Commande::Convention {
            action: ActionConvention::Renouveler { id, json },
        } => {
            let c = registre.renouveler_convention(&id)?;
            if json {
                ecrire(&mut sortie, &(en_json(&c) + "\n"))?;
            } else {
                ecrire(&mut sortie, &format!("{}\n", c.id))?;
            }
            eprintln!("Convention renouvelée : « {} » ({}).", c.id, c.titre);
        }
        Commande::Convention {
            action: ActionConvention::Echeances { jours, au, json },
        } => {
            // The core reads no clock: "today" is decided here, at the edge.
            let au = au.unwrap_or_else(|| chrono::Local::now().date_naive());
            let liste = registre.echeances(au, jours)?;
            if json {
                ecrire(&mut sortie, &(en_json(&liste) + "\n"))?;
            } else if liste.is_empty() {
                eprintln!(
                    "Aucune convention n'arrive à échéance dans les {jours} jours suivant le {}.",
                    au.format("%d/%m/%Y")
                );
            } else {
                for e in liste {
                    let ligne = format!(
                        "{}  fin le {} (dans {} jour(s)){}  {}\n",
                        e.id,
                        e.fin.format("%d/%m/%Y"),
                        e.jours_restants,
                        if e.reconduction_tacite {
                            ", reconduction tacite"
                        } else {
                            ""
                        },
                        e.titre
                    );
                    ecrire(&mut sortie, &ligne)?;
                }
            }
        }
        Commande::Echeancier { seance, au, json } => {
            // The core reads no clock: "today" is decided here, at the edge.
            let au = au.unwrap_or_else(|| chrono::Local::now().date_naive());
            let e = registre.echeancier(seance.as_deref(), au)?;
            let texte = if json {
                en_json(&e) + "\n"
            } else {
                echeancier_en_texte(&e)
            };
            ecrire(&mut sortie, &texte)?;
        }
        Commande::Check { numero, json } => {
            let verifications = registre.verifier(numero.as_deref())?;
            let texte = if json {
                en_json(&verifications) + "\n"
            } else {
                verifications.iter().map(verification_en_texte).collect()
            };
            ecrire(&mut sortie, &texte)?;
            let bloquant = verifications
                .iter()
                .flat_map(|v| &v.diagnostics)
                .any(|d| d.gravite == Gravite::Erreur);
            if bloquant {
                return Ok(ExitCode::from(CODE_ANOMALIES_BLOQUANTES));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn echeancier_en_texte(e: &registre_core::echeancier::Echeancier) -> String {
    if e.obligations.is_empty() {
        return format!(
            "Aucune échéance au {} : le registre ne contient aucune séance.\n",
            e.au.format("%d/%m/%Y")
        );
    }
    let mut t = format!("Échéancier au {} :\n", e.au.format("%d/%m/%Y"));
    for o in &e.obligations {
        let seance = o
            .date_seance
            .map(|d| format!("séance du {} — ", d.format("%d/%m/%Y")))
            .unwrap_or_default();
        let etat = match (o.jours_de_retard, o.faite_le) {
            (Some(j), _) => format!("{} ({j} j)", o.etat.libelle()),
            (None, Some(le)) => format!("{} le {}", o.etat.libelle(), le.format("%d/%m/%Y")),
            (None, None) => o.etat.libelle().to_owned(),
        };
        t.push_str(&format!(
            "{etat:<18}  échéance : {:<12}  {seance}{} ({})\n",
            o.echeance_affichee, o.libelle, o.article
        ));
    }
    t
}

fn verification_en_texte(v: &Verification) -> String {
    if v.diagnostics.is_empty() {
        return format!("{} : aucune anomalie.\n", v.numero);
    }
    let mut t = format!("{} :\n", v.numero);
    for d in &v.diagnostics {
        let gravite = match d.gravite {
            Gravite::Erreur => "ERREUR",
            Gravite::Avertissement => "AVERTISSEMENT",
            Gravite::Information => "INFORMATION",
        };
        t.push_str(&format!(
            "  [{gravite}] {} ({}) : {}\n",
            d.article,
            code_texte(d),
            d.message
        ));
    }
    t
}

fn code_texte(d: &Diagnostic) -> String {
    serde_json::to_value(d.code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn en_json<T: serde::Serialize>(valeur: &T) -> String {
    serde_json::to_string_pretty(valeur).expect("the read models always serialize")
}

fn en_texte(d: &DeliberationDetail) -> String {
    let c = &d.comptes;
    let liste = |noms: &[String]| {
        if noms.is_empty() {
            "—".to_owned()
        } else {
            noms.join(", ")
        }
    };
    let mut t = String::new();
    t.push_str(&format!("Commune de {}\n", d.commune));
    t.push_str(&format!(
        "Délibération n° {}  [{}]\n",
        d.numero,
        d.statut.libelle()
    ));
    t.push_str(&format!("{}\n\n", d.objet));
    t.push_str(&format!(
        "Séance du {} à {}, {}, sous la présidence de {}\n",
        d.date_seance.format("%d/%m/%Y"),
        d.heure_seance.format("%H:%M"),
        d.lieu,
        d.president
    ));
    t.push_str(&format!(
        "Date de la convocation : {}\n",
        d.date_convocation.format("%d/%m/%Y")
    ));
    t.push_str(&format!(
        "Membres en exercice : {}   présents : {}   absents : {}   dont représentés : {}   votants : {}\n",
        c.en_exercice, c.presents, c.absents, c.representes, c.votants
    ));
    t.push_str(&format!("Sont présents : {}\n", liste(&d.presents)));
    let pouvoirs: Vec<String> = d
        .procurations
        .iter()
        .map(|p| format!("{} (Pouvoir à {})", p.mandant, p.mandataire))
        .collect();
    t.push_str(&format!(
        "Absents excusés ayant donné pouvoir : {}\n",
        liste(&pouvoirs)
    ));
    t.push_str(&format!(
        "Absents excusés : {}\n",
        liste(&d.absents_excuses)
    ));
    if !d.absents.is_empty() {
        t.push_str(&format!("Absents : {}\n", liste(&d.absents)));
    }
    t.push_str(&format!(
        "Secrétaire(s) de séance : {}\n",
        liste(&d.secretaires)
    ));
    if let Some(r) = &d.rapporteur {
        t.push_str(&format!("Rapporteur : {r}\n"));
    }
    t.push('\n');
    for alinea in &d.expose {
        t.push_str(&format!("{}\n\n", alinea.brut()));
    }
    t.push_str(&format!(
        "Le conseil municipal, après en avoir délibéré, {},\n\n",
        d.formule_vote
    ));
    for decision in &d.decisions {
        t.push_str(&format!("► {} {}\n", decision.verbe, decision.texte));
    }
    if let Some(conv) = &d.convention {
        t.push_str(&format!("\nAnnexe : {}\n", conv.titre));
        if let Some(montant) = &conv.montant {
            t.push_str(&format!("Montant calculé : {montant}\n"));
        }
    }
    t
}
