import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "./App.svelte";
import type { Diagnostic } from "./bindings/Diagnostic";
import type { Seance } from "./bindings/Seance";
import * as ipc from "./ipc";
import { erreurs, fr } from "./lib/fr";
import { echeancier15mai, elus, etatPezilla, resumes, seance15mai, seancesResumes } from "./test/donnees";

vi.mock("./ipc", () => ({
  etatRegistre: vi.fn(),
  listerDeliberations: vi.fn(),
  lireDeliberation: vi.fn(),
  chargerDemo: vi.fn(),
  listerSeances: vi.fn(),
  lireSeance: vi.fn(),
  listerElus: vi.fn(),
  verifierSeance: vi.fn(),
  enregistrerSeance: vi.fn(),
  ouvrirPdfSeance: vi.fn(),
  enregistrerPdfSeance: vi.fn(),
  choisirEmplacementPdf: vi.fn(),
  nomFichierPdf: vi.fn(),
  echeancier: vi.fn(),
}));

const m = vi.mocked(ipc);

const pouvoirAUnAbsent: Diagnostic = {
  code: "pouvoir_a_un_absent",
  gravite: "erreur",
  message:
    "Yves ESCAPE a donné pouvoir à Guy PALOFFIS, qui n'est pas présent à l'ouverture de la séance : ce pouvoir ne peut pas être exercé.",
  article: "CGCT L2121-20",
};

beforeEach(() => {
  vi.resetAllMocks();
  m.etatRegistre.mockResolvedValue(etatPezilla);
  m.listerDeliberations.mockResolvedValue(resumes);
  m.listerSeances.mockResolvedValue(seancesResumes);
  m.listerElus.mockResolvedValue(elus);
  m.lireSeance.mockResolvedValue(seance15mai);
  m.verifierSeance.mockResolvedValue([]);
  m.echeancier.mockResolvedValue(echeancier15mai);
  // Le nom proposé vient du cœur : le double en rend un reconnaissable.
  m.nomFichierPdf.mockImplementation((d) => Promise.resolve(`coeur-${d.document}-${String(d.cle)}.pdf`));
});

function derniereSeance(mock: { mock: { calls: [Seance][] } }): Seance {
  const appel = mock.mock.calls.at(-1);
  if (!appel) throw new Error("aucun appel");
  return appel[0];
}

async function allerAuxSeances(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  render(App);
  await user.click(await screen.findByTestId("nav-seances"));
  return screen.findByTestId("liste-seances");
}

async function ouvrir15mai(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  const liste = await allerAuxSeances(user);
  const ligne = within(liste)
    .getAllByTestId("ligne-seance")
    .find((l) => l.dataset["id"] === "2024-05-15");
  if (!ligne) throw new Error("séance du 15 mai absente");
  await user.click(within(ligne).getByRole("button"));
  return screen.findByTestId("editeur-seance");
}

