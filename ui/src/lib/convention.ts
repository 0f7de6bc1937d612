// Le formulaire de l'éditeur de convention : conversion depuis et vers la
// `Convention` du cœur, lecture d'un montant en euros saisi à la française
// ("45", "45,50", "1 234,5") en centimes entiers, sans jamais passer par un
// nombre à virgule flottante. Le cœur seul calcule les totaux et contrôle.
import type { Article } from "../bindings/Article";
import type { Bloc } from "../bindings/Bloc";
import type { Commune } from "../bindings/Commune";
import type { Convention } from "../bindings/Convention";
import type { MentionTaxe } from "../bindings/MentionTaxe";

/** Les variables qu'un article peut citer, remplies à l'impression. */
export const VARIABLES: readonly string[] = [
  "montant_unitaire",
  "taxe",
  "unite",
  "quantite",
  "total",
  "beneficiaires",
  "annee_scolaire",
  "date_fin",
  "lieu_signature",
];

/** "total" → "{{total}}". */
export function balise(variable: string): string {
  return `{{${variable}}}`;
}

export const TAXES: readonly MentionTaxe[] = ["TTC", "HT"];

export type BlocFormulaire = { cle: number; type: "paragraphe" | "liste"; texte: string };

export type ArticleFormulaire = {
  cle: number;
  numero: string;
  titre: string;
  contenu: BlocFormulaire[];
  sous_articles: ArticleFormulaire[];
};

export type PartieFormulaire = {
  cle: number;
  nom: string;
  siret: string;
  /** Une ligne d'adresse par ligne. */
  adresse: string;
  representant: string;
  qualite: string;
  designation: string;
};

export type BeneficiaireFormulaire = { cle: number; nom: string; uai: string };

export type FormulaireConvention = {
  id: string;
  titre: string;
  entete: string;
  date_document: string;
  parties: PartieFormulaire[];
  /** Une note par ligne. */
  notes: string;
  preambule: BlocFormulaire[];
  articles: ArticleFormulaire[];
  lieu_signature: string;
  date_signature: string;
  /** Reprise telle quelle : le lien se fait depuis la délibération. */
  deliberation: string | null;
  avecPeriode: boolean;
  annee_scolaire: string;
  debut: "a_la_signature" | "le";
  date_debut: string;
  fin: string;
  reconduction_tacite: boolean;
  avecConditions: boolean;
  /** Le montant unitaire tel que saisi, en euros : "45" ou "45,50". */
  montant: string;
  taxe: MentionTaxe;
  unite: string;
  compte: "beneficiaires" | "quantite";
  beneficiaires: BeneficiaireFormulaire[];
  quantite: number | null;
};

let prochaineCle = 1;
function cle(): number {
  return prochaineCle++;
}

/**
 * "45" → 4500, "45,5" → 4550, "1 234,56" → 123456 ; null si la saisie n'est
 * pas un montant positif d'au plus deux décimales.
 */
export function euroVersCentimes(saisie: string): bigint | null {
  const texte = saisie.replace(/[\s\u00a0\u202f]/g, "").replace(/€$/, "");
  const m = /^(\d+)(?:[,.](\d{1,2}))?$/.exec(texte);
  if (!m || m[1] === undefined) return null;
  const decimales = (m[2] ?? "").padEnd(2, "0");
  return BigInt(m[1]) * 100n + BigInt(decimales);
}

/** 4500 → "45", 4550 → "45,50". */
export function centimesVersEuro(centimes: bigint | number): string {
  const c = BigInt(centimes);
  const euros = c / 100n;
  const reste = c % 100n;
  return reste === 0n ? String(euros) : `${euros},${String(reste).padStart(2, "0")}`;
}

export function nouveauBloc(type: "paragraphe" | "liste" = "paragraphe", texte = ""): BlocFormulaire {
  return { cle: cle(), type, texte };
}

export function nouvelArticle(numero: string): ArticleFormulaire {
  return { cle: cle(), numero, titre: "", contenu: [nouveauBloc()], sous_articles: [] };
}

export function nouvellePartie(): PartieFormulaire {
  return { cle: cle(), nom: "", siret: "", adresse: "", representant: "", qualite: "", designation: "" };
}

/**
 * La commune comme partie, remplie depuis son profil : nom, SIRET, adresse
 * et le maire qui la représente.
 */
export function partieCommune(commune: Commune, nomDuMaire: string): PartieFormulaire {
  const adresse = [...commune.adresse.lignes, `${commune.adresse.code_postal} ${commune.adresse.ville}`];
  return {
    cle: cle(),
    nom: `COMMUNE DE ${commune.nom.toUpperCase()}`,
    siret: commune.siret,
    adresse: adresse.join("\n"),
    representant: nomDuMaire,
    qualite: "Maire",
    designation: "collectivité",
  };
}

export function nouveauBeneficiaire(): BeneficiaireFormulaire {
  return { cle: cle(), nom: "", uai: "" };
}

function blocDepuis(b: Bloc): BlocFormulaire {
  return b.type === "paragraphe" ? nouveauBloc("paragraphe", b.texte) : nouveauBloc("liste", b.elements.join("\n"));
}

function articleDepuis(a: Article): ArticleFormulaire {
  return {
    cle: cle(),
    numero: a.numero,
    titre: a.titre,
    contenu: a.contenu.map(blocDepuis),
    sous_articles: a.sous_articles.map(articleDepuis),
  };
}

