//! Desktop shell of Registre: opens the register, then exposes a few thin
//! IPC commands over `registre-core`. No business logic lives here.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use registre_core::avancement::{Annulation, Avancement, EtapeOperation};
use registre_core::cycle::{Commentaire, DemandeTransition, Role};
use registre_core::domaine::actes::Matiere;
use registre_core::domaine::{Commune, Convention, DecisionMaire, Elu, Seance};
use registre_core::echeancier::Echeancier;
use registre_core::pdf::{DemandePdf, DocumentDeliberation, DocumentSeance, PdfRendu};
use registre_core::recherche::{RequeteRecherche, ResultatsRecherche};
use registre_core::regles::Diagnostic;
use registre_core::vues::{EluResume, SeanceResume};
use registre_core::{
    AttenteMaire, ControlePdf, DeliberationDetail, DeliberationResume, Enregistrement,
    EntreeHistorique, Erreur, ErreurIpc, EtatRegistre, Redaction, Registre, Revue, TableauDeBord,
};
use registre_core::{ConventionResume, SaisieDecision};
use tauri::ipc::Response;
use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_fs::FsExt;
use tauri_plugin_opener::OpenerExt;

/// Environment variable that overrides the database directory (used by the
/// end-to-end tests and the demo launcher).
pub const VARIABLE_BASE: &str = "REGISTRE_DB";

/// The register, opened at start-up. If opening failed (database held by
/// another Registre process, written by a newer version, no data
/// directory...), the app still starts: every command returns the error as an
/// [`ErreurIpc`] so the UI can explain it, and the next command tries to open
/// the register again (the UI's « Réessayer » works once the other process
/// has closed the database).
pub struct RegistreOuvert {
    dossier: Result<PathBuf, ErreurIpc>,
    registre: Mutex<Option<Registre>>,
}

impl RegistreOuvert {
    pub fn ouvrir() -> Self {
        let dossier = dossier_base().map_err(ErreurIpc::from);
        let etat = RegistreOuvert {
            dossier,
            registre: Mutex::new(None),
        };
        if let Err(erreur) = etat.registre() {
            eprintln!(
                "registre-app : ouverture du registre impossible : {}",
                erreur.message
            );
        }
        etat
    }

    /// The open register (a cheap clone of the sled handle), opening it first
    /// if that has not succeeded yet.
    fn registre(&self) -> Result<Registre, ErreurIpc> {
        let dossier = self.dossier.as_ref().map_err(Clone::clone)?;
        let mut registre = self.registre.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(ouvert) = registre.as_ref() {
            return Ok(ouvert.clone());
        }
        let ouvert = Registre::ouvrir(dossier)?;
        *registre = Some(ouvert.clone());
        Ok(ouvert)
    }
}

/// `REGISTRE_DB` when set and non-empty, else the per-user default location.
fn dossier_base() -> Result<PathBuf, Erreur> {
    match std::env::var_os(VARIABLE_BASE) {
        Some(dossier) if !dossier.is_empty() => Ok(PathBuf::from(dossier)),
        _ => registre_core::dossier_par_defaut().ok_or_else(|| {
            Erreur::Interne(format!(
                "impossible de déterminer le dossier de données de l'utilisateur ; \
                 indiquez l'emplacement du registre avec la variable {VARIABLE_BASE}"
            ))
        }),
    }
}

/// When the process started, for `scripts/mesurer-demarrage.sh`.
static DEBUT: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
static PREMIER_APPEL: std::sync::Once = std::sync::Once::new();

/// The interface's first call (it asks for the register's state once it is
/// mounted) marks it interactive: with REGISTRE_MESURE_DEMARRAGE set, the
/// time since start is printed for the measuring script.
fn noter_interface_prete() {
    PREMIER_APPEL.call_once(|| {
        if std::env::var_os("REGISTRE_MESURE_DEMARRAGE").is_some() {
            if let Some(debut) = DEBUT.get() {
                eprintln!(
                    "registre-app : interface prête en {} ms",
                    debut.elapsed().as_millis()
                );
            }
        }
    });
}

#[tauri::command]
async fn etat_registre(etat: State<'_, RegistreOuvert>) -> Result<EtatRegistre, ErreurIpc> {
    noter_interface_prete();
    Ok(etat.registre()?.etat()?)
}

#[tauri::command]
async fn lister_deliberations(
    etat: State<'_, RegistreOuvert>,
) -> Result<Vec<DeliberationResume>, ErreurIpc> {
    Ok(etat.registre()?.lister_deliberations()?)
}

