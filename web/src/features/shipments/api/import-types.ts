import type { Schemas } from '@/lib/api/types';

/** POST /api/shipments/import (CSV bulk import): the generated report schemas. */
export type ImportFieldError = Schemas['FieldError'];
/** `row` is the 1-based line number in the file, the header included. */
export type ImportRowReport = Schemas['ShipmentImportRow'];
export type ImportReport = Schemas['ShipmentImportReport'];

export interface ImportRequest {
  csv: string;
  dryRun: boolean;
  skipInvalid: boolean;
}
