/** Edit distance (insert, delete, substitute), for suggesting a name the user probably meant. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Whether `part` is in `whole` as whole words of a kebab-case name ("ignored" in "sort-ignored", not "port" in "report-dir"). */
function containsWords(whole: string, part: string): boolean {
  return `-${whole}-`.includes(`-${part}-`);
}

/**
 * Up to `limit` candidates close to `input`: those containing it as whole words (or contained in it), then those
 * within a third of its length in edits, nearest first. For names yargs has no suggestion for: option names (its
 * `recommendCommands()` covers commands only) and values such as quirk names.
 */
export function closestNames(input: string, candidates: readonly string[], limit = 3): string[] {
  const needle = input.toLowerCase();
  const maxDistance = Math.max(2, Math.floor(needle.length / 3));
  return candidates
    .map((name) => {
      const lower = name.toLowerCase();
      const contains = needle.length >= 3 && (containsWords(lower, needle) || containsWords(needle, lower));
      return { name, score: contains ? 0 : distance(needle, lower) };
    })
    .filter(({ score }) => score <= maxDistance)
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ name }) => name);
}
