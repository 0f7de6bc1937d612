// Données de test tirées de la délibération de référence n° 2024/052.
import type { DeliberationDetail } from "../bindings/DeliberationDetail";
import type { DeliberationResume } from "../bindings/DeliberationResume";
import type { EtatRegistre } from "../bindings/EtatRegistre";

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
  expose: [
    "L'Académie de Montpellier propose aux communes de mettre à disposition des écoles un environnement numérique de travail (ENT).",
    "Il convient de signer la convention de partenariat pour l'année scolaire 2024/2025.",
  ],
  formule_vote: "à l'unanimité des membres présents et représentés",
  decisions: [
    { verbe: "APPROUVE", texte: "la convention de partenariat avec l'Académie de Montpellier." },
    { verbe: "AUTORISE", texte: "Monsieur le Maire à signer la convention et tout document s'y rapportant." },
  ],
  convention: {
    id: "conv-2024-ent",
    titre: "Convention de partenariat relative à la mise à disposition d'un ENT 2024/2025",
  },
  ne_prennent_pas_part: [],
  issue: "adoptee",
  diagnostics: [],
};
