import type { QuirkName } from '../quirks.js';
import type { SeamOverrides } from '../seams.js';

/**
 * The quirks of one area, each as the seams it fills in. A quirk lives in the file of the first area it affects
 * (`affects[0]` in the catalogue), so there is one place to look for it.
 */
export type QuirkEntries = Partial<Record<QuirkName, SeamOverrides>>;
