import { beforeEach, describe, expect, it, vi } from "vitest";
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { open, save } from "@tauri-apps/plugin-dialog";
import {
  aRelire,
  changerStatut,
  choisirPdfAOuvrir,
  commenter,
  controlerPdf,
  creerDepuis,
  enregistrerPdfSigne,
  enregistrerRedaction,
  historique,
  lireRedaction,
  listerMatieres,
  marquerLu,
  proposerNumero,
  resoudreCommentaire,
  revue,
  chargerDemo,
  choisirEmplacementPdf,
  enregistrerPdf,
  enregistrerSeance,
  etatRegistre,
  lireDeliberation,
  lireSeance,
  listerDeliberations,
  listerElus,
  listerSeances,
  ouvrirPdf,
  pdfDeliberation,
  verifierSeance,
  choisirDossier,
  choisirEmplacementFichier,
  choisirFichierAOuvrir,
  exporterPublication,
  exporterScdl,
  preparerPaquetActes,
  restaurerSauvegarde,
  sauvegarderSous,
  tableauDeBord,
  echeancier,
  enregistrerPdfRegistre,
  annulerOperation,
  suivreOperation,
  lireLogo,
  enregistrerLogo,
  retirerLogo,
  enregistrerPdfSeance,
  nomFichierPdf,
  ouvrirPdfRegistre,
  ouvrirPdfSeance,
  rechercher,
} from "./ipc";
import * as ipc from "./ipc";
import {
  communePezilla,
  conventionEnt,
  echeancier15mai,
  etatPezilla,
  redaction053,
  resultatsEnt,
  seance15mai,
} from "./test/donnees";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));
vi.mock("@tauri-apps/plugin-dialog", () => ({ save: vi.fn(), open: vi.fn() }));

const invokeMock = vi.mocked(invoke);
const saveMock = vi.mocked(save);
const openMock = vi.mocked(open);

