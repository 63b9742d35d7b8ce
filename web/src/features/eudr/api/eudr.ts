import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiFetch, apiJson } from '@/lib/api/raw';

import type { DdsReferenceRequest, SaveOriginsRequest, ShipmentEudr, ValidationReport } from '../model/types';

const base = (shipmentId: string) => `/api/shipments/${encodeURIComponent(shipmentId)}/eudr`;
const json = (body: unknown) => ({ body: JSON.stringify(body), contentType: 'application/json' });

export function eudrQueryOptions(shipmentId: string) {
  return queryOptions({ queryKey: ['eudr', shipmentId], queryFn: () => apiJson<ShipmentEudr>(base(shipmentId)) });
}

/** GET /api/shipments/{id}/eudr: assessment, origins and DDS references; `applicable:false` outside Annex I. */
export function useEudr(shipmentId: string) {
  return useQuery(eudrQueryOptions(shipmentId));
}

/** POST /api/eudr/geojson/validate: the report only, nothing saved. */
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

export function useSaveOrigins(shipmentId: string) {
  const changed = useEudrChanged(shipmentId);
  return useMutation({
    mutationFn: (body: SaveOriginsRequest) => apiFetch(`${base(shipmentId)}/origins`, { method: 'POST', ...json(body) }),
    onSuccess: changed,
  });
}

export function useDeleteOrigin(shipmentId: string) {
  const changed = useEudrChanged(shipmentId);
  return useMutation({
    mutationFn: (originId: string) => apiFetch(`${base(shipmentId)}/origins/${encodeURIComponent(originId)}`, { method: 'DELETE' }),
    onSuccess: changed,
  });
}

export function useRecordDdsReference(shipmentId: string) {
  const changed = useEudrChanged(shipmentId);
  return useMutation({
    mutationFn: (body: DdsReferenceRequest) => apiFetch(`${base(shipmentId)}/dds-references`, { method: 'POST', ...json(body) }),
    onSuccess: changed,
  });
}

/** Amend within 72 h of filing. The contract names the window but not the call; PUT on the reference is assumed. */
export function useAmendDdsReference(shipmentId: string) {
  const changed = useEudrChanged(shipmentId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DdsReferenceRequest }) =>
      apiFetch(`${base(shipmentId)}/dds-references/${encodeURIComponent(id)}`, { method: 'PUT', ...json(body) }),
    onSuccess: changed,
  });
}

/** GET …/eudr/dds-package: the GeoJSON FeatureCollection the buyer uploads to the EU Information System. */
export async function downloadDdsPackage(shipmentId: string, fileName: string) {
  const response = await apiFetch(`${base(shipmentId)}/dds-package`, { accept: 'application/geo+json, application/json' });
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