#[tauri::command]
async fn lire_deliberation(
    etat: State<'_, RegistreOuvert>,
    numero: String,
) -> Result<DeliberationDetail, ErreurIpc> {
    Ok(etat.registre()?.lire_deliberation(&numero)?)
}

#[tauri::command]
async fn charger_demo(etat: State<'_, RegistreOuvert>) -> Result<EtatRegistre, ErreurIpc> {
    let registre = etat.registre()?;
    registre.charger_demo(chrono::Local::now().naive_local())?;
    Ok(registre.etat()?)
}

#[tauri::command]
async fn lister_seances(etat: State<'_, RegistreOuvert>) -> Result<Vec<SeanceResume>, ErreurIpc> {
    Ok(etat.registre()?.lister_seances()?)
}

#[tauri::command]
async fn lire_seance(etat: State<'_, RegistreOuvert>, id: String) -> Result<Seance, ErreurIpc> {
    Ok(etat.registre()?.lire_seance(&id)?)
}

#[tauri::command]
async fn lister_elus(etat: State<'_, RegistreOuvert>) -> Result<Vec<EluResume>, ErreurIpc> {
    Ok(etat.registre()?.lister_elus()?)
}

#[tauri::command]
async fn lire_elu(etat: State<'_, RegistreOuvert>, id: String) -> Result<Elu, ErreurIpc> {
    Ok(etat.registre()?.lire_elu(&id)?)
}

/// Adds or changes an élu (screen « Élus »); refused, the field named, when
/// it would contradict the council or a signed act.
#[tauri::command]
async fn enregistrer_elu(etat: State<'_, RegistreOuvert>, elu: Elu) -> Result<Elu, ErreurIpc> {
    Ok(etat.registre()?.enregistrer_elu(elu)?)
}

/// Live legal checks of the séance as typed in the editor; saves nothing.
#[tauri::command]
async fn verifier_seance(
    etat: State<'_, RegistreOuvert>,
    seance: Seance,
) -> Result<Vec<Diagnostic>, ErreurIpc> {
    Ok(etat.registre()?.verifier_seance(&seance)?)
}

#[tauri::command]
async fn enregistrer_seance(
    etat: State<'_, RegistreOuvert>,
    seance: Seance,
) -> Result<Seance, ErreurIpc> {
    Ok(etat.registre()?.enregistrer_seance(seance)?)
}

/// Renders one of the register's documents, dated now (the core reads no clock).
fn rendre_pdf(etat: &RegistreOuvert, demande: &DemandePdf) -> Result<PdfRendu, ErreurIpc> {
    let edition = chrono::Local::now().naive_local();
    Ok(etat.registre()?.rendre_pdf(demande, edition)?)
}

/// The PDF's bytes, sent as a raw binary body (an `ArrayBuffer` in the UI).
#[tauri::command]
async fn pdf_deliberation(
    etat: State<'_, RegistreOuvert>,
    numero: String,
    document: DocumentDeliberation,
) -> Result<Response, ErreurIpc> {
    let rendu = rendre_pdf(&etat, &DemandePdf::deliberation(numero, document))?;
    Ok(Response::new(rendu.octets))
}

/// Tests drive the commands without the native dialogs and set this.
const VARIABLE_CHEMINS_LIBRES: &str = "REGISTRE_CHEMINS_LIBRES";

/// File access only through the dialogs: a path is accepted when the user
/// chose it (or the folder holding it) in « Enregistrer sous… » / « Ouvrir… »,
/// which records it in the file-system scope. A script that got into the
/// webview cannot make Registre read or write anywhere else.
fn exiger_choix_de_l_utilisateur(app: &AppHandle, chemin: &Path) -> Result<(), ErreurIpc> {
    if std::env::var(VARIABLE_CHEMINS_LIBRES).as_deref() == Ok("1") {
        return Ok(());
    }
    let scope = app.fs_scope();
    let choisi = scope.is_allowed(chemin)
        || chemin
            .parent()
            .is_some_and(|dossier| scope.is_allowed(dossier));
    if choisi {
        Ok(())
    } else {
        Err(ErreurIpc {
            code: registre_core::CodeErreur::CheminNonAutorise,
            message: format!(
                "« {} » n'a pas été choisi dans une fenêtre « Enregistrer sous… » ou « Ouvrir… » : Registre ne lit et n'écrit un fichier que là où vous l'avez choisi.",
                chemin.display()
            ),
            motifs: None,
            champ: None,
        })
    }
}

