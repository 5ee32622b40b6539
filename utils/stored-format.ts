/**
 * Stored data is a format. Every object GovMark keeps in browser storage carries its schema version
 * in a `v` field; objects saved before versions existed have none and are version 1. Reading one
 * runs the migrations from its version up to the current one, one step each; a version newer than
 * this build knows (saved by a later GovMark, then downgraded) is reported as such, so the caller
 * leaves it untouched instead of overwriting or deleting it.
 */

export interface StoredFormat<T extends object> {
  /** What the data is, for messages. */
  name: string;
  /** The version this build writes. */
  version: number;
  /**
   * `migrations[n]` turns a version n-1 value into a version n value: one entry per step, for
   * n = 2 … version. Version 1 is the shape that was stored before versions existed.
   */
  migrations: Readonly<Record<number, (previous: Record<string, unknown>) => Record<string, unknown>>>;
  /** Whether a value of the current version has the shape this build needs. */
  isValid(value: unknown): value is T;
}

export type Decoded<T> =
  | { status: 'ok'; value: T; migrated: boolean }
  | { status: 'absent' }
  /** Saved by a newer GovMark: keep it, do not use it, do not write over it. */
  | { status: 'future'; version: number }
  /** Not a value of this format at all (damaged, or someone else's key). */
  | { status: 'invalid' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The stored form of a value: the value with its version. */
export function encode<T extends object>(format: StoredFormat<T>, value: T): T & { v: number } {
  return { ...value, v: format.version };
}

export function decode<T extends object>(format: StoredFormat<T>, stored: unknown): Decoded<T> {
  if (stored === undefined || stored === null) return { status: 'absent' };
  if (!isRecord(stored)) return { status: 'invalid' };
  const { v, ...rest } = stored;
  const version = v === undefined ? 1 : v;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { status: 'invalid' };
  if (version > format.version) return { status: 'future', version };
  let value: Record<string, unknown> = rest;
  try {
    for (let step = version + 1; step <= format.version; step++) {
      const migrate = format.migrations[step];
      if (!migrate) return { status: 'invalid' };
      value = migrate(value);
    }
  } catch {
    return { status: 'invalid' };
  }
  return format.isValid(value) ? { status: 'ok', value, migrated: version !== format.version } : { status: 'invalid' };
}

/** The part of a browser storage area the stores need: the real storage.local, or a map in tests. */
export interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}
