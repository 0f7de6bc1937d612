// Catalogue unique des textes français affichés par l'interface.
// Aucun composant ne contient de texte en dur : tout passe par ici.
import type { Civilite } from "../bindings/Civilite";
import type { CodeErreur } from "../bindings/CodeErreur";
import type { EtatEcheance } from "../bindings/EtatEcheance";
import type { GenreFiche } from "../bindings/GenreFiche";
import type { EtatPresence } from "../bindings/EtatPresence";
import type { Fonction } from "../bindings/Fonction";
import type { Gravite } from "../bindings/Gravite";
import type { IssueVote } from "../bindings/IssueVote";
import type { ModePublication } from "../bindings/ModePublication";
import type { NatureActe } from "../bindings/NatureActe";
import type { Role } from "../bindings/Role";
import type { Scrutin } from "../bindings/Scrutin";
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
  export_invalide:
    "L'export n'a pas été produit : certaines données du registre ne respectent pas le format d'échange.",
  transition_refusee: "Ce changement de statut n'est pas possible pour le moment.",
  entree_sortie:
    "Impossible de lire ou d'écrire sur le disque. Vérifiez l'espace disponible et les droits d'accès au dossier.",
  chemin_non_autorise:
    "Registre ne lit et n'écrit un fichier qu'à l'emplacement choisi dans la fenêtre « Enregistrer sous… » ou « Ouvrir… ».",
  annulee: "Opération annulée : rien n'a été écrit.",
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

export const roles = {
  secretariat: "Secrétariat de mairie",
  maire: "Maire",
} as const satisfies Record<Role, string>;

export const natures = {
  deliberations: "Délibérations",
  actes_reglementaires: "Actes réglementaires",
  actes_individuels: "Actes individuels",
  contrats: "Contrats, conventions et avenants",
  documents_budgetaires: "Documents budgétaires et financiers",
  autres: "Autres",
} as const satisfies Record<NatureActe, string>;

export const scrutins = {
  ordinaire: "Scrutin ordinaire (à main levée)",
  public: "Scrutin public",
  secret: "Scrutin secret",
} as const satisfies Record<Scrutin, string>;

export const modesPublication = {
  electronique: "Publication électronique",
  affichage: "Affichage",
  papier: "Mise à disposition sur papier",
} as const satisfies Record<ModePublication, string>;

export const etatsEcheance = {
  en_retard: "En retard",
  a_faire: "À faire",
  faite: "Faite",
} as const satisfies Record<EtatEcheance, string>;

