import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { z } from 'zod';

import type { ApiProblem } from '@/lib/api/problem';
import type { Schemas } from '@/lib/api/types';

import { validateContainerNumber } from './container-number';
import { isWellFormedUnlocode, normalizeUnlocode } from './unlocode';

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);

const positiveNumber = (label: string) =>
  z
    .string()
    .trim()
    .refine((value) => value === '' || (Number.isFinite(Number(value)) && Number(value) > 0), `${label} must be above 0.`);

const port = z
  .string()
  .trim()
  .refine((value) => value === '' || isWellFormedUnlocode(value), 'A UN/LOCODE is 2 letters and 3 letters or digits 2–9, e.g. NGAPP.');

const dateTime = z.string().refine((value) => value === '' || !Number.isNaN(new Date(value).getTime()), 'Enter a date and time.');

export const containerSchema = z.object({
  number: z.string().superRefine((value, context) => {
    const check = validateContainerNumber(value);
    if (!check.valid) context.addIssue({ code: 'custom', message: check.message });
  }),
  isoType: z
    .string()
    .trim()
    .refine((value) => value === '' || /^[0-9A-Z]{4}$/i.test(value), 'An ISO size/type code has 4 characters, e.g. 22G1.'),
  sealNumber: text(40),
  grossWeightKg: positiveNumber('Gross weight'),
});

export const productLineSchema = z.object({
  hsCode: z
    .string()
    .trim()
    .refine((value) => /^\d{4,10}$/.test(value.replace(/[.\s]/g, '')), 'An HS code has 4 to 10 digits.'),
  description: text(500).min(1, 'Describe the goods.'),
  containerNumber: z.string(),
  netWeightKg: positiveNumber('Net weight'),
  grossWeightKg: positiveNumber('Gross weight'),
  packages: z.string().trim().refine((value) => value === '' || /^[1-9]\d*$/.test(value), 'Packages must be a whole number above 0.'),
  packagingType: text(60),
  batchNumbers: text(500),
  qualityGrade: text(60),
  moisturePercent: z
    .string()
    .trim()
    .refine((value) => value === '' || (Number(value) >= 0 && Number(value) <= 100), 'Moisture is between 0 and 100 %.'),
});

export const shipmentFormSchema = z.object({
  reference: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9/_.-]{1,39}$/, '2–40 letters, digits or / _ . -, e.g. VIBO-2026-014.'),
  productType: z.string().min(1, 'Choose a product type.'),
  buyerOrganizationId: z.string(),
  supplierOrganizationIds: z.array(z.string()),
  logisticsOrganizationIds: z.array(z.string()),
  exporterName: text(200),
  exporterAddress: text(500),
  importerName: text(200),
  importerAddress: text(500),
  billOfLading: text(40),
  bookingReference: text(40),
  carrierScac: z.string().trim().refine((value) => value === '' || /^[A-Za-z]{2,4}$/.test(value), 'A SCAC code has 2–4 letters.'),
  carrierName: text(100),
  vesselName: text(100),
  voyage: text(20),
  portOfLoading: port,
  portOfDischarge: port,
  finalDestination: text(200),
  incoterms: z.string().trim().refine((value) => value === '' || /^[A-Za-z]{3}$/.test(value), 'Incoterms are 3 letters, e.g. FOB.'),
  etd: dateTime,
  eta: dateTime,
  atd: dateTime,
  ata: dateTime,
  notes: text(4000),
  containers: z.array(containerSchema),
  productLines: z.array(productLineSchema),
});

export type ShipmentFormValues = z.infer<typeof shipmentFormSchema>;
export type ContainerFormValues = ShipmentFormValues['containers'][number];
export type ProductLineFormValues = ShipmentFormValues['productLines'][number];

export const emptyContainer: ContainerFormValues = { number: '', isoType: '', sealNumber: '', grossWeightKg: '' };

export const emptyProductLine: ProductLineFormValues = {
  hsCode: '',
  description: '',
  containerNumber: '',
  netWeightKg: '',
  grossWeightKg: '',
  packages: '',
  packagingType: '',
  batchNumbers: '',
  qualityGrade: '',
  moisturePercent: '',
};

export const emptyShipmentForm: ShipmentFormValues = {
  reference: '',
  productType: '',
  buyerOrganizationId: '',
  supplierOrganizationIds: [],
  logisticsOrganizationIds: [],
  exporterName: '',
  exporterAddress: '',
  importerName: '',
  importerAddress: '',
  billOfLading: '',
  bookingReference: '',
  carrierScac: '',
  carrierName: '',
  vesselName: '',
  voyage: '',
  portOfLoading: '',
  portOfDischarge: '',
  finalDestination: '',
  incoterms: '',
  etd: '',
  eta: '',
  atd: '',
  ata: '',
  notes: '',
  containers: [],
  productLines: [],
};

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));
const isoOrNull = (value: string) => (value === '' ? null : new Date(value).toISOString());
const upperOrNull = (value: string) => orNull(value)?.toUpperCase() ?? null;

