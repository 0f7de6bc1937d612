import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "./bindings/Role";
import type { Statut } from "./bindings/Statut";
import DetailDeliberation from "./composants/DetailDeliberation.svelte";
import * as ipc from "./ipc";
import { erreurs, fr } from "./lib/fr";
import { detail052, detail053, historique053, revue053 } from "./test/donnees";

vi.mock("./ipc", () => ({
  lireDeliberation: vi.fn(),
  historique: vi.fn(),
  revue: vi.fn(),
  changerStatut: vi.fn(),
  commenter: vi.fn(),
  resoudreCommentaire: vi.fn(),
  choisirEmplacementPdf: vi.fn(),
  enregistrerPdfSigne: vi.fn(),
  choisirDossier: vi.fn(),
  preparerPaquetActes: vi.fn(),
}));

const m = vi.mocked(ipc);

beforeEach(() => {
  vi.resetAllMocks();
  m.lireDeliberation.mockResolvedValue(detail053);
  m.historique.mockResolvedValue(historique053);
  m.revue.mockResolvedValue(revue053);
});

async function afficher(statut: Statut, role: Role, onmodifier = vi.fn()): Promise<HTMLElement> {
  m.lireDeliberation.mockResolvedValue({ ...detail053, statut });
  render(DetailDeliberation, { numero: "2024/053", role, onretour: vi.fn(), onmodifier });
  return screen.findByTestId("suivi");
}

function boutons(suivi: HTMLElement): string[] {
  return within(suivi)
    .queryAllByRole("button")
    .filter((b) => b.dataset["testid"]?.startsWith("action-"))
    .map((b) => b.textContent?.trim() ?? "");
}

