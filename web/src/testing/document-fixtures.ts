import type { DocumentView, Schemas } from '@/lib/api/types';

import { exporterOrg } from './fixtures';
import { shipmentId } from './shipment-fixtures';

/**
 * Documents and compliance answers, typed with the generated API schema so a fixture that drifts from the
 * real API fails the type check. Shapes checked against the running backend's demo data (e.g. the list
 * answers `transitions` and `suggestions` as null; detail, upload and changes fill them).
 */
export const blDocumentId = '55555555-0000-4000-8000-000000000001';
export const blV2DocumentId = '55555555-0000-4000-8000-000000000002';
export const invoiceDocumentId = '55555555-0000-4000-8000-000000000003';

export const documentTypes: Schemas['DocumentTypeView'][] = [
  {
    code: 'bill_of_lading',
    name: 'Bill of lading',
    typicalIssuer: 'carrier',
    hasExpiry: false,
    fields: [
      { key: 'container_numbers', label: 'Container numbers', kind: 'container_list' },
      { key: 'seal_numbers', label: 'Seal numbers', kind: 'text' },
      { key: 'hs_codes', label: 'HS codes', kind: 'hs_code_list' },
      { key: 'gross_weight_kg', label: 'Gross weight (kg)', kind: 'decimal' },
    ],
  },
  {
    code: 'commercial_invoice',
    name: 'Commercial invoice',
    typicalIssuer: 'exporter',
    hasExpiry: false,
    fields: [
      { key: 'hs_codes', label: 'HS codes', kind: 'hs_code_list' },
      { key: 'gross_weight_kg', label: 'Gross weight (kg)', kind: 'decimal' },
      { key: 'net_weight_kg', label: 'Net weight (kg)', kind: 'decimal' },
    ],
  },
  {
    code: 'phytosanitary_certificate',
    name: 'Phytosanitary certificate',
    typicalIssuer: 'plant-quarantine authority',
    hasExpiry: true,
    fields: [{ key: 'country_of_origin', label: 'Country of origin', kind: 'country' }],
  },
  {
    code: 'certificate_of_origin',
    name: 'Certificate of origin',
    typicalIssuer: 'chamber of commerce',
    hasExpiry: false,
    fields: [
      { key: 'country_of_origin', label: 'Country of origin', kind: 'country' },
      { key: 'hs_codes', label: 'HS codes', kind: 'hs_code_list' },
    ],
  },
];

const emptyMetadata: Schemas['DocumentMetadata'] = { referenceNumber: null, issueDate: null, expiryDate: null, issuer: null, fields: {} };

export const blV1: DocumentView = {
  id: blDocumentId,
  shipmentId,
  type: 'bill_of_lading',
  version: 1,
  status: 'rejected',
  current: false,
  metadata: { ...emptyMetadata, referenceNumber: 'MAEU123456789' },
  sha256: 'a'.repeat(64),
  sizeBytes: 182_345,
  contentType: 'application/pdf',
  originalName: 'bl-draft.pdf',
  uploadedAt: '2026-11-20T09:00:00Z',
  uploadedBy: '11111111-0000-4000-8000-000000000003',
  uploadedByOrganizationId: exporterOrg.id,
  statusChangedAt: '2026-11-21T10:00:00Z',
  duplicates: [],
  suggestions: null,
  transitions: null,
};

export const blV2: DocumentView = {
  ...blV1,
  id: blV2DocumentId,
  version: 2,
  status: 'under_review',
  originalName: 'bl-final.pdf',
  uploadedAt: '2026-11-22T09:00:00Z',
  statusChangedAt: '2026-11-22T09:05:00Z',
  sha256: 'b'.repeat(64),
  duplicates: [
    {
      kind: 'same_reference',
      shipmentId: '44444444-0000-4000-8000-000000000009',
      shipmentReference: 'VIBO-2026-011',
      documentId: '55555555-0000-4000-8000-000000000099',
    },
  ],
};

export const invoice: DocumentView = {
  ...blV1,
  id: invoiceDocumentId,
  type: 'commercial_invoice',
  version: 1,
  status: 'approved',
  current: true,
  metadata: { ...emptyMetadata, referenceNumber: 'INV-2026-77' },
  sha256: 'c'.repeat(64),
  contentType: 'image/png',
  originalName: 'invoice.png',
  duplicates: [],
};