export function nouveauFormulaire(): FormulaireConvention {
  return {
    id: "",
    titre: "",
    entete: "",
    date_document: "",
    parties: [nouvellePartie()],
    notes: "",
    preambule: [],
    articles: [],
    lieu_signature: "",
    date_signature: "",
    deliberation: null,
    avecPeriode: false,
    annee_scolaire: "",
    debut: "a_la_signature",
    date_debut: "",
    fin: "",
    reconduction_tacite: false,
    avecConditions: false,
    montant: "",
    taxe: "TTC",
    unite: "",
    compte: "beneficiaires",
    beneficiaires: [],
    quantite: null,
  };
}

export function formulaireDepuis(c: Convention): FormulaireConvention {
  const p = c.periode ?? null;
  const f = c.conditions_financieres ?? null;
  return {
    id: c.id,
    titre: c.titre,
    entete: c.entete ?? "",
    date_document: c.date_document ?? "",
    parties: c.parties.map((x) => ({
      cle: cle(),
      nom: x.nom,
      siret: x.siret ?? "",
      adresse: x.adresse.join("\n"),
      representant: x.representant,
      qualite: x.qualite,
      designation: x.designation,
    })),
    notes: c.notes.join("\n"),
    preambule: c.preambule.map(blocDepuis),
    articles: c.articles.map(articleDepuis),
    lieu_signature: c.lieu_signature,
    date_signature: c.date_signature ?? "",
    deliberation: c.deliberation,
    avecPeriode: p !== null,
    annee_scolaire: p?.annee_scolaire ?? "",
    debut: p?.debut ?? "a_la_signature",
    date_debut: p?.debut === "le" ? p.date : "",
    fin: p?.fin ?? "",
    reconduction_tacite: p?.reconduction_tacite ?? false,
    avecConditions: f !== null,
    montant: f ? centimesVersEuro(f.montant_unitaire_centimes) : "",
    taxe: f?.taxe ?? "TTC",
    unite: f?.unite ?? "",
    compte: f && f.beneficiaires.length === 0 && f.quantite != null ? "quantite" : "beneficiaires",
    beneficiaires: (f?.beneficiaires ?? []).map((b) => ({ cle: cle(), nom: b.nom, uai: b.uai ?? "" })),
    quantite: f?.quantite ?? null,
  };
}

function lignes(texte: string): string[] {
  return texte
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

function ouNull(texte: string): string | null {
  const t = texte.trim();
  return t === "" ? null : t;
}

function versBloc(b: BlocFormulaire): Bloc {
  return b.type === "paragraphe" ? { type: "paragraphe", texte: b.texte } : { type: "liste", elements: lignes(b.texte) };
}

function versArticle(a: ArticleFormulaire): Article {
  return {
    numero: a.numero.trim(),
    titre: a.titre,
    contenu: a.contenu.map(versBloc),
    sous_articles: a.sous_articles.map(versArticle),
  };
}

/** La convention saisie ; null tant que le montant n'est pas un montant lisible. */
export function versConvention(f: FormulaireConvention): Convention | null {
  let conditions: Convention["conditions_financieres"] = null;
  if (f.avecConditions) {
    const centimes = euroVersCentimes(f.montant);
    if (centimes === null) return null;
    const parBeneficiaires = f.compte === "beneficiaires";
    conditions = {
      montant_unitaire_centimes: centimes,
      taxe: f.taxe,
      unite: f.unite.trim(),
      beneficiaires: parBeneficiaires ? f.beneficiaires.map((b) => ({ nom: b.nom.trim(), uai: ouNull(b.uai) })) : [],
      quantite: parBeneficiaires || f.quantite === null || Number.isNaN(f.quantite) ? null : f.quantite,
    };
  }
  const periode: Convention["periode"] = f.avecPeriode
    ? {
        annee_scolaire: ouNull(f.annee_scolaire),
        fin: ouNull(f.fin),
        reconduction_tacite: f.reconduction_tacite,
        ...(f.debut === "le" ? { debut: "le" as const, date: f.date_debut } : { debut: "a_la_signature" as const }),
      }
    : null;
  return {
    id: f.id,
    titre: f.titre.trim(),
    entete: ouNull(f.entete),
    date_document: ouNull(f.date_document),
    parties: f.parties.map((p) => ({
      nom: p.nom.trim(),
      siret: ouNull(p.siret.replace(/\s/g, "")),
      adresse: lignes(p.adresse),
      representant: p.representant.trim(),
      qualite: p.qualite.trim(),
      designation: p.designation.trim(),
    })),
    notes: lignes(f.notes),
    preambule: f.preambule.map(versBloc),
    articles: f.articles.map(versArticle),
    lieu_signature: f.lieu_signature.trim(),
    date_signature: ouNull(f.date_signature),
    deliberation: f.deliberation,
    periode,
    conditions_financieres: conditions,
  };
}

/** Insère `texte` à la place de la sélection ; renvoie le texte et la position du curseur. */
export function inserer(
  valeur: string,
  debut: number,
  fin: number,
  texte: string,
): { texte: string; curseur: number } {
  return { texte: valeur.slice(0, debut) + texte + valeur.slice(fin), curseur: debut + texte.length };
}

/** Échange l'élément i avec son voisin i + delta (liste inchangée hors bornes). */
export function deplacer<T>(liste: T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (j < 0 || j >= liste.length) return liste;
  const copie = [...liste];
  const a = copie[i];
  const b = copie[j];
  if (a === undefined || b === undefined) return liste;
  copie[i] = b;
  copie[j] = a;
  return copie;
}
