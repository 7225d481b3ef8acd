import type { QuirkDefinition } from '../../reference-server/index.js';

/** The quirk catalogue as an aligned, wrapped plain-text table for `serve --list-quirks`. */
export function formatQuirkTable(quirks: readonly QuirkDefinition[], width = 100): string {
  const nameWidth = Math.max(...quirks.map((q) => q.name.length), 'QUIRK'.length);
  const areaWidth = Math.max(...quirks.map((q) => q.affects.join(',').length), 'AFFECTS'.length);
  const textWidth = Math.max(30, width - nameWidth - areaWidth - 4);
  const lines = [`${'QUIRK'.padEnd(nameWidth)}  ${'AFFECTS'.padEnd(areaWidth)}  DESCRIPTION`];
  for (const quirk of quirks) {
    const [first = '', ...rest] = wrap(quirk.description, textWidth);
    lines.push(`${quirk.name.padEnd(nameWidth)}  ${quirk.affects.join(',').padEnd(areaWidth)}  ${first}`);
    for (const line of rest) lines.push(`${' '.repeat(nameWidth + areaWidth + 4)}${line}`);
  }
  return `${lines.join('\n')}\n`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