/// Writes the PDF where the user chose in the « Enregistrer sous… » dialog.
fn ecrire_pdf(etat: &RegistreOuvert, demande: &DemandePdf, chemin: &Path) -> Result<(), ErreurIpc> {
    let rendu = rendre_pdf(etat, demande)?;
    Ok(registre_core::ecrire_atomiquement(chemin, &rendu.octets)?)
}

/// Writes the PDF to the system's temporary folder and opens it with the
/// default PDF viewer. Opened from here, so the UI needs no opener permission.
fn ouvrir_dans_visionneuse(
    app: &AppHandle,
    etat: &RegistreOuvert,
    demande: &DemandePdf,
) -> Result<(), ErreurIpc> {
    let rendu = rendre_pdf(etat, demande)?;
    ouvrir_octets_dans_visionneuse(app, demande, &rendu.octets)
}

/// Writes an already rendered PDF to the temporary folder and opens it.
fn ouvrir_octets_dans_visionneuse(
    app: &AppHandle,
    demande: &DemandePdf,
    octets: &[u8],
) -> Result<(), ErreurIpc> {
    let chemin = std::env::temp_dir().join(demande.nom_de_fichier());
    registre_core::ecrire_atomiquement(&chemin, octets)?;
    app.opener()
        .open_path(chemin.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            ErreurIpc::from(Erreur::Interne(format!(
                "aucune application n'a pu ouvrir « {} » : {e}",
                chemin.display()
            )))
        })
}

/// Saves one of a deliberation's documents (« Enregistrer sous… »).
#[tauri::command]
async fn enregistrer_pdf(
    app: AppHandle,
    etat: State<'_, RegistreOuvert>,
    numero: String,
    document: DocumentDeliberation,
    chemin: PathBuf,
) -> Result<(), ErreurIpc> {
    exiger_choix_de_l_utilisateur(&app, &chemin)?;
    ecrire_pdf(&etat, &DemandePdf::deliberation(numero, document), &chemin)
}

/// Opens one of a deliberation's documents in the system's PDF viewer.
#[tauri::command]
async fn ouvrir_pdf(
    app: AppHandle,
    etat: State<'_, RegistreOuvert>,
    numero: String,
    document: DocumentDeliberation,
) -> Result<(), ErreurIpc> {
    ouvrir_dans_visionneuse(&app, &etat, &DemandePdf::deliberation(numero, document))
}

/// Saves a séance's convocation or list of deliberations (« Enregistrer sous… »).
#[tauri::command]
async fn enregistrer_pdf_seance(
    app: AppHandle,
    etat: State<'_, RegistreOuvert>,
    id: String,
    document: DocumentSeance,
    chemin: PathBuf,
) -> Result<(), ErreurIpc> {
    exiger_choix_de_l_utilisateur(&app, &chemin)?;
    ecrire_pdf(&etat, &DemandePdf::seance(id, document), &chemin)
}

/// Opens a séance's convocation or list of deliberations in the system's PDF viewer.
#[tauri::command]
async fn ouvrir_pdf_seance(
    app: AppHandle,
    etat: State<'_, RegistreOuvert>,
    id: String,
    document: DocumentSeance,
) -> Result<(), ErreurIpc> {
    ouvrir_dans_visionneuse(&app, &etat, &DemandePdf::seance(id, document))
}

// Drafting and the mayor's review. The UI says which role acts (the
// profile chosen in the app); the core records it with the name.

fn maintenant() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// The long operations under way, by the identifier the UI gave each, so
/// that its « Annuler » button reaches the right one.
#[derive(Default)]
struct OperationsEnCours(Mutex<HashMap<String, Annulation>>);

/// Runs a long operation on a blocking thread (the other commands, « Annuler »
/// first, stay answered), each step sent to the window as an `avancement`
/// event carrying the UI's `operation` identifier.
async fn operation_longue<T: Send + 'static>(
    app: &AppHandle,
    operation: Option<String>,
    travail: impl FnOnce(&Avancement) -> Result<T, Erreur> + Send + 'static,
) -> Result<T, ErreurIpc> {
    let annulation = Annulation::default();
    let en_cours = app.state::<OperationsEnCours>();
    if let Some(id) = &operation {
        let mut operations = en_cours.0.lock().unwrap_or_else(PoisonError::into_inner);
        operations.insert(id.clone(), annulation.clone());
    }
    let fenetre = app.clone();
    let id = operation.clone();
    let resultat = tauri::async_runtime::spawn_blocking(move || {
        let avancement = Avancement::new(annulation, move |fait, total| {
            if let Some(operation) = &id {
                let etape = EtapeOperation {
                    operation: operation.clone(),
                    fait,
                    total,
                };
                // A lost progress event only leaves the bar behind.
                let _ = fenetre.emit("avancement", etape);
            }
        });
        travail(&avancement)
    })
    .await;
    if let Some(id) = &operation {
        let mut operations = en_cours.0.lock().unwrap_or_else(PoisonError::into_inner);
        operations.remove(id);
    }
    let resultat =
        resultat.map_err(|e| Erreur::Interne(format!("l'opération s'est interrompue : {e}")))?;
    Ok(resultat?)
}