/** Form values (strings, local times) → request body (nulls, numbers, ISO instants). */
export function toShipmentRequest(values: ShipmentFormValues, version?: number): Schemas['ShipmentRequest'] {
  return {
    reference: values.reference.trim(),
    productType: values.productType,
    buyerOrganizationId: orNull(values.buyerOrganizationId),
    supplierOrganizationIds: values.supplierOrganizationIds,
    logisticsOrganizationIds: values.logisticsOrganizationIds,
    exporterName: orNull(values.exporterName),
    exporterAddress: orNull(values.exporterAddress),
    importerName: orNull(values.importerName),
    importerAddress: orNull(values.importerAddress),
    billOfLading: orNull(values.billOfLading),
    bookingReference: orNull(values.bookingReference),
    carrierScac: upperOrNull(values.carrierScac),
    carrierName: orNull(values.carrierName),
    vesselName: orNull(values.vesselName),
    voyage: orNull(values.voyage),
    portOfLoading: values.portOfLoading ? normalizeUnlocode(values.portOfLoading) : null,
    portOfDischarge: values.portOfDischarge ? normalizeUnlocode(values.portOfDischarge) : null,
    finalDestination: orNull(values.finalDestination),
    incoterms: upperOrNull(values.incoterms),
    etd: isoOrNull(values.etd),
    eta: isoOrNull(values.eta),
    atd: isoOrNull(values.atd),
    ata: isoOrNull(values.ata),
    notes: orNull(values.notes),
    containers: values.containers.map((container) => ({
      number: validateContainerNumber(container.number).normalized,
      isoType: upperOrNull(container.isoType),
      sealNumber: orNull(container.sealNumber),
      grossWeightKg: numberOrNull(container.grossWeightKg),
    })),
    productLines: values.productLines.map((line) => ({
      hsCode: line.hsCode.replace(/[.\s]/g, ''),
      description: line.description.trim(),
      containerNumber: orNull(line.containerNumber),
      netWeightKg: numberOrNull(line.netWeightKg),
      grossWeightKg: numberOrNull(line.grossWeightKg),
      packages: numberOrNull(line.packages),
      packagingType: orNull(line.packagingType),
      batchNumbers: orNull(line.batchNumbers),
      qualityGrade: orNull(line.qualityGrade),
      moisturePercent: numberOrNull(line.moisturePercent),
    })),
    ...(version === undefined ? {} : { version }),
  };
}

/** An instant as the value of a `datetime-local` input, in the browser's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

const str = (value: string | null | undefined) => value ?? '';
const num = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function fromShipmentDetail(detail: Schemas['Detail']): ShipmentFormValues {
  return {
    reference: detail.reference,
    productType: detail.productType,
    buyerOrganizationId: detail.buyer?.id ?? '',
    supplierOrganizationIds: detail.suppliers.map((party) => party.id),
    logisticsOrganizationIds: detail.forwarders.map((party) => party.id),
    exporterName: str(detail.exporterName),
    exporterAddress: str(detail.exporterAddress),
    importerName: str(detail.importerName),
    importerAddress: str(detail.importerAddress),
    billOfLading: str(detail.billOfLading),
    bookingReference: str(detail.bookingReference),
    carrierScac: str(detail.carrierScac),
    carrierName: str(detail.carrierName),
    vesselName: str(detail.vesselName),
    voyage: str(detail.voyage),
    portOfLoading: str(detail.portOfLoading),
    portOfDischarge: str(detail.portOfDischarge),
    finalDestination: str(detail.finalDestination),
    incoterms: str(detail.incoterms),
    etd: toLocalInput(detail.etd),
    eta: toLocalInput(detail.eta),
    atd: toLocalInput(detail.atd),
    ata: toLocalInput(detail.ata),
    notes: str(detail.notes),
    containers: detail.containers.map((container) => ({
      number: container.number,
      isoType: str(container.isoType),
      sealNumber: str(container.sealNumber),
      grossWeightKg: num(container.grossWeightKg),
    })),
    productLines: detail.productLines.map((line) => ({
      hsCode: line.hsCode,
      description: line.description,
      containerNumber: str(line.containerNumber),
      netWeightKg: num(line.netWeightKg),
      grossWeightKg: num(line.grossWeightKg),
      packages: num(line.packages),
      packagingType: str(line.packagingType),
      batchNumbers: str(line.batchNumbers),
      qualityGrade: str(line.qualityGrade),
      moisturePercent: num(line.moisturePercent),
    })),
  };
}

/**
 * Put the server's field errors next to the inputs. The API names fields like `containers[1].number`;
 * the form calls that `containers.1.number`. Returns the API names it placed, for the problem alert to skip.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  problem: ApiProblem,
  setError: UseFormSetError<T>,
  values: T,
): string[] {
  const placed: string[] = [];
  for (const { field, message } of problem.errors) {
    const path = field.replace(/\[(\d+)\]/g, '.$1');
    if (!hasPath(values, path)) continue;
    setError(path as Path<T>, { type: 'server', message }, { shouldFocus: placed.length === 0 });
    placed.push(field);
  }
  return placed;
}

/** Only text inputs show an error; a message about a whole row or list stays in the alert. */
function hasPath(values: unknown, path: string): boolean {
  let current: unknown = values;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !(key in current)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string';
}
