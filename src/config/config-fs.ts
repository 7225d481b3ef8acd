import { readFileSync, statSync } from 'node:fs';

/** What {@link resolveConfig} may learn from the file system; tests pass an in-memory one. */
export interface ConfigFs {
  /** 'missing' for a path that does not exist; other failures are thrown. */
  kind(path: string): 'file' | 'directory' | 'other' | 'missing';
  readTextFile(path: string): string;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** The real file system, read synchronously (configuration is resolved once, before anything runs). */
export const nodeConfigFs: ConfigFs = {
  kind(path) {
    try {
      const stat = statSync(path);
      if (stat.isFile()) return 'file';
      return stat.isDirectory() ? 'directory' : 'other';
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return 'missing';
      throw error;
    }
  },
  readTextFile: (path) => readFileSync(path, 'utf8'),
};

/** A short reason for a file-system failure, without the stack. */
export function describeFsError(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.message : String(error));
}
