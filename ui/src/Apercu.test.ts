import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import DetailDeliberation from "./composants/DetailDeliberation.svelte";
import * as ipc from "./ipc";
import * as apercu from "./lib/apercu";
import { erreurs, fr } from "./lib/fr";
import { detail052 } from "./test/donnees";

vi.mock("./ipc", () => ({
  lireDeliberation: vi.fn(),
  pdfDeliberation: vi.fn(),
  ouvrirPdf: vi.fn(),
  enregistrerPdf: vi.fn(),
  choisirEmplacementPdf: vi.fn(),
  nomFichierPdf: vi.fn(),
}));

// pdf.js a besoin d'un vrai canvas : on le remplace par un double.
vi.mock("./lib/apercu", () => ({ chargerApercu: vi.fn() }));

const m = vi.mocked(ipc);
const chargerApercu = vi.mocked(apercu.chargerApercu);
const OCTETS = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

function doublePdf(pages: number) {
  return { pages, dessiner: vi.fn().mockResolvedValue(undefined), fermer: vi.fn().mockResolvedValue(undefined) };
}

async function ouvrirApercu() {
  const user = userEvent.setup();
  render(DetailDeliberation, { numero: "2024/052", onretour: () => {} });
  await user.click(await screen.findByTestId("bouton-apercu"));
  const panneau = await screen.findByTestId("apercu-pdf");
  return { user, panneau };
}

beforeEach(() => {
  vi.resetAllMocks();
  m.lireDeliberation.mockResolvedValue(detail052);
  m.pdfDeliberation.mockResolvedValue(OCTETS);
  // Le nom proposé vient du cœur : le double en rend un reconnaissable.
  m.nomFichierPdf.mockImplementation((d) => Promise.resolve(`coeur-${d.document}-${String(d.cle)}.pdf`));
});

