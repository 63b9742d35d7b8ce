/**
 * POST /api/shipments/import (CSV bulk import). Hand-written until the backend's OpenAPI spec describes
 * the endpoint; replace with the generated types then.
 */
export interface ImportFieldError {
  field: string;
  message: string;
}

export interface ImportRowReport {
  /** 1-based line number in the file, the header included. */
  row: number;
  reference: string | null;
  valid: boolean;
  errors: ImportFieldError[];
}

export interface ImportReport {
  dryRun: boolean;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  imported: number;
  rows: ImportRowReport[];
}

export interface ImportRequest {
  csv: string;
  dryRun: boolean;
  skipInvalid: boolean;
}
