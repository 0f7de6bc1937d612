// Unique point de passage vers le backend Rust (commandes Tauri).
// C'est le seul fichier autorisé à importer @tauri-apps/* (API et greffons).
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { open, save } from "@tauri-apps/plugin-dialog";
import type { AttenteMaire } from "./bindings/AttenteMaire";
import type { Commentaire } from "./bindings/Commentaire";
import type { Commune } from "./bindings/Commune";
import type { Convention } from "./bindings/Convention";
import type { ConventionResume } from "./bindings/ConventionResume";
import type { ControlePdf } from "./bindings/ControlePdf";
import type { DeliberationDetail } from "./bindings/DeliberationDetail";
import type { DeliberationResume } from "./bindings/DeliberationResume";
import type { Diagnostic } from "./bindings/Diagnostic";
import type { DocumentDeliberation } from "./bindings/DocumentDeliberation";
import type { DocumentSeance } from "./bindings/DocumentSeance";
import type { DemandePdf } from "./bindings/DemandePdf";
import type { DemandeTransition } from "./bindings/DemandeTransition";
import type { Echeancier } from "./bindings/Echeancier";
import type { Elu } from "./bindings/Elu";
import type { EluResume } from "./bindings/EluResume";
import type { Enregistrement } from "./bindings/Enregistrement";
import type { EntreeHistorique } from "./bindings/EntreeHistorique";
import type { EtapeOperation } from "./bindings/EtapeOperation";
import type { EtatRegistre } from "./bindings/EtatRegistre";
import type { Matiere } from "./bindings/Matiere";
import type { Redaction } from "./bindings/Redaction";
import type { RequeteRecherche } from "./bindings/RequeteRecherche";
import type { ResultatsRecherche } from "./bindings/ResultatsRecherche";
import type { Revue } from "./bindings/Revue";
import type { Role } from "./bindings/Role";
import type { Seance } from "./bindings/Seance";
import type { SeanceResume } from "./bindings/SeanceResume";
import type { TableauDeBord } from "./bindings/TableauDeBord";
import { normaliserErreur } from "./lib/erreurs";

async function appeler<T>(commande: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(commande, args);
  } catch (e: unknown) {
    // Toujours rejeter avec une ErreurIpc bien formée.
    throw normaliserErreur(e);
  }
}

export function etatRegistre(): Promise<EtatRegistre> {
  return appeler<EtatRegistre>("etat_registre");
}

export function listerDeliberations(): Promise<DeliberationResume[]> {
  return appeler<DeliberationResume[]>("lister_deliberations");
}

export function lireDeliberation(numero: string): Promise<DeliberationDetail> {
  return appeler<DeliberationDetail>("lire_deliberation", { numero });
}

export function chargerDemo(): Promise<EtatRegistre> {
  return appeler<EtatRegistre>("charger_demo");
}

/** Séances, la plus récente d'abord. */
export function listerSeances(): Promise<SeanceResume[]> {
  return appeler<SeanceResume[]>("lister_seances");
}

export function lireSeance(id: string): Promise<Seance> {
  return appeler<Seance>("lire_seance", { id });
}

/** Élus : le maire d'abord, puis par ordre alphabétique. */
export function listerElus(): Promise<EluResume[]> {
  return appeler<EluResume[]>("lister_elus");
}

export function lireElu(id: string): Promise<Elu> {
  return appeler<Elu>("lire_elu", { id });
}

/**
 * Enregistre l'élu (nouveau si son id est vide) et le renvoie avec son id ;
 * refus « donnee_invalide » nommant le champ (« elu.nom »), ou « acte_signe »
 * quand un acte signé imprime ce qui changerait.
 */
export function enregistrerElu(elu: Elu): Promise<Elu> {
  return appeler<Elu>("enregistrer_elu", { elu });
}

/** Contrôles juridiques de la séance telle que saisie ; n'enregistre rien. */
export function verifierSeance(seance: Seance): Promise<Diagnostic[]> {
  return appeler<Diagnostic[]>("verifier_seance", { seance });
}

