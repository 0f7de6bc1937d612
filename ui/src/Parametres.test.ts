import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "./App.svelte";
import type { Commune } from "./bindings/Commune";
import DetailDeliberation from "./composants/DetailDeliberation.svelte";
import * as ipc from "./ipc";
import * as apercu from "./lib/apercu";
import { erreurs, fr, modesPublication } from "./lib/fr";
import {
  communePezilla,
  detail052,
  elus,
  etatPezilla,
  resumes,
  seancesResumes,
  tableauVide,
} from "./test/donnees";

vi.mock("./ipc", () => ({
  etatRegistre: vi.fn(),
  listerDeliberations: vi.fn(),
  lireDeliberation: vi.fn(),
  listerSeances: vi.fn(),
  listerElus: vi.fn(),
  tableauDeBord: vi.fn(),
  lireCommune: vi.fn(),
  enregistrerCommune: vi.fn(),
  lireLogo: vi.fn(),
  enregistrerLogo: vi.fn(),
  retirerLogo: vi.fn(),
  choisirFichierAOuvrir: vi.fn(),
  historique: vi.fn(),
  pdfDeliberation: vi.fn(),
  nomFichierPdf: vi.fn(),
}));
vi.mock("./lib/apercu", () => ({ chargerApercu: vi.fn() }));

const m = vi.mocked(ipc);

function dernier(mock: { mock: { calls: [Commune][] } }): Commune {
  const appel = mock.mock.calls.at(-1);
  if (!appel) throw new Error("aucun appel");
  return appel[0];
}

beforeEach(() => {
  vi.resetAllMocks();
  m.etatRegistre.mockResolvedValue(etatPezilla);
  m.listerDeliberations.mockResolvedValue(resumes);
  m.listerSeances.mockResolvedValue(seancesResumes);
  m.listerElus.mockResolvedValue(elus);
  m.tableauDeBord.mockResolvedValue(tableauVide);
  m.lireCommune.mockResolvedValue(communePezilla);
  m.lireDeliberation.mockResolvedValue(detail052);
  m.historique.mockResolvedValue([]);
  m.pdfDeliberation.mockReturnValue(new Promise(() => {}));
  m.enregistrerCommune.mockImplementation((c: Commune) => Promise.resolve(c));
  m.lireLogo.mockResolvedValue(null);
});

async function ouvrirParametres(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  render(App);
  await user.click(await screen.findByTestId("nav-parametres"));
  return screen.findByTestId("ecran-parametres");
}

