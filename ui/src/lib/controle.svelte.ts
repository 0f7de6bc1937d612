// Le contrôle en direct d'un éditeur : après une courte pause dans la
// saisie, l'enregistrement tel que saisi est vérifié par le cœur (rien n'est
// enregistré) ; une réponse arrivée après une demande plus récente est
// ignorée.
import type { Diagnostic } from "../bindings/Diagnostic";
import type { ErreurIpc } from "../bindings/ErreurIpc";
import { normaliserErreur } from "./erreurs";

/** Attente après la dernière frappe avant de relancer le contrôle. */
export const DELAI_CONTROLE_MS = 300;

export class ControleEnDirect<T> {
  diagnostics = $state<Diagnostic[]>([]);
  erreur = $state<ErreurIpc | null>(null);
  #demande = 0;
  readonly #verifier: (valeur: T) => Promise<Diagnostic[]>;

  constructor(verifier: (valeur: T) => Promise<Diagnostic[]>) {
    this.#verifier = verifier;
  }

  /**
   * Vérifie `valeur` après la pause ; renvoie de quoi annuler cette attente
   * (le nettoyage d'un `$effect`, quand la saisie change encore).
   */
  planifier(valeur: T): () => void {
    const numero = ++this.#demande;
    const minuteur = setTimeout(() => void this.#controler(valeur, numero), DELAI_CONTROLE_MS);
    return () => clearTimeout(minuteur);
  }

  async #controler(valeur: T, numero: number): Promise<void> {
    try {
      const resultat = await this.#verifier(valeur);
      if (numero !== this.#demande) return;
      this.diagnostics = resultat;
      this.erreur = null;
    } catch (e: unknown) {
      if (numero !== this.#demande) return;
      this.erreur = normaliserErreur(e);
    }
  }
}