/** Enregistre la séance (nouvelle si son id est vide) et la renvoie avec son id. */
export function enregistrerSeance(seance: Seance): Promise<Seance> {
  return appeler<Seance>("enregistrer_seance", { seance });
}

/**
 * Octets du PDF de la délibération (l'extrait seul, ou le dossier avec la
 * convention annexée). Le backend les envoie en binaire brut.
 */
export async function pdfDeliberation(
  numero: string,
  document: DocumentDeliberation,
): Promise<Uint8Array> {
  const octets = await appeler<ArrayBuffer | number[]>("pdf_deliberation", { numero, document });
  return octets instanceof ArrayBuffer ? new Uint8Array(octets) : Uint8Array.from(octets);
}

/** Ouvre le PDF dans la visionneuse du système (via un fichier temporaire). */
export async function ouvrirPdf(numero: string, document: DocumentDeliberation): Promise<void> {
  await appeler<null>("ouvrir_pdf", { numero, document });
}

/** Écrit le PDF à l'emplacement `chemin` (remplace un fichier existant). */
export async function enregistrerPdf(
  numero: string,
  document: DocumentDeliberation,
  chemin: string,
): Promise<void> {
  await appeler<null>("enregistrer_pdf", { numero, document, chemin });
}

/**
 * Ouvre un document de la séance (liste des délibérations, convocation ou
 * procès-verbal) dans la visionneuse du système (via un fichier temporaire).
 */
export async function ouvrirPdfSeance(id: string, document: DocumentSeance): Promise<void> {
  await appeler<null>("ouvrir_pdf_seance", { id, document });
}

/** Écrit un document de la séance à l'emplacement `chemin` (remplace un fichier existant). */
export async function enregistrerPdfSeance(
  id: string,
  document: DocumentSeance,
  chemin: string,
): Promise<void> {
  await appeler<null>("enregistrer_pdf_seance", { id, document, chemin });
}

/**
 * Ouvre le registre annuel d'une année (feuillets numérotés) dans la visionneuse
 * du système ; l'avancement arrive sous l'identifiant `operation`.
 */
export async function ouvrirPdfRegistre(annee: number, operation: string | null = null): Promise<void> {
  await appeler<null>("ouvrir_pdf_registre", { annee, operation });
}

/** Écrit le registre annuel d'une année à l'emplacement `chemin`. */
export async function enregistrerPdfRegistre(
  annee: number,
  chemin: string,
  operation: string | null = null,
): Promise<void> {
  await appeler<null>("enregistrer_pdf_registre", { annee, chemin, operation });
}

/**
 * Le nom de fichier que le cœur donne à un document : c'est lui qui est
 * proposé dans « Enregistrer sous… » (la règle vit dans le cœur seulement).
 */
export function nomFichierPdf(demande: DemandePdf): Promise<string> {
  return appeler<string>("nom_fichier_pdf", { demande });
}

/**
 * Dialogue « Enregistrer sous… » du système pour un PDF ; renvoie le chemin
 * choisi, ou null si l'utilisateur a annulé.
 */
export async function choisirEmplacementPdf(options: {
  titre: string;
  nomPropose: string;
  filtre: string;
}): Promise<string | null> {
  try {
    return await save({
      title: options.titre,
      defaultPath: options.nomPropose,
      filters: [{ name: options.filtre, extensions: ["pdf"] }],
    });
  } catch (e: unknown) {
    throw normaliserErreur(e);
  }
}

/**
 * Dialogue « Ouvrir » du système pour choisir un PDF ; renvoie le chemin
 * choisi, ou null si l'utilisateur a annulé.
 */
export async function choisirPdfAOuvrir(options: { titre: string; filtre: string }): Promise<string | null> {
  try {
    return await open({
      title: options.titre,
      multiple: false,
      directory: false,
      filters: [{ name: options.filtre, extensions: ["pdf"] }],
    });
  } catch (e: unknown) {
    throw normaliserErreur(e);
  }
}

