// Données de test tirées de la délibération de référence n° 2024/052.
import type { AttenteMaire } from "../bindings/AttenteMaire";
import type { Commune } from "../bindings/Commune";
import type { Convention } from "../bindings/Convention";
import type { ConventionResume } from "../bindings/ConventionResume";
import type { DeliberationDetail } from "../bindings/DeliberationDetail";
import type { EntreeHistorique } from "../bindings/EntreeHistorique";
import type { Matiere } from "../bindings/Matiere";
import type { ObligationLegale } from "../bindings/ObligationLegale";
import type { Redaction } from "../bindings/Redaction";
import type { ResultatsRecherche } from "../bindings/ResultatsRecherche";
import type { Revue } from "../bindings/Revue";
import type { DeliberationResume } from "../bindings/DeliberationResume";
import type { Echeancier } from "../bindings/Echeancier";
import type { EluResume } from "../bindings/EluResume";
import type { EtatRegistre } from "../bindings/EtatRegistre";
import type { Seance } from "../bindings/Seance";
import type { SeanceResume } from "../bindings/SeanceResume";
import type { TableauDeBord } from "../bindings/TableauDeBord";

export const OBJET_052 =
  "CONVENTION DE PARTENARIAT ACADEMIE DE MONTPELLIER/COMMUNE MISE A DISPOSITION D'UN ENT (ENVIRONNEMENT NUMERIQUE DE TRAVAIL) 2024/2025";

export const etatVide: EtatRegistre = {
  commune: null,
  nombre_deliberations: 0,
  emplacement: "/home/secretariat/.local/share/registre/registre.sqlite",
};

export const etatPezilla: EtatRegistre = {
  commune: "Pézilla-la-Rivière",
  nombre_deliberations: 2,
  emplacement: "/home/secretariat/.local/share/registre/registre.sqlite",
};

export const resumes: DeliberationResume[] = [
  { numero: "2024/052", date_seance: "2024-05-15", objet: OBJET_052, statut: "executoire" },
  {
    numero: "2024/053",
    date_seance: "2024-05-15",
    objet: "DECISION MODIFICATIVE N° 1 - BUDGET PRINCIPAL",
    statut: "soumis_au_maire",
  },
];

export const detail052: DeliberationDetail = {
  numero: "2024/052",
  objet: OBJET_052,
  statut: "executoire",
  commune: "Pézilla-la-Rivière",
  date_seance: "2024-05-15",
  heure_seance: "18:00:00",
  lieu: "en mairie",
  president: "Jean-Paul BILLES",
  date_convocation: "2024-05-07",
  secretaires: ["Laurence BARBERA"],
  comptes: {
    en_exercice: 27,
    presents: 22,
    absents: 5,
    representes: 1,
    votants: 23,
    ne_prennent_pas_part: 0,
  },
  presents: ["Jean-Paul BILLES", "Karine CAROLA", "Guy PALOFFIS", "Laurence BARBERA"],
  procurations: [{ mandant: "Yves ESCAPE", mandataire: "Guy PALOFFIS" }],
  absents_excuses: [],
  absents: [],
  rapporteur: "Karine CAROLA",
  visas: ["Vu le code général des collectivités territoriales,"],
  expose: [
    "L'Académie de Montpellier propose aux communes de mettre à disposition des écoles un environnement numérique de travail (ENT).",
    {
      paragraphe: [
        { texte: "Il convient de signer la " },
        { texte: "convention de partenariat", gras: true },
        { texte: " pour l'année scolaire " },
        { texte: "2024/2025", italique: true },
        { texte: "." },
      ],
    },
    { liste: [[{ texte: "école maternelle" }], [{ texte: "école élémentaire", gras: true }]] },
  ],
  nature: "deliberations",
  matiere: "8.1 Enseignement",
  numero_actes: "2024_052",
  formule_vote: "à l'unanimité des membres présents et représentés",
  decisions: [
    { verbe: "APPROUVE", texte: "la convention de partenariat avec l'Académie de Montpellier." },
    { verbe: "AUTORISE", texte: "Monsieur le Maire à signer la convention et tout document s'y rapportant." },
  ],
  convention: {
    id: "conv-2024-ent",
    titre: "Convention de partenariat relative à la mise à disposition d'un ENT 2024/2025",
    annee_scolaire: "2024-2025",
    fin: "2025-09-01",
    montant: "2 école(s) × 45\u00a0€ TTC = 90\u00a0€ TTC",
  },
  ne_prennent_pas_part: [],
  issue: "adoptee",
  diagnostics: [],
};

