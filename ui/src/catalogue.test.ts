// Vérifie la discipline du catalogue : aucun texte en dur dans le balisage
// des composants, tout texte visible passe par src/lib/fr.ts.
import { describe, expect, it } from "vitest";

const sources = import.meta.glob<string>("./**/*.svelte", {
  query: "?raw",
  import: "default",
  eager: true,
});

function texteLibre(source: string): string {
  const sansBlocs = source
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "");
  let resultat = "";
  let profondeur = 0;
  for (const c of sansBlocs) {
    if (c === "{") profondeur++;
    else if (c === "}") profondeur = Math.max(0, profondeur - 1);
    else if (profondeur === 0) resultat += c;
  }
  return resultat.replace(/<[^>]*>/g, " ");
}

describe("catalogue", () => {
  it("trouve les composants", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(3);
  });

  it.each(Object.entries(sources))("%s n'a pas de texte en dur", (_chemin, source) => {
    expect(texteLibre(source).match(/\p{L}[\p{L}\s'’]*/gu) ?? []).toEqual([]);
  });
});