/// « Annuler » on a long operation: it stops at its next step and writes
/// nothing; an operation already finished is left as it is.
#[tauri::command]
async fn annuler_operation(
    en_cours: State<'_, OperationsEnCours>,
    operation: String,
) -> Result<(), ErreurIpc> {
    let operations = en_cours.0.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(annulation) = operations.get(&operation) {
        annulation.annuler();
    }
    Ok(())
}

#[tauri::command]
async fn proposer_numero(
    etat: State<'_, RegistreOuvert>,
    seance: String,
) -> Result<String, ErreurIpc> {
    Ok(etat.registre()?.proposer_numero(&seance)?)
}

#[tauri::command]
async fn lire_redaction(
    etat: State<'_, RegistreOuvert>,
    numero: String,
) -> Result<Redaction, ErreurIpc> {
    Ok(etat.registre()?.lire_redaction(&numero)?)
}

#[tauri::command]
async fn enregistrer_redaction(
    etat: State<'_, RegistreOuvert>,
    redaction: Redaction,
    role: Role,
) -> Result<Enregistrement, ErreurIpc> {
    let r = etat.registre()?;
    Ok(r.enregistrer_redaction(redaction, &r.acteur(role)?, maintenant())?)
}

#[tauri::command]
async fn creer_depuis(
    etat: State<'_, RegistreOuvert>,
    modele: String,
    seance: String,
    role: Role,
) -> Result<Enregistrement, ErreurIpc> {
    let r = etat.registre()?;
    Ok(r.creer_depuis(&modele, &seance, &r.acteur(role)?, maintenant())?)
}

#[tauri::command]
async fn changer_statut(
    etat: State<'_, RegistreOuvert>,
    numero: String,
    demande: DemandeTransition,
    role: Role,
) -> Result<Enregistrement, ErreurIpc> {
    let r = etat.registre()?;
    Ok(r.changer_statut(&numero, &demande, &r.acteur(role)?, maintenant(), None)?)
}

#[tauri::command]
async fn commenter(
    etat: State<'_, RegistreOuvert>,
    numero: String,
    texte: String,
    role: Role,
) -> Result<Commentaire, ErreurIpc> {
    let r = etat.registre()?;
    Ok(r.commenter(&numero, &texte, &r.acteur(role)?, maintenant())?)
}

#[tauri::command]
async fn resoudre_commentaire(
    etat: State<'_, RegistreOuvert>,
    numero: String,
    id: u32,
    role: Role,
) -> Result<Commentaire, ErreurIpc> {
    let r = etat.registre()?;
    Ok(r.resoudre_commentaire(&numero, id, &r.acteur(role)?, maintenant())?)
}

/// The mayor has read the current version (his review view calls it); the
/// core refuses it for another role.
#[tauri::command]
async fn marquer_lu(
    etat: State<'_, RegistreOuvert>,
    numero: String,
    role: Role,
) -> Result<u32, ErreurIpc> {
    let r = etat.registre()?;
    Ok(r.marquer_lu(&numero, &r.acteur(role)?, maintenant())?)
}

#[tauri::command]
async fn revue(etat: State<'_, RegistreOuvert>, numero: String) -> Result<Revue, ErreurIpc> {
    Ok(etat.registre()?.revue(&numero)?)
}

#[tauri::command]
async fn a_relire(etat: State<'_, RegistreOuvert>) -> Result<Vec<AttenteMaire>, ErreurIpc> {
    Ok(etat.registre()?.a_relire()?)
}

#[tauri::command]
async fn historique(
    etat: State<'_, RegistreOuvert>,
    numero: String,
) -> Result<Vec<EntreeHistorique>, ErreurIpc> {
    Ok(etat.registre()?.historique(&numero)?)
}

#[tauri::command]
async fn lister_matieres() -> Result<Vec<Matiere>, ErreurIpc> {
    Ok(registre_core::domaine::actes::matieres().to_vec())
}