// Un conseil réduit pour les tests de l'éditeur de séance.
export const elus: EluResume[] = [
  { id: "billes-jean-paul", nom: "Jean-Paul BILLES", fonction: "Maire", mandat_debut: null, mandat_fin: null },
  { id: "barbera-laurence", nom: "Laurence BARBERA", fonction: "Conseillère municipale", mandat_debut: null, mandat_fin: null },
  { id: "escape-yves", nom: "Yves ESCAPE", fonction: "Conseiller municipal", mandat_debut: null, mandat_fin: null },
  { id: "paloffis-guy", nom: "Guy PALOFFIS", fonction: "Conseiller municipal", mandat_debut: null, mandat_fin: null },
  // Mandat terminé avant la séance du 15 mai 2024 : pas en exercice.
  { id: "ancien-elu", nom: "Ancien ÉLU", fonction: "Conseiller municipal", mandat_debut: null, mandat_fin: "2023-12-31" },
];

export const seance15mai: Seance = {
  id: "2024-05-15",
  date: "2024-05-15",
  heure: "18:00:00",
  lieu: "en mairie",
  president: "billes-jean-paul",
  date_convocation: "2024-05-07",
  secretaires: ["barbera-laurence"],
  presences: [
    { elu: "billes-jean-paul", etat: "present" },
    { elu: "barbera-laurence", etat: "present" },
    { elu: "paloffis-guy", etat: "present" },
    { elu: "escape-yves", etat: "represente", mandataire: "paloffis-guy" },
  ],
  ordre_du_jour: ["Convention ENT", "Décision modificative n° 1"],
};

export const seancesResumes: SeanceResume[] = [
  { id: "2024-06-20", date: "2024-06-20", heure: "18:30:00", lieu: "salle du conseil", nombre_deliberations: 0, figee: false },
  { id: "2024-05-15", date: "2024-05-15", heure: "18:00:00", lieu: "en mairie", nombre_deliberations: 2, figee: false },
  { id: "2023-12-12", date: "2023-12-12", heure: "18:00:00", lieu: "en mairie", nombre_deliberations: 3, figee: true },
];

export const revue052: Revue = {
  numero: "2024/052",
  objet: OBJET_052,
  statut: "executoire",
  version: 1,
  version_lue: null,
  changements: [],
  commentaires: [],
};

export const matieres: Matiere[] = [
  { code: "7.1", libelle: "Décisions budgétaires" },
  { code: "8.1", libelle: "Enseignement" },
  { code: "9.1", libelle: "Autres domaines de compétences des communes" },
];

export const OBJET_053 = "RESTAURATION SCOLAIRE - TARIFS 2024/2025";

/** Un projet soumis au maire, tel que le formulaire de rédaction le lit. */
export const redaction053: Redaction = {
  numero: "2024/053",
  seance: "2024-05-15",
  objet: OBJET_053,
  rapporteur: "barbera-laurence",
  visas: ["Vu le code général des collectivités territoriales,"],
  expose: "Le prix du repas est **revu** chaque année.\n\n- maternelle\n- élémentaire",
  decisions: [{ verbe: "APPROUVE", texte: "les tarifs de la restauration scolaire." }],
  vote: { mode: "unanimite" },
  scrutin: "ordinaire",
  nature: "deliberations",
  matiere: "8.1",
  convention: null,
  corrige: null,
};

export const detail053: DeliberationDetail = {
  ...detail052,
  numero: "2024/053",
  objet: OBJET_053,
  statut: "soumis_au_maire",
  convention: null,
  expose: ["Le prix du repas est revu chaque année."],
  numero_actes: "2024_053",
};

