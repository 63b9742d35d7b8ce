import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { apiBaseUrl } from '@/config/env';
import { newIdempotencyKey, refreshSession } from '@/lib/api/auth-fetch';
import { ApiProblem } from '@/lib/api/problem';
import { session } from '@/lib/api/session';

import type { UploadedDocument } from '../model/types';

import { documentsChanged } from './change-document';

export interface UploadRequest {
  shipmentId: string;
  file: File;
  type: string;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

interface XhrAnswer {
  status: number;
  statusText: string;
  headers: Headers;
  body: unknown;
}

function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const index = line.indexOf(':');
    if (index > 0) headers.append(line.slice(0, index).trim(), line.slice(index + 1).trim());
  }
  return headers;
}

function send(url: string, form: FormData, token: string | null, key: string, onProgress: (p: UploadProgress) => void, signal?: AbortSignal) {
  return new Promise<XhrAnswer>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = false;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    // The same two headers authFetch adds to every mutating call.
    if (token !== null) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Idempotency-Key', key);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    });
    xhr.addEventListener('load', () => {
      const headers = parseHeaders(xhr.getAllResponseHeaders());
      let body: unknown;
      try {
        body = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined;
      } catch {
        body = xhr.responseText;
      }
      resolve({ status: xhr.status, statusText: xhr.statusText, headers, body });
    });
    xhr.addEventListener('error', () => reject(ApiProblem.network()));
    xhr.addEventListener('abort', () => reject(new ApiProblem({ title: 'Upload cancelled', status: 0, detail: 'The upload was cancelled.' })));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

/**
 * POST /api/shipments/{id}/documents as multipart, through XMLHttpRequest because fetch reports no upload
 * progress. Authenticated like `authFetch`: bearer token, an Idempotency-Key (kept on the retry), and one
 * refresh-and-retry on 401. Resolves with the new version and its suggestions; rejects with an ApiProblem.
 */
export async function uploadDocument(
  { shipmentId, file, type }: UploadRequest,
  onProgress: (progress: UploadProgress) => void = () => {},
  signal?: AbortSignal,
): Promise<UploadedDocument> {
  const url = new URL(`/api/shipments/${encodeURIComponent(shipmentId)}/documents`, apiBaseUrl).toString();
  const form = new FormData();
  form.append('type', type);
  form.append('file', file, file.name);
  const key = newIdempotencyKey();
  const tokenSent = session.accessToken();
  let answer = await send(url, form, tokenSent, key, onProgress, signal);
  if (answer.status === 401) {
    const current = session.accessToken();
    const renewed = current !== null && current !== tokenSent ? true : await refreshSession();
    if (renewed) answer = await send(url, form, session.accessToken(), key, onProgress, signal);
  }
  if (answer.status < 200 || answer.status >= 300) {
    const response = new Response(null, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
    throw ApiProblem.fromResponse(response, answer.body);
  }
  return answer.body as UploadedDocument;
}

/** The upload mutation with its progress (0–100, null when not uploading). */
export function useUploadDocument() {
  const queryClient = useQueryClient();
  const [percent, setPercent] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: (request: UploadRequest) => {
      setPercent(0);
      return uploadDocument(request, ({ loaded, total }) => setPercent(total > 0 ? Math.round((loaded / total) * 100) : 0));
    },
    onSuccess: () => documentsChanged(queryClient),
    onSettled: () => setPercent(null),
  });
  return { ...mutation, percent };
}
