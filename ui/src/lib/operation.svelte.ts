// L'état d'une opération longue (registre annuel, sauvegarde, publication) :
// son avancement, reçu du cœur étape par étape, et son annulation.
import type { ErreurIpc } from "../bindings/ErreurIpc";
import { annulerOperation, suivreOperation } from "../ipc";

let compteur = 0;

export class OperationLongue {
  /** L'identifiant de l'opération en cours ; null au repos. */
  id = $state<string | null>(null);
  fait = $state(0);
  total = $state(0);
  /** « Annuler » a été demandé : l'opération s'arrête à sa prochaine étape. */
  annulationDemandee = $state(false);

  get enCours(): boolean {
    return this.id !== null;
  }

  /** Lance `travail` sous un identifiant neuf, en suivant son avancement. */
  async executer<T>(travail: (operation: string) => Promise<T>): Promise<T> {
    compteur += 1;
    const id = `operation-${Date.now()}-${compteur}`;
    this.fait = 0;
    this.total = 0;
    this.annulationDemandee = false;
    this.id = id;
    const cesser = await suivreOperation(id, (e) => {
      this.fait = e.fait;
      this.total = e.total;
    });
    try {
      return await travail(id);
    } finally {
      cesser();
      this.id = null;
    }
  }

  async annuler(): Promise<void> {
    if (this.id === null || this.annulationDemandee) return;
    this.annulationDemandee = true;
    await annulerOperation(this.id);
  }
}

/** Un refus « annulee » n'est pas une panne : l'utilisateur l'a demandé. */
export function estAnnulation(e: ErreurIpc): boolean {
  return e.code === "annulee";
}
