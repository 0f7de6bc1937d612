import { describe, expect, it } from "vitest";
import { normaliserErreur } from "./erreurs";

describe("normaliserErreur", () => {
  it("garde les motifs d'un refus d'import ou d'export, tels que le cœur les envoie", () => {
    expect(
      normaliserErreur({ code: "export_invalide", message: "…", motifs: ["2024/052 : matière absente"] }),
    ).toEqual({ code: "export_invalide", message: "…", motifs: ["2024/052 : matière absente"] });
  });

  it("sans motifs, l'erreur reste { code, message }", () => {
    expect(normaliserErreur({ code: "acte_signe", message: "refus" })).toEqual({ code: "acte_signe", message: "refus" });
  });

  it("garde le champ fautif d'un enregistrement refusé, pour que le formulaire le marque", () => {
    expect(normaliserErreur({ code: "donnee_invalide", message: "elu.nom : vide", champ: "elu.nom" })).toEqual({
      code: "donnee_invalide",
      message: "elu.nom : vide",
      champ: "elu.nom",
    });
  });

  it("une valeur inconnue devient une erreur interne", () => {
    expect(normaliserErreur("panne")).toEqual({ code: "interne", message: "panne" });
  });
});
