import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "./App.svelte";
import * as ipc from "./ipc";
import { fr } from "./lib/fr";
import { attentes, detail053, etatPezilla, historique053, resumes, revue053, tableauVide } from "./test/donnees";

vi.mock("./ipc", () => ({
  etatRegistre: vi.fn(),
  listerDeliberations: vi.fn(),
  lireDeliberation: vi.fn(),
  historique: vi.fn(),
  revue: vi.fn(),
  aRelire: vi.fn(),
  marquerLu: vi.fn(),
  changerStatut: vi.fn(),
  commenter: vi.fn(),
  choisirPdfAOuvrir: vi.fn(),
  controlerPdf: vi.fn(),
  tableauDeBord: vi.fn(),
}));

const m = vi.mocked(ipc);

beforeEach(() => {
  vi.resetAllMocks();
  localStorage.clear();
  m.etatRegistre.mockResolvedValue(etatPezilla);
  m.listerDeliberations.mockResolvedValue(resumes);
  m.aRelire.mockResolvedValue(attentes);
  m.revue.mockResolvedValue(revue053);
  m.lireDeliberation.mockResolvedValue(detail053);
  m.historique.mockResolvedValue(historique053);
  m.tableauDeBord.mockResolvedValue(tableauVide);
});

async function ouvrirARelire(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  render(App);
  await user.selectOptions(await screen.findByLabelText(fr.profil.etiquette), "maire");
  await user.click(screen.getByTestId("nav-a-relire"));
  return screen.findByTestId("liste-a-relire");
}

describe("profil", () => {
  it("est mémorisé sur le poste et transmis comme rôle", async () => {
    const user = userEvent.setup();
    render(App);
    const profil = await screen.findByLabelText(fr.profil.etiquette);
    expect(profil).toHaveValue("secretariat");
    expect(within(profil).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Secrétariat de mairie",
      "Maire",
    ]);
    await user.selectOptions(profil, "maire");
    expect(localStorage.getItem("registre.profil")).toBe("maire");
  });
});