describe("aperçu PDF", () => {
  it("affiche chaque page du dossier complet, dessinée depuis les octets du backend", async () => {
    const double = doublePdf(3);
    chargerApercu.mockResolvedValue(double);
    const { panneau } = await ouvrirApercu();

    const pages = await within(panneau).findAllByTestId("page-pdf");
    expect(pages.map((p) => p.getAttribute("data-page"))).toEqual(["1", "2", "3"]);
    expect(pages[0]).toHaveAccessibleName("Page 1 sur 3");
    expect(within(panneau).getByTestId("nombre-pages")).toHaveTextContent("3 pages");
    expect(m.pdfDeliberation).toHaveBeenCalledWith("2024/052", "dossier");
    expect(chargerApercu).toHaveBeenCalledWith(OCTETS);
    await waitFor(() => expect(double.dessiner).toHaveBeenCalledTimes(3));
    expect(double.dessiner.mock.calls.map((c) => c[0])).toEqual([1, 2, 3]);
    expect(double.dessiner.mock.calls[0]?.[1]).toBe(pages[0]);
    // Le focus passe sur le titre du panneau.
    expect(document.activeElement).toHaveTextContent(fr.apercu.titre);
    expect(within(panneau).getByRole("radio", { name: fr.apercu.dossier })).toBeChecked();
  });

  it("passe à l'extrait seul au clavier et libère le document précédent", async () => {
    const dossier = doublePdf(6);
    const extrait = doublePdf(2);
    chargerApercu.mockResolvedValueOnce(dossier).mockResolvedValueOnce(extrait);
    const { user, panneau } = await ouvrirApercu();
    expect(await within(panneau).findAllByTestId("page-pdf")).toHaveLength(6);

    within(panneau).getByRole("radio", { name: fr.apercu.dossier }).focus();
    await user.keyboard("{ArrowLeft}");
    expect(within(panneau).getByRole("radio", { name: fr.apercu.extrait })).toBeChecked();

    await waitFor(() => expect(within(panneau).getAllByTestId("page-pdf")).toHaveLength(2));
    expect(m.pdfDeliberation).toHaveBeenLastCalledWith("2024/052", "extrait");
    expect(dossier.fermer).toHaveBeenCalled();
  });

  it("propose seulement l'extrait quand il n'y a pas de convention annexée", async () => {
    m.lireDeliberation.mockResolvedValue({ ...detail052, convention: null });
    chargerApercu.mockResolvedValue(doublePdf(2));
    const { panneau } = await ouvrirApercu();

    expect(await within(panneau).findAllByTestId("page-pdf")).toHaveLength(2);
    expect(within(panneau).queryByRole("radio")).not.toBeInTheDocument();
    expect(m.pdfDeliberation).toHaveBeenCalledWith("2024/052", "extrait");
  });

  it("« Ouvrir » confie le document choisi au backend", async () => {
    chargerApercu.mockResolvedValue(doublePdf(6));
    m.ouvrirPdf.mockResolvedValue(undefined);
    const { user, panneau } = await ouvrirApercu();

    await user.click(within(panneau).getByRole("button", { name: fr.apercu.ouvrir }));
    expect(m.ouvrirPdf).toHaveBeenCalledWith("2024/052", "dossier");
    expect(await within(panneau).findByTestId("message-pdf")).toHaveTextContent(fr.apercu.ouvert);
  });

  it("« Enregistrer sous… » écrit le PDF à l'emplacement choisi, et rien si l'on annule", async () => {
    chargerApercu.mockResolvedValue(doublePdf(6));
    m.choisirEmplacementPdf.mockResolvedValueOnce(null).mockResolvedValueOnce("/home/secretaire/Délib 052.pdf");
    m.enregistrerPdf.mockResolvedValue(undefined);
    const { user, panneau } = await ouvrirApercu();
    const bouton = within(panneau).getByRole("button", { name: fr.apercu.enregistrer });

    await user.click(bouton);
    expect(m.choisirEmplacementPdf).toHaveBeenCalledWith({
      titre: fr.apercu.titreDialogue,
      nomPropose: "coeur-dossier-2024/052.pdf",
      filtre: fr.apercu.filtre,
    });
    expect(m.nomFichierPdf).toHaveBeenCalledWith({ document: "dossier", cle: "2024/052" });
    expect(m.enregistrerPdf).not.toHaveBeenCalled();

    await user.click(bouton);
    expect(m.enregistrerPdf).toHaveBeenCalledWith("2024/052", "dossier", "/home/secretaire/Délib 052.pdf");
    expect(within(panneau).getByTestId("message-pdf")).toHaveTextContent(
      "PDF enregistré : /home/secretaire/Délib 052.pdf",
    );
  });

  it("affiche l'erreur d'écriture avec le texte du catalogue", async () => {
    chargerApercu.mockResolvedValue(doublePdf(6));
    m.choisirEmplacementPdf.mockResolvedValue("/lecture-seule/d.pdf");
    m.enregistrerPdf.mockRejectedValue({ code: "entree_sortie", message: "Permission denied" });
    const { user, panneau } = await ouvrirApercu();

    await user.click(within(panneau).getByRole("button", { name: fr.apercu.enregistrer }));
    const alerte = await within(panneau).findByRole("alert");
    expect(alerte).toHaveTextContent(erreurs.entree_sortie);
    expect(alerte).toHaveTextContent("Permission denied");
  });

  it("affiche l'erreur de génération, puis réessaie", async () => {
    m.pdfDeliberation
      .mockRejectedValueOnce({ code: "introuvable", message: "2024/052" })
      .mockResolvedValueOnce(OCTETS);
    chargerApercu.mockResolvedValue(doublePdf(1));
    const { user, panneau } = await ouvrirApercu();

    const alerte = await within(panneau).findByRole("alert");
    expect(alerte).toHaveTextContent(erreurs.introuvable);
    await user.click(within(alerte).getByRole("button", { name: fr.erreur.reessayer }));
    expect(await within(panneau).findAllByTestId("page-pdf")).toHaveLength(1);
    expect(within(panneau).getByTestId("nombre-pages")).toHaveTextContent("1 page");
  });

  it("se ferme et rend le focus au bouton « Aperçu PDF »", async () => {
    const double = doublePdf(1);
    chargerApercu.mockResolvedValue(double);
    const { user, panneau } = await ouvrirApercu();
    await within(panneau).findAllByTestId("page-pdf");
    expect(screen.getByTestId("bouton-apercu")).toHaveAttribute("aria-expanded", "true");

    await user.click(within(panneau).getByRole("button", { name: fr.apercu.masquer }));
    expect(screen.queryByTestId("apercu-pdf")).not.toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByTestId("bouton-apercu"));
    expect(screen.getByTestId("bouton-apercu")).toHaveAttribute("aria-expanded", "false");
    await waitFor(() => expect(double.fermer).toHaveBeenCalled());
  });
});