/// Says whether the PDF file the user picked is one recorded at a signature.
#[tauri::command]
async fn controler_pdf(
    app: AppHandle,
    etat: State<'_, RegistreOuvert>,
    chemin: PathBuf,
) -> Result<ControlePdf, ErreurIpc> {
    exiger_choix_de_l_utilisateur(&app, &chemin)?;
    let octets =
        std::fs::read(&chemin).map_err(|source| Erreur::EntreeSortie { chemin, source })?;
    Ok(etat.registre()?.controler_pdf(&octets)?)
}

/// Saves the PDF recorded at signature, byte for byte (« Enregistrer sous… »).
#[tauri::command]
async fn enregistrer_pdf_signe(
    app: AppHandle,
    etat: State<'_, RegistreOuvert>,
    numero: String,
    chemin: PathBuf,
) -> Result<(), ErreurIpc> {
    exiger_choix_de_l_utilisateur(&app, &chemin)?;
    let octets = etat.registre()?.pdf_signe(&numero)?;
    Ok(registre_core::ecrire_atomiquement(&chemin, &octets)?)
}

/// Open data: the SCDL CSV of the signed acts, written where the user chose.
#[tauri::command]
async fn exporter_scdl(
    app: AppHandle,
    etat: State<'_, RegistreOuvert>,
    annee: Option<i32>,
    chemin: PathBuf,
) -> Result<(), ErreurIpc> {
    exiger_choix_de_l_utilisateur(&app, &chemin)?;
    let csv = etat.registre()?.exporter_scdl(annee)?;
    Ok(registre_core::ecrire_atomiquement(&chemin, csv)?)
}

/// The ACTES package of a signed act, in a new or empty folder.
#[tauri::command]
async fn preparer_paquet_actes(
    app: AppHandle,
    etat: State<'_, RegistreOuvert>,
    numero: String,
    dossier: PathBuf,
    classification: Option<chrono::NaiveDate>,
) -> Result<Vec<String>, ErreurIpc> {
    exiger_choix_de_l_utilisateur(&app, &dossier)?;
    let (_, fichiers) = etat
        .registre()?
        .paquet_actes(&numero, classification, maintenant())?;
    registre_core::ecrire_dans_dossier_neuf(&dossier, &fichiers)?;
    Ok(fichiers.into_iter().map(|f| f.nom).collect())
}

/// The signed PDFs of a period and the index page, in a new or empty folder.
#[tauri::command]
async fn exporter_publication(
    app: AppHandle,
    etat: State<'_, RegistreOuvert>,
    du: chrono::NaiveDate,
    au: chrono::NaiveDate,
    dossier: PathBuf,
    operation: Option<String>,
) -> Result<u32, ErreurIpc> {
    exiger_choix_de_l_utilisateur(&app, &dossier)?;
    let registre = etat.registre()?;
    let fichiers = operation_longue(&app, operation, move |avancement| {
        registre.publication_suivie(du, au, maintenant().date(), avancement)
    })
    .await?;
    registre_core::ecrire_dans_dossier_neuf(&dossier, &fichiers)?;
    Ok(fichiers.len() as u32 - 1)
}

/// The file name the core gives a document (Windows-safe), proposed in the
/// « Enregistrer sous… » dialog.
#[tauri::command]
async fn nom_fichier_pdf(demande: DemandePdf) -> Result<String, ErreurIpc> {
    Ok(demande.nom_de_fichier())
}

/// Full-text search, as the clerk types.
#[tauri::command]
async fn rechercher(
    etat: State<'_, RegistreOuvert>,
    requete: RequeteRecherche,
) -> Result<ResultatsRecherche, ErreurIpc> {
    Ok(etat.registre()?.rechercher(&requete)?)
}

/// The legal due dates of a séance (or of the whole register) for today.
#[tauri::command]
async fn echeancier(
    etat: State<'_, RegistreOuvert>,
    seance: Option<String>,
) -> Result<Echeancier, ErreurIpc> {
    Ok(etat
        .registre()?
        .echeancier(seance.as_deref(), maintenant().date())?)
}

/// Saves the annual register of a year (« Enregistrer sous… »).
#[tauri::command]
async fn enregistrer_pdf_registre(
    app: AppHandle,
    etat: State<'_, RegistreOuvert>,
    annee: i32,
    chemin: PathBuf,
    operation: Option<String>,
) -> Result<(), ErreurIpc> {
    exiger_choix_de_l_utilisateur(&app, &chemin)?;
    let octets = rendre_registre_annuel(&app, &etat, annee, operation).await?;
    Ok(registre_core::ecrire_atomiquement(&chemin, &octets)?)
}

