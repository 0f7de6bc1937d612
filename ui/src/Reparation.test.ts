import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import ReparationRegistre from "./composants/ReparationRegistre.svelte";
import * as ipc from "./ipc";
import { fr } from "./lib/fr";
import { etatPezilla } from "./test/donnees";

vi.mock("./ipc", () => ({
  derniereCopie: vi.fn(),
  reparerRegistre: vi.fn(),
}));

const m = vi.mocked(ipc);

beforeEach(() => {
  vi.resetAllMocks();
});

describe("registre endommagé", () => {
  it("propose la dernière copie automatique et reconstruit le registre", async () => {
    const user = userEvent.setup();
    m.derniereCopie.mockResolvedValue("registre-20240520-100000.json");
    m.reparerRegistre.mockResolvedValue(etatPezilla);
    const onrepare = vi.fn();
    render(ReparationRegistre, { onrepare });
    expect(await screen.findByText(fr.reparation.explication("registre-20240520-100000.json"))).toBeInTheDocument();
    await user.click(screen.getByTestId("reparer-registre"));
    expect(m.reparerRegistre).toHaveBeenCalledOnce();
    expect(onrepare).toHaveBeenCalledWith(etatPezilla);
  });

  it("sans copie, renvoie vers « Restaurer… » et ne propose rien d'autre", async () => {
    m.derniereCopie.mockResolvedValue(null);
    render(ReparationRegistre, { onrepare: vi.fn() });
    expect(await screen.findByText(fr.reparation.aucuneCopie)).toBeInTheDocument();
    expect(screen.queryByTestId("reparer-registre")).toBeNull();
  });
});
