/** A batch run as stored (without its results): the same shape in every stored version so far. */
import type { InputProblem } from './batch';

export type RunStatus = 'running' | 'paused' | 'done';

export interface RunMeta {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** Normalised addresses, in input order. */
  addresses: string[];
  /** Input lines that were not taken, with why. */
  problems: InputProblem[];
  /** 'running' as saved means the page was closed (or the browser quit) during the run. */
  status: RunStatus;
  concurrency: number;
  /** The imported file's name, if the list came from a file. */
  source: string | null;
}
