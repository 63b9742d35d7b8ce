/**
 * GET/PUT /api/organization/settings (docs/architecture/documents-compliance-eudr.md), written by hand until the
 * lead regenerates `src/lib/api/schema.d.ts`; it will then be replaced by the generated type.
 */
export interface OrganizationSettings {
  tracesNumber: string | null;
}