export const genresFiche = {
  deliberation: "Délibération",
  convention: "Convention",
} as const satisfies Record<GenreFiche, string>;

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
    tableau: "Chargement du tableau de bord…",
    echeancier: "Chargement de l'échéancier…",
  },
  navigation: {
    etiquette: "Navigation principale",
    tableau: "Tableau de bord",
    deliberations: "Délibérations",
    seances: "Séances",
    aRelire: "À relire",
    recherche: "Recherche",
    rechercheAide: "Rechercher dans le registre (Ctrl+F)",
    registre: "Registre",
    registreAide: "Registre annuel des délibérations, en feuillets numérotés",
    sauvegarde: "Sauvegarde et exports",
    conventions: "Conventions",
    elus: "Élus",
    parametres: "Paramètres",
    outils: "Outils",
  },
  raccourcis: {
    titre: "Raccourcis :",
    liste: "Ctrl+N nouvelle délibération · Ctrl+S enregistrer · Ctrl+F rechercher · Ctrl+P aperçu PDF de la délibération affichée",
  },
  conventions: {
    titre: "Conventions",
    legende: "Liste des conventions du registre",
    nombre: (n: number) => (n <= 1 ? `${n} convention` : `${n} conventions`),
    aucune: "Aucune convention n'est encore enregistrée.",
    nouvelle: "Nouvelle convention",
    chargement: "Chargement des conventions…",
    colonnes: {
      titre: "Titre",
      annee: "Année scolaire",
      fin: "Fin",
      montant: "Montant calculé",
      deliberation: "Délibération",
    },
    ouvrir: (titre: string) => `Ouvrir la convention « ${titre} »`,
    renouveler: "Renouveler pour la période suivante",
    // Starts with the visible text, so speech users can say what they see (WCAG 2.5.3).
    renouvelerAide: (titre: string) => `Renouveler pour la période suivante : « ${titre} »`,
    renouvelee: (titre: string) => `Convention renouvelée : « ${titre} ».`,
    sansDeliberation: "—",
  },
  convention: {
    retour: "Retour à la liste des conventions",
    titreNouvelle: "Nouvelle convention",
    titre: (titre: string) => `Convention : ${titre}`,
    figee: (numero: string, statut: string) =>
      `Cette convention est annexée à la délibération n° ${numero}, qui a le statut « ${statut} » : elle s'affiche en lecture seule. Une nouvelle convention passe par une nouvelle délibération.`,
    identification: "Identification",
    intitule: "Titre",
    entete: "En-tête de l'organisme (facultatif)",
    dateDocument: "Date du document",
    deliberation: (numero: string) => `Approuvée par la délibération n° ${numero}`,
    parties: "Parties",
    partie: (n: number) => `Partie n° ${n}`,
    nom: "Nom",
    siret: "SIRET",
    adresse: "Adresse",
    adresseAide: "Une ligne d'adresse par ligne.",
    representant: "Représentant",
    qualite: "En sa qualité de",
    designation: "Ci-après dénommée",
    ajouterPartie: "Ajouter une partie",
    ajouterCommune: "Ajouter la commune (depuis son profil)",
    retirerPartie: (n: number) => `Retirer la partie n° ${n}`,
    retirer: "Retirer",
    notes: "Notes",
    notesAide: "Une note par ligne, par exemple « NB : … ».",
    preambule: "Préambule",
    paragraphe: (n: number) => `Paragraphe n° ${n} du préambule`,
    ajouterParagraphe: "Ajouter un paragraphe",
    retirerParagraphe: (n: number) => `Retirer le paragraphe n° ${n} du préambule`,
    articles: "Articles",
    aucunArticle: "Aucun article pour l'instant.",
    article: (numero: string) => `Article ${numero}`,
    numeroArticle: (rang: string) => `Numéro de l'article ${rang}`,
    titreArticle: (rang: string) => `Titre de l'article ${rang}`,
    blocArticle: (rang: string, n: number) => `Paragraphe n° ${n} de l'article ${rang}`,
    listeArticle: (rang: string, n: number) => `Liste n° ${n} de l'article ${rang} (un élément par ligne)`,
    ajouterParagrapheArticle: (rang: string) => `Ajouter un paragraphe à l'article ${rang}`,
    ajouterParagrapheCourt: "Ajouter un paragraphe",
    retirerBloc: (rang: string, n: number) => `Retirer le paragraphe n° ${n} de l'article ${rang}`,
    ajouterArticle: "Ajouter un article",
    ajouterSousArticle: "Ajouter un sous-article",
    ajouterSousArticleAide: (rang: string) => `Ajouter un sous-article à l'article ${rang}`,
    monter: "Monter",
    descendre: "Descendre",
    monterAide: (rang: string) => `Monter l'article ${rang}`,
    descendreAide: (rang: string) => `Descendre l'article ${rang}`,
    retirerArticle: (rang: string) => `Retirer l'article ${rang}`,
    variables: "Insérer une donnée",
    variablesAide: (rang: string) => `Insérer une donnée dans le dernier paragraphe modifié de l'article ${rang}`,
    variablesExplication:
      "Les données insérées entre doubles accolades sont remplies à l'impression d'après la période et les conditions financières.",
    periode: "Période",
    avecPeriode: "La convention couvre une période",
    anneeScolaire: "Année scolaire",
    anneeScolaireAide: "Par exemple 2024-2025.",
    debut: "Début",
    aLaSignature: "À la signature",
    leDate: "À une date",
    dateDebut: "Date de début",
    fin: "Fin",
    reconduction: "Reconduction tacite",
    conditions: "Conditions financières",
    avecConditions: "La convention prévoit une participation financière",
    montant: "Montant unitaire (en euros)",
    montantAide: "Par exemple 45 ou 45,50.",
    montantInvalide: "Le montant s'écrit en euros, avec au plus deux décimales après la virgule : par exemple 45 ou 45,50.",
    taxe: "Taxe",
    unite: "Unité",
    uniteAide: "Par exemple école, élève, an.",
    compte: "Nombre d'unités",
    parBeneficiaires: "Bénéficiaires nommés",
    parQuantite: "Quantité",
    quantite: "Quantité",
    beneficiaire: (n: number) => `Bénéficiaire n° ${n}`,
    nomBeneficiaire: (n: number) => `Nom du bénéficiaire n° ${n}`,
    uaiBeneficiaire: (n: number) => `UAI du bénéficiaire n° ${n}`,
    ajouterBeneficiaire: "Ajouter un bénéficiaire",
    retirerBeneficiaire: (n: number) => `Retirer le bénéficiaire n° ${n}`,
    aucunBeneficiaire: "Aucun bénéficiaire pour l'instant.",
    signature: "Signature",
    lieuSignature: "Lieu de signature",
    dateSignature: "Date de signature",
    controleEnAttente: "Le contrôle reprendra dès que le montant sera lisible.",
    controleImpossible: "Le contrôle de la convention n'a pas pu être effectué.",
    aucuneAnomalie: "Aucune anomalie : les contrôles de Registre sont respectés pour cette convention.",
    enregistrer: "Enregistrer",
    raccourci: "Ctrl+S",
    enregistrement: "Enregistrement…",
    enregistree: (titre: string) => `Convention « ${titre} » enregistrée.`,
    montantAEnregistrer: "Corrigez le montant unitaire avant d'enregistrer.",
  },
  parametres: {
    titre: "Paramètres de la commune",
    chargement: "Chargement du profil de la commune…",
    identite: "Commune",
    nom: "Nom officiel",
    siret: "SIRET",
    population: "Population municipale",
    populationAide: "Elle fixe l'effectif du conseil et le délai de convocation.",
    departement: "Département",
    departementAide: "Deux chiffres (66), 2A, 2B ou trois chiffres outre-mer (974).",
    maire: "Maire",
    choisirMaire: "— Choisir le maire —",
    logo: "Logo de la commune",
    logoAide:
      "Image PNG ou JPEG d'au plus 1 Mo, imprimée en haut à gauche des extraits, conventions, convocations et procès-verbaux produits désormais ; les actes déjà signés gardent leur PDF.",
    logoAlt: "Logo de la commune",
    sansLogo: "Aucun logo : les documents portent le nom de la commune seul.",
    choisirLogo: "Choisir un logo…",
    retirerLogo: "Retirer le logo",
    logoDialogue: "Choisir le logo de la commune",
    logoFiltre: "Image PNG ou JPEG",
    logoEnregistre: "Logo enregistré : il figure sur les prochains documents.",
    logoRetire: "Logo retiré.",
    adresse: "Adresse de la mairie",
    lignes: "Adresse",
    lignesAide: "Une ligne d'adresse par ligne, sans le code postal ni la ville.",
    codePostal: "Code postal",
    ville: "Ville",
    tribunal: "Tribunal administratif (voies de recours)",
    tribunalNom: "Nom du tribunal",
    tribunalAdresse: "Adresse du tribunal",
    publication: "Publicité des actes",
    modePublication: "Mode de publication",
    secretaireSigne: "Le secrétaire de séance signe l'extrait",
    secretaireSigneAide:
      "Au registre, la signature du maire et du secrétaire de séance est requise ; sur l'extrait, c'est un choix de la commune.",
    enregistrer: "Enregistrer",
    enregistrement: "Enregistrement…",
    enregistre: "Profil de la commune enregistré.",
  },
  progression: {
    preparation: "Préparation…",
    etape: (fait: number, total: number, pourcent: number) => `Étape ${fait} sur ${total} (${pourcent} %)`,
    annulationEnCours: "Annulation en cours…",
    annuler: "Annuler",
    annulee: "Opération annulée : rien n'a été écrit.",
  },
  elus: {
    titre: "Élus du conseil municipal",
    chargement: "Chargement des élus…",
    introduction:
      "Le conseil tel qu'il siège : ajoutez un élu installé en cours de mandat, fermez le mandat d'un élu qui démissionne. Un élu cité dans un acte signé garde le nom et la fonction imprimés sur cet acte.",
    legende: "Liste des élus, le maire d'abord",
    colonneNom: "Nom",
    colonneFonction: "Fonction",
    colonneMandat: "Mandat",
    enCours: (debut: string | null) => (debut ? `depuis le ${debut}` : "en cours"),
    termine: (fin: string) => `terminé le ${fin}`,
    modifier: "Modifier",
    modifierNom: (nom: string) => `Modifier ${nom}`,
    ajouter: "Ajouter un élu",
    titreAjout: "Nouvel élu",
    titreModification: (nom: string) => `Modifier ${nom}`,
    civilite: "Civilité",
    prenom: "Prénom",
    nom: "Nom de famille",
    nomAide: "Tel qu'imprimé au registre, d'ordinaire en majuscules.",
    fonction: "Fonction",
    rang: "Rang de l'adjoint",
    mandatDebut: "Début du mandat",
    mandatFin: "Fin du mandat",
    mandatFinAide: "À remplir lors d'une démission, d'un décès ou de la fin du mandat.",
    enregistrer: "Enregistrer l'élu",
    enregistrement: "Enregistrement…",
    annuler: "Annuler",
    enregistre: (nom: string) => `${nom} est enregistré.`,
    aucun: "Aucun élu n'est encore inscrit au registre.",
  },
  reparation: {
    titre: "Reconstruire le registre",
    explication: (copie: string) =>
      `Les fichiers du registre sont endommagés. Registre peut le reconstruire depuis sa dernière copie automatique (${copie}) ; le dossier endommagé est gardé à côté, rien n'est effacé.`,
    reparer: "Reconstruire depuis la dernière copie",
    aucuneCopie:
      "Aucune copie automatique n'a été trouvée à côté du registre : restaurez une sauvegarde enregistrée ailleurs avec « Restaurer… ».",
  },
  recherche: {
    titre: "Recherche",
    champ: "Rechercher dans les délibérations et les conventions",
    aide: "Sans souci des accents ni des majuscules ; le dernier mot peut être incomplet. Raccourci : Ctrl+F.",
    placeholder: "Par exemple : ecole numerique",
    filtres: "Filtres",
    annee: "Année",
    toutesAnnees: "Toutes les années",
    statut: "Statut",
    tousStatuts: "Tous les statuts",
    matiere: "Matière",
    toutesMatieres: "Toutes les matières",
    filtreSeance: "Séance",
    toutesSeances: "Toutes les séances",
    rapporteur: "Rapporteur",
    tousRapporteurs: "Tous les rapporteurs",
    optionMatiere: (code: string, libelle: string) => `${code} ${libelle}`,
    genre: "Type",
    tousGenres: "Tous les types",
    genres: { deliberation: "Délibérations", convention: "Conventions" } as const satisfies Record<GenreFiche, string>,
    effacer: "Effacer la recherche",
    invitation:
      "Saisissez un ou plusieurs mots, ou choisissez un filtre : les délibérations et les conventions du registre qui correspondent s'affichent au fil de la frappe.",
    enCours: "Recherche…",
    total: (n: number) => (n <= 1 ? `${n} résultat` : `${n} résultats`),
    affiches: (n: number, total: number) => `${n} premiers affichés sur ${total}`,
    plus: "Afficher plus de résultats",
    aucun: "Aucun résultat",
    aucunDetail:
      "Aucune délibération ni convention ne contient tous ces mots avec ces filtres. Essayez moins de mots, un mot plus court ou d'autres filtres.",
    legende: "Résultats de la recherche, les plus pertinents d'abord",
    deliberation: (numero: string) => `Délibération n° ${numero}`,
    convention: "Convention",
    conventionDe: (numero: string) => `annexée à la délibération n° ${numero}`,
    sansDeliberation: "sans délibération",
    trouveDans: (champ: string) => `Trouvé dans : ${champ}`,
    seance: (date: string) => `séance du ${date}`,
    ouvrir: (numero: string) => `Ouvrir la délibération n° ${numero}`,
    retour: "Retour aux résultats",
  },
  registre: {
    titre: "Registre annuel des délibérations",
    explication:
      "Le registre annuel réunit les délibérations d'une année en feuillets numérotés, avec les feuillets de clôture de chaque séance et les tables par date et par objet : imprimé, il est à coter et parapher, puis à relier (CGCT R2121-9).",
    annee: "Année",
    aucuneAnnee: "Aucune délibération n'est enregistrée : le registre annuel est vide.",
    ouvrir: "Ouvrir le registre",
    ouvrirAide: (annee: number) => `Ouvrir le registre ${annee} dans la visionneuse de l'ordinateur`,
    enregistrer: "Enregistrer sous…",
    enregistrerAide: (annee: number) => `Enregistrer le registre ${annee} dans un dossier de votre choix`,
    titreDialogue: "Enregistrer le registre annuel",
    enCours: (annee: number) =>
      `Préparation du registre ${annee}… Pour une année chargée, cela peut prendre quelques secondes.`,
    ouvert: (annee: number) => `Le registre ${annee} a été ouvert dans la visionneuse de l'ordinateur.`,
    enregistre: (chemin: string) => `Registre enregistré : ${chemin}`,
  },
  echeancier: {
    titre: "Échéancier légal de la séance",
    aide: "Les formalités qui suivent la séance, les retards d'abord, avec l'article du CGCT qui les impose.",
    au: (date: string) => `État au ${date}`,
    legende: "Formalités légales qui suivent la séance",
    aucune: "Aucune formalité n'est attendue pour cette séance.",
    resume: (retards: number, aFaire: number) =>
      [
        retards > 0 ? `${retards} en retard` : "",
        aFaire > 0 ? `${aFaire} à faire` : "",
      ]
        .filter((t) => t !== "")
        .join(" · "),
    toutFait: "Toutes les formalités connues du registre sont faites.",
    colonnes: {
      etat: "État",
      formalite: "Formalité",
      echeance: "Échéance",
      article: "Article",
    },
    faiteLe: (date: string) => `faite le ${date}`,
    retard: (n: number) => (n <= 1 ? `${n} jour de retard` : `${n} jours de retard`),
    nonSuivie: "Non suivie par Registre : à vérifier.",
    article: (article: string) => `CGCT ${article}`,
  },
  tableau: {
    titre: "Tableau de bord",
    au: (date: string) => `Au ${date}`,
    rienAFaire: "Rien à faire",
    rienAFaireDetail:
      "Aucune délibération n'attend de relecture, de signature, de transmission ni de publication, et aucune convention n'arrive à échéance.",
    aucun: "Rien en attente.",
    deliberations: (n: number) => (n <= 1 ? `${n} délibération` : `${n} délibérations`),
    conventions: (n: number) => (n <= 1 ? `${n} convention` : `${n} conventions`),
    sections: {
      a_relire: "À relire par le maire",
      a_signer: "À signer",
      a_transmettre: "À transmettre en préfecture",
      a_publier: "À publier",
      conventions_a_echeance: "Conventions arrivant à échéance (60 jours)",
      conventions_en_attente: "Conventions en attente",
    },
    aides: {
      a_relire: "Projets soumis au maire, le plus ancien d'abord.",
      a_signer: "Déclarées « bon pour signature », pas encore signées.",
      a_transmettre: "Actes signés, pas encore transmis en préfecture (CGCT L2131-1).",
      a_publier: "Actes transmis, pas encore publiés : ils ne sont pas encore exécutoires (CGCT L2131-1).",
      conventions_a_echeance: "Conventions qui se terminent dans les 60 prochains jours.",
      conventions_en_attente: "Conventions qui attendent leur délibération ou sa signature.",
    },
    ouvrir: "Ouvrir la délibération n°",
    relire: "Relire la délibération n°",
    seance: (date: string) => `séance du ${date}`,
    soumise: (quand: string) => `soumise le ${quand}`,
    finLe: (date: string) => `se termine le ${date}`,
    joursRestants: (n: number) =>
      n <= 0 ? "se termine aujourd'hui" : n === 1 ? "dans 1 jour" : `dans ${n} jours`,
    reconduction: "reconduction tacite",
    enRetard: "En retard",
    enRetardAide: "Formalités légales dont l'échéance est passée (affichage, procès-verbal, transmission, publication, reliure).",
    formalites: (n: number) => (n <= 1 ? `${n} formalité en retard` : `${n} formalités en retard`),
    echeanceLe: (date: string) => `échéance : ${date}`,
    deliberation: (numero: string) => `délibération n° ${numero}`,
  },
  sauvegarde: {
    titre: "Sauvegarde et exports",
    sauvegardeTitre: "Sauvegarde",
    sauvegardeTexte:
      "Une sauvegarde complète tient dans un seul fichier JSON : le registre, l'historique de chaque délibération, les commentaires et les PDF signés. Gardez-en une copie hors de cet ordinateur (clé USB, serveur de la mairie).",
    copiesAGarder: "Copies automatiques gardées",
    enregistrerCopies: "Enregistrer",
    copiesEnregistrees: (n: number) => `Les ${n} copies automatiques les plus récentes seront gardées.`,
    automatiques:
      "Registre fait aussi des copies automatiques, à côté de la base de données : une par jour au démarrage et une à chaque fermeture du logiciel ; les plus récentes sont gardées, au nombre choisi ci-dessous.",
    emplacement: "Base de données :",
    sauvegarderSous: "Sauvegarder sous…",
    titreDialogueSauvegarde: "Enregistrer la sauvegarde du registre",
    filtre: "Sauvegarde Registre (JSON)",
    nomPropose: (aaaammjj: string) => `registre-${aaaammjj}.json`,
    enCours: "Sauvegarde en cours…",
    sauvegardee: (chemin: string) => `Sauvegarde enregistrée : ${chemin}`,
    restaurerTitre: "Restaurer une sauvegarde",
    restaurerTexte:
      "Le fichier est entièrement vérifié avant d'être utilisé : s'il contient une anomalie, rien n'est modifié et les raisons sont affichées.",
    restaurer: "Restaurer…",
    titreDialogueRestauration: "Choisir la sauvegarde à restaurer",
    confirmationTitre: "Remplacer le registre ?",
    confirmation: (chemin: string) =>
      `Le registre actuel sera remplacé par la sauvegarde « ${chemin} ». Tout ce qui a été saisi depuis cette sauvegarde sera perdu.`,
    confirmer: "Remplacer le registre par cette sauvegarde",
    annuler: "Annuler",
    restaurationEnCours: "Restauration en cours…",
    restauree: (n: number) =>
      n <= 1
        ? `Sauvegarde restaurée : le registre contient ${n} délibération.`
        : `Sauvegarde restaurée : le registre contient ${n} délibérations.`,
  },
  exports: {
    titre: "Exports",
    scdlTitre: "Données ouvertes (SCDL)",
    scdlTexte:
      "Un fichier CSV au schéma national « Délibérations » (SCDL), pour la publication en données ouvertes. Seuls les actes signés y figurent.",
    annee: "Année",
    toutesAnnees: "Toutes les années",
    scdl: "Données ouvertes (SCDL)…",
    titreDialogueScdl: "Enregistrer les données ouvertes (SCDL)",
    filtreCsv: "Fichier CSV",
    nomScdl: (annee: number | null) =>
      annee === null ? "deliberations-scdl.csv" : `deliberations-scdl-${annee}.csv`,
    scdlEnregistre: (chemin: string) => `Données ouvertes enregistrées : ${chemin}`,
    publicationTitre: "Publication en ligne",
    publicationTexte:
      "Les PDF signés des actes des séances de la période, avec une page index.html à mettre en ligne sur le site de la commune (CGCT R2131-1). Choisissez un dossier nouveau ou vide.",
    du: "Du",
    au: "Au",
    publication: "Publication en ligne…",
    titreDialoguePublication: "Choisir le dossier de la publication (nouveau ou vide)",
    periodeInvalide: "La date de fin doit être postérieure ou égale à la date de début.",
    publicationFaite: (n: number, dossier: string) =>
      n <= 1
        ? `${n} acte et la page index.html écrits dans « ${dossier} ».`
        : `${n} actes et la page index.html écrits dans « ${dossier} ».`,
    enCours: "Export en cours…",
  },
  actes: {
    titre: "Télétransmission (ACTES)",
    texte:
      "Le paquet à déposer sur la plateforme du tiers de télétransmission : PDF signé, annexes, métadonnées et fichier XML, dans un dossier nouveau ou vide.",
    classification: "Date de la classification ACTES (facultatif)",
    classificationAide: "Elle est fournie par le tiers de télétransmission.",
    preparer: "Préparer le paquet ACTES…",
    titreDialogue: "Choisir le dossier du paquet ACTES (nouveau ou vide)",
    enCours: "Préparation du paquet…",
    prepare: (dossier: string) => `Paquet ACTES écrit dans « ${dossier} » :`,
  },
  profil: {
    etiquette: "Profil :",
    aide: "Le profil choisi est inscrit dans l'historique de chaque action.",
  },
  verification: {
    bouton: "Vérifier un PDF…",
    aide: "Vérifier qu'un fichier PDF est exactement celui signé et enregistré au registre",
    titreDialogue: "Choisir le PDF à vérifier",
    filtre: "Document PDF",
    titre: "Vérification d'un PDF",
    enCours: "Vérification du PDF…",
    conforme: (le: string, par: string, numero: string) =>
      `Ce PDF est celui signé le ${le} par ${par} pour la délibération n° ${numero}.`,
    inconnu: "Ce PDF ne correspond à aucun acte signé du registre.",
    empreinte: "Empreinte SHA-256 du fichier :",
    fermer: "Fermer",
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
    suites: "Suites de la séance (dates, une fois faites)",
    listeAffichee: "Liste des délibérations affichée le (L2121-25)",
    listeEnLigne: "Liste mise en ligne le",
    pvArrete: "Procès-verbal arrêté le (séance suivante, L2121-15)",
    pvPublie: "Procès-verbal publié le",
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
    procesVerbal: "Procès-verbal",
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
  nouvelle: {
    bouton: "Nouvelle délibération",
    titre: "Nouvelle délibération",
    seance: "Séance",
    choisirSeance: "— Choisir la séance —",
    modele: "À partir de…",
    sansModele: "— Aucune : partir d'une page blanche —",
    modeleAide:
      "L'objet, les visas, l'exposé, le dispositif et la matière d'une délibération antérieure sont repris ; le vote ne l'est pas.",
    optionModele: (numero: string, objet: string) => `${numero} — ${objet}`,
    commencer: "Commencer la rédaction",
    creation: "Création du projet…",
    annuler: "Annuler",
    aucuneSeance: "Aucune séance n'est enregistrée : créez d'abord la séance dans l'onglet « Séances ».",
  },
  redaction: {
    retour: "Retour",
    titreNouvelle: "Nouvelle délibération",
    titre: (numero: string) => `Rédaction de la délibération n° ${numero}`,
    identification: "Identification",
    seance: "Séance",
    optionSeance: (date: string, lieu: string) => `Séance du ${date} (${lieu})`,
    numero: "Numéro",
    numeroPropose: (numero: string) => `${numero} (proposé, attribué au premier enregistrement)`,
    objet: "Objet",
    rapporteur: "Rapporteur",
    aucunRapporteur: "— Aucun —",
    visas: "Visas",
    visasAide: "Un visa par ligne, par exemple « Vu le code général des collectivités territoriales, ».",
    expose: "Exposé",
    exposeAide:
      "Mise en forme : **gras**, _italique_, une ligne commençant par « - » pour une liste, une ligne vide entre deux paragraphes.",
    barreMiseEnForme: "Mise en forme de l'exposé",
    gras: "Gras",
    italique: "Italique",
    liste: "Liste",
    dispositif: "Dispositif",
    dispositifAide: "Les décisions dans l'ordre où elles seront lues.",
    decision: (n: number) => `Décision n° ${n}`,
    verbe: (n: number) => `Verbe de la décision n° ${n}`,
    texteDecision: (n: number) => `Texte de la décision n° ${n}`,
    ajouterDecision: "Ajouter une décision",
    monter: "Monter",
    descendre: "Descendre",
    retirer: "Retirer",
    monterAide: (n: number) => `Monter la décision n° ${n}`,
    descendreAide: (n: number) => `Descendre la décision n° ${n}`,
    retirerAide: (n: number) => `Retirer la décision n° ${n}`,
    aucuneDecision: "Aucune décision pour l'instant.",
    vote: "Vote",
    scrutin: "Mode de scrutin",
    unanimite: "À l'unanimité",
    voixDetail: "Détail des voix",
    pour: "Pour",
    contre: "Contre",
    abstentions: "Abstentions",
    blancsNuls: "Blancs et nuls",
    actes: "Transmission en préfecture (ACTES)",
    nature: "Nature de l'acte",
    matiere: "Matière",
    choisirMatiere: "— Choisir la matière —",
    optionMatiere: (code: string, libelle: string) => `${code} ${libelle}`,
    enregistrer: "Enregistrer maintenant",
    raccourci: "Ctrl+S",
    enregistrement: "Enregistrement…",
    enregistre: (heure: string) => `Enregistré à ${heure}`,
    nonEnregistre: "Modifications non enregistrées",
    attenteObjet: "L'enregistrement automatique commencera dès que l'objet sera saisi.",
    echec: "Non enregistré :",
    restaurerTitre: "Saisie non enregistrée retrouvée",
    restaurerTexte: (quand: string) =>
      `Une saisie du ${quand} n'a pas pu être enregistrée avant la fermeture. Voulez-vous la reprendre ?`,
    restaurer: "Reprendre cette saisie",
    ignorer: "L'abandonner",
    nonModifiable: "Cette délibération n'est plus modifiable.",
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
    visas: "Visas",
    journal: "Commentaires et historique",
    modifier: "Modifier",
    modifierAide: (numero: string) => `Modifier le projet de délibération n° ${numero}`,
    bonPourSignatureNonModifiable:
      "Délibération « bon pour signature » : pour la modifier, il faut d'abord la renvoyer en brouillon.",
    signeeNonModifiable:
      "Acte signé : il ne peut plus être modifié. Une correction passe par une nouvelle délibération, rectificative ou de retrait.",
    references: "Références",
    nature: "Nature de l'acte",
    matiere: "Matière",
    numeroActes: "Numéro ACTES",
    nonRenseignee: "Non renseignée",
    corrige: (genre: string, numero: string) => `Délibération ${genre} de la délibération n° ${numero}`,
    rectificative: "rectificative",
    retrait: "de retrait",
    transmission: "Transmission en préfecture",
    transmissionTexte: (date: string) => `Transmise le ${date}`,
    accuse: (date: string) => `accusé de réception du ${date}`,
    publication: "Publication",
    publicationTexte: (mode: string, date: string) => `${mode} le ${date}`,
  },
  suivi: {
    titre: "Suivi",
    actions: "Actions possibles",
    aucuneAction: "Aucune action n'est possible pour ce profil à ce stade.",
    soumettre: "Soumettre au maire",
    renvoyer: "Renvoyer en brouillon",
    bonPourSignature: "Bon pour signature",
    signer: "Signer",
    transmettre: "Transmettre en préfecture",
    publier: "Publier",
    rendreExecutoire: "Rendre exécutoire",
    motif: "Motif du renvoi",
    motifRequis: "Indiquez le motif du renvoi en brouillon.",
    confirmerRenvoi: "Confirmer le renvoi en brouillon",
    confirmerSignature: "Confirmer la signature",
    signatureTexte: (numero: string) =>
      `Signer la délibération n° ${numero} ? Le PDF définitif, sans la mention PROJET, est établi et son empreinte est enregistrée au registre. L'acte ne pourra plus être modifié.`,
    annuler: "Annuler",
    dateTransmission: "Date de transmission",
    identifiantActes: "Identifiant ACTES (facultatif)",
    dateAccuse: "Date de l'accusé de réception (facultatif)",
    confirmerTransmission: "Enregistrer la transmission",
    datePublication: "Date de publication",
    modePublication: "Mode de publication",
    confirmerPublication: "Enregistrer la publication",
    enCours: "Enregistrement…",
    fait: (statut: string) => `Statut : « ${statut} ».`,
    signature: "Signature",
    signeLe: (le: string, par: string) => `Signée le ${le} par ${par}.`,
    empreinte: "Empreinte SHA-256 du PDF signé",
    taille: (octets: string) => `${octets} octets`,
    enregistrerPdfSigne: "Enregistrer le PDF signé…",
    titreDialogue: "Enregistrer le PDF signé",
    filtre: "Document PDF",
    pdfEnregistre: (chemin: string) => `PDF signé enregistré : ${chemin}`,
    nomPdfSigne: (numero: string) => `Deliberation-${numero.replace(/[^A-Za-z0-9]+/g, "-")}-signee.pdf`,
  },
  historique: {
    titre: "Historique",
    legende: "Historique de la délibération, de la création à aujourd'hui",
    colonnes: {
      date: "Date",
      par: "Par",
      action: "Action",
      version: "Version",
      statut: "Statut",
    },
    aucun: "Aucun événement.",
    chargement: "Chargement de l'historique…",
  },
  commentaires: {
    titre: "Commentaires",
    aucun: "Aucun commentaire.",
    par: (nom: string, le: string, version: number) => `${nom}, le ${le} (version ${version})`,
    resolu: (nom: string, le: string) => `Résolu par ${nom} le ${le}`,
    ouvert: "À traiter",
    resoudre: "Marquer comme résolu",
    resoudreAide: (id: number) => `Marquer le commentaire n° ${id} comme résolu`,
    nouveau: "Nouveau commentaire",
    ajouter: "Commenter",
    vide: "Le commentaire est vide.",
  },
  aRelire: {
    titre: "À relire",
    legende: "Délibérations soumises au maire, la plus ancienne d'abord",
    soumissionInconnue: "avant l'historique",
    aucune: "Aucune délibération n'attend votre relecture.",
    nombre: (n: number) => (n <= 1 ? `${n} délibération à relire` : `${n} délibérations à relire`),
    colonnes: {
      numero: "Numéro",
      objet: "Objet",
      seance: "Séance",
      soumis: "Soumise le",
      etat: "État",
    },
    modifiee: "modifiée depuis votre lecture",
    nonLue: "jamais lue",
    lue: "lue",
    commentaires: (n: number) => (n <= 1 ? `${n} commentaire à traiter` : `${n} commentaires à traiter`),
    ouvrir: (numero: string) => `Relire la délibération n° ${numero}`,
    chargement: "Chargement des délibérations à relire…",
    profilMaire: "Cette liste est celle du maire : choisissez le profil « Maire » pour relire et donner le bon pour signature.",
  },
  revue: {
    retour: "Retour à la liste à relire",
    titre: (numero: string) => `Relecture de la délibération n° ${numero}`,
    chargement: "Chargement de la relecture…",
    version: (version: number) => `Version ${version}`,
    premiereLecture: "Première lecture : vous n'avez encore lu aucune version de ce projet.",
    depuis: (lue: number, courante: number) =>
      `Modifications depuis la version ${lue}, la dernière que vous avez lue (version actuelle : ${courante}).`,
    aJour: (version: number) => `Vous avez lu la version actuelle (${version}) : rien n'a changé depuis.`,
    changements: "Changements",
    ajoute: "ajouté :",
    retire: "supprimé :",
    finAjout: "fin de l'ajout",
    finRetrait: "fin de la suppression",
    marquerLu: "Marquer comme lu",
    luConfirme: (version: number) => `Version ${version} marquée comme lue.`,
    bonPourSignature: "Bon pour signature",
    renvoyer: "Renvoyer en brouillon",
    commenter: "Commenter",
    ouvrirDetail: "Ouvrir la délibération",
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

export function texteEtatEcheance(etat: EtatEcheance): string {
  return etatsEcheance[etat];
}

export function texteGenreFiche(genre: GenreFiche): string {
  return genresFiche[genre];
}

export function texteStatut(statut: Statut): string {
  return statuts[statut];
}

export function texteGravite(gravite: Gravite): string {
  return gravites[gravite];
}

export function texteIssue(issue: IssueVote): string {
  return issues[issue];
}

export function texteRole(role: Role): string {
  return roles[role];
}

export function texteNature(nature: NatureActe): string {
  return natures[nature];
}

/** Libellés des civilités et des fonctions, pour les listes de choix. */
export const civilites = { monsieur: "Monsieur", madame: "Madame" } as const satisfies Record<Civilite, string>;

export const fonctions = {
  maire: "Maire",
  adjoint: "Adjoint(e)",
  conseiller_delegue: "Conseiller(ère) municipal(e) délégué(e)",
  conseiller: "Conseiller(ère) municipal(e)",
} as const satisfies Record<Fonction["fonction"], string>;

export function texteErreur(code: CodeErreur): string {
  return erreurs[code];
}

export function texteEtatPresence(etat: EtatPresence["etat"]): string {
  return etatsPresence[etat];
}