beforeEach(() => {
  invokeMock.mockReset();
  saveMock.mockReset();
  openMock.mockReset();
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

  it("reçoit le PDF en binaire et transmet le document choisi", async () => {
    invokeMock.mockResolvedValue(new Uint8Array([0x25, 0x50, 0x44, 0x46]).buffer);
    const octets = await pdfDeliberation("2024/052", "dossier");
    expect(invokeMock).toHaveBeenLastCalledWith("pdf_deliberation", {
      numero: "2024/052",
      document: "dossier",
    });
    expect(octets).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(octets)).toBe("%PDF");
    // Repli si le pont IPC renvoie un tableau de nombres.
    invokeMock.mockResolvedValue([0x25, 0x50]);
    expect([...(await pdfDeliberation("2024/052", "extrait"))]).toEqual([0x25, 0x50]);

    invokeMock.mockResolvedValue(null);
    await ouvrirPdf("2024/052", "extrait");
    expect(invokeMock).toHaveBeenLastCalledWith("ouvrir_pdf", { numero: "2024/052", document: "extrait" });
    await enregistrerPdf("2024/052", "dossier", "C:\\Users\\Mairie\\Délib 052.pdf");
    expect(invokeMock).toHaveBeenLastCalledWith("enregistrer_pdf", {
      numero: "2024/052",
      document: "dossier",
      chemin: "C:\\Users\\Mairie\\Délib 052.pdf",
    });

    invokeMock.mockRejectedValue({ code: "entree_sortie", message: "disque plein" });
    await expect(enregistrerPdf("2024/052", "dossier", "/x.pdf")).rejects.toEqual({
      code: "entree_sortie",
      message: "disque plein",
    });
  });

  it("ouvre le dialogue « Enregistrer sous… » filtré sur les PDF", async () => {
    saveMock.mockResolvedValue("/home/mairie/d.pdf");
    await expect(
      choisirEmplacementPdf({ titre: "Enregistrer le PDF", nomPropose: "d.pdf", filtre: "Document PDF" }),
    ).resolves.toBe("/home/mairie/d.pdf");
    expect(saveMock).toHaveBeenCalledWith({
      title: "Enregistrer le PDF",
      defaultPath: "d.pdf",
      filters: [{ name: "Document PDF", extensions: ["pdf"] }],
    });

    saveMock.mockResolvedValue(null);
    await expect(
      choisirEmplacementPdf({ titre: "t", nomPropose: "d.pdf", filtre: "f" }),
    ).resolves.toBeNull();

    saveMock.mockRejectedValue("dialog.save not allowed");
    await expect(
      choisirEmplacementPdf({ titre: "t", nomPropose: "d.pdf", filtre: "f" }),
    ).rejects.toEqual({ code: "interne", message: "dialog.save not allowed" });
  });

  it("appelle les commandes de rédaction et du circuit de signature avec leurs arguments", async () => {
    invokeMock.mockResolvedValue(null);
    const appels: [Promise<unknown>, string, Record<string, unknown> | undefined][] = [
      [proposerNumero("2024-05-15"), "proposer_numero", { seance: "2024-05-15" }],
      [lireRedaction("2024/053"), "lire_redaction", { numero: "2024/053" }],
      [
        enregistrerRedaction(redaction053, "secretariat"),
        "enregistrer_redaction",
        { redaction: redaction053, role: "secretariat" },
      ],
      [
        creerDepuis("2024/052", "2024-05-15", "secretariat"),
        "creer_depuis",
        { modele: "2024/052", seance: "2024-05-15", role: "secretariat" },
      ],
      [
        changerStatut("2024/053", { vers: "publier", date: "2024-05-25", mode: "electronique" }, "maire"),
        "changer_statut",
        { numero: "2024/053", demande: { vers: "publier", date: "2024-05-25", mode: "electronique" }, role: "maire" },
      ],
      [commenter("2024/053", "À revoir", "maire"), "commenter", { numero: "2024/053", texte: "À revoir", role: "maire" }],
      [
        resoudreCommentaire("2024/053", 1, "secretariat"),
        "resoudre_commentaire",
        { numero: "2024/053", id: 1, role: "secretariat" },
      ],
      [marquerLu("2024/053", "maire"), "marquer_lu", { numero: "2024/053", role: "maire" }],
      [revue("2024/053"), "revue", { numero: "2024/053" }],
      [aRelire(), "a_relire", undefined],
      [historique("2024/053"), "historique", { numero: "2024/053" }],
      [listerMatieres(), "lister_matieres", undefined],
      [controlerPdf("/tmp/a.pdf"), "controler_pdf", { chemin: "/tmp/a.pdf" }],
      [enregistrerPdfSigne("2024/053", "/tmp/b.pdf"), "enregistrer_pdf_signe", { numero: "2024/053", chemin: "/tmp/b.pdf" }],
    ];
    for (const [promesse, commande, args] of appels) {
      await promesse;
      expect(invokeMock).toHaveBeenCalledWith(commande, args);
    }

    invokeMock.mockRejectedValue({ code: "transition_refusee", message: "Seul le maire peut signer la délibération n° 2024/053." });
    await expect(changerStatut("2024/053", { vers: "signer" }, "secretariat")).rejects.toEqual({
      code: "transition_refusee",
      message: "Seul le maire peut signer la délibération n° 2024/053.",
    });
  });

  it("ouvre le dialogue « Ouvrir » filtré sur les PDF", async () => {
    openMock.mockResolvedValue("/home/mairie/a.pdf");
    await expect(choisirPdfAOuvrir({ titre: "Choisir", filtre: "Document PDF" })).resolves.toBe("/home/mairie/a.pdf");
    expect(openMock).toHaveBeenCalledWith({
      title: "Choisir",
      multiple: false,
      directory: false,
      filters: [{ name: "Document PDF", extensions: ["pdf"] }],
    });
  });

  it("appelle les commandes du logo de la commune", async () => {
    invokeMock.mockResolvedValue(null);
    await expect(lireLogo()).resolves.toBeNull();
    expect(invokeMock).toHaveBeenLastCalledWith("lire_logo", undefined);
    invokeMock.mockResolvedValue("data:image/png;base64,AA==");
    await expect(enregistrerLogo("/m/logo.png")).resolves.toBe("data:image/png;base64,AA==");
    expect(invokeMock).toHaveBeenLastCalledWith("enregistrer_logo", { chemin: "/m/logo.png" });
    invokeMock.mockResolvedValue(null);
    await retirerLogo();
    expect(invokeMock).toHaveBeenLastCalledWith("retirer_logo", undefined);
  });

  it("ne transmet que les étapes de l'opération suivie, et rend de quoi cesser l'écoute", async () => {
    const cesser = vi.fn();
    let emettre: (ev: { payload: unknown }) => void = () => {};
    vi.mocked(listen).mockImplementation((nom, rappel) => {
      expect(nom).toBe("avancement");
      emettre = rappel as (ev: { payload: unknown }) => void;
      return Promise.resolve(cesser);
    });
    const etapes: unknown[] = [];
    const arret = await suivreOperation("operation-1", (e) => etapes.push(e));
    emettre({ payload: { operation: "operation-2", fait: 1, total: 4 } });
    emettre({ payload: { operation: "operation-1", fait: 2, total: 8 } });
    expect(etapes).toEqual([{ operation: "operation-1", fait: 2, total: 8 }]);
    arret();
    expect(cesser).toHaveBeenCalledTimes(1);
  });

  it("appelle les commandes du tableau de bord, des sauvegardes et des exports", async () => {
    invokeMock.mockResolvedValue({});
    await tableauDeBord();
    expect(invokeMock).toHaveBeenLastCalledWith("tableau_de_bord", undefined);
    invokeMock.mockResolvedValue(null);
    await sauvegarderSous("/m/registre-20240527.json");
    expect(invokeMock).toHaveBeenLastCalledWith("sauvegarder_sous", {
      chemin: "/m/registre-20240527.json",
      operation: null,
    });
    await sauvegarderSous("/m/r.json", "operation-1");
    expect(invokeMock).toHaveBeenLastCalledWith("sauvegarder_sous", { chemin: "/m/r.json", operation: "operation-1" });
    await annulerOperation("operation-1");
    expect(invokeMock).toHaveBeenLastCalledWith("annuler_operation", { operation: "operation-1" });
    invokeMock.mockResolvedValue(etatPezilla);
    await expect(restaurerSauvegarde("/m/s.json")).resolves.toEqual(etatPezilla);
    expect(invokeMock).toHaveBeenLastCalledWith("restaurer_sauvegarde", { chemin: "/m/s.json", operation: null });
    invokeMock.mockResolvedValue(null);
    await exporterScdl(null, "/m/scdl.csv");
    expect(invokeMock).toHaveBeenLastCalledWith("exporter_scdl", { annee: null, chemin: "/m/scdl.csv" });
    invokeMock.mockResolvedValue(2);
    await expect(exporterPublication("2024-01-01", "2024-12-31", "/m/pub")).resolves.toBe(2);
    expect(invokeMock).toHaveBeenLastCalledWith("exporter_publication", {
      du: "2024-01-01",
      au: "2024-12-31",
      dossier: "/m/pub",
      operation: null,
    });
    invokeMock.mockResolvedValue(["a.xml"]);
    await expect(preparerPaquetActes("2024/052", "/m/actes", null)).resolves.toEqual(["a.xml"]);
    expect(invokeMock).toHaveBeenLastCalledWith("preparer_paquet_actes", {
      numero: "2024/052",
      dossier: "/m/actes",
      classification: null,
    });
  });

  it("appelle la recherche, l'échéancier, le registre annuel, le procès-verbal et le nom de fichier du cœur", async () => {
    invokeMock.mockResolvedValue(resultatsEnt);
    const requete = { texte: "ENT numer", annee: 2024, statut: null, matiere: "8.1", genre: null, limite: 20 };
    await expect(rechercher(requete)).resolves.toEqual(resultatsEnt);
    expect(invokeMock).toHaveBeenLastCalledWith("rechercher", { requete });

    invokeMock.mockResolvedValue(echeancier15mai);
    await expect(echeancier("2024-05-15")).resolves.toEqual(echeancier15mai);
    expect(invokeMock).toHaveBeenLastCalledWith("echeancier", { seance: "2024-05-15" });
    await echeancier(null);
    expect(invokeMock).toHaveBeenLastCalledWith("echeancier", { seance: null });

    invokeMock.mockResolvedValue(null);
    await ouvrirPdfRegistre(2024);
    expect(invokeMock).toHaveBeenLastCalledWith("ouvrir_pdf_registre", { annee: 2024, operation: null });
    await enregistrerPdfRegistre(2023, "/m/registre.pdf", "operation-2");
    expect(invokeMock).toHaveBeenLastCalledWith("enregistrer_pdf_registre", {
      annee: 2023,
      chemin: "/m/registre.pdf",
      operation: "operation-2",
    });
    await ouvrirPdfSeance("2024-05-15", "proces_verbal");
    expect(invokeMock).toHaveBeenLastCalledWith("ouvrir_pdf_seance", { id: "2024-05-15", document: "proces_verbal" });
    await enregistrerPdfSeance("2024-05-15", "proces_verbal", "/m/pv.pdf");
    expect(invokeMock).toHaveBeenLastCalledWith("enregistrer_pdf_seance", {
      id: "2024-05-15",
      document: "proces_verbal",
      chemin: "/m/pv.pdf",
    });

    invokeMock.mockResolvedValue("Registre-2024.pdf");
    await expect(nomFichierPdf({ document: "registre", cle: 2024 })).resolves.toBe("Registre-2024.pdf");
    expect(invokeMock).toHaveBeenLastCalledWith("nom_fichier_pdf", { demande: { document: "registre", cle: 2024 } });
    await nomFichierPdf({ document: "proces_verbal", cle: "2024-05-15" });
    expect(invokeMock).toHaveBeenLastCalledWith("nom_fichier_pdf", {
      demande: { document: "proces_verbal", cle: "2024-05-15" },
    });
  });

  it("ouvre les dialogues de fichier JSON/CSV et de dossier", async () => {
    saveMock.mockResolvedValue("/m/r.json");
    await expect(
      choisirEmplacementFichier({ titre: "T", nomPropose: "r.json", filtre: "F", extension: "json" }),
    ).resolves.toBe("/m/r.json");
    expect(saveMock).toHaveBeenCalledWith({
      title: "T",
      defaultPath: "r.json",
      filters: [{ name: "F", extensions: ["json"] }],
    });
    openMock.mockResolvedValue("/m/r.json");
    await choisirFichierAOuvrir({ titre: "T", filtre: "F", extension: "json" });
    expect(openMock).toHaveBeenLastCalledWith({
      title: "T",
      multiple: false,
      directory: false,
      filters: [{ name: "F", extensions: ["json"] }],
    });
    openMock.mockResolvedValue("/m/dossier");
    await expect(choisirDossier("D")).resolves.toBe("/m/dossier");
    expect(openMock).toHaveBeenLastCalledWith({ title: "D", multiple: false, directory: true, canCreateDirectories: true });
    openMock.mockRejectedValue("dialog.open not allowed");
    await expect(choisirDossier("D")).rejects.toEqual({ code: "interne", message: "dialog.open not allowed" });
  });

  it("appelle les commandes des conventions et du profil ; le montant en centimes traverse en nombre JSON", async () => {
    const json = { ...conventionEnt, conditions_financieres: { ...conventionEnt.conditions_financieres, montant_unitaire_centimes: 4500 } };
    invokeMock.mockResolvedValue([]);
    await ipc.listerConventions();
    expect(invokeMock).toHaveBeenLastCalledWith("lister_conventions", undefined);

    invokeMock.mockResolvedValue(json);
    const lue = await ipc.lireConvention("ent-ecole-2024-2025");
    expect(invokeMock).toHaveBeenLastCalledWith("lire_convention", { id: "ent-ecole-2024-2025" });
    expect(lue.conditions_financieres?.montant_unitaire_centimes).toBe(4500n);

    invokeMock.mockResolvedValue([]);
    await ipc.verifierConvention(conventionEnt);
    expect(invokeMock).toHaveBeenLastCalledWith("verifier_convention", { convention: json });
    // Ce qui part vers le backend se sérialise en JSON (un bigint ne le peut pas).
    expect(() => JSON.stringify(invokeMock.mock.calls.at(-1)?.[1])).not.toThrow();

    invokeMock.mockResolvedValue(json);
    await ipc.enregistrerConvention(conventionEnt);
    expect(invokeMock).toHaveBeenLastCalledWith("enregistrer_convention", { convention: json });
    await ipc.renouvelerConvention("ent-ecole-2024-2025");
    expect(invokeMock).toHaveBeenLastCalledWith("renouveler_convention", { id: "ent-ecole-2024-2025" });

    invokeMock.mockResolvedValue(communePezilla);
    await ipc.lireCommune();
    expect(invokeMock).toHaveBeenLastCalledWith("lire_commune", undefined);
    await ipc.enregistrerCommune(communePezilla);
    expect(invokeMock).toHaveBeenLastCalledWith("enregistrer_commune", { commune: communePezilla });

    invokeMock.mockRejectedValue({ code: "acte_signe", message: "La convention est annexée à 2024/052, signée." });
    await expect(ipc.enregistrerConvention(conventionEnt)).rejects.toEqual({
      code: "acte_signe",
      message: "La convention est annexée à 2024/052, signée.",
    });
  });
});