// Rédaction et circuit de signature. `role` est le profil choisi dans
// l'en-tête (déclaratif, sans authentification) : le cœur l'inscrit dans
// l'historique.

/** Prochain numéro libre de l'année de la séance, par exemple "2024/053". */
export function proposerNumero(seance: string): Promise<string> {
  return appeler<string>("proposer_numero", { seance });
}

/** La délibération telle que le formulaire de rédaction l'édite. */
export function lireRedaction(numero: string): Promise<Redaction> {
  return appeler<Redaction>("lire_redaction", { numero });
}

/** Crée (numéro vide) ou met à jour un projet ; renvoie le numéro et la version. */
export function enregistrerRedaction(redaction: Redaction, role: Role): Promise<Enregistrement> {
  return appeler<Enregistrement>("enregistrer_redaction", { redaction, role });
}

/** Nouveau projet copié d'une délibération antérieure (modèle). */
export function creerDepuis(modele: string, seance: string, role: Role): Promise<Enregistrement> {
  return appeler<Enregistrement>("creer_depuis", { modele, seance, role });
}

/** Change le statut ; un refus arrive avec le code « transition_refusee ». */
export function changerStatut(
  numero: string,
  demande: DemandeTransition,
  role: Role,
): Promise<Enregistrement> {
  return appeler<Enregistrement>("changer_statut", { numero, demande, role });
}

export function commenter(numero: string, texte: string, role: Role): Promise<Commentaire> {
  return appeler<Commentaire>("commenter", { numero, texte, role });
}

export function resoudreCommentaire(numero: string, id: number, role: Role): Promise<Commentaire> {
  return appeler<Commentaire>("resoudre_commentaire", { numero, id, role });
}

/** Le maire a lu la version courante ; renvoie cette version. */
export function marquerLu(numero: string, role: Role): Promise<number> {
  return appeler<number>("marquer_lu", { numero, role });
}

/** Ce qui a changé depuis la dernière lecture du maire, et les commentaires. */
export function revue(numero: string): Promise<Revue> {
  return appeler<Revue>("revue", { numero });
}

/** Délibérations soumises au maire, la plus ancienne d'abord. */
export function aRelire(): Promise<AttenteMaire[]> {
  return appeler<AttenteMaire[]>("a_relire");
}

export function historique(numero: string): Promise<EntreeHistorique[]> {
  return appeler<EntreeHistorique[]>("historique", { numero });
}

/** Les matières de la nomenclature ACTES (8.1 Enseignement…). */
export function listerMatieres(): Promise<Matiere[]> {
  return appeler<Matiere[]>("lister_matieres");
}

/** Le PDF à `chemin` est-il exactement celui enregistré à une signature ? */
export function controlerPdf(chemin: string): Promise<ControlePdf> {
  return appeler<ControlePdf>("controler_pdf", { chemin });
}

/** Écrit à `chemin` le PDF enregistré à la signature, à l'octet près. */
export async function enregistrerPdfSigne(numero: string, chemin: string): Promise<void> {
  await appeler<null>("enregistrer_pdf_signe", { numero, chemin });
}

// Recherche et échéances légales.

/** Recherche plein texte (sans souci des accents ni des majuscules), avec ses filtres. */
export function rechercher(requete: RequeteRecherche): Promise<ResultatsRecherche> {
  return appeler<ResultatsRecherche>("rechercher", { requete });
}

/** Échéancier légal d'une séance (ou de tout le registre avec null), au jour d'aujourd'hui. */
export function echeancier(seance: string | null): Promise<Echeancier> {
  return appeler<Echeancier>("echeancier", { seance });
}

// Accueil, sauvegardes et exports.

/** Ce qui attend une action aujourd'hui : relectures, signatures, transmissions, conventions. */
export function tableauDeBord(): Promise<TableauDeBord> {
  return appeler<TableauDeBord>("tableau_de_bord");
}

