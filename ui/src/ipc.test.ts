import { beforeEach, describe, expect, it, vi } from "vitest";
import { invoke } from "@tauri-apps/api/core";
import {
  chargerDemo,
  enregistrerSeance,
  etatRegistre,
  lireDeliberation,
  lireSeance,
  listerDeliberations,
  listerElus,
  listerSeances,
  verifierSeance,
} from "./ipc";
import { etatPezilla, seance15mai } from "./test/donnees";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const invokeMock = vi.mocked(invoke);

beforeEach(() => {
  invokeMock.mockReset();
});

describe("ipc", () => {
  it("appelle les commandes Tauri attendues", async () => {
    invokeMock.mockResolvedValue(etatPezilla);
    await expect(etatRegistre()).resolves.toEqual(etatPezilla);
    expect(invokeMock).toHaveBeenLastCalledWith("etat_registre", undefined);

    invokeMock.mockResolvedValue([]);
    await listerDeliberations();
    expect(invokeMock).toHaveBeenLastCalledWith("lister_deliberations", undefined);

    invokeMock.mockResolvedValue({});
    await lireDeliberation("2024/052");
    expect(invokeMock).toHaveBeenLastCalledWith("lire_deliberation", { numero: "2024/052" });

    invokeMock.mockResolvedValue(etatPezilla);
    await chargerDemo();
    expect(invokeMock).toHaveBeenLastCalledWith("charger_demo", undefined);
  });

  it("appelle les commandes des séances avec leurs arguments", async () => {
    invokeMock.mockResolvedValue([]);
    await listerSeances();
    expect(invokeMock).toHaveBeenLastCalledWith("lister_seances", undefined);
    await listerElus();
    expect(invokeMock).toHaveBeenLastCalledWith("lister_elus", undefined);
    await verifierSeance(seance15mai);
    expect(invokeMock).toHaveBeenLastCalledWith("verifier_seance", { seance: seance15mai });

    invokeMock.mockResolvedValue(seance15mai);
    await lireSeance("2024-05-15");
    expect(invokeMock).toHaveBeenLastCalledWith("lire_seance", { id: "2024-05-15" });
    await enregistrerSeance(seance15mai);
    expect(invokeMock).toHaveBeenLastCalledWith("enregistrer_seance", { seance: seance15mai });

    invokeMock.mockRejectedValue({ code: "acte_signe", message: "2024/052 signée" });
    await expect(enregistrerSeance(seance15mai)).rejects.toEqual({
      code: "acte_signe",
      message: "2024/052 signée",
    });
  });

  it("transmet telle quelle une ErreurIpc du backend", async () => {
    invokeMock.mockRejectedValue({ code: "base_occupee", message: "verrou détenu" });
    await expect(etatRegistre()).rejects.toEqual({ code: "base_occupee", message: "verrou détenu" });
  });

  it("normalise un rejet qui n'est pas un objet en code interne", async () => {
    invokeMock.mockRejectedValue("panne imprévue");
    await expect(listerDeliberations()).rejects.toEqual({
      code: "interne",
      message: "panne imprévue",
    });
  });

  it("normalise une Error JavaScript et un code inconnu en code interne", async () => {
    invokeMock.mockRejectedValue(new TypeError("window.__TAURI_INTERNALS__ is undefined"));
    await expect(etatRegistre()).rejects.toEqual({
      code: "interne",
      message: "window.__TAURI_INTERNALS__ is undefined",
    });

    invokeMock.mockRejectedValue({ code: "code_inconnu", message: "quelque chose" });
    await expect(lireDeliberation("2024/001")).rejects.toEqual({
      code: "interne",
      message: "quelque chose",
    });

    invokeMock.mockRejectedValue(undefined);
    await expect(chargerDemo()).rejects.toEqual({ code: "interne", message: "" });
  });
});
