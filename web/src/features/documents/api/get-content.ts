import { apiFetch } from '@/lib/api/raw';

/** GET /api/documents/{docId}/content as a blob, with the same authentication as every other call. */
export async function fetchDocumentContent(documentId: string, { inline }: { inline: boolean }): Promise<Blob> {
  const response = await apiFetch(`/api/documents/${encodeURIComponent(documentId)}/content`, {
    query: { inline: inline || undefined },
    accept: '*/*',
  });
  return response.blob();
}

/** Save a document under its original name (kept as metadata only; the store never uses it). */
export async function downloadDocument(documentId: string, fileName: string): Promise<void> {
  const blob = await fetchDocumentContent(documentId, { inline: false });
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // After the click has started the download; revoking later would only keep memory longer.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