describe("suivi : boutons selon le statut et le profil", () => {
  it.each<[Statut, Role, string[]]>([
    ["brouillon", "secretariat", [fr.suivi.soumettre]],
    ["soumis_au_maire", "secretariat", [fr.suivi.renvoyer]],
    ["soumis_au_maire", "maire", [fr.suivi.bonPourSignature, fr.suivi.renvoyer]],
    ["bon_pour_signature", "secretariat", [fr.suivi.renvoyer]],
    ["bon_pour_signature", "maire", [fr.suivi.signer, fr.suivi.renvoyer]],
    ["signe", "secretariat", [fr.suivi.transmettre]],
    ["transmis", "secretariat", [fr.suivi.publier]],
    ["publie", "maire", [fr.suivi.rendreExecutoire]],
    ["executoire", "maire", []],
  ])("%s, profil %s", async (statut, role, attendus) => {
    const suivi = await afficher(statut, role);
    expect(boutons(suivi)).toEqual(attendus);
    // « Modifier » seulement avant le bon pour signature.
    const modifiable = statut === "brouillon" || statut === "soumis_au_maire";
    expect(screen.queryByTestId("modifier-deliberation") !== null).toBe(modifiable);
    expect(screen.queryByTestId("non-modifiable") !== null).toBe(!modifiable);
  });

  it("soumet au maire avec le profil choisi, puis relit la délibération", async () => {
    const user = userEvent.setup();
    m.changerStatut.mockResolvedValue({ numero: "2024/053", version: 1, statut: "soumis_au_maire" });
    const suivi = await afficher("brouillon", "secretariat");
    m.lireDeliberation.mockResolvedValue({ ...detail053, statut: "soumis_au_maire" });
    await user.click(within(suivi).getByRole("button", { name: fr.suivi.soumettre }));
    expect(m.changerStatut).toHaveBeenCalledWith("2024/053", { vers: "soumettre" }, "secretariat");
    expect(await screen.findByTestId("suivi-confirmation")).toHaveTextContent("Statut : « Soumis au maire ».");
    expect(within(screen.getByTestId("detail-deliberation")).getAllByText("Soumis au maire")[0]).toBeInTheDocument();
    expect(m.historique).toHaveBeenCalledTimes(2);
  });

  it("montre le refus du cœur tel quel dans une alerte", async () => {
    const user = userEvent.setup();
    const phrase =
      "La délibération n° 2024/053 n'a pas de matière ACTES (par exemple 8.1 Enseignement) : elle est exigée pour la transmission en préfecture.";
    m.changerStatut.mockRejectedValue({ code: "transition_refusee", message: phrase });
    const suivi = await afficher("soumis_au_maire", "maire");
    await user.click(within(suivi).getByRole("button", { name: fr.suivi.bonPourSignature }));
    const alerte = await within(suivi).findByRole("alert");
    expect(alerte).toHaveAttribute("data-code", "transition_refusee");
    expect(alerte).toHaveTextContent(erreurs.transition_refusee);
    expect(within(alerte).getByTestId("message-erreur")).toHaveTextContent(phrase);
  });

  it("exige un motif pour renvoyer en brouillon", async () => {
    const user = userEvent.setup();
    m.changerStatut.mockResolvedValue({ numero: "2024/053", version: 1, statut: "brouillon" });
    const suivi = await afficher("soumis_au_maire", "secretariat");
    await user.click(within(suivi).getByRole("button", { name: fr.suivi.renvoyer }));
    await user.click(within(suivi).getByRole("button", { name: fr.suivi.confirmerRenvoi }));
    expect(await within(suivi).findByText(fr.suivi.motifRequis)).toBeInTheDocument();
    expect(m.changerStatut).not.toHaveBeenCalled();
    await user.type(within(suivi).getByLabelText(fr.suivi.motif), "Tarif à corriger");
    await user.click(within(suivi).getByRole("button", { name: fr.suivi.confirmerRenvoi }));
    expect(m.changerStatut).toHaveBeenCalledWith(
      "2024/053",
      { vers: "renvoyer_en_brouillon", motif: "Tarif à corriger" },
      "secretariat",
    );
  });

  it("signe après confirmation, puis affiche l'empreinte et enregistre le PDF signé", async () => {
    const user = userEvent.setup();
    const empreinte = "a".repeat(64);
    m.changerStatut.mockResolvedValue({ numero: "2024/053", version: 1, statut: "signe" });
    m.choisirEmplacementPdf.mockResolvedValue("/home/mairie/053.pdf");
    m.enregistrerPdfSigne.mockResolvedValue();
    const suivi = await afficher("bon_pour_signature", "maire");
    m.lireDeliberation.mockResolvedValue({
      ...detail053,
      statut: "signe",
      signature: { le: "2024-05-22T10:15:00", par: "Jean-Paul BILLES (maire)", empreinte_sha256: empreinte, octets: 51234n },
    });
    await user.click(within(suivi).getByRole("button", { name: fr.suivi.signer }));
    expect(m.changerStatut).not.toHaveBeenCalled();
    await user.click(within(suivi).getByRole("button", { name: fr.suivi.confirmerSignature }));
    expect(m.changerStatut).toHaveBeenCalledWith("2024/053", { vers: "signer" }, "maire");
    expect(await screen.findByTestId("empreinte-signature")).toHaveTextContent(empreinte);
    expect(screen.getByTestId("signature")).toHaveTextContent("Signée le 22 mai 2024 à 10 h 15 par Jean-Paul BILLES (maire).");
    await user.click(screen.getByRole("button", { name: fr.suivi.enregistrerPdfSigne }));
    expect(m.enregistrerPdfSigne).toHaveBeenCalledWith("2024/053", "/home/mairie/053.pdf");
  });

  it("transmet en préfecture avec la date, l'identifiant ACTES et l'accusé", async () => {
    const user = userEvent.setup();
    m.changerStatut.mockResolvedValue({ numero: "2024/053", version: 1, statut: "transmis" });
    const suivi = await afficher("signe", "secretariat");
    await user.click(within(suivi).getByRole("button", { name: fr.suivi.transmettre }));
    const date = within(suivi).getByLabelText(fr.suivi.dateTransmission);
    await user.clear(date);
    await user.type(date, "2024-05-23");
    await user.type(within(suivi).getByLabelText(fr.suivi.identifiantActes), "066-216601441-20240523-2024_053-DE");
    await user.type(within(suivi).getByLabelText(fr.suivi.dateAccuse), "2024-05-24");
    await user.click(within(suivi).getByRole("button", { name: fr.suivi.confirmerTransmission }));
    expect(m.changerStatut).toHaveBeenCalledWith(
      "2024/053",
      {
        vers: "transmettre",
        date: "2024-05-23",
        identifiant_actes: "066-216601441-20240523-2024_053-DE",
        date_accuse: "2024-05-24",
      },
      "secretariat",
    );
  });
});

