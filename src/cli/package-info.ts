import { findPackageRoot, type PackageInfo } from '../config/package-root.js';

export type { PackageInfo };

/** The package's own name and version, read from its manifest at runtime. */
export function readPackageInfo(from: string = import.meta.url): PackageInfo {
  const { name, version } = findPackageRoot(from);
  return { name, version };
}
