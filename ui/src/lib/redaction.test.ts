import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { redaction053 } from "../test/donnees";
import {
  appliquerMarque,
  Autosauvegarde,
  deplacer,
  ecrireCopie,
  effacerCopie,
  formulaireDepuis,
  lireCopie,
  nouveauFormulaire,
  versRedaction,
} from "./redaction";
import { actionsPossibles, estModifiable } from "./suivi";

describe("marques de l'exposé", () => {
  it("entoure la sélection de ** ou de _ et garde les espaces hors des marques", () => {
    expect(appliquerMarque("le prix du repas", 3, 8, "gras")).toEqual({
      texte: "le **prix** du repas",
      debut: 5,
      fin: 9,
    });
    expect(appliquerMarque("le prix du repas", 2, 8, "italique").texte).toBe("le _prix_ du repas");
    // Sans sélection : les marques vides, le curseur entre elles.
    expect(appliquerMarque("abc", 3, 3, "gras")).toEqual({ texte: "abc****", debut: 5, fin: 5 });
  });

  it("« Liste » préfixe chaque ligne touchée, puis retire le préfixe", () => {
    const texte = "Intro\nmaternelle\nélémentaire\n\nFin";
    const liste = appliquerMarque(texte, 8, 20, "liste");
    expect(liste.texte).toBe("Intro\n- maternelle\n- élémentaire\n\nFin");
    const retour = appliquerMarque(liste.texte, liste.debut, liste.fin, "liste");
    expect(retour.texte).toBe(texte);
  });
});

describe("formulaire de rédaction", () => {
  it("fait l'aller-retour avec la Redaction du cœur", () => {
    expect(versRedaction(formulaireDepuis(redaction053))).toEqual(redaction053);
  });

  it("n'envoie les blancs et nuls qu'au scrutin secret, et des entiers positifs", () => {
    const f = { ...nouveauFormulaire("2024-05-15"), mode: "detail" as const, pour: 20, contre: 2, abstentions: -1 };
    expect(versRedaction(f).vote).toEqual({ mode: "detail", pour: 20, contre: 2, abstentions: 0 });
    expect(versRedaction({ ...f, scrutin: "secret", blancs_nuls: 1 }).vote).toEqual({
      mode: "detail",
      pour: 20,
      contre: 2,
      abstentions: 0,
      blancs_nuls: 1,
    });
  });

  it("déplace une décision sans sortir de la liste", () => {
    expect(deplacer(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(deplacer(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
  });

  it("garde une copie locale par délibération", () => {
    const f = { ...formulaireDepuis(redaction053), objet: "Objet en cours" };
    ecrireCopie(f, new Date("2024-05-20T12:30:00Z"));
    expect(lireCopie("2024/053")?.formulaire.objet).toBe("Objet en cours");
    expect(lireCopie("2024/053")?.le).toBe("2024-05-20T12:30:00.000Z");
    effacerCopie("2024/053");
    expect(lireCopie("2024/053")).toBeNull();
  });
});

describe("enregistrement automatique", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("attend la fin de la frappe, puis n'enregistre qu'une fois", async () => {
    const enregistrer = vi.fn().mockResolvedValue(undefined);
    const a = new Autosauvegarde(enregistrer, 800);
    a.planifier();
    await vi.advanceTimersByTimeAsync(500);
    a.planifier();
    await vi.advanceTimersByTimeAsync(799);
    expect(enregistrer).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(enregistrer).toHaveBeenCalledTimes(1);
  });

  it("ne lance jamais deux enregistrements à la fois et relance après le premier", async () => {
    let finir: () => void = () => {};
    const enregistrer = vi
      .fn()
      .mockImplementationOnce(() => new Promise<void>((r) => (finir = r)))
      .mockResolvedValue(undefined);
    const a = new Autosauvegarde(enregistrer, 800);
    const premier = a.maintenant();
    const second = a.maintenant();
    expect(enregistrer).toHaveBeenCalledTimes(1);
    finir();
    await Promise.all([premier, second]);
    expect(enregistrer).toHaveBeenCalledTimes(2);
  });
});

describe("actions du suivi", () => {
  it("propose les boutons selon le statut et le profil", () => {
    expect(actionsPossibles("brouillon", "secretariat")).toEqual(["soumettre"]);
    expect(actionsPossibles("soumis_au_maire", "secretariat")).toEqual(["renvoyer_en_brouillon"]);
    expect(actionsPossibles("soumis_au_maire", "maire")).toEqual(["bon_pour_signature", "renvoyer_en_brouillon"]);
    expect(actionsPossibles("bon_pour_signature", "maire")).toEqual(["signer", "renvoyer_en_brouillon"]);
    expect(actionsPossibles("signe", "secretariat")).toEqual(["transmettre"]);
    expect(actionsPossibles("transmis", "maire")).toEqual(["publier"]);
    expect(actionsPossibles("publie", "secretariat")).toEqual(["rendre_executoire"]);
    expect(actionsPossibles("executoire", "maire")).toEqual([]);
    expect(estModifiable("soumis_au_maire")).toBe(true);
    expect(estModifiable("bon_pour_signature")).toBe(false);
  });
});