describe("paquet ACTES", () => {
  it.each<[Statut, boolean]>([
    ["brouillon", false],
    ["soumis_au_maire", false],
    ["bon_pour_signature", false],
    ["signe", true],
    ["transmis", true],
    ["publie", true],
    ["executoire", true],
  ])("%s : bouton « Préparer le paquet ACTES… » affiché : %s", async (statut, visible) => {
    const suivi = await afficher(statut, "secretariat");
    expect(within(suivi).queryByRole("button", { name: fr.actes.preparer }) !== null).toBe(visible);
  });

  it("prépare le paquet dans le dossier choisi, avec la date de classification, et liste les fichiers", async () => {
    const user = userEvent.setup();
    m.choisirDossier.mockResolvedValue("/home/mairie/actes-053");
    m.preparerPaquetActes.mockResolvedValue(["acte.xml", "2024_053.pdf", "metadonnees.json"]);
    const suivi = await afficher("signe", "secretariat");
    await user.type(within(suivi).getByLabelText(fr.actes.classification), "2024-01-15");
    await user.click(within(suivi).getByRole("button", { name: fr.actes.preparer }));
    expect(m.preparerPaquetActes).toHaveBeenCalledWith("2024/053", "/home/mairie/actes-053", "2024-01-15");
    const fait = await within(suivi).findByTestId("paquet-actes-prepare");
    expect(fait).toHaveTextContent(fr.actes.prepare("/home/mairie/actes-053"));
    expect(within(fait).getAllByTestId("fichier-paquet").map((f) => f.textContent)).toEqual([
      "acte.xml",
      "2024_053.pdf",
      "metadonnees.json",
    ]);
  });

  it("sans date de classification : null ; un refus liste ses raisons", async () => {
    const user = userEvent.setup();
    m.choisirDossier.mockResolvedValue("/home/mairie/actes");
    m.preparerPaquetActes.mockRejectedValue({
      code: "export_invalide",
      message: "L'export n'a pas été produit :\n  - 2024/053 : le dossier « /home/mairie/actes » n'est pas vide",
      motifs: ["2024/053 : le dossier « /home/mairie/actes » n'est pas vide"],
    });
    const suivi = await afficher("transmis", "secretariat");
    await user.click(within(suivi).getByRole("button", { name: fr.actes.preparer }));
    expect(m.preparerPaquetActes).toHaveBeenCalledWith("2024/053", "/home/mairie/actes", null);
    const refus = await within(suivi).findByTestId("refus-paquet-actes");
    expect(within(refus).getByTestId("motif-erreur")).toHaveTextContent(
      "2024/053 : le dossier « /home/mairie/actes » n'est pas vide",
    );
  });

  it("ne fait rien si le choix du dossier est annulé", async () => {
    const user = userEvent.setup();
    m.choisirDossier.mockResolvedValue(null);
    const suivi = await afficher("signe", "secretariat");
    await user.click(within(suivi).getByRole("button", { name: fr.actes.preparer }));
    expect(m.preparerPaquetActes).not.toHaveBeenCalled();
  });
});