export const historique053: EntreeHistorique[] = [
  {
    rang: 1,
    le: "2024-05-20T09:05:00",
    par: { role: "secretariat", nom: "Secrétariat de mairie" },
    action: { type: "creation" },
    libelle: "Création",
    version: 1,
    statut: "brouillon",
  },
  {
    rang: 2,
    le: "2024-05-20T09:40:00",
    par: { role: "secretariat", nom: "Secrétariat de mairie" },
    action: { type: "transition", de: "brouillon", vers: "soumis_au_maire" },
    libelle: "Statut « Soumis au maire »",
    version: 1,
    statut: "soumis_au_maire",
  },
  {
    rang: 3,
    le: "2024-05-21T18:12:00",
    par: { role: "maire", nom: "Jean-Paul BILLES (maire)" },
    action: { type: "lecture" },
    libelle: "Lu par le maire",
    version: 1,
    statut: "soumis_au_maire",
  },
];

export const revue053: Revue = {
  numero: "2024/053",
  objet: OBJET_053,
  statut: "soumis_au_maire",
  version: 2,
  version_lue: 1,
  changements: [
    {
      champ: "Exposé",
      morceaux: [
        { genre: "egal", texte: "Le prix du repas est " },
        { genre: "retire", texte: "maintenu" },
        { genre: "ajoute", texte: "revu" },
        { genre: "egal", texte: " chaque année." },
      ],
    },
  ],
  commentaires: [
    {
      id: 1,
      le: "2024-05-21T18:15:00",
      par: { role: "maire", nom: "Jean-Paul BILLES (maire)" },
      texte: "Préciser le tarif du second enfant.",
      version: 1,
      resolu: null,
    },
  ],
};

export const attentes: AttenteMaire[] = [
  {
    numero: "2024/053",
    objet: OBJET_053,
    date_seance: "2024-05-15",
    statut: "soumis_au_maire",
    soumis_le: "2024-05-20T09:40:00",
    version: 2,
    version_lue: 1,
    a_changer_depuis_lecture: true,
    commentaires_ouverts: 1,
  },
  {
    numero: "2024/054",
    objet: "LOCATION DE LA SALLE DES FÊTES",
    date_seance: "2024-05-15",
    statut: "soumis_au_maire",
    soumis_le: "2024-05-22T11:00:00",
    version: 1,
    version_lue: 1,
    a_changer_depuis_lecture: false,
    commentaires_ouverts: 0,
  },
];

/** Le tableau de bord d'un registre où rien n'attend. */
export const tableauVide: TableauDeBord = {
  au: "2024-05-27",
  a_relire: [],
  a_signer: [],
  a_transmettre: [],
  a_publier: [],
  conventions_a_echeance: [],
  conventions_en_attente: [],
  en_retard: [],
};

/** Un tableau de bord où chaque section a au moins un élément. */
export const tableauPlein: TableauDeBord = {
  au: "2024-05-27",
  a_relire: [
    {
      numero: "2024/052",
      objet: OBJET_052,
      date_seance: "2024-05-15",
      statut: "soumis_au_maire",
      soumis_le: "2024-05-20T09:40:00",
      version: 2,
      version_lue: 1,
      a_changer_depuis_lecture: true,
      commentaires_ouverts: 1,
    },
  ],
  a_signer: [
    { numero: "2024/053", date_seance: "2024-05-15", objet: OBJET_053, statut: "bon_pour_signature" },
  ],
  a_transmettre: [
    { numero: "2024/050", date_seance: "2024-04-10", objet: "TARIFS DU CIMETIERE", statut: "signe" },
    { numero: "2024/051", date_seance: "2024-04-10", objet: "SUBVENTIONS AUX ASSOCIATIONS", statut: "signe" },
  ],
  a_publier: [],
  conventions_a_echeance: [
    {
      id: "conv-2023-ent",
      titre: "Convention ENT 2023/2024",
      fin: "2024-07-05",
      jours_restants: 39n,
      reconduction_tacite: true,
    },
  ],
  conventions_en_attente: [
    { id: "conv-2024-ent", titre: "Convention ENT 2024/2025", motif: "délibération n° 2024/052 non signée" },
  ],
  en_retard: [],
};

