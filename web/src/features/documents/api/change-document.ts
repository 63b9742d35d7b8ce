import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';

import type { MetadataRequest, TransitionRequest } from '../model/types';

import { complianceKeyPrefix, documentsKey } from './keys';

export function updateMetadata(documentId: string, body: MetadataRequest) {
  return unwrap(api.PATCH('/api/documents/{docId}/metadata', { params: { path: { docId: documentId } }, body }));
}

export function transitionDocument(documentId: string, body: TransitionRequest) {
  return unwrap(api.POST('/api/documents/{docId}/transitions', { params: { path: { docId: documentId } }, body }));
}

/** Documents and the compliance evaluation built on them are refetched after any change. */
export function documentsChanged(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: documentsKey }),
    queryClient.invalidateQueries({ queryKey: complianceKeyPrefix }),
  ]);
}

/** PATCH /api/documents/{docId}/metadata (only while uploaded or under review). */
export function useUpdateMetadata(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MetadataRequest) => updateMetadata(documentId, body),
    onSuccess: () => documentsChanged(queryClient),
  });
}

/** POST /api/documents/{docId}/transitions: submit, approve, reject (reason), archive (reason). */
export function useTransitionDocument(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionRequest) => transitionDocument(documentId, body),
    onSuccess: () => documentsChanged(queryClient),
  });
}