describe("historique et commentaires", () => {
  it("affiche le tableau de l'historique : date, par, action, version, statut", async () => {
    await afficher("soumis_au_maire", "maire");
    const table = await screen.findByTestId("table-historique");
    for (const c of ["Date", "Par", "Action", "Version", "Statut"]) {
      expect(within(table).getByRole("columnheader", { name: c })).toBeInTheDocument();
    }
    const lignes = within(table).getAllByTestId("ligne-historique");
    expect(lignes).toHaveLength(3);
    expect(lignes[0]).toHaveTextContent("20 mai 2024 à 9 h 05");
    expect(lignes[0]).toHaveTextContent("Secrétariat de mairie");
    expect(lignes[0]).toHaveTextContent("Création");
    expect(lignes[1]).toHaveTextContent("Statut « Soumis au maire »");
    expect(lignes[2]).toHaveTextContent("Jean-Paul BILLES (maire)");
    expect(lignes[2]).toHaveTextContent("Lu par le maire");
    expect(within(lignes[2] as HTMLElement).getAllByRole("cell")[3]).toHaveTextContent("1");
  });

  it("le secrétariat résout un commentaire, et tout profil peut commenter", async () => {
    const user = userEvent.setup();
    const premier = revue053.commentaires[0];
    if (!premier) throw new Error("commentaire de test absent");
    m.resoudreCommentaire.mockResolvedValue(premier);
    m.commenter.mockResolvedValue({ ...premier, id: 2 });
    await afficher("soumis_au_maire", "secretariat");
    const commentaire = await screen.findByTestId("commentaire");
    expect(commentaire).toHaveTextContent("Préciser le tarif du second enfant.");
    await user.click(within(commentaire).getByRole("button", { name: fr.commentaires.resoudreAide(1) }));
    expect(m.resoudreCommentaire).toHaveBeenCalledWith("2024/053", 1, "secretariat");
    await user.type(screen.getByLabelText(fr.commentaires.nouveau), "Tarif corrigé.");
    await user.click(screen.getByRole("button", { name: fr.commentaires.ajouter }));
    expect(m.commenter).toHaveBeenCalledWith("2024/053", "Tarif corrigé.", "secretariat");
  });

  it("le maire ne voit pas « Marquer comme résolu »", async () => {
    await afficher("soumis_au_maire", "maire");
    await screen.findByTestId("commentaire");
    expect(screen.queryByRole("button", { name: fr.commentaires.resoudreAide(1) })).not.toBeInTheDocument();
  });
});

describe("détail : exposé structuré et références", () => {
  it("rend le gras, l'italique et les listes, avec visas, nature et matière", async () => {
    m.lireDeliberation.mockResolvedValue(detail052);
    render(DetailDeliberation, { numero: "2024/052", role: "secretariat", onretour: vi.fn() });
    const expose = await screen.findByTestId("detail-expose");
    const paragraphes = expose.querySelectorAll(":scope > p");
    expect(paragraphes).toHaveLength(2);
    expect(paragraphes[0]).toHaveTextContent(/^L'Académie de Montpellier/);
    expect(paragraphes[1]).toHaveTextContent(
      "Il convient de signer la convention de partenariat pour l'année scolaire 2024/2025.",
    );
    expect([...expose.querySelectorAll("strong")].map((e) => e.textContent)).toEqual([
      "convention de partenariat",
      "école élémentaire",
    ]);
    expect(expose.querySelector("p em")).toHaveTextContent("2024/2025");
    const elements = expose.querySelectorAll("ul > li");
    expect([...elements].map((e) => e.textContent)).toEqual(["école maternelle", "école élémentaire"]);
    expect(screen.getByTestId("detail-visas")).toHaveTextContent("Vu le code général des collectivités territoriales,");
    expect(screen.getByTestId("detail-nature")).toHaveTextContent("Délibérations");
    expect(screen.getByTestId("detail-matiere")).toHaveTextContent("8.1 Enseignement");
    expect(screen.getByTestId("detail-numero-actes")).toHaveTextContent("2024_052");
    expect(screen.getByTestId("non-modifiable")).toHaveTextContent(fr.detail.signeeNonModifiable);
  });

  it("affiche transmission et publication", async () => {
    m.lireDeliberation.mockResolvedValue({
      ...detail052,
      transmission: { date: "2024-05-20", identifiant_actes: "066-216601441-20240520-2024_052-DE", date_accuse: "2024-05-21" },
      publication: { date: "2024-05-22", mode: "electronique" },
    });
    render(DetailDeliberation, { numero: "2024/052", role: "secretariat", onretour: vi.fn() });
    expect(await screen.findByTestId("detail-transmission")).toHaveTextContent(
      "Transmise le 20 mai 2024 — 066-216601441-20240520-2024_052-DE — accusé de réception du 21 mai 2024",
    );
    expect(screen.getByTestId("detail-publication")).toHaveTextContent("Publication électronique le 22 mai 2024");
  });
});
