import { http, HttpResponse } from 'msw';

import type { Schemas } from '@/lib/api/types';

import { analyticsSummary, analyticsTrends, buyerBreakdown, productBreakdown } from './analytics-fixtures';
import { auditPage } from './audit-fixtures';
import { complianceEvaluation, documentTypes, shipmentDocuments } from './document-fixtures';
import { shipmentEudr } from './eudr-fixtures';
import { adminMe, invitations, page, users } from './fixtures';
import { tokenResponse } from './http';
import { carriers, eventCodes, locations, partners, productTypes, shipmentId } from './shipment-fixtures';

/**
 * Happy-path API: a valid refresh cookie, an admin signed in, a few members and invitations.
 * Tests override single endpoints with `server.use(...)`.
 */
export const handlers = [
  http.post('/api/auth/refresh', () => tokenResponse('restored-token')),
  http.post('/api/auth/logout', () => new HttpResponse(null, { status: 204 })),
  http.get('/api/me', () => HttpResponse.json(adminMe)),
  http.get('/api/users', () => HttpResponse.json(page(users) satisfies Schemas['UserPage'])),
  http.get('/api/invitations', () => HttpResponse.json(page(invitations) satisfies Schemas['InvitationPage'])),
  http.get('/api/partners', () => HttpResponse.json(partners)),
  http.get('/api/reference/product-types', () => HttpResponse.json(productTypes)),
  http.get('/api/reference/locations', () => HttpResponse.json(locations)),
  http.get('/api/reference/carriers', () => HttpResponse.json(carriers)),
  http.get('/api/reference/event-codes', () => HttpResponse.json(eventCodes)),
  http.get('/api/document-types', () => HttpResponse.json(documentTypes)),
  http.get(`/api/shipments/${shipmentId}/documents`, () => HttpResponse.json(shipmentDocuments)),
  http.get(`/api/shipments/${shipmentId}/compliance`, () => HttpResponse.json(complianceEvaluation)),
  http.get(`/api/shipments/${shipmentId}/eudr`, () => HttpResponse.json(shipmentEudr)),
  http.get('/api/analytics/summary', () => HttpResponse.json(analyticsSummary)),
  http.get('/api/analytics/trends', () => HttpResponse.json(analyticsTrends)),
  http.get('/api/analytics/breakdown', ({ request }) =>
    HttpResponse.json(new URL(request.url).searchParams.get('by') === 'product' ? productBreakdown : buyerBreakdown),
  ),
  http.get('/api/audit-log', () => HttpResponse.json(auditPage())),
  http.get('/api/notifications/unread-count', () =>
    HttpResponse.json({ count: 0 } satisfies Schemas['UnreadCount']),
  ),
];