/// The annual register of `annee`, its slices reported as it goes.
async fn rendre_registre_annuel(
    app: &AppHandle,
    etat: &RegistreOuvert,
    annee: i32,
    operation: Option<String>,
) -> Result<Vec<u8>, ErreurIpc> {
    let registre = etat.registre()?;
    operation_longue(app, operation, move |avancement| {
        let demande = DemandePdf::Registre(annee);
        Ok(registre
            .rendre_pdf_suivi(&demande, maintenant(), avancement)?
            .octets)
    })
    .await
}

/// Opens the annual register of a year in the system's PDF viewer.
#[tauri::command]
async fn ouvrir_pdf_registre(
    app: AppHandle,
    etat: State<'_, RegistreOuvert>,
    annee: i32,
    operation: Option<String>,
) -> Result<(), ErreurIpc> {
    let octets = rendre_registre_annuel(&app, &etat, annee, operation).await?;
    ouvrir_octets_dans_visionneuse(&app, &DemandePdf::Registre(annee), &octets)
}

#[tauri::command]
async fn lister_conventions(
    etat: State<'_, RegistreOuvert>,
) -> Result<Vec<ConventionResume>, ErreurIpc> {
    Ok(etat.registre()?.lister_conventions()?)
}

#[tauri::command]
async fn lire_convention(
    etat: State<'_, RegistreOuvert>,
    id: String,
) -> Result<Convention, ErreurIpc> {
    Ok(etat.registre()?.lire_convention(&id)?)
}

/// Live checks of a convention as typed; saves nothing.
#[tauri::command]
async fn verifier_convention(
    etat: State<'_, RegistreOuvert>,
    convention: Convention,
) -> Result<Vec<Diagnostic>, ErreurIpc> {
    Ok(etat.registre()?.verifier_convention(&convention)?)
}

#[tauri::command]
async fn enregistrer_convention(
    etat: State<'_, RegistreOuvert>,
    convention: Convention,
) -> Result<Convention, ErreurIpc> {
    Ok(etat.registre()?.enregistrer_convention(convention)?)
}

/// The same convention for the next period, saved, ready for its deliberation.
#[tauri::command]
async fn renouveler_convention(
    etat: State<'_, RegistreOuvert>,
    id: String,
) -> Result<Convention, ErreurIpc> {
    Ok(etat.registre()?.renouveler_convention(&id)?)
}

/// The maire's decisions by delegation, by date (L2122-22).
#[tauri::command]
async fn lister_decisions_maire(
    etat: State<'_, RegistreOuvert>,
    annee: Option<i32>,
) -> Result<Vec<DecisionMaire>, ErreurIpc> {
    Ok(etat.registre()?.lister_decisions_maire(annee)?)
}

#[tauri::command]
async fn enregistrer_decision_maire(
    etat: State<'_, RegistreOuvert>,
    saisie: SaisieDecision,
) -> Result<DecisionMaire, ErreurIpc> {
    Ok(etat.registre()?.enregistrer_decision_maire(saisie)?)
}

/// The commune's profile, for the Paramètres page.
#[tauri::command]
async fn lire_commune(etat: State<'_, RegistreOuvert>) -> Result<Commune, ErreurIpc> {
    Ok(etat.registre()?.lire_commune()?)
}

#[tauri::command]
async fn enregistrer_commune(
    etat: State<'_, RegistreOuvert>,
    commune: Commune,
) -> Result<Commune, ErreurIpc> {
    Ok(etat.registre()?.enregistrer_commune(commune)?)
}

/// The commune's logo as a `data:` URL for Paramètres, or null.
#[tauri::command]
async fn lire_logo(etat: State<'_, RegistreOuvert>) -> Result<Option<String>, ErreurIpc> {
    Ok(etat.registre()?.logo()?.map(|l| l.url_de_donnees()))
}

/// Keeps the image chosen in « Choisir un logo… » (PNG or JPEG, checked by
/// the core) and returns it as a `data:` URL.
#[tauri::command]
async fn enregistrer_logo(
    app: AppHandle,
    etat: State<'_, RegistreOuvert>,
    chemin: PathBuf,
) -> Result<String, ErreurIpc> {
    use std::io::Read;
    exiger_choix_de_l_utilisateur(&app, &chemin)?;
    // One byte over the limit is enough for the core to refuse a huge file.
    let mut octets = Vec::new();
    std::fs::File::open(&chemin)
        .and_then(|f| {
            f.take(registre_core::logo::TAILLE_MAX as u64 + 1)
                .read_to_end(&mut octets)
        })
        .map_err(|source| Erreur::EntreeSortie { chemin, source })?;
    Ok(etat.registre()?.enregistrer_logo(octets)?.url_de_donnees())
}

