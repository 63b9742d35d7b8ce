import { queryOptions, useQuery } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';


import { documentKey, shipmentDocumentsKey } from './keys';

export function shipmentDocumentsQueryOptions(shipmentId: string) {
  return queryOptions({
    queryKey: shipmentDocumentsKey(shipmentId),
    queryFn: () => unwrap(api.GET('/api/shipments/{id}/documents', { params: { path: { id: shipmentId } } })),
  });
}

/** GET /api/shipments/{id}/documents: every version of every document, every status. */
export function useShipmentDocuments(shipmentId: string) {
  return useQuery(shipmentDocumentsQueryOptions(shipmentId));
}

export function documentQueryOptions(documentId: string) {
  return queryOptions({
    queryKey: documentKey(documentId),
    queryFn: () => unwrap(api.GET('/api/documents/{docId}', { params: { path: { docId: documentId } } })),
  });
}

/** GET /api/documents/{docId}: the document with its transitions and suggestions. */
export function useDocument(documentId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...documentQueryOptions(documentId), enabled });
}
