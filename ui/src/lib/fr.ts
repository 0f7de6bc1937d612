// Catalogue unique des textes français affichés par l'interface.
// Aucun composant ne contient de texte en dur : tout passe par ici.
import type { CodeErreur } from "../bindings/CodeErreur";
import type { EtatPresence } from "../bindings/EtatPresence";
import type { Gravite } from "../bindings/Gravite";
import type { IssueVote } from "../bindings/IssueVote";
import type { Statut } from "../bindings/Statut";

export const MOIS: readonly string[] = [
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

export const statuts = {
  brouillon: "Brouillon",
  soumis_au_maire: "Soumis au maire",
  bon_pour_signature: "Bon pour signature",
  signe: "Signé",
  transmis: "Transmis en préfecture",
  publie: "Publié",
  executoire: "Exécutoire",
} as const satisfies Record<Statut, string>;

export const erreurs = {
  base_occupee: "La base de données est déjà ouverte par une autre instance de Registre.",
  base_trop_recente:
    "Cette base de données a été enregistrée par une version plus récente de Registre. Mettez le logiciel à jour pour l'ouvrir.",
  base_endommagee:
    "La base de données est endommagée et ne peut pas être lue. Ne supprimez aucun fichier et contactez votre assistance informatique.",
  introuvable: "L'élément demandé est introuvable dans le registre.",
  donnee_invalide: "Une donnée du registre est invalide.",
  import_invalide: "Le fichier à importer n'est pas valide.",
  registre_non_vide:
    "Le registre contient déjà des délibérations : le registre de démonstration ne peut être chargé que dans un registre vide.",
  acte_signe:
    "Cet acte est signé : il ne peut plus être modifié. Une correction passe par une nouvelle délibération.",
  entree_sortie:
    "Impossible de lire ou d'écrire sur le disque. Vérifiez l'espace disponible et les droits d'accès au dossier.",
  interne: "Une erreur inattendue s'est produite.",
} as const satisfies Record<CodeErreur, string>;

export const etatsPresence = {
  present: "Présent",
  absent_excuse: "Absent excusé",
  absent: "Absent",
  represente: "Représenté",
} as const satisfies Record<EtatPresence["etat"], string>;

export const gravites = {
  erreur: "Erreur",
  avertissement: "Avertissement",
  information: "Information",
} as const satisfies Record<Gravite, string>;

export const issues = {
  adoptee: "Adoptée",
  rejetee: "Rejetée",
  indeterminee: "Indéterminée (partage des voix)",
} as const satisfies Record<IssueVote, string>;

export const fr = {
  application: {
    titre: "Registre",
    sousTitre: "Registre des délibérations du conseil municipal",
    commune: (nom: string) => `Commune de ${nom}`,
  },
  chargement: {
    registre: "Chargement du registre…",
    liste: "Chargement des délibérations…",
    deliberation: "Chargement de la délibération…",
    demo: "Chargement du registre de démonstration…",
    seances: "Chargement des séances…",
    seance: "Chargement de la séance…",
  },
  navigation: {
    etiquette: "Navigation principale",
    deliberations: "Délibérations",
    seances: "Séances",
  },
  seances: {
    titre: "Séances du conseil",
    legende: "Liste des séances du conseil municipal",
    nombre: (n: number) => (n <= 1 ? `${n} séance` : `${n} séances`),
    aucune: "Aucune séance n'est encore enregistrée.",
    nouvelle: "Nouvelle séance",
    colonnes: {
      date: "Date",
      heure: "Heure",
      lieu: "Lieu",
      deliberations: "Délibérations",
      etat: "État",
    },
    ouvrir: (date: string) => `Ouvrir la séance du ${date}`,
    figee: "Figée",
    figeeDetail: "Une délibération de cette séance est signée : la séance ne peut plus être modifiée.",
    modifiable: "Modifiable",
  },
  editeur: {
    retour: "Retour à la liste des séances",
    titreNouvelle: "Nouvelle séance",
    titre: (date: string) => `Séance du ${date}`,
    figee:
      "Cette séance est figée : une de ses délibérations est signée. Elle s'affiche en lecture seule ; une correction passe par une nouvelle délibération.",
    tenue: "Convocation et tenue de la séance",
    date: "Date de la séance",
    heure: "Heure",
    lieu: "Lieu",
    president: "Président de séance",
    dateConvocation: "Date d'envoi de la convocation",
    secretaire: (rang: number) =>
      rang <= 1 ? "Secrétaire de séance" : "Second secrétaire de séance",
    choisirElu: "— Choisir un élu —",
    ajouterSecretaire: "Ajouter un second secrétaire",
    retirerSecretaire: "Retirer le second secrétaire",
    urgence: "Convocation en urgence",
    reconvocation: "Séance sur nouvelle convocation après défaut de quorum",
    ordreDuJour: "Ordre du jour",
    ordreDuJourAide: "Un point par ligne.",
    presences: "Présences à l'ouverture de la séance",
    legendePresences: "Présence de chaque élu en exercice à la date de la séance",
    colonnes: {
      elu: "Élu",
      fonction: "Fonction",
      presence: "Présence",
      pouvoir: "Pouvoir donné à",
    },
    presenceDe: (nom: string) => `Présence de ${nom}`,
    pouvoirDe: (nom: string) => `Pouvoir de ${nom} donné à`,
    choisirMandataire: "— Choisir le mandataire —",
    aucunElu: "Aucun élu n'est en exercice à cette date.",
    comptes: "Membres du conseil",
    enExercice: "En exercice",
    presents: "Présents",
    absents: "Absents",
    representes: "dont représentés",
    votants: "Votants",
    controleEnAttente:
      "Le contrôle juridique reprendra dès que la date de la séance, l'heure et la date de convocation seront renseignées.",
    controleImpossible: "Le contrôle juridique n'a pas pu être effectué.",
    enregistrer: "Enregistrer",
    raccourci: "Ctrl+S",
    enregistrement: "Enregistrement…",
    enregistree: (date: string) => `Séance du ${date} enregistrée.`,
    incomplete:
      "Renseignez la date de la séance, l'heure et la date de convocation avant d'enregistrer.",
  },
  documentsSeance: {
    titre: "Documents de la séance",
    aide: "Les documents sont établis d'après la séance telle qu'elle est enregistrée.",
    liste: "Liste des délibérations",
    convocation: "Convocation",
    ouvrir: "Ouvrir",
    ouvrirAide: (document: string) => `Ouvrir « ${document} » dans la visionneuse de l'ordinateur`,
    enregistrer: "Enregistrer sous…",
    enregistrerAide: (document: string) => `Enregistrer « ${document} » dans un dossier de votre choix`,
  },
  erreur: {
    titre: "Une erreur est survenue",
    detail: "Détail technique :",
    reessayer: "Réessayer",
  },
  vide: {
    titre: "Le registre est vide",
    explication:
      "Aucune délibération n'a encore été enregistrée dans ce registre. Pour découvrir le logiciel, vous pouvez charger le registre de démonstration.",
    emplacement: "Emplacement de la base de données :",
    chargerDemo: "Charger le registre de démonstration (Pézilla-la-Rivière)",
  },
  liste: {
    titre: "Délibérations",
    legende: "Liste des délibérations du registre",
    nombre: (n: number) => (n <= 1 ? `${n} délibération` : `${n} délibérations`),
    aucune: "Aucune délibération à afficher.",
    colonnes: {
      numero: "Numéro",
      dateSeance: "Date de séance",
      objet: "Objet",
      statut: "Statut",
    },
    ouvrir: (numero: string) => `Ouvrir la délibération n° ${numero}`,
  },
  detail: {
    retour: "Retour à la liste",
    titre: (numero: string) => `Délibération n° ${numero}`,
    objet: "Objet",
    statut: "Statut",
    seance: "Séance",
    dateSeance: "Date de la séance",
    heure: "Heure",
    lieu: "Lieu",
    president: "Présidence",
    dateConvocation: "Date de convocation",
    secretaires: (n: number) => (n > 1 ? "Secrétaires de séance" : "Secrétaire de séance"),
    rapporteur: "Rapporteur",
    comptes: "Membres du conseil",
    enExercice: "Membres en exercice",
    presents: "Présents",
    absents: "Absents",
    representes: "dont représentés",
    votants: "Votants",
    listePresents: "Présents",
    listeProcurations: "Absents excusés ayant donné pouvoir",
    listeAbsentsExcuses: "Absents excusés",
    listeAbsents: "Absents",
    neant: "Néant",
    pouvoir: (mandant: string, mandataire: string) => `${mandant} (pouvoir à ${mandataire})`,
    expose: "Exposé",
    decision: "Décision",
    formuleVote: (formule: string) =>
      `Le conseil municipal, après en avoir délibéré, ${formule} :`,
    convention: "Convention annexée",
    conventionAnnee: "Année scolaire",
    conventionFin: "Se termine le",
    conventionMontant: "Montant calculé",
    issue: "Issue du vote :",
    nePrennentPasPart: "Ne prennent pas part au vote",
    nonParticipant: (nom: string, motif: string) => `${nom} (${motif})`,
  },
  apercu: {
    afficher: "Aperçu PDF",
    masquer: "Fermer l'aperçu",
    titre: "Aperçu PDF",
    document: "Document",
    extrait: "Extrait seul",
    dossier: "Extrait et convention annexée",
    chargement: "Préparation de l'aperçu du PDF…",
    pages: (n: number) => (n <= 1 ? `${n} page` : `${n} pages`),
    page: (numero: number, total: number) => `Page ${numero} sur ${total}`,
    pagesEtiquette: "Pages du PDF",
    ouvrir: "Ouvrir",
    ouvrirAide: "Ouvrir le PDF dans la visionneuse de l'ordinateur",
    enregistrer: "Enregistrer sous…",
    enregistrerAide: "Enregistrer le PDF dans un dossier de votre choix",
    titreDialogue: "Enregistrer le PDF",
    filtre: "Document PDF",
    enregistre: (chemin: string) => `PDF enregistré : ${chemin}`,
    ouvert: "Le PDF a été ouvert dans la visionneuse de l'ordinateur.",
  },
  controle: {
    titre: "Contrôle juridique",
    aucun: "Aucune anomalie : les règles du CGCT contrôlées par Registre sont respectées pour ce point.",
    aucunSeance:
      "Aucune anomalie : les règles du CGCT contrôlées par Registre sont respectées pour cette séance.",
    resume: (erreurs: number, autres: number) =>
      [
        erreurs > 0 ? `${erreurs} erreur${erreurs > 1 ? "s" : ""} à corriger avant signature` : "",
        autres > 0 ? `${autres} remarque${autres > 1 ? "s" : ""}` : "",
      ]
        .filter((t) => t !== "")
        .join(" · "),
  },
} as const;

export function texteStatut(statut: Statut): string {
  return statuts[statut];
}

export function texteGravite(gravite: Gravite): string {
  return gravites[gravite];
}

export function texteIssue(issue: IssueVote): string {
  return issues[issue];
}

export function texteErreur(code: CodeErreur): string {
  return erreurs[code];
}

export function texteEtatPresence(etat: EtatPresence["etat"]): string {
  return etatsPresence[etat];
}