#[tauri::command]
async fn retirer_logo(etat: State<'_, RegistreOuvert>) -> Result<(), ErreurIpc> {
    Ok(etat.registre()?.retirer_logo()?)
}

/// A register that no longer opens (damaged files) is rebuilt from its
/// newest automatic copy; the damaged folder is kept aside. Only when the
/// register is not open: an open register is not damaged.
#[tauri::command]
async fn reparer_registre(etat: State<'_, RegistreOuvert>) -> Result<EtatRegistre, ErreurIpc> {
    let dossier = etat.dossier.as_ref().map_err(Clone::clone)?;
    let mut ouvert = etat.registre.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(r) = ouvert.as_ref() {
        return Ok(r.etat()?);
    }
    let (registre, _) = registre_core::reparer_depuis_la_derniere_copie(dossier, maintenant())?;
    *ouvert = Some(registre.clone());
    Ok(registre.etat()?)
}

/// The file name of the newest automatic copy, offered when the register
/// does not open.
#[tauri::command]
async fn derniere_copie(etat: State<'_, RegistreOuvert>) -> Result<Option<String>, ErreurIpc> {
    let dossier = etat.dossier.as_ref().map_err(Clone::clone)?;
    Ok(registre_core::derniere_copie_de(dossier)
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned())))
}

/// How many automatic copies are kept (Sauvegarde screen).
#[tauri::command]
async fn copies_a_garder(etat: State<'_, RegistreOuvert>) -> Result<u32, ErreurIpc> {
    Ok(etat.registre()?.copies_a_garder()? as u32)
}

#[tauri::command]
async fn definir_copies_a_garder(
    etat: State<'_, RegistreOuvert>,
    nombre: u32,
) -> Result<u32, ErreurIpc> {
    Ok(etat.registre()?.definir_copies_a_garder(nombre)? as u32)
}

/// The home dashboard for today.
#[tauri::command]
async fn tableau_de_bord(etat: State<'_, RegistreOuvert>) -> Result<TableauDeBord, ErreurIpc> {
    Ok(etat.registre()?.tableau_de_bord(maintenant().date())?)
}

/// « Sauvegarder sous… »: the whole register, history and signed PDFs included.
#[tauri::command]
async fn sauvegarder_sous(
    app: AppHandle,
    etat: State<'_, RegistreOuvert>,
    chemin: PathBuf,
    operation: Option<String>,
) -> Result<(), ErreurIpc> {
    exiger_choix_de_l_utilisateur(&app, &chemin)?;
    let registre = etat.registre()?;
    let texte = operation_longue(&app, operation, move |avancement| {
        registre.sauvegarder_suivi(maintenant(), avancement)
    })
    .await?;
    Ok(registre_core::ecrire_atomiquement(&chemin, texte)?)
}

/// « Restaurer… »: the file is checked whole before anything is replaced.
#[tauri::command]
async fn restaurer_sauvegarde(
    app: AppHandle,
    etat: State<'_, RegistreOuvert>,
    chemin: PathBuf,
    operation: Option<String>,
) -> Result<EtatRegistre, ErreurIpc> {
    exiger_choix_de_l_utilisateur(&app, &chemin)?;
    let texte = std::fs::read_to_string(&chemin)
        .map_err(|source| Erreur::EntreeSortie { chemin, source })?;
    let registre = etat.registre()?;
    operation_longue(&app, operation, move |avancement| {
        registre.restaurer_suivi(&texte, avancement)?;
        registre.etat()
    })
    .await
}

/// The automatic copy: `quotidienne` writes only when the newest copy is
/// more than a day old. A failed copy is reported, never fatal.
fn sauvegarde_automatique(etat: &RegistreOuvert, quotidienne: bool) {
    let Ok(registre) = etat.registre() else {
        return;
    };
    let delai = quotidienne.then_some(24);
    let garder = registre
        .copies_a_garder()
        .unwrap_or(registre_core::sauvegarde::A_GARDER_PAR_DEFAUT);
    if let Err(erreur) = registre.sauvegarde_automatique(maintenant(), garder, delai) {
        eprintln!("registre-app : sauvegarde automatique impossible : {erreur}");
    }
}

/// WebKitGTK's accelerated compositing keeps GL surfaces and tiles for the
/// whole page: on a machine without a GPU (software GL, as under Xvfb) the
/// web process holds about 100 MB more at rest (measured: 326 → 226 MB PSS
/// for the process tree). Registre shows documents and forms, with no
/// animation that compositing would help, so it is turned off unless the
/// user chose otherwise. Set before GTK starts, while there is one thread.
fn rendu_sans_composition() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}