describe("séances", () => {
  it("liste les séances avec date en français, heure, lieu, nombre de délibérations et badge « Figée »", async () => {
    const user = userEvent.setup();
    const liste = await allerAuxSeances(user);

    expect(screen.getByTestId("nav-seances")).toHaveAttribute("aria-current", "page");
    expect(screen.getByTestId("nav-deliberations")).not.toHaveAttribute("aria-current");
    expect(screen.getByRole("navigation", { name: fr.navigation.etiquette })).toBeInTheDocument();
    const lignes = within(liste).getAllByTestId("ligne-seance");
    expect(lignes.map((l) => l.dataset["id"])).toEqual(["2024-06-20", "2024-05-15", "2023-12-12"]);
    expect(lignes[0]).toHaveTextContent("20 juin 2024");
    expect(lignes[0]).toHaveTextContent("18 h 30");
    expect(lignes[0]).toHaveTextContent("salle du conseil");
    expect(lignes[1]).toHaveTextContent("15 mai 2024");
    expect(lignes[1]).toHaveTextContent("2");
    expect(within(liste).getAllByTestId("badge-figee")).toHaveLength(1);
    expect(lignes[2]).toHaveTextContent(fr.seances.figee);
    expect(screen.getByTestId("nouvelle-seance")).toHaveTextContent(fr.seances.nouvelle);

    await user.click(screen.getByTestId("nav-deliberations"));
    expect(await screen.findByTestId("liste-deliberations")).toBeInTheDocument();
    expect(screen.getByTestId("nav-deliberations")).toHaveAttribute("aria-current", "page");
  });

  it("ouvre une séance, affiche les comptes et contrôle la saisie en direct", async () => {
    const user = userEvent.setup();
    const editeur = await ouvrir15mai(user);

    expect(m.lireSeance).toHaveBeenCalledWith("2024-05-15");
    expect(within(editeur).getByLabelText(fr.editeur.lieu)).toHaveValue("en mairie");
    expect(within(editeur).getByLabelText(fr.editeur.date)).toHaveValue("2024-05-15");
    expect(within(editeur).getByLabelText(fr.editeur.heure)).toHaveValue("18:00");
    expect(within(editeur).getByLabelText(fr.editeur.ordreDuJour)).toHaveValue(
      "Convention ENT\nDécision modificative n° 1",
    );
    // L'élu dont le mandat est terminé n'a pas de ligne.
    expect(within(editeur).queryByTestId("presence-ancien-elu")).not.toBeInTheDocument();
    expect(within(editeur).getByTestId("seance-compte-en-exercice").textContent).toBe("4");
    expect(within(editeur).getByTestId("seance-compte-presents").textContent).toBe("3");
    expect(within(editeur).getByTestId("seance-compte-absents").textContent).toBe("1");
    expect(within(editeur).getByTestId("seance-compte-representes").textContent).toBe("1");
    expect(within(editeur).getByTestId("seance-compte-votants").textContent).toBe("4");

    // Premier contrôle, sur la séance telle que lue.
    await waitFor(() => expect(m.verifierSeance).toHaveBeenCalledTimes(1));
    expect(derniereSeance(m.verifierSeance)).toEqual({
      ...seance15mai,
      urgence: false,
      sur_reconvocation: false,
    });
    expect(await within(editeur).findByTestId("controle-aucune-anomalie")).toHaveTextContent(
      fr.controle.aucunSeance,
    );

    m.verifierSeance.mockResolvedValue([pouvoirAUnAbsent]);
    await user.selectOptions(within(editeur).getByTestId("presence-paloffis-guy"), "absent_excuse");

    const diagnostic = await within(editeur).findByTestId("diagnostic");
    expect(diagnostic).toHaveAttribute("data-code", "pouvoir_a_un_absent");
    expect(diagnostic).toHaveTextContent("CGCT L2121-20");
    expect(derniereSeance(m.verifierSeance).presences).toContainEqual({
      elu: "paloffis-guy",
      etat: "absent_excuse",
    });
    expect(within(editeur).getByTestId("seance-compte-presents").textContent).toBe("2");
    expect(within(editeur).getByTestId("seance-compte-absents").textContent).toBe("2");
    expect(within(editeur).getByTestId("seance-compte-votants").textContent).toBe("3");
    // Rien n'est enregistré pendant la saisie.
    expect(m.enregistrerSeance).not.toHaveBeenCalled();
  });

  it("« Représenté » fait apparaître le choix du mandataire, puis enregistre la séance", async () => {
    const user = userEvent.setup();
    const editeur = await ouvrir15mai(user);
    expect(within(editeur).queryByTestId("mandataire-barbera-laurence")).not.toBeInTheDocument();

    await user.selectOptions(within(editeur).getByTestId("presence-barbera-laurence"), "represente");
    const mandataire = within(editeur).getByTestId("mandataire-barbera-laurence");
    expect(mandataire).toHaveAccessibleName(fr.editeur.pouvoirDe("Laurence BARBERA"));
    const choix = within(mandataire)
      .getAllByRole("option")
      .map((o) => o.getAttribute("value"));
    expect(choix).toEqual(["", "billes-jean-paul", "escape-yves", "paloffis-guy"]);
    await user.selectOptions(mandataire, "billes-jean-paul");

    await waitFor(() =>
      expect(derniereSeance(m.verifierSeance).presences).toContainEqual({
        elu: "barbera-laurence",
        etat: "represente",
        mandataire: "billes-jean-paul",
      }),
    );
    expect(within(editeur).getByTestId("seance-compte-representes").textContent).toBe("2");

    await user.clear(within(editeur).getByLabelText(fr.editeur.lieu));
    await user.type(within(editeur).getByLabelText(fr.editeur.lieu), "salle des fêtes");
    m.enregistrerSeance.mockImplementation((s) => Promise.resolve(s));
    await user.click(within(editeur).getByTestId("enregistrer-seance"));

    expect(await screen.findByTestId("seance-enregistree")).toHaveTextContent(
      fr.editeur.enregistree("15 mai 2024"),
    );
    expect(m.enregistrerSeance).toHaveBeenCalledTimes(1);
    const envoyee = derniereSeance(m.enregistrerSeance);
    expect(envoyee.lieu).toBe("salle des fêtes");
    expect(envoyee.presences).toContainEqual({
      elu: "barbera-laurence",
      etat: "represente",
      mandataire: "billes-jean-paul",
    });
    // La liste est relue pour être à jour au retour.
    await waitFor(() => expect(m.listerSeances).toHaveBeenCalledTimes(2));
  });

  it("Ctrl+S enregistre ; une donnée invalide affiche le texte du catalogue et le champ fautif", async () => {
    const user = userEvent.setup();
    const editeur = await ouvrir15mai(user);
    await user.selectOptions(within(editeur).getByTestId("presence-barbera-laurence"), "represente");
    m.enregistrerSeance.mockRejectedValue({
      code: "donnee_invalide",
      message: "seance.presences[1].mandataire : l'élu « » n'existe pas",
    });

    await user.keyboard("{Control>}s{/Control}");

    const alerte = await screen.findByRole("alert");
    expect(alerte).toHaveAttribute("data-code", "donnee_invalide");
    expect(alerte).toHaveTextContent(erreurs.donnee_invalide);
    expect(alerte).toHaveTextContent("seance.presences[1].mandataire");
    expect(screen.queryByTestId("seance-enregistree")).not.toBeInTheDocument();
    expect(derniereSeance(m.enregistrerSeance).presences).toContainEqual({
      elu: "barbera-laurence",
      etat: "represente",
      mandataire: "",
    });
  });

  it("une nouvelle séance commence avec tous les élus présents", async () => {
    const user = userEvent.setup();
    await allerAuxSeances(user);
    await user.click(screen.getByTestId("nouvelle-seance"));
    const editeur = await screen.findByTestId("editeur-seance");

    expect(m.lireSeance).not.toHaveBeenCalled();
    expect(within(editeur).getByRole("heading", { level: 2 })).toHaveTextContent(fr.editeur.titreNouvelle);
    for (const id of ["billes-jean-paul", "barbera-laurence", "escape-yves", "paloffis-guy"]) {
      expect(within(editeur).getByTestId(`presence-${id}`)).toHaveValue("present");
    }
    expect(within(editeur).getByTestId("seance-compte-presents").textContent).toBe("4");
    expect(within(editeur).getByTestId("seance-compte-absents").textContent).toBe("0");
    expect(within(editeur).getByLabelText(fr.editeur.president)).toHaveValue("billes-jean-paul");
    // Sans date de convocation, le contrôle attend.
    expect(within(editeur).getByTestId("controle-en-attente")).toBeInTheDocument();
    // Pas encore enregistrée : pas de documents à produire.
    expect(within(editeur).queryByTestId("documents-seance")).not.toBeInTheDocument();

    await user.click(within(editeur).getByTestId("ajouter-secretaire"));
    expect(within(editeur).getByLabelText(fr.editeur.secretaire(2))).toBeInTheDocument();
    await user.selectOptions(within(editeur).getByLabelText(fr.editeur.secretaire(1)), "barbera-laurence");

    // Enregistrer sans date de convocation : message local, rien n'est envoyé.
    await user.click(within(editeur).getByTestId("enregistrer-seance"));
    expect(await screen.findByTestId("seance-incomplete")).toHaveTextContent(fr.editeur.incomplete);
    expect(m.enregistrerSeance).not.toHaveBeenCalled();
  });

  it("une séance figée s'ouvre en lecture seule avec une explication", async () => {
    const user = userEvent.setup();
    m.lireSeance.mockResolvedValue({ ...seance15mai, id: "2023-12-12", date: "2023-12-12" });
    const liste = await allerAuxSeances(user);
    const figee = within(liste)
      .getAllByTestId("ligne-seance")
      .find((l) => l.dataset["id"] === "2023-12-12");
    if (!figee) throw new Error("séance figée absente");
    await user.click(within(figee).getByRole("button"));

    const editeur = await screen.findByTestId("editeur-seance");
    expect(within(editeur).getByTestId("seance-figee")).toHaveTextContent(fr.editeur.figee);
    expect(within(editeur).getByLabelText(fr.editeur.lieu)).toBeDisabled();
    expect(within(editeur).getByTestId("presence-paloffis-guy")).toBeDisabled();
    expect(within(editeur).queryByTestId("enregistrer-seance")).not.toBeInTheDocument();
    await user.keyboard("{Control>}s{/Control}");
    expect(m.enregistrerSeance).not.toHaveBeenCalled();
  });

  it("ouvre et enregistre la liste, la convocation et le procès-verbal, sous le nom donné par le cœur", async () => {
    const user = userEvent.setup();
    m.ouvrirPdfSeance.mockResolvedValue(undefined);
    m.enregistrerPdfSeance.mockResolvedValue(undefined);
    m.choisirEmplacementPdf
      .mockResolvedValueOnce("/home/secretaire/Liste 15 mai.pdf")
      .mockResolvedValueOnce(null)
      .mockResolvedValueOnce("/home/secretaire/PV 15 mai.pdf");
    const editeur = await ouvrir15mai(user);
    const documents = within(editeur).getByTestId("documents-seance");
    const groupes = within(documents).getAllByRole("group");
    expect(groupes.map((g) => g.textContent?.trim().split(/\s+/)[0])).toEqual(["Liste", "Convocation", "Procès-verbal"]);
    expect(within(documents).getByRole("group", { name: fr.documentsSeance.procesVerbal })).toBeInTheDocument();

    await user.click(within(documents).getByTestId("seance-ouvrir-liste"));
    expect(m.ouvrirPdfSeance).toHaveBeenLastCalledWith("2024-05-15", "liste");
    expect(await within(documents).findByText(fr.apercu.ouvert)).toBeInTheDocument();

    await user.click(within(documents).getByTestId("seance-ouvrir-proces_verbal"));
    expect(m.ouvrirPdfSeance).toHaveBeenLastCalledWith("2024-05-15", "proces_verbal");
    await waitFor(() => expect(within(documents).getByTestId("seance-enregistrer-liste")).toBeEnabled());

    await user.click(within(documents).getByTestId("seance-enregistrer-liste"));
    await waitFor(() =>
      expect(m.choisirEmplacementPdf).toHaveBeenLastCalledWith({
        titre: fr.apercu.titreDialogue,
        nomPropose: "coeur-liste-2024-05-15.pdf",
        filtre: fr.apercu.filtre,
      }),
    );
    expect(m.nomFichierPdf).toHaveBeenLastCalledWith({ document: "liste", cle: "2024-05-15" });
    await waitFor(() =>
      expect(m.enregistrerPdfSeance).toHaveBeenLastCalledWith(
        "2024-05-15",
        "liste",
        "/home/secretaire/Liste 15 mai.pdf",
      ),
    );
    expect(
      await within(documents).findByText(fr.apercu.enregistre("/home/secretaire/Liste 15 mai.pdf")),
    ).toBeInTheDocument();

    // Dialogue annulé : rien n'est écrit.
    await user.click(within(documents).getByTestId("seance-enregistrer-convocation"));
    await waitFor(() => expect(m.choisirEmplacementPdf).toHaveBeenCalledTimes(2));
    expect(m.choisirEmplacementPdf).toHaveBeenLastCalledWith(
      expect.objectContaining({ nomPropose: "coeur-convocation-2024-05-15.pdf" }),
    );
    await waitFor(() => expect(within(documents).getByTestId("seance-enregistrer-proces_verbal")).toBeEnabled());
    expect(m.enregistrerPdfSeance).toHaveBeenCalledTimes(1);

    await user.click(within(documents).getByTestId("seance-enregistrer-proces_verbal"));
    await waitFor(() =>
      expect(m.enregistrerPdfSeance).toHaveBeenLastCalledWith(
        "2024-05-15",
        "proces_verbal",
        "/home/secretaire/PV 15 mai.pdf",
      ),
    );
    expect(m.choisirEmplacementPdf).toHaveBeenLastCalledWith(
      expect.objectContaining({ nomPropose: "coeur-proces_verbal-2024-05-15.pdf" }),
    );
    expect(m.enregistrerSeance).not.toHaveBeenCalled();
  });

  it("affiche l'échéancier légal de la séance : les retards d'abord, l'état, l'échéance et l'article", async () => {
    const user = userEvent.setup();
    const editeur = await ouvrir15mai(user);
    const bloc = await within(editeur).findByTestId("echeancier-seance");
    expect(m.echeancier).toHaveBeenCalledWith("2024-05-15");
    expect(within(bloc).getByRole("heading", { level: 3 })).toHaveTextContent(fr.echeancier.titre);
    const lignes = await within(bloc).findAllByTestId("obligation");
    expect(lignes.map((l) => l.dataset["etat"])).toEqual(["en_retard", "a_faire", "faite", "a_faire"]);
    expect(within(bloc).getByTestId("echeancier-resume")).toHaveTextContent("État au 27 mai 2024 · 1 en retard · 2 à faire");

    const [retard, aFaire, faite, pv] = lignes as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(retard).toHaveTextContent("En retard");
    expect(retard).toHaveTextContent("5 jours de retard");
    expect(retard).toHaveTextContent("Liste des délibérations affichée en mairie et mise en ligne");
    expect(retard).toHaveTextContent("22/05/2024");
    expect(retard).toHaveTextContent("CGCT L2121-25");
    // Une étape que le registre ne suit pas est à vérifier à la main.
    expect(retard).toHaveTextContent(fr.echeancier.nonSuivie);
    expect(aFaire).toHaveTextContent("À faire");
    expect(aFaire).toHaveTextContent("CGCT L2131-1, R2131-1");
    expect(aFaire).not.toHaveTextContent(fr.echeancier.nonSuivie);
    expect(faite).toHaveTextContent("Faite");
    expect(faite).toHaveTextContent("faite le 20/05/2024");
    expect(pv).toHaveTextContent("à la prochaine séance");
    expect(pv).toHaveTextContent("CGCT L2121-15");
    // Chaque formalité est l'en-tête de sa ligne.
    expect(within(retard).getByRole("rowheader")).toHaveTextContent(/^Liste des délibérations/);

    // Enregistrer la séance relit l'échéancier (les échéances en dépendent).
    m.enregistrerSeance.mockImplementation((s) => Promise.resolve(s));
    await user.click(within(editeur).getByTestId("enregistrer-seance"));
    await screen.findByTestId("seance-enregistree");
    await waitFor(() => expect(m.echeancier).toHaveBeenCalledTimes(2));
  });

  it("une erreur de l'échéancier s'affiche dans son bloc, avec « Réessayer »", async () => {
    const user = userEvent.setup();
    m.echeancier.mockRejectedValueOnce({ code: "entree_sortie", message: "disque" });
    const editeur = await ouvrir15mai(user);
    const bloc = within(editeur).getByTestId("echeancier-seance");
    const alerte = await within(bloc).findByRole("alert");
    expect(alerte).toHaveTextContent(erreurs.entree_sortie);
    await user.click(within(alerte).getByRole("button", { name: fr.erreur.reessayer }));
    expect(await within(bloc).findAllByTestId("obligation")).toHaveLength(4);
  });

  it("une erreur à l'ouverture d'un document de séance s'affiche avec le texte du catalogue", async () => {
    const user = userEvent.setup();
    m.ouvrirPdfSeance.mockRejectedValue({ code: "introuvable", message: "séance inconnue" });
    const editeur = await ouvrir15mai(user);
    await user.click(within(editeur).getByTestId("seance-ouvrir-convocation"));
    expect(await within(editeur).findByText(erreurs.introuvable)).toBeInTheDocument();
  });
});
