import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiFetch, apiJson } from '@/lib/api/raw';

import { shipmentsKey } from './get-shipments';
import type { ImportReport, ImportRequest } from './import-types';

export const importTemplatePath = '/api/shipments/import/template';

/** Through `raw.ts`: the body is the CSV text itself (`text/csv`), not JSON; the report is typed from the spec. */
export function importShipments({ csv, dryRun, skipInvalid }: ImportRequest) {
  return apiJson<ImportReport>('/api/shipments/import', {
    method: 'POST',
    query: { dryRun, skipInvalid },
    body: csv,
    contentType: 'text/csv',
  });
}

/** POST /api/shipments/import: a dry run reports every row; a real run writes the valid ones. */
export function useImportShipments() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importShipments,
    onSuccess: (report) => (report.dryRun ? undefined : queryClient.invalidateQueries({ queryKey: shipmentsKey })),
  });
}

/** GET /api/shipments/import/template: the CSV header line (needs the session's token, so not a plain link). */
export async function getImportTemplate(): Promise<Blob> {
  const response = await apiFetch(importTemplatePath, { accept: 'text/csv, application/problem+json' });
  return response.blob();
}
