/**
 * `dateTime` values as instants, so filters compare them chronologically (RFC 7644 §3.4.2.2: "for
 * DateTime types, it is a chronological comparison") rather than as text, where
 * `2011-05-13T04:42:34Z` and `2011-05-13T06:42:34+02:00` would differ.
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.3.5
 */

/**
 * xsd:dateTime (RFC 7643 §2.3.5): `YYYY-MM-DDThh:mm:ss[.f{1,9}][Z|±hh:mm]`. Fractions beyond
 * milliseconds are kept (up to nanoseconds), because servers on other platforms emit 7 digits (.NET)
 * or 9 (Go). A value without a zone is read as UTC.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))?$/;

/**
 * Parses an xsd:dateTime into nanoseconds since the Unix epoch, or `undefined` when `text` is not
 * a valid dateTime (including impossible dates such as February 30).
 * @see https://www.rfc-editor.org/rfc/rfc7643#section-2.3.5
 */
export function parseDateTime(text: string): bigint | undefined {
  const match = DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction, , sign, offH, offM] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return undefined;
  let offsetMinutes = 0;
  if (sign !== undefined) {
    const hours = Number(offH);
    const minutes = Number(offM);
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const epochMillis = BigInt(date.getTime()) - BigInt(offsetMinutes) * 60_000n;
  const nanos = BigInt((fraction ?? '').padEnd(9, '0'));
  return epochMillis * 1_000_000n + nanos;
}
