import type { DocumentTransition, DocumentView, Schemas } from '@/lib/api/types';

/** The documents API's shapes, from the generated schema (`DocumentController`, `DocumentView`). */
export type DocumentStatus = Schemas['DocumentStatus'];
/** `kind` is `text`, `date`, `decimal`, `country`, `container_list` or `hs_code_list` (lists comma-separated). */
export type DocumentTypeField = Schemas['Field'];
export type DocumentType = Schemas['DocumentTypeView'];
export type DocumentMetadata = Schemas['DocumentMetadata'];
/** `kind` is `same_file` or `same_reference` (a plain string in the schema). */
export type Duplicate = Schemas['Duplicate'];
export type Suggestions = Schemas['Suggestions'];
export type Transition = DocumentTransition;

/**
 * One version of a document. The same `DocumentView` answers every call: in the shipment's list `transitions`
 * and `suggestions` are null; `GET /documents/{docId}`, the upload (201) and every change fill them.
 */
export type ShipmentDocument = DocumentView;
/** POST /shipments/{id}/documents → 201. */
export type UploadedDocument = ShipmentDocument;
/** GET /documents/{docId}. */
export type DocumentDetail = ShipmentDocument;

export type MetadataRequest = Schemas['MetadataRequest'];
export type TransitionRequest = Schemas['TransitionRequest'];
