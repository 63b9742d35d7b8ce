import { z } from 'zod';

import type { DocumentMetadata, DocumentType, MetadataRequest, Suggestions } from './types';

const isoDate = z.union([z.literal(''), z.iso.date('Use a date like 2026-11-30.')]);

export const metadataSchema = z
  .object({
    referenceNumber: z.string().trim().max(100, 'At most 100 characters.'),
    issueDate: isoDate,
    expiryDate: isoDate,
    issuer: z.string().trim().max(200, 'At most 200 characters.'),
    fields: z.record(z.string(), z.string().trim().max(500, 'At most 500 characters.')),
  })
  .refine((values) => !values.issueDate || !values.expiryDate || values.expiryDate >= values.issueDate, {
    path: ['expiryDate'],
    message: 'The expiry date cannot be before the issue date.',
  });

export type MetadataValues = z.infer<typeof metadataSchema>;

export function toFormValues(metadata: DocumentMetadata, type: DocumentType | undefined): MetadataValues {
  const fields: Record<string, string> = {};
  for (const field of type?.fields ?? []) fields[field.key] = metadata.fields[field.key] ?? '';
  return {
    referenceNumber: metadata.referenceNumber ?? '',
    issueDate: metadata.issueDate ?? '',
    expiryDate: metadata.expiryDate ?? '',
    issuer: metadata.issuer ?? '',
    fields,
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function toMetadataRequest(values: MetadataValues): MetadataRequest {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(values.fields)) if (value.trim() !== '') fields[key] = value.trim();
  return {
    referenceNumber: orNull(values.referenceNumber),
    issueDate: orNull(values.issueDate),
    expiryDate: orNull(values.expiryDate),
    issuer: orNull(values.issuer),
    fields,
  };
}

/** One suggestion the user may apply: where it goes and how. */
export interface SuggestionChip {
  id: string;
  group: string;
  label: string;
  /** `referenceNumber` or `fields.<key>`. */
  target: 'referenceNumber' | `fields.${string}`;
  value: string;
  /** List fields (comma-separated) get the value added, others replaced. */
  append: boolean;
}

/**
 * The suggestions that fit a field of this document's form. Suggestions with no field to go to (e.g. a port
 * when the type has no port field) are not offered as chips.
 */
export function suggestionChips(suggestions: Suggestions | null, type: DocumentType | undefined): SuggestionChip[] {
  if (!suggestions) return [];
  const keys = new Set((type?.fields ?? []).map((field) => field.key));
  const chips: SuggestionChip[] = [];
  for (const value of suggestions.referenceNumbers) {
    chips.push({ id: `ref:${value}`, group: 'Reference number', label: value, target: 'referenceNumber', value, append: false });
  }
  const list = (key: string, group: string, values: readonly string[]) => {
    if (!keys.has(key)) return;
    for (const value of values) chips.push({ id: `${key}:${value}`, group, label: value, target: `fields.${key}`, value, append: true });
  };
  list('container_numbers', 'Container numbers', suggestions.containerNumbers);
  list('hs_codes', 'HS codes', suggestions.hsCodes);
  const portKey = [...keys].find((key) => key.includes('port'));
  if (portKey) {
    for (const value of suggestions.ports) {
      chips.push({ id: `${portKey}:${value}`, group: 'Ports', label: value, target: `fields.${portKey}`, value, append: false });
    }
  }
  for (const weight of suggestions.weightsKg) {
    for (const [key, what] of [
      ['gross_weight_kg', 'gross'],
      ['net_weight_kg', 'net'],
    ] as const) {
      if (keys.has(key)) {
        chips.push({ id: `${key}:${weight}`, group: 'Weights', label: `${weight} kg as ${what}`, target: `fields.${key}`, value: String(weight), append: false });
      }
    }
  }
  return chips;
}

/** A list field gets the value added once (comma-separated); others take it. */
export function applyChip(current: string, chip: SuggestionChip): string {
  if (!chip.append) return chip.value;
  const items = current
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items.includes(chip.value) ? items.join(',') : [...items, chip.value].join(',');
}
