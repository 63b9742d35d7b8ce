import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import { apiFetch, apiJson } from '@/lib/api/raw';
import type { Schemas } from '@/lib/api/types';

import type { DdsReferenceRequest, OriginsSaved, SaveOriginsRequest, ShipmentEudr, ValidationReport } from '../model/types';

const id = (shipmentId: string) => ({ path: { id: shipmentId } });

/** The schema types plot features as an opaque `JsonNode`; the server sends the GeoJSON Feature it validated. */
export async function getEudr(shipmentId: string): Promise<ShipmentEudr> {
  return (await unwrap(api.GET('/api/shipments/{id}/eudr', { params: id(shipmentId) }))) as unknown as ShipmentEudr;
}

export function eudrQueryOptions(shipmentId: string) {
  return queryOptions({ queryKey: ['eudr', shipmentId], queryFn: () => getEudr(shipmentId) });
}

/** GET /api/shipments/{id}/eudr: assessment, origins, DDS references and the caller's `actions`; `applicable:false` outside Annex I. */
export function useEudr(shipmentId: string) {
  return useQuery(eudrQueryOptions(shipmentId));
}

/**
 * POST /api/eudr/geojson/validate: the report only, nothing saved. The body is the GeoJSON text as typed or
 * read from the file (raw, so a syntax error is reported with its line and column by the server).
 */
export function validateGeoJson(text: string) {
  return apiJson<ValidationReport>('/api/eudr/geojson/validate', { method: 'POST', body: text, contentType: 'application/geo+json' });
}

export function useValidateGeoJson() {
  return useMutation({ mutationFn: validateGeoJson });
}

/** Plots and DDS references feed the compliance evaluation: refetch it too (the compliance feature's key). */
function useEudrChanged(shipmentId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: eudrQueryOptions(shipmentId).queryKey }),
      queryClient.invalidateQueries({ queryKey: ['compliance'] }),
    ]);
}

/** POST …/eudr/origins → 201 OriginsSaved; 422 `eudr-geojson-invalid` (with `issues`, `repairs`) when refused. */
export async function saveOrigins(shipmentId: string, body: SaveOriginsRequest): Promise<OriginsSaved> {
  const request = body as Schemas['OriginsRequest'];
  const saved = await unwrap(api.POST('/api/shipments/{id}/eudr/origins', { params: id(shipmentId), body: request }));
  return saved as unknown as OriginsSaved;
}

export function useSaveOrigins(shipmentId: string) {
  const changed = useEudrChanged(shipmentId);
  return useMutation({ mutationFn: (body: SaveOriginsRequest) => saveOrigins(shipmentId, body), onSuccess: changed });
}

/** DELETE …/eudr/origins/{originId} → 204; the plot is kept for the record as removed. */
export function useDeleteOrigin(shipmentId: string) {
  const changed = useEudrChanged(shipmentId);
  return useMutation({
    mutationFn: (originId: string) =>
      unwrap(api.DELETE('/api/shipments/{id}/eudr/origins/{originId}', { params: { path: { id: shipmentId, originId } } })),
    onSuccess: changed,
  });
}

/** POST …/eudr/dds-references → 201 DdsView. */
export function useRecordDdsReference(shipmentId: string) {
  const changed = useEudrChanged(shipmentId);
  return useMutation({
    mutationFn: (body: DdsReferenceRequest) => unwrap(api.POST('/api/shipments/{id}/eudr/dds-references', { params: id(shipmentId), body })),
    onSuccess: changed,
  });
}

/** PUT …/eudr/dds-references/{refId}: within 72 h of filing, else 409 `dds-amend-window-closed`. */
export function useAmendDdsReference(shipmentId: string) {
  const changed = useEudrChanged(shipmentId);
  return useMutation({
    mutationFn: ({ id: refId, body }: { id: string; body: DdsReferenceRequest }) =>
      unwrap(api.PUT('/api/shipments/{id}/eudr/dds-references/{refId}', { params: { path: { id: shipmentId, refId } }, body })),
    onSuccess: changed,
  });
}

/** GET …/eudr/dds-package: the GeoJSON FeatureCollection the buyer uploads to the EU Information System. */
export async function downloadDdsPackage(shipmentId: string, fileName: string) {
  const response = await apiFetch(`/api/shipments/${encodeURIComponent(shipmentId)}/eudr/dds-package`, {
    accept: 'application/geo+json, application/problem+json',
  });
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
