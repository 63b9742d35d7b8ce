/** Query keys of the documents feature (the one home of each). */
export const documentsKey = ['documents'] as const;
export const shipmentDocumentsKey = (shipmentId: string) => [...documentsKey, 'shipment', shipmentId] as const;
export const documentKey = (documentId: string) => [...documentsKey, 'detail', documentId] as const;

/**
 * The compliance feature's key prefix: a document change makes the server re-evaluate, so the evaluation
 * shown in the checklist and the compliance card is refetched. A literal, since features do not import each other.
 */
export const complianceKeyPrefix = ['compliance'] as const;