export const shipmentDocuments = [blV1, invoice, blV2];

export const blV2Detail: DocumentView = {
  ...blV2,
  transitions: [
    { from: null, to: 'uploaded', actorUserId: '11111111-0000-4000-8000-000000000003', actorName: 'Lola Logistics', reason: null, occurredAt: '2026-11-22T09:00:00Z' },
    { from: 'uploaded', to: 'under_review', actorUserId: '11111111-0000-4000-8000-000000000003', actorName: 'Lola Logistics', reason: null, occurredAt: '2026-11-22T09:05:00Z' },
  ],
  suggestions: null,
};

export const blV1Detail: DocumentView = {
  ...blV1,
  transitions: [
    { from: null, to: 'uploaded', actorUserId: '11111111-0000-4000-8000-000000000003', actorName: 'Lola Logistics', reason: null, occurredAt: '2026-11-20T09:00:00Z' },
    { from: 'uploaded', to: 'under_review', actorUserId: '11111111-0000-4000-8000-000000000003', actorName: 'Lola Logistics', reason: null, occurredAt: '2026-11-20T09:05:00Z' },
    { from: 'under_review', to: 'rejected', actorUserId: '11111111-0000-4000-8000-000000000004', actorName: 'Chidi Compliance', reason: 'Consignee name is wrong', occurredAt: '2026-11-21T10:00:00Z' },
  ],
  suggestions: null,
};

export const uploadSuggestions: Schemas['Suggestions'] = {
  types: [
    { code: 'bill_of_lading', score: 0.91 },
    { code: 'commercial_invoice', score: 0.12 },
  ],
  referenceNumbers: ['MAEU987654321'],
  containerNumbers: ['CSQU3054383', 'MSKU9070323'],
  hsCodes: ['1801.00'],
  ports: ['NGAPP'],
  weightsKg: [21500],
};

/** The upload's 201 answer: the new version with what was read from it, and its first transition. */
export const uploadedDocument: DocumentView = {
  ...blV1,
  id: '55555555-0000-4000-8000-000000000010',
  version: 3,
  status: 'uploaded',
  metadata: emptyMetadata,
  originalName: 'bl-scan.pdf',
  uploadedAt: '2026-11-29T10:00:00Z',
  statusChangedAt: '2026-11-29T10:00:00Z',
  suggestions: uploadSuggestions,
  transitions: [{ from: null, to: 'uploaded', actorUserId: '11111111-0000-4000-8000-000000000003', actorName: 'Lola Logistics', reason: null, occurredAt: '2026-11-29T10:00:00Z' }],
};

export const complianceEvaluation: Schemas['ComplianceEvaluation'] = {
  shipmentId,
  ruleSetVersion: '2026.1',
  overall: 'non_compliant',
  evaluatedAt: '2026-11-29T10:00:00Z',
  requirements: [
    { documentType: 'bill_of_lading', state: 'pending', documentId: blV2DocumentId, version: 2, message: 'Version 2 is under review.', nextAction: 'A reviewer approves or rejects it.' },
    { documentType: 'commercial_invoice', state: 'satisfied', documentId: invoiceDocumentId, version: 1, message: 'Approved.', nextAction: null },
    { documentType: 'phytosanitary_certificate', state: 'missing', documentId: null, version: null, message: 'No phytosanitary certificate uploaded.', nextAction: 'Upload the phytosanitary certificate from NAQS.' },
    { documentType: 'certificate_of_origin', state: 'failed', documentId: null, version: null, message: 'Expired on 2026-11-01.', nextAction: 'Upload a valid certificate of origin.' },
  ],
  regimes: [
    { code: 'eudr', status: 'pending', findings: [] },
    { code: 'phytosanitary', status: 'failed', findings: [] },
  ],
  findings: [
    {
      ruleId: 'XD-CONTAINERS',
      severity: 'blocking',
      message: 'Container MSKU9070323 is on the B/L but not on the packing list.',
      documentId: blV2DocumentId,
      overrideId: null,
      overrideReason: null,
    },
    {
      ruleId: 'XD-WEIGHTS',
      severity: 'advisory',
      message: 'B/L gross weight differs from the invoice by 6 %.',
      documentId: blV2DocumentId,
      overrideId: '66666666-0000-4000-8000-000000000001',
      overrideReason: 'Invoice weight excludes pallets; confirmed with the buyer.',
    },
  ],
};
