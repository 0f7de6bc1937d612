// Le formulaire de rédaction d'une délibération : conversion depuis et vers
// la `Redaction` du cœur, insertion des marques de mise en forme de l'exposé,
// enregistrement automatique et copie locale de la saisie non enregistrée.
// Le cœur seul interprète les marques (`**gras**`, `_italique_`, `- `) :
// ici on ne fait que les insérer.
import type { Correction } from "../bindings/Correction";
import type { NatureActe } from "../bindings/NatureActe";
import type { Redaction } from "../bindings/Redaction";
import type { Scrutin } from "../bindings/Scrutin";

/** Les verbes proposés pour une décision du dispositif. */
export const VERBES: readonly string[] = ["APPROUVE", "AUTORISE", "DÉCIDE", "DIT", "CHARGE", "PREND ACTE"];

export const NATURES: readonly NatureActe[] = [
  "deliberations",
  "actes_reglementaires",
  "actes_individuels",
  "contrats",
  "documents_budgetaires",
  "autres",
];

export const SCRUTINS: readonly Scrutin[] = ["ordinaire", "public", "secret"];

export type LigneDecision = { cle: number; verbe: string; texte: string };

export type FormulaireRedaction = {
  /** Vide tant que le premier enregistrement n'a pas donné de numéro. */
  numero: string;
  seance: string;
  objet: string;
  rapporteur: string;
  /** Un visa par ligne. */
  visas: string;
  expose: string;
  decisions: LigneDecision[];
  mode: "unanimite" | "detail";
  pour: number;
  contre: number;
  abstentions: number;
  blancs_nuls: number;
  scrutin: Scrutin;
  nature: NatureActe;
  matiere: string;
  /** Repris tels quels : le formulaire ne les modifie pas. */
  convention: string | null;
  corrige: Correction | null;
};

let prochaineCle = 1;

export function nouvelleDecision(verbe = "APPROUVE", texte = ""): LigneDecision {
  return { cle: prochaineCle++, verbe, texte };
}

export function nouveauFormulaire(seance: string): FormulaireRedaction {
  return {
    numero: "",
    seance,
    objet: "",
    rapporteur: "",
    visas: "",
    expose: "",
    decisions: [nouvelleDecision()],
    mode: "unanimite",
    pour: 0,
    contre: 0,
    abstentions: 0,
    blancs_nuls: 0,
    scrutin: "ordinaire",
    nature: "deliberations",
    matiere: "",
    convention: null,
    corrige: null,
  };
}

export function formulaireDepuis(r: Redaction): FormulaireRedaction {
  const detail = r.vote.mode === "detail" ? r.vote : null;
  return {
    numero: r.numero,
    seance: r.seance,
    objet: r.objet,
    rapporteur: r.rapporteur ?? "",
    visas: r.visas.join("\n"),
    expose: r.expose,
    decisions: r.decisions.map((d) => nouvelleDecision(d.verbe, d.texte)),
    mode: r.vote.mode,
    pour: detail?.pour ?? 0,
    contre: detail?.contre ?? 0,
    abstentions: detail?.abstentions ?? 0,
    blancs_nuls: detail?.blancs_nuls ?? 0,
    scrutin: r.scrutin,
    nature: r.nature,
    matiere: r.matiere ?? "",
    convention: r.convention ?? null,
    corrige: r.corrige ?? null,
  };
}

