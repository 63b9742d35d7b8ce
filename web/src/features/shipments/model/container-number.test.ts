import { describe, expect, it } from 'vitest';

import { checkDigitOf, normalizeContainerNumber, validateContainerNumber } from './container-number';

describe('ISO 6346 container numbers', () => {
  it.each(['CSQU3054383', 'MRSU3452572', 'APZU4812090'])('accepts %s', (number) => {
    expect(validateContainerNumber(number)).toEqual({ valid: true, normalized: number });
  });

  it.each([
    ['TCNU7654321', 1, 8],
    ['MSCU1234567', 7, 6],
  ])('rejects %s: check digit %i should be %i', (number, actual, expected) => {
    const result = validateContainerNumber(number);
    expect(result).toMatchObject({ valid: false, reason: 'check-digit' });
    expect(result.valid ? '' : result.message).toBe(`The check digit is ${actual} but should be ${expected}.`);
  });

  it('computes check digits from the letter table that skips multiples of 11', () => {
    expect(checkDigitOf('CSQU305438')).toBe(3);
    expect(checkDigitOf('TCNU765432')).toBe(8);
    expect(checkDigitOf('MSCU123456')).toBe(6);
  });

  it('normalises spaces, dashes, dots and case before checking', () => {
    expect(normalizeContainerNumber(' csqu 305438-3 ')).toBe('CSQU3054383');
    expect(validateContainerNumber('csqu.305438.3')).toEqual({ valid: true, normalized: 'CSQU3054383' });
  });

  it.each(['TBD', 'tba', 'N/A', 'XXXXXXXXXXX', ''])('refuses the placeholder %j', (value) => {
    const result = validateContainerNumber(value);
    expect(result.valid).toBe(false);
    expect(result.valid ? null : result.reason).toBe(value === '' ? 'empty' : 'placeholder');
  });

  it('tells an incomplete number from a malformed one', () => {
    expect(validateContainerNumber('CSQU30')).toMatchObject({ valid: false, reason: 'incomplete' });
    expect(validateContainerNumber('CSQX3054383')).toMatchObject({ valid: false, reason: 'format' });
    expect(validateContainerNumber('CSQU30543830')).toMatchObject({ valid: false, reason: 'format' });
  });
});