pub fn run() {
    DEBUT.get_or_init(std::time::Instant::now);
    rendu_sans_composition();
    let resultat = tauri::Builder::default()
        // First, so that a second launch exits before opening anything.
        .plugin(tauri_plugin_single_instance::init(
            |app, _args, _dossier| {
                if let Some(fenetre) = app.get_webview_window("main") {
                    let _ = fenetre.unminimize();
                    let _ = fenetre.show();
                    let _ = fenetre.set_focus();
                }
            },
        ))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_fs::init())
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            app.manage(RegistreOuvert::ouvrir());
            app.manage(OperationsEnCours::default());
            // Off the start-up path: the daily copy, then the search index,
            // so that the first search answers at once.
            let app = app.handle().clone();
            std::thread::spawn(move || {
                let etat = app.state::<RegistreOuvert>();
                sauvegarde_automatique(&etat, true);
                if let Ok(registre) = etat.registre() {
                    let _ = registre.preparer_recherche();
                }
            });
            Ok(())
        })
        .on_window_event(|fenetre, evenement| {
            // A copy on each close (the window is gone, the store still open).
            if let tauri::WindowEvent::Destroyed = evenement {
                sauvegarde_automatique(&fenetre.state::<RegistreOuvert>(), false);
            }
        })
        .invoke_handler(tauri::generate_handler![
            etat_registre,
            lister_deliberations,
            lire_deliberation,
            charger_demo,
            lister_seances,
            lire_seance,
            lister_elus,
            lire_elu,
            enregistrer_elu,
            verifier_seance,
            enregistrer_seance,
            pdf_deliberation,
            enregistrer_pdf,
            ouvrir_pdf,
            enregistrer_pdf_seance,
            ouvrir_pdf_seance,
            proposer_numero,
            lire_redaction,
            enregistrer_redaction,
            creer_depuis,
            changer_statut,
            commenter,
            resoudre_commentaire,
            marquer_lu,
            revue,
            a_relire,
            historique,
            lister_matieres,
            controler_pdf,
            enregistrer_pdf_signe,
            exporter_scdl,
            preparer_paquet_actes,
            exporter_publication,
            sauvegarder_sous,
            restaurer_sauvegarde,
            tableau_de_bord,
            rechercher,
            echeancier,
            enregistrer_pdf_registre,
            ouvrir_pdf_registre,
            nom_fichier_pdf,
            lire_commune,
            enregistrer_commune,
            lister_conventions,
            lire_convention,
            verifier_convention,
            enregistrer_convention,
            renouveler_convention,
            lister_decisions_maire,
            enregistrer_decision_maire,
            reparer_registre,
            derniere_copie,
            copies_a_garder,
            definir_copies_a_garder,
            annuler_operation,
            lire_logo,
            enregistrer_logo,
            retirer_logo
        ])
        .run(tauri::generate_context!());
    if let Err(erreur) = resultat {
        eprintln!("registre-app : échec du démarrage de l'application : {erreur}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    /// The names of the functions marked `#[tauri::command]` in this file.
    fn commandes_du_shell() -> Vec<String> {
        let source = include_str!("lib.rs");
        let mut noms = Vec::new();
        let mut lignes = source.lines();
        while let Some(ligne) = lignes.next() {
            if ligne.trim() != "#[tauri::command]" {
                continue;
            }
            let signature = lignes
                .by_ref()
                .find(|l| l.contains("fn "))
                .expect("a command attribute is followed by its function");
            let apres = &signature[signature.find("fn ").unwrap() + 3..];
            noms.push(apres.split(['(', '<']).next().unwrap().trim().to_owned());
        }
        noms
    }

    /// A command missing from build.rs or the capability is refused at run
    /// time (« not allowed. Command not found ») though it compiles: this
    /// guards the three lists against drifting apart.
    #[test]
    fn chaque_commande_est_declaree_dans_build_rs_et_permise_a_la_fenetre() {
        let build = include_str!("../build.rs");
        let capacite = include_str!("../capabilities/default.json");
        let commandes = commandes_du_shell();
        assert!(commandes.len() > 50, "{commandes:?}");
        for c in &commandes {
            assert!(
                build.contains(&format!("\"{c}\",")),
                "« {c} » absente de build.rs (COMMANDES)"
            );
            let permission = format!("\"allow-{}\"", c.replace('_', "-"));
            assert!(
                capacite.contains(&permission),
                "{permission} absente de capabilities/default.json"
            );
        }
    }
}