function entier(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

export function versRedaction(f: FormulaireRedaction): Redaction {
  return {
    numero: f.numero,
    seance: f.seance,
    objet: f.objet,
    rapporteur: f.rapporteur === "" ? null : f.rapporteur,
    visas: f.visas
      .split("\n")
      .map((v) => v.trim())
      .filter((v) => v !== ""),
    expose: f.expose,
    decisions: f.decisions.map((d) => ({ verbe: d.verbe, texte: d.texte })),
    vote:
      f.mode === "unanimite"
        ? { mode: "unanimite" }
        : {
            mode: "detail",
            pour: entier(f.pour),
            contre: entier(f.contre),
            abstentions: entier(f.abstentions),
            ...(f.scrutin === "secret" ? { blancs_nuls: entier(f.blancs_nuls) } : {}),
          },
    scrutin: f.scrutin,
    nature: f.nature,
    matiere: f.matiere === "" ? null : f.matiere,
    convention: f.convention,
    corrige: f.corrige,
  };
}

/** Ce qui est comparé pour savoir si la saisie a changé (sans les clés de ligne). */
export function empreinteSaisie(f: FormulaireRedaction): string {
  return JSON.stringify(versRedaction({ ...f, numero: "" }));
}

/** Déplace l'élément `i` de `delta` (−1 : vers le haut) ; renvoie une copie. */
export function deplacer<T>(liste: readonly T[], i: number, delta: number): T[] {
  const j = i + delta;
  const copie = [...liste];
  if (i < 0 || i >= copie.length || j < 0 || j >= copie.length) return copie;
  const [element] = copie.splice(i, 1) as [T];
  copie.splice(j, 0, element);
  return copie;
}

export type Edition = { texte: string; debut: number; fin: number };
export type Marque = "gras" | "italique" | "liste";

const SYMBOLES: Record<"gras" | "italique", string> = { gras: "**", italique: "_" };

/**
 * Insère une marque autour de la sélection [debut, fin) ; renvoie le texte et
 * la nouvelle sélection. « Liste » préfixe de « - » chaque ligne touchée par
 * la sélection (ou retire le préfixe si toutes l'ont déjà).
 */
export function appliquerMarque(texte: string, debut: number, fin: number, marque: Marque): Edition {
  const a = Math.max(0, Math.min(debut, fin, texte.length));
  const b = Math.min(texte.length, Math.max(debut, fin));
  if (marque !== "liste") {
    const s = SYMBOLES[marque];
    let interieur = texte.slice(a, b);
    // Les espaces sélectionnés restent hors des marques (« **mot** », pas « **mot ** »).
    const avant = /^\s*/.exec(interieur)?.[0] ?? "";
    const apres = /\s*$/.exec(interieur.slice(avant.length))?.[0] ?? "";
    interieur = interieur.slice(avant.length, interieur.length - apres.length);
    const nouveau = texte.slice(0, a) + avant + s + interieur + s + apres + texte.slice(b);
    const depart = a + avant.length + s.length;
    return { texte: nouveau, debut: depart, fin: depart + interieur.length };
  }
  const debutLigne = texte.lastIndexOf("\n", a - 1) + 1;
  const finLigneTrouvee = texte.indexOf("\n", b > a && texte[b - 1] === "\n" ? b - 1 : b);
  const finLigne = finLigneTrouvee === -1 ? texte.length : finLigneTrouvee;
  const lignes = texte.slice(debutLigne, finLigne).split("\n");
  const toutes = lignes.every((l) => l.startsWith("- "));
  const nouvelles = lignes.map((l) => (toutes ? l.slice(2) : l.startsWith("- ") ? l : `- ${l}`));
  const bloc = nouvelles.join("\n");
  const nouveau = texte.slice(0, debutLigne) + bloc + texte.slice(finLigne);
  return { texte: nouveau, debut: debutLigne, fin: debutLigne + bloc.length };
}

export type EtatEnregistrement =
  | { etat: "inactif" }
  | { etat: "modifie" }
  | { etat: "en_cours" }
  | { etat: "enregistre"; le: Date }
  | { etat: "erreur" };

/**
 * Enregistrement automatique : `planifier()` à chaque frappe relance un délai
 * (~800 ms) ; `maintenant()` (perte du focus, Ctrl+S) enregistre tout de
 * suite. Un seul enregistrement à la fois : une demande faite pendant un
 * enregistrement en relance un dès qu'il se termine, avec la saisie du
 * moment (le numéro donné par le premier enregistrement sert aux suivants).
 */
export class Autosauvegarde {
  private minuteur: ReturnType<typeof setTimeout> | null = null;
  private enCours: Promise<void> | null = null;
  private relancer = false;
  private arrete = false;

  constructor(
    private readonly enregistrer: () => Promise<void>,
    private readonly delai = 800,
  ) {}

  planifier(): void {
    if (this.arrete) return;
    this.annulerMinuteur();
    this.minuteur = setTimeout(() => {
      this.minuteur = null;
      void this.maintenant();
    }, this.delai);
  }

  /** Enregistre sans attendre ; se résout quand plus rien n'est en attente. */
  async maintenant(): Promise<void> {
    if (this.arrete) return;
    this.annulerMinuteur();
    if (this.enCours) {
      this.relancer = true;
      return this.enCours;
    }
    this.enCours = (async () => {
      do {
        this.relancer = false;
        try {
          await this.enregistrer();
        } catch {
          // L'appelant affiche l'erreur ; la saisie reste en copie locale.
        }
      } while (this.relancer && !this.arrete);
    })();
    try {
      await this.enCours;
    } finally {
      this.enCours = null;
    }
  }

  /** Une sauvegarde est-elle programmée ou en cours ? */
  get enAttente(): boolean {
    return this.minuteur !== null || this.enCours !== null;
  }

  arreter(): void {
    this.annulerMinuteur();
    this.arrete = true;
  }

  private annulerMinuteur(): void {
    if (this.minuteur !== null) {
      clearTimeout(this.minuteur);
      this.minuteur = null;
    }
  }
}

// Copie locale de la saisie : écrite à chaque frappe, effacée quand ce qui
// est enregistré au registre la rejoint. Si l'application est fermée avant
// l'enregistrement, l'éditeur propose de la reprendre.

export type CopieLocale = { le: string; formulaire: FormulaireRedaction };

const PREFIXE = "registre.saisie.";

export function cleCopie(numero: string): string {
  return PREFIXE + (numero === "" ? "nouvelle" : numero);
}

export function ecrireCopie(f: FormulaireRedaction, le: Date = new Date()): void {
  try {
    const copie: CopieLocale = { le: le.toISOString(), formulaire: f };
    localStorage.setItem(cleCopie(f.numero), JSON.stringify(copie));
  } catch {
    // Stockage local indisponible ou plein : l'enregistrement au registre continue.
  }
}

export function lireCopie(numero: string): CopieLocale | null {
  try {
    const brut = localStorage.getItem(cleCopie(numero));
    if (brut === null) return null;
    const copie = JSON.parse(brut) as CopieLocale;
    if (typeof copie.le !== "string" || typeof copie.formulaire !== "object" || copie.formulaire === null) {
      return null;
    }
    // Les clés de ligne d'une autre session ne doivent pas entrer en collision.
    copie.formulaire.decisions = copie.formulaire.decisions.map((d) => nouvelleDecision(d.verbe, d.texte));
    return copie;
  } catch {
    return null;
  }
}

export function effacerCopie(numero: string): void {
  try {
    localStorage.removeItem(cleCopie(numero));
  } catch {
    // rien à effacer
  }
}