/** L'échéancier de la séance du 15 mai 2024, au 27 mai 2024 : les retards d'abord. */
export const obligations15mai: ObligationLegale[] = [
  {
    seance: "2024-05-15",
    date_seance: "2024-05-15",
    deliberation: null,
    libelle: "Liste des délibérations affichée en mairie et mise en ligne",
    article: "L2121-25",
    echeance: "2024-05-22",
    echeance_affichee: "22/05/2024",
    etat: "en_retard",
    faite_le: null,
    suivie: false,
    jours_de_retard: 5n,
  },
  {
    seance: "2024-05-15",
    date_seance: "2024-05-15",
    deliberation: "2024/052",
    libelle: "Délibération n° 2024/052 publiée (sous forme électronique, intégralement)",
    article: "L2131-1, R2131-1",
    echeance: "2024-05-30",
    echeance_affichee: "30/05/2024",
    etat: "a_faire",
    faite_le: null,
    suivie: true,
    jours_de_retard: null,
  },
  {
    seance: "2024-05-15",
    date_seance: "2024-05-15",
    deliberation: "2024/052",
    libelle: "Délibération n° 2024/052 transmise au représentant de l'État (contrôle de légalité)",
    article: "L2131-1, L2131-2",
    echeance: "2024-05-30",
    echeance_affichee: "30/05/2024",
    etat: "faite",
    faite_le: "2024-05-20",
    suivie: true,
    jours_de_retard: null,
  },
  {
    seance: "2024-05-15",
    date_seance: "2024-05-15",
    deliberation: null,
    libelle: "Procès-verbal arrêté au commencement de la séance suivante, signé par le maire et le(s) secrétaire(s)",
    article: "L2121-15",
    echeance: null,
    echeance_affichee: "à la prochaine séance",
    etat: "a_faire",
    faite_le: null,
    suivie: false,
    jours_de_retard: null,
  },
];

export const echeancier15mai: Echeancier = { au: "2024-05-27", obligations: obligations15mai };

/** Deux retards pour le tableau de bord : un acte et la reliure d'une année. */
export const enRetard: ObligationLegale[] = [
  {
    seance: "2024-04-10",
    date_seance: "2024-04-10",
    deliberation: "2024/050",
    libelle: "Délibération n° 2024/050 transmise au représentant de l'État (contrôle de légalité)",
    article: "L2131-1, L2131-2",
    echeance: "2024-04-25",
    echeance_affichee: "25/04/2024",
    etat: "en_retard",
    faite_le: null,
    suivie: true,
    jours_de_retard: 32n,
  },
  {
    seance: null,
    date_seance: null,
    deliberation: null,
    libelle: "Feuillets de l'année 2023 reliés, avec une table par date et une table par objet",
    article: "R2121-9",
    echeance: "2023-12-31",
    echeance_affichee: "31/12/2023",
    etat: "en_retard",
    faite_le: null,
    suivie: false,
    jours_de_retard: 148n,
  },
];