describe("à relire (maire)", () => {
  it("liste les projets soumis, le plus ancien d'abord, et signale ceux modifiés depuis la lecture", async () => {
    const user = userEvent.setup();
    const table = await ouvrirARelire(user);
    expect(screen.getByTestId("nav-a-relire")).toHaveAttribute("aria-current", "page");
    const lignes = within(table).getAllByTestId("ligne-a-relire");
    expect(lignes.map((l) => l.dataset["numero"])).toEqual(["2024/053", "2024/054"]);
    expect(within(lignes[0] as HTMLElement).getByTestId("drapeau-modifiee")).toHaveTextContent(fr.aRelire.modifiee);
    expect(lignes[0]).toHaveTextContent(fr.aRelire.commentaires(1));
    expect(within(lignes[1] as HTMLElement).queryByTestId("drapeau-modifiee")).not.toBeInTheDocument();
  });

  it("montre la différence depuis la dernière lecture avec <ins> et <del>, puis « Marquer comme lu »", async () => {
    const user = userEvent.setup();
    const table = await ouvrirARelire(user);
    await user.click(within(table).getByRole("button", { name: fr.aRelire.ouvrir("2024/053") }));
    const revue = await screen.findByTestId("revue");
    expect(m.revue).toHaveBeenCalledWith("2024/053");
    expect(within(revue).getByTestId("etat-lecture")).toHaveTextContent(fr.revue.depuis(1, 2));
    const champ = within(revue).getByTestId("champ-modifie");
    expect(champ).toHaveAttribute("data-champ", "Exposé");
    const ajout = champ.querySelector("ins");
    const retrait = champ.querySelector("del");
    expect(ajout).toHaveTextContent("revu");
    expect(retrait).toHaveTextContent("maintenu");
    // Lisible sans la couleur ni la mise en forme : annoncé par un texte caché.
    expect(ajout).toHaveTextContent(fr.revue.ajoute);
    expect(retrait).toHaveTextContent(fr.revue.retire);
    expect(champ.querySelector("dd")?.textContent).toContain("Le prix du repas est ");
    expect(within(revue).getByTestId("commentaire")).toHaveTextContent("Préciser le tarif du second enfant.");

    m.marquerLu.mockResolvedValue(2);
    m.revue.mockResolvedValue({ ...revue053, version_lue: 2, changements: [] });
    await user.click(within(revue).getByRole("button", { name: fr.revue.marquerLu }));
    expect(m.marquerLu).toHaveBeenCalledWith("2024/053", "maire");
    expect(await screen.findByTestId("revue-confirmation")).toHaveTextContent(fr.revue.luConfirme(2));
    expect(screen.getByTestId("etat-lecture")).toHaveTextContent(fr.revue.aJour(2));
    expect(screen.queryByTestId("champ-modifie")).not.toBeInTheDocument();
    expect(within(revue).getByRole("button", { name: fr.revue.marquerLu })).toBeDisabled();
  });

  it("« Première lecture » quand le maire n'a jamais lu ; bon pour signature, puis ouverture du détail", async () => {
    const user = userEvent.setup();
    m.revue.mockResolvedValue({ ...revue053, version_lue: null, changements: [], commentaires: [] });
    m.changerStatut.mockResolvedValue({ numero: "2024/053", version: 2, statut: "bon_pour_signature" });
    const table = await ouvrirARelire(user);
    await user.click(within(table).getByRole("button", { name: fr.aRelire.ouvrir("2024/053") }));
    expect(await screen.findByTestId("etat-lecture")).toHaveTextContent(fr.revue.premiereLecture);
    await user.click(screen.getByRole("button", { name: fr.revue.bonPourSignature }));
    expect(m.changerStatut).toHaveBeenCalledWith("2024/053", { vers: "bon_pour_signature" }, "maire");
    expect(await screen.findByTestId("revue-confirmation")).toHaveTextContent("Bon pour signature");

    await user.click(screen.getByRole("button", { name: fr.revue.ouvrirDetail }));
    expect(await screen.findByTestId("detail-deliberation")).toBeInTheDocument();
    expect(m.lireDeliberation).toHaveBeenCalledWith("2024/053");
  });

  it("« Commenter » porte le focus sur le champ du commentaire", async () => {
    const user = userEvent.setup();
    const table = await ouvrirARelire(user);
    await user.click(within(table).getByRole("button", { name: fr.aRelire.ouvrir("2024/053") }));
    await user.click(await screen.findByTestId("revue-commenter"));
    expect(document.activeElement).toBe(screen.getByLabelText(fr.commentaires.nouveau));
  });
});

describe("vérifier un PDF", () => {
  it("dit pour quelle délibération le PDF a été signé, ou qu'il n'est pas au registre", async () => {
    const user = userEvent.setup();
    m.choisirPdfAOuvrir.mockResolvedValue("/home/mairie/053.pdf");
    m.controlerPdf.mockResolvedValueOnce({
      empreinte_sha256: "b".repeat(64),
      deliberation: "2024/053",
      signature: { le: "2024-05-22T10:15:00", par: "Jean-Paul BILLES (maire)", empreinte_sha256: "b".repeat(64), octets: 1000n },
    });
    render(App);
    await user.click(await screen.findByRole("button", { name: fr.verification.bouton }));
    expect(m.controlerPdf).toHaveBeenCalledWith("/home/mairie/053.pdf");
    const resultat = await screen.findByTestId("resultat-controle-pdf");
    expect(resultat).toHaveTextContent(
      "Ce PDF est celui signé le 22 mai 2024 à 10 h 15 par Jean-Paul BILLES (maire) pour la délibération n° 2024/053.",
    );
    expect(resultat).toHaveTextContent("b".repeat(64));

    m.controlerPdf.mockResolvedValueOnce({ empreinte_sha256: "c".repeat(64), deliberation: null, signature: null });
    await user.click(screen.getByRole("button", { name: fr.verification.bouton }));
    expect(await screen.findByText(fr.verification.inconnu)).toBeInTheDocument();
    expect(screen.getByTestId("empreinte-controle")).toHaveTextContent("c".repeat(64));
  });
});
