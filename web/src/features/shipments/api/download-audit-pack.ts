import { ApiProblem } from '@/lib/api/problem';
import { apiFetch } from '@/lib/api/raw';

/** How far a download has come: `total` only when the server announced a length (a streamed pack has none). */
export interface DownloadProgress {
  received: number;
  total: number | null;
}

export interface AuditPack {
  blob: Blob;
  fileName: string;
}

/** The file name from `Content-Disposition: attachment; filename="…"`, or a fallback. */
export function attachmentName(header: string | null, fallback: string): string {
  const match = header ? /filename="?([^";]+)"?/i.exec(header) : null;
  return match?.[1]?.trim() || fallback;
}

/**
 * A ZIP ends with its end-of-central-directory record (signature PK\x05\x06, 22 bytes without a comment; the
 * pack has none). The server stops a pack it cannot finish honestly (e.g. stored bytes that no longer match
 * their hash) without that record, after the response has started: this check turns that into an error.
 */
export async function isCompleteZip(blob: Blob): Promise<boolean> {
  if (blob.size < 22) return false;
  const tail = new Uint8Array(await blob.slice(blob.size - 22).arrayBuffer());
  return tail[0] === 0x50 && tail[1] === 0x4b && tail[2] === 0x05 && tail[3] === 0x06;
}

/**
 * GET /api/shipments/{id}/audit-pack, read chunk by chunk so that `onProgress` can report the bytes received;
 * answers the whole ZIP as a blob with the server's file name. Problems (404, 403) throw as `ApiProblem`.
 */
export async function fetchAuditPack(
  shipmentId: string,
  onProgress: (progress: DownloadProgress) => void,
  fallbackName = 'audit-pack.zip',
): Promise<AuditPack> {
  const response = await apiFetch(`/api/shipments/${encodeURIComponent(shipmentId)}/audit-pack`, {
    accept: 'application/zip, application/problem+json',
  });
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress({ received, total });
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ received, total });
    }
  } else {
    const whole = new Uint8Array(await response.arrayBuffer());
    chunks.push(whole);
    received = whole.byteLength;
    onProgress({ received, total });
  }
  const blob = new Blob(chunks as BlobPart[], { type: 'application/zip' });
  if (!(await isCompleteZip(blob))) {
    throw new ApiProblem({
      title: 'Incomplete audit pack',
      status: 0,
      detail:
        'The audit pack download stopped before its end, so the file would be unreadable. Try again; if it keeps failing, tell your TraceHub administrator (the server log names the cause).',
    });
  }
  return { blob, fileName: attachmentName(response.headers.get('Content-Disposition'), fallbackName) };
}

/** Hands a blob to the browser as a download under `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
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
