/** UN/LOCODE: ISO country code and three letters or digits 2–9, e.g. NGAPP, DEHAM. */
const pattern = /^[A-Z]{2}[A-Z2-9]{3}$/;

export function normalizeUnlocode(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

export function isWellFormedUnlocode(raw: string): boolean {
  return pattern.test(normalizeUnlocode(raw));
}
