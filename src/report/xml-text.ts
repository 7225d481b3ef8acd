/**
 * Characters XML 1.0 forbids anywhere (C0 controls but tab, LF, CR; U+FFFE, U+FFFF; unpaired surrogates).
 * @see https://www.w3.org/TR/xml/#charsets
 */
const FORBIDDEN_IN_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the purpose
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Forbidden characters shown as `\uXXXX` text, so the information survives and the document stays well-formed. */
function visible(text: string): string {
  return text.replace(FORBIDDEN_IN_XML, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Escapes text for element content or a double- or single-quoted attribute value. */
export function escapeXml(text: string): string {
  return (
    visible(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Attribute-value normalisation would turn these into spaces; keep them as character references.
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;')
      .replace(/\t/g, '&#9;')
  );
}

/** Escapes text for element content, keeping line breaks readable. */
export function escapeXmlContent(text: string): string {
  return visible(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}
