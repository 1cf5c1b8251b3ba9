// A hidden developer entry for trying large maps: opening
//   #/dev/generate?stakeholders=1000&relations=2000&seed=1
// puts a generated map (src/domain/generate.ts, positions included) in the
// library and opens it. Not linked from anywhere; loaded only on that address.
import { LIMITS } from '../domain/model';

export const DEV_GENERATE_ROUTE = '#/dev/generate';

export interface GenerateRequest {
  readonly stakeholders: number;
  readonly relations: number;
  readonly seed: number;
}

const DEFAULT_STAKEHOLDERS = 1_000;

/**
 * Reads the request from a hash; null when the hash is not the dev route.
 * Missing or broken numbers fall back to defaults (1,000 stakeholders, twice
 * as many relations, seed 1) and sizes are held to the format's limits.
 */
export function parseGenerateRequest(hash: string): GenerateRequest | null {
  if (hash !== DEV_GENERATE_ROUTE && !hash.startsWith(`${DEV_GENERATE_ROUTE}?`)) return null;
  const params = new URLSearchParams(hash.slice(DEV_GENERATE_ROUTE.length + 1));
  const read = (name: string, fallback: number, max: number): number => {
    const raw = params.get(name);
    const n = raw === null || raw.trim() === '' ? NaN : Number(raw);
    if (!Number.isFinite(n)) return fallback;
    return Math.min(Math.max(0, Math.floor(n)), max);
  };
  const stakeholders = read('stakeholders', DEFAULT_STAKEHOLDERS, LIMITS.stakeholders);
  const relations = read('relations', Math.min(stakeholders * 2, LIMITS.relations), LIMITS.relations);
  const seed = read('seed', 1, 2 ** 32 - 1);
  return { stakeholders, relations, seed };
}
