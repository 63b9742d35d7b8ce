import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiJson } from '@/lib/api/raw';

import type { DocumentDetail, ShipmentDocument } from '../model/types';

import { documentKey, shipmentDocumentsKey } from './keys';

export function shipmentDocumentsQueryOptions(shipmentId: string) {
  return queryOptions({
    queryKey: shipmentDocumentsKey(shipmentId),
    queryFn: () => apiJson<ShipmentDocument[]>(`/api/shipments/${encodeURIComponent(shipmentId)}/documents`),
  });
}

/** GET /api/shipments/{id}/documents: every version of every document, every status. */
export function useShipmentDocuments(shipmentId: string) {
  return useQuery(shipmentDocumentsQueryOptions(shipmentId));
}

export function documentQueryOptions(documentId: string) {
  return queryOptions({
    queryKey: documentKey(documentId),
    queryFn: () => apiJson<DocumentDetail>(`/api/documents/${encodeURIComponent(documentId)}`),
  });
}

/** GET /api/documents/{docId}: the document with its transitions and suggestions. */
export function useDocument(documentId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...documentQueryOptions(documentId), enabled });
}
