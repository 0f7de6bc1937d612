import { afterEach, describe, expect, it, vi } from "vitest";
import type { Diagnostic } from "../bindings/Diagnostic";
import { ControleEnDirect, DELAI_CONTROLE_MS } from "./controle.svelte";

const diagnostic = (message: string): Diagnostic =>
  ({ code: "quorum_non_atteint", gravite: "erreur", message, article: "L2121-17" }) as Diagnostic;

afterEach(() => {
  vi.useRealTimers();
});

describe("ControleEnDirect", () => {
  it("attend la pause, et une réponse périmée ne remplace pas la plus récente", async () => {
    vi.useFakeTimers();
    const reponses: ((d: Diagnostic[]) => void)[] = [];
    const verifier = vi.fn(() => new Promise<Diagnostic[]>((r) => reponses.push(r)));
    const controle = new ControleEnDirect<string>(verifier);

    controle.planifier("a");
    vi.advanceTimersByTime(DELAI_CONTROLE_MS - 1);
    expect(verifier).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    controle.planifier("ab");
    vi.advanceTimersByTime(DELAI_CONTROLE_MS);
    expect(verifier.mock.calls).toEqual([["a"], ["ab"]]);

    reponses[1]?.([diagnostic("récente")]);
    await vi.runAllTimersAsync();
    reponses[0]?.([diagnostic("périmée")]);
    await vi.runAllTimersAsync();
    expect(controle.diagnostics.map((d) => d.message)).toEqual(["récente"]);
  });

  it("une saisie qui change pendant la pause annule la vérification attendue", () => {
    vi.useFakeTimers();
    const verifier = vi.fn(() => Promise.resolve([]));
    const controle = new ControleEnDirect<string>(verifier);
    const annuler = controle.planifier("a");
    annuler();
    vi.advanceTimersByTime(DELAI_CONTROLE_MS);
    expect(verifier).not.toHaveBeenCalled();
  });

  it("un échec du cœur est gardé comme erreur, nommée", async () => {
    vi.useFakeTimers();
    const controle = new ControleEnDirect<string>(() => Promise.reject({ code: "interne", message: "panne" }));
    controle.planifier("a");
    await vi.advanceTimersByTimeAsync(DELAI_CONTROLE_MS);
    expect(controle.erreur).toEqual({ code: "interne", message: "panne" });
  });
});
