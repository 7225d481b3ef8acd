/**
 * A small XML 1.0 well-formedness checker for the JUnit tests (no dependency added for it): one root, tags
 * balanced, attributes quoted and unique, no raw `<` or `&` in text or values, only the predefined entities and
 * character references, only allowed characters. Returns the element tree so tests can count what is inside.
 * Not a general parser: no DTD, no CDATA, no namespaces, no processing instructions beyond the declaration.
 * @see https://www.w3.org/TR/xml/#sec-well-formed
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The decoded text directly inside the element. */
  text: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9._:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding forbidden control characters is the purpose
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(raw: string, where: string): string {
  if (raw.includes('<')) throw new Error(`raw "<" in ${where}`);
  return raw.replace(/&([^;]*);?/g, (match, ref: string) => {
    if (!match.endsWith(';')) throw new Error(`unterminated reference "${match}" in ${where}`);
    if (ref in ENTITIES) return ENTITIES[ref] ?? '';
    const code = /^#x[0-9A-Fa-f]+$/.test(ref)
      ? Number.parseInt(ref.slice(2), 16)
      : /^#[0-9]+$/.test(ref)
        ? Number.parseInt(ref.slice(1), 10)
        : Number.NaN;
    if (Number.isNaN(code)) throw new Error(`unknown entity "&${ref};" in ${where}`);
    return String.fromCodePoint(code);
  });
}

/** Parses `xml` or throws an Error saying where it stops being well-formed. */
export function parseXml(xml: string): XmlElement {
  if (FORBIDDEN.test(xml)) throw new Error('forbidden control character');
  let pos = 0;
  const declaration = /^<\?xml\s[^?]*\?>\s*/.exec(xml);
  if (declaration) pos = declaration[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (pos < xml.length) {
    const next = xml.indexOf('<', pos);
    const text = xml.slice(pos, next === -1 ? xml.length : next);
    const parent = stack[stack.length - 1];
    if (text.trim() !== '') {
      if (!parent) throw new Error(`text outside the root element at ${pos}`);
      parent.text += decode(text, `text at ${pos}`);
    } else if (parent) parent.text += text;
    if (next === -1) break;
    pos = next;
    if (xml.startsWith('</', pos)) {
      const end = xml.indexOf('>', pos);
      const name = xml.slice(pos + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name)
        throw new Error(`</${name}> at ${pos} closes <${open?.name ?? 'nothing'}>`);
      pos = end + 1;
      continue;
    }
    pos += 1;
    const nameMatch = NAME.exec(xml.slice(pos));
    if (!nameMatch) throw new Error(`bad tag name at ${pos}`);
    const element: XmlElement = { name: nameMatch[0], attributes: {}, children: [], text: '' };
    pos += nameMatch[0].length;
    for (;;) {
      const space = /^\s*/.exec(xml.slice(pos))?.[0] ?? '';
      pos += space.length;
      if (xml.startsWith('/>', pos) || xml.startsWith('>', pos)) break;
      if (space === '') throw new Error(`missing space before attribute at ${pos}`);
      const attr = /^([A-Za-z_][A-Za-z0-9._:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(xml.slice(pos));
      if (!attr?.[1]) throw new Error(`bad attribute at ${pos} in <${element.name}>`);
      if (attr[1] in element.attributes)
        throw new Error(`duplicate attribute ${attr[1]} in <${element.name}>`);
      element.attributes[attr[1]] = decode(attr[3] ?? attr[4] ?? '', `attribute ${attr[1]}`);
      pos += attr[0].length;
    }
    const selfClosing = xml.startsWith('/>', pos);
    pos += selfClosing ? 2 : 1;
    const parentNow = stack[stack.length - 1];
    if (parentNow) parentNow.children.push(element);
    else if (root) throw new Error(`second root element <${element.name}>`);
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element named `name` under `element`, depth first. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (child.name === name) found.push(child);
    found.push(...findAll(child, name));
  }
  return found;
}
