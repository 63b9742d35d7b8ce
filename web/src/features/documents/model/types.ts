/**
 * Shapes of the documents API (docs/architecture/documents-compliance-eudr.md), written by hand until the lead
 * regenerates `src/lib/api/schema.d.ts` from the merged backend; they will then be replaced by the generated ones.
 */
export type DocumentStatus = 'uploaded' | 'under_review' | 'approved' | 'rejected' | 'superseded' | 'archived';

export interface DocumentTypeField {
  key: string;
  label: string;
  /** e.g. `text`, `date`, `number`, `country`, `list` (comma-separated). */
  kind: string;
}

export interface DocumentType {
  code: string;
  name: string;
  typicalIssuer: string | null;
  hasExpiry: boolean;
  fields: DocumentTypeField[];
}

export interface DocumentMetadata {
  referenceNumber: string | null;
  issueDate: string | null;
  expiryDate: string | null;
  issuer: string | null;
  fields: Record<string, string>;
}

export interface Duplicate {
  kind: 'same_file' | 'same_reference';
  shipmentId: string;
  shipmentReference?: string | null;
  documentId: string;
}

export interface ShipmentDocument {
  id: string;
  type: string;
  version: number;
  status: DocumentStatus;
  current: boolean;
  metadata: DocumentMetadata;
  sha256: string;
  sizeBytes: number;
  contentType: string;
  originalName: string;
  uploadedAt: string;
  uploadedBy: string;
  duplicates: Duplicate[];
}

export interface Suggestions {
  types: { code: string; score: number }[];
  referenceNumbers: string[];
  containerNumbers: string[];
  hsCodes: string[];
  ports: string[];
  weightsKg: number[];
}

export interface Transition {
  from: DocumentStatus | null;
  to: DocumentStatus;
  actorUserId: string;
  actorName: string | null;
  reason: string | null;
  occurredAt: string;
}

/** POST /shipments/{id}/documents → 201: the new version and what was found in it. */
export type UploadedDocument = ShipmentDocument & { suggestions: Suggestions | null };

/** GET /documents/{docId}. */
export type DocumentDetail = ShipmentDocument & { transitions: Transition[]; suggestions: Suggestions | null };

export interface MetadataRequest {
  referenceNumber: string | null;
  issueDate: string | null;
  expiryDate: string | null;
  issuer: string | null;
  fields: Record<string, string>;
}

export interface TransitionRequest {
  to: DocumentStatus;
  reason?: string | null;
}