/** Résultats de « ENT numer » : la délibération et sa convention annexée. */
export const resultatsEnt: ResultatsRecherche = {
  total: 2,
  trouvailles: [
    {
      genre: "deliberation",
      cle: "2024/052",
      titre: [
        { texte: "CONVENTION DE PARTENARIAT ACADEMIE DE MONTPELLIER/COMMUNE MISE A DISPOSITION D'UN ", surligne: false },
        { texte: "ENT", surligne: true },
        { texte: " (ENVIRONNEMENT ", surligne: false },
        { texte: "NUMERIQUE", surligne: true },
        { texte: " DE TRAVAIL) 2024/2025", surligne: false },
      ],
      champ: "Dispositif",
      extrait: [
        { texte: "… mise à disposition d'un ", surligne: false },
        { texte: "ENT", surligne: true },
        { texte: " (Environnement ", surligne: false },
        { texte: "Numérique", surligne: true },
        { texte: " de Travail) pour l'année scolaire …", surligne: false },
      ],
      score: 7.5,
      annee: 2024,
      seance: "2024-05-15",
      statut: "soumis_au_maire",
      liee: "ent-ecole-2024-2025",
    },
    {
      genre: "convention",
      cle: "ent-ecole-2024-2025",
      titre: [
        { texte: "Convention de partenariat pour la mise à disposition d'un environnement ", surligne: false },
        { texte: "numérique", surligne: true },
        { texte: " de travail (", surligne: false },
        { texte: "ÉNT", surligne: true },
        { texte: "-école)", surligne: false },
      ],
      champ: "Préambule",
      extrait: [
        { texte: "… dénommé ", surligne: false },
        { texte: "ENT", surligne: true },
        { texte: "-école …", surligne: false },
      ],
      score: 6.1,
      annee: 2024,
      seance: "2024-05-15",
      statut: "soumis_au_maire",
      liee: "2024/052",
    },
  ],
};

// Conventions et profil de la commune (écrans « Conventions » et « Paramètres »).

export const conventionEnt: Convention = {
  id: "ent-ecole-2024-2025",
  titre: "Convention ENT-école Année scolaire 2024-2025",
  entete: "RÉGION ACADÉMIQUE OCCITANIE",
  date_document: "2024-04-30",
  parties: [
    {
      nom: "LA RÉGION ACADÉMIQUE OCCITANIE",
      siret: null,
      adresse: ["31, rue de l'Université 34 064 - MONTPELLIER Cedex 2"],
      representant: "Sophie BÉJEAN",
      qualite: "Rectrice de la région académique Occitanie",
      designation: "Région académique",
    },
  ],
  notes: [],
  preambule: [{ type: "paragraphe", texte: "Dans le cadre de la mise en place d'un ENT 1er degré…" }],
  articles: [
    {
      numero: "4",
      titre: "Participation financière",
      contenu: [{ type: "paragraphe", texte: "La participation est fixée à  par école." }],
      sous_articles: [],
    },
    {
      numero: "9",
      titre: "Liste des écoles",
      contenu: [{ type: "liste", elements: ["école A", "école B"] }],
      sous_articles: [{ numero: "9.1", titre: "Coût", contenu: [], sous_articles: [] }],
    },
  ],
  lieu_signature: "Montpellier",
  date_signature: "2024-04-30",
  deliberation: "2024/052",
  periode: { annee_scolaire: "2024-2025", debut: "a_la_signature", fin: "2025-09-01", reconduction_tacite: false },
  conditions_financieres: {
    montant_unitaire_centimes: 4500n,
    taxe: "TTC",
    unite: "école",
    beneficiaires: [
      { nom: "ECOLE ELEMENTAIRE PUBLIQUE SARDA GARRIGA", uai: "0660710N" },
      { nom: "ECOLE MATERNELLE PUBLIQUE MARIE MELLIES", uai: "0660446B" },
    ],
    quantite: null,
  },
};

export const conventionsResumes: ConventionResume[] = [
  {
    id: "ent-ecole-2024-2025",
    titre: "Convention ENT-école Année scolaire 2024-2025",
    annee_scolaire: "2024-2025",
    fin: "2025-09-01",
    montant: "2 école(s) × 45\u00a0€ TTC = 90\u00a0€ TTC",
  },
];

export const communePezilla: Commune = {
  nom: "Pézilla-la-Rivière",
  siret: "21660140100120",
  adresse: { lignes: ["31 AVENUE DU CANIGOUE"], code_postal: "66370", ville: "PEZILLA-LA-RIVIERE" },
  population: 3700,
  departement: "66",
  tribunal_administratif: {
    nom: "Tribunal Administratif de Montpellier",
    adresse: "Espace Pitot – 6 Rue Pitot – 34 063 Montpellier cedex 02",
  },
  maire: "billes-jean-paul",
};