/** Sauvegarde complète (registre, historique, commentaires, PDF signés) à `chemin`. */
export async function sauvegarderSous(chemin: string, operation: string | null = null): Promise<void> {
  await appeler<null>("sauvegarder_sous", { chemin, operation });
}

/**
 * Reçoit chaque étape de l'opération longue `operation` (registre annuel,
 * sauvegarde, publication) ; renvoie de quoi cesser l'écoute.
 */
export async function suivreOperation(
  operation: string,
  etape: (e: EtapeOperation) => void,
): Promise<() => void> {
  return listen<EtapeOperation>("avancement", (ev) => {
    if (ev.payload.operation === operation) etape(ev.payload);
  });
}

/** « Annuler » : l'opération s'arrête à sa prochaine étape, sans rien écrire (refus « annulee »). */
export async function annulerOperation(operation: string): Promise<void> {
  await appeler<null>("annuler_operation", { operation });
}

/**
 * Remplace tout le registre par la sauvegarde à `chemin`, vérifiée en entier
 * d'abord (refus « import_invalide » avec les raisons, rien n'est modifié).
 */
export function restaurerSauvegarde(chemin: string, operation: string | null = null): Promise<EtatRegistre> {
  return appeler<EtatRegistre>("restaurer_sauvegarde", { chemin, operation });
}

/** CSV « Délibérations » (SCDL) des actes signés, d'une année ou de toutes (null). */
export async function exporterScdl(annee: number | null, chemin: string): Promise<void> {
  await appeler<null>("exporter_scdl", { annee, chemin });
}

/**
 * PDF signés des séances du `du` au `au` (AAAA-MM-JJ) et page index.html,
 * dans un dossier nouveau ou vide ; renvoie le nombre d'actes.
 */
export function exporterPublication(
  du: string,
  au: string,
  dossier: string,
  operation: string | null = null,
): Promise<number> {
  return appeler<number>("exporter_publication", { du, au, dossier, operation });
}

/** Paquet ACTES d'un acte signé dans un dossier nouveau ou vide ; renvoie les noms des fichiers. */
export function preparerPaquetActes(
  numero: string,
  dossier: string,
  classification: string | null,
): Promise<string[]> {
  return appeler<string[]>("preparer_paquet_actes", { numero, dossier, classification });
}

/**
 * Dialogue « Enregistrer sous… » pour un fichier d'une extension donnée ;
 * renvoie le chemin choisi, ou null si l'utilisateur a annulé.
 */
export async function choisirEmplacementFichier(options: {
  titre: string;
  nomPropose: string;
  filtre: string;
  extension: string;
}): Promise<string | null> {
  try {
    return await save({
      title: options.titre,
      defaultPath: options.nomPropose,
      filters: [{ name: options.filtre, extensions: [options.extension] }],
    });
  } catch (e: unknown) {
    throw normaliserErreur(e);
  }
}

/** Dialogue « Ouvrir » pour un fichier d'une extension donnée ; null si annulé. */
export async function choisirFichierAOuvrir(options: {
  titre: string;
  filtre: string;
  /** Une extension ("json") ou plusieurs (["png", "jpg", "jpeg"]). */
  extension: string | string[];
}): Promise<string | null> {
  try {
    return await open({
      title: options.titre,
      multiple: false,
      directory: false,
      filters: [
        {
          name: options.filtre,
          extensions: Array.isArray(options.extension) ? options.extension : [options.extension],
        },
      ],
    });
  } catch (e: unknown) {
    throw normaliserErreur(e);
  }
}

/** Dialogue de choix d'un dossier (il peut y être créé) ; null si annulé. */
export async function choisirDossier(titre: string): Promise<string | null> {
  try {
    return await open({ title: titre, multiple: false, directory: true, canCreateDirectories: true });
  } catch (e: unknown) {
    throw normaliserErreur(e);
  }
}

