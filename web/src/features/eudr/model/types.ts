/**
 * Shapes of the EUDR API (docs/architecture/documents-compliance-eudr.md), written by hand until the lead
 * regenerates `src/lib/api/schema.d.ts` from the merged backend; they will then be replaced by the generated ones.
 * Where the contract names a field without its shape (origins, DDS references), the shape here is the one the
 * EUDR backend was asked for; see the web report.
 */
export type EudrStatus = 'not_applicable' | 'incomplete' | 'failed' | 'passed';
export type RiskLevel = 'low' | 'standard' | 'high';

export interface ChecklistItem {
  code: string;
  satisfied: boolean;
  message: string;
}

export interface Origin {
  id: string;
  /** The producer's or plot's name, from the feature's properties. */
  name: string | null;
  countryCode: string;
  geometry: GeoJSON.Point | GeoJSON.Polygon | GeoJSON.MultiPolygon;
  areaHa: number | null;
  productionDate: string | null;
  productionStart: string | null;
  productionEnd: string | null;
  linePositions: number[];
  /** Country risk of the plot (EU classification). */
  riskLevel: RiskLevel;
  /** False when the plot fails a rule (e.g. produced after the cut-off, polygon needed above 4 ha). */
  valid: boolean;
  problems: string[];
}

export interface DdsReference {
  id: string;
  referenceNumber: string;
  verificationNumber: string;
  filedAt: string;
  recordedAt: string;
  recordedByName: string | null;
  amendableUntil: string;
}

export interface ShipmentEudr {
  applicable: boolean;
  status: EudrStatus;
  riskLevel: RiskLevel | null;
  checklist: ChecklistItem[];
  origins: Origin[];
  ddsReferences: DdsReference[];
}

export interface GeoJsonIssue {
  code: string;
  severity: 'error' | 'warning';
  /** 0-based index of the feature in the collection, or null for the document as a whole. */
  feature: number | null;
  /** Where in the feature, e.g. `coordinates[0][3]`. */
  position: string | null;
  message: string;
}

export interface ValidationReport {
  valid: boolean;
  issues: GeoJsonIssue[];
  repairs: { code: string; message: string }[];
  repaired: GeoJSON.GeoJSON | null;
  plots: { feature: number; geometryType: string; areaHa: number | null; countryCode: string | null }[];
}

export interface SaveOriginsRequest {
  geojson: unknown;
  productionDate?: string;
  productionStart?: string;
  productionEnd?: string;
  linePositions: number[];
  acceptRepairs: boolean;
}

export interface DdsReferenceRequest {
  referenceNumber: string;
  verificationNumber: string;
  filedAt: string;
}

/** A product line of the shipment, as the app passes it in (shipments are another feature). */
export interface LineOption {
  position: number;
  label: string;
}