describe("paramètres de la commune", () => {
  it("logo : choisi par le dialogue, montré, retiré ; un refus nomme la raison", async () => {
    const user = userEvent.setup();
    const image = "data:image/png;base64,iVBORw0KGgo=";
    m.choisirFichierAOuvrir.mockResolvedValueOnce(null).mockResolvedValue("/home/mairie/logo.png");
    m.enregistrerLogo.mockResolvedValueOnce(image).mockRejectedValueOnce({
      code: "donnee_invalide",
      message: "Donnée invalide : commune.logo : le logo doit être une image PNG ou JPEG",
      champ: "commune.logo",
    });
    m.retirerLogo.mockResolvedValue(undefined);
    const ecran = await ouvrirParametres(user);
    expect(within(ecran).getByTestId("sans-logo")).toHaveTextContent(fr.parametres.sansLogo);

    // Dialogue annulé : rien n'est envoyé.
    await user.click(within(ecran).getByRole("button", { name: fr.parametres.choisirLogo }));
    await waitFor(() => expect(m.choisirFichierAOuvrir).toHaveBeenCalledTimes(1));
    expect(m.choisirFichierAOuvrir).toHaveBeenCalledWith({
      titre: fr.parametres.logoDialogue,
      filtre: fr.parametres.logoFiltre,
      extension: ["png", "jpg", "jpeg"],
    });
    expect(m.enregistrerLogo).not.toHaveBeenCalled();

    await user.click(within(ecran).getByRole("button", { name: fr.parametres.choisirLogo }));
    const apercu = await within(ecran).findByRole("img", { name: fr.parametres.logoAlt });
    expect(apercu).toHaveAttribute("src", image);
    expect(m.enregistrerLogo).toHaveBeenCalledWith("/home/mairie/logo.png");
    expect(within(ecran).getByTestId("message-logo")).toHaveTextContent(fr.parametres.logoEnregistre);

    await user.click(within(ecran).getByRole("button", { name: fr.parametres.choisirLogo }));
    expect(await within(ecran).findByTestId("message-erreur")).toHaveTextContent("PNG ou JPEG");
    expect(within(ecran).getByRole("img", { name: fr.parametres.logoAlt })).toHaveAttribute("src", image);

    await user.click(within(ecran).getByRole("button", { name: fr.parametres.retirerLogo }));
    expect(await within(ecran).findByTestId("sans-logo")).toBeInTheDocument();
    expect(m.retirerLogo).toHaveBeenCalledTimes(1);
    expect(m.enregistrerCommune).not.toHaveBeenCalled();
  });

  it("affiche le profil, enregistre le mode de publication et la signature du secrétaire", async () => {
    const user = userEvent.setup();
    const ecran = await ouvrirParametres(user);
    expect(screen.getByTestId("nav-parametres")).toHaveAttribute("aria-current", "page");
    expect(within(ecran).getByLabelText(fr.parametres.nom)).toHaveValue("Pézilla-la-Rivière");
    expect(within(ecran).getByLabelText(fr.parametres.population)).toHaveValue(3700);
    expect(within(ecran).getByLabelText(fr.parametres.maire)).toHaveValue("billes-jean-paul");
    // Non renseignés : publication électronique, le secrétaire signe.
    const mode = within(ecran).getByLabelText(fr.parametres.modePublication);
    expect(mode).toHaveValue("electronique");
    const secretaire = within(ecran).getByLabelText(fr.parametres.secretaireSigne);
    expect(secretaire).toBeChecked();
    expect(within(ecran).getByTestId("aide-raccourcis")).toHaveTextContent("Ctrl+N");

    await user.selectOptions(mode, modesPublication.affichage);
    await user.click(secretaire);
    await user.click(within(ecran).getByTestId("enregistrer-commune"));

    await waitFor(() => expect(m.enregistrerCommune).toHaveBeenCalledTimes(1));
    expect(dernier(m.enregistrerCommune)).toEqual({
      ...communePezilla,
      mode_publication: "affichage",
      secretaire_signe_l_extrait: false,
    });
    expect(await within(ecran).findByTestId("commune-enregistree")).toHaveTextContent(fr.parametres.enregistre);
  });

  it("montre le refus du cœur avec le champ en cause", async () => {
    const user = userEvent.setup();
    m.enregistrerCommune.mockRejectedValue({
      code: "donnee_invalide",
      message: "commune.population : la population municipale doit être d'au moins 1 habitant",
    });
    const ecran = await ouvrirParametres(user);
    await user.clear(within(ecran).getByLabelText(fr.parametres.population));
    await user.click(within(ecran).getByTestId("enregistrer-commune"));
    const alerte = await within(ecran).findByTestId("alerte-erreur");
    expect(alerte).toHaveTextContent(erreurs.donnee_invalide);
    expect(within(alerte).getByTestId("message-erreur")).toHaveTextContent("commune.population");
    expect(dernier(m.enregistrerCommune).population).toBe(0);
  });
});

describe("raccourcis clavier", () => {
  it("Ctrl+N ouvre « Nouvelle délibération » depuis n'importe quel écran", async () => {
    const user = userEvent.setup();
    await ouvrirParametres(user);
    await user.keyboard("{Control>}n{/Control}");
    expect(await screen.findByTestId("nouvelle-deliberation-panneau")).toBeInTheDocument();
    expect(screen.getByTestId("nav-deliberations")).toHaveAttribute("aria-current", "page");
    expect(screen.getByTestId("raccourcis")).toHaveTextContent(fr.raccourcis.liste);
  });

  it("Ctrl+P ouvre l'aperçu PDF de la délibération affichée", async () => {
    const user = userEvent.setup();
    vi.mocked(apercu.chargerApercu).mockReturnValue(new Promise(() => {}));
    render(DetailDeliberation, { numero: "2024/052", role: "secretariat", onretour: () => {}, onmodifier: () => {} });
    const bouton = await screen.findByTestId("bouton-apercu");
    expect(bouton).toHaveAttribute("aria-expanded", "false");
    await user.keyboard("{Control>}p{/Control}");
    expect(bouton).toHaveAttribute("aria-expanded", "true");
    expect(await screen.findByTestId("apercu-pdf")).toBeInTheDocument();
    expect(m.pdfDeliberation).toHaveBeenCalledWith("2024/052", "dossier");
  });
});