// Conventions et profil de la commune (Paramètres).

/**
 * Le montant en centimes est un entier 64 bits, un `bigint` côté TypeScript ;
 * il traverse l'IPC en JSON, où il n'est qu'un nombre (JSON.stringify refuse
 * les bigint). Ces deux fonctions font la conversion à la frontière.
 */
function conventionVersIpc(c: Convention): unknown {
  const conditions = c.conditions_financieres;
  if (!conditions) return c;
  return {
    ...c,
    conditions_financieres: { ...conditions, montant_unitaire_centimes: Number(conditions.montant_unitaire_centimes) },
  };
}

function conventionDepuisIpc(c: Convention): Convention {
  const conditions = c.conditions_financieres;
  if (!conditions) return c;
  return {
    ...c,
    conditions_financieres: { ...conditions, montant_unitaire_centimes: BigInt(conditions.montant_unitaire_centimes) },
  };
}

/** Les conventions du registre, par titre, avec leur montant calculé. */
export function listerConventions(): Promise<ConventionResume[]> {
  return appeler<ConventionResume[]>("lister_conventions");
}

export async function lireConvention(id: string): Promise<Convention> {
  return conventionDepuisIpc(await appeler<Convention>("lire_convention", { id }));
}

/** Contrôles de la convention telle que saisie ; n'enregistre rien. */
export function verifierConvention(convention: Convention): Promise<Diagnostic[]> {
  return appeler<Diagnostic[]>("verifier_convention", { convention: conventionVersIpc(convention) });
}

/**
 * Enregistre la convention (nouvelle si son id est vide, l'id venant alors du
 * titre) ; refus « acte_signe » une fois sa délibération signée, refus
 * « donnee_invalide » nommant le champ (« convention.parties[0].nom »).
 */
export async function enregistrerConvention(convention: Convention): Promise<Convention> {
  return conventionDepuisIpc(
    await appeler<Convention>("enregistrer_convention", { convention: conventionVersIpc(convention) }),
  );
}

/** La copie de la convention pour la période suivante, enregistrée. */
export async function renouvelerConvention(id: string): Promise<Convention> {
  return conventionDepuisIpc(await appeler<Convention>("renouveler_convention", { id }));
}

/** Le profil de la commune (Paramètres). */
export function lireCommune(): Promise<Commune> {
  return appeler<Commune>("lire_commune");
}

/** Enregistre le profil ; refus « donnee_invalide » nommant le champ (« commune.population »). */
export function enregistrerCommune(commune: Commune): Promise<Commune> {
  return appeler<Commune>("enregistrer_commune", { commune });
}

/** Le logo de la commune en URL « data: », ou null s'il n'y en a pas. */
export function lireLogo(): Promise<string | null> {
  return appeler<string | null>("lire_logo");
}

/**
 * Garde l'image choisie (PNG ou JPEG, 1 Mo au plus) comme logo de la commune,
 * imprimé en haut des documents ; refus « donnee_invalide » sur « commune.logo ».
 */
export function enregistrerLogo(chemin: string): Promise<string> {
  return appeler<string>("enregistrer_logo", { chemin });
}

export async function retirerLogo(): Promise<void> {
  await appeler<null>("retirer_logo");
}

/** Le nom de la copie automatique la plus récente, proposée si le registre ne s'ouvre plus. */
export function derniereCopie(): Promise<string | null> {
  return appeler<string | null>("derniere_copie");
}

/** Reconstruit un registre endommagé depuis sa dernière copie automatique. */
export function reparerRegistre(): Promise<EtatRegistre> {
  return appeler<EtatRegistre>("reparer_registre");
}

/** Nombre de copies automatiques gardées à côté du registre. */
export function copiesAGarder(): Promise<number> {
  return appeler<number>("copies_a_garder");
}

export function definirCopiesAGarder(nombre: number): Promise<number> {
  return appeler<number>("definir_copies_a_garder", { nombre });
}
