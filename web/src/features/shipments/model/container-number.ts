/**
 * ISO 6346 freight container numbers: owner code (3 letters), category (U, J or Z), 6-digit serial and
 * a check digit. A port of the backend's `ContainerNumber` so users see mistakes while typing.
 */

export type ContainerNumberCheck =
  | { valid: true; normalized: string }
  | {
      valid: false;
      normalized: string;
      reason: 'empty' | 'incomplete' | 'placeholder' | 'format' | 'check-digit';
      message: string;
    };

const format = /^[A-Z]{3}[UJZ][0-9]{7}$/;
/** What people type when the number is not known yet; refused, never stored. */
const placeholder = /^(TBD|TBA|TBC|TBN|NA|N\/A|NONE|NIL|UNKNOWN|PENDING|X+|0+)$/;
/** A prefix of a well-formed number, so typing it is not an error yet. */
const prefix = /^[A-Z]{0,3}$|^[A-Z]{3}[UJZ][0-9]{0,6}$/;

/** Letter values start at A=10 and skip multiples of 11 (11, 22, 33). */
const letterValues: ReadonlyMap<string, number> = (() => {
  const values = new Map<string, number>();
  let value = 10;
  for (let code = 65; code <= 90; code++) {
    if (value % 11 === 0) value++;
    values.set(String.fromCharCode(code), value);
    value++;
  }
  return values;
})();

/** Removes spaces, dashes and dots and upper-cases: `csqu 305438-3` → `CSQU3054383`. */
export function normalizeContainerNumber(raw: string): string {
  return raw.replace(/[\s.-]/g, '').toUpperCase();
}

/** Check digit of the first ten characters (owner code, category, serial), which must be well-formed. */
export function checkDigitOf(firstTen: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const char = firstTen.charAt(i);
    const value = letterValues.get(char) ?? Number(char);
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10;
}

export function validateContainerNumber(raw: string): ContainerNumberCheck {
  const normalized = normalizeContainerNumber(raw);
  const invalid = (reason: Exclude<ContainerNumberCheck, { valid: true }>['reason'], message: string) =>
    ({ valid: false, normalized, reason, message }) as const;

  if (normalized === '') return invalid('empty', 'Enter a container number.');
  if (placeholder.test(normalized)) {
    return invalid('placeholder', `“${raw.trim()}” is a placeholder, not a container number; leave the row out until it is known.`);
  }
  if (!format.test(normalized)) {
    if (normalized.length < 11 && prefix.test(normalized)) {
      return invalid('incomplete', `${normalized.length} of 11 characters.`);
    }
    return invalid('format', 'Expected 3 letters, U, J or Z, and 7 digits, e.g. CSQU3054383.');
  }
  const expected = checkDigitOf(normalized);
  const actual = Number(normalized.charAt(10));
  if (expected !== actual) {
    return invalid('check-digit', `The check digit is ${actual} but should be ${expected}.`);
  }
  return { valid: true, normalized };
}
