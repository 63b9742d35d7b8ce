import type { Schemas } from '@/lib/api/types';

/**
 * The EUDR API's shapes, from the generated schema (`EudrController` records). Where the backend returns a
 * Jackson `JsonNode` (a plot's GeoJSON feature, the repaired file) the schema cannot say more than "JSON",
 * so those fields are narrowed here to the GeoJSON they are.
 */
/** `EudrAssessment.status`: a plain string in the schema. */
export type EudrStatus = 'not_applicable' | 'incomplete' | 'failed' | 'passed';
/** `EudrAssessment.riskLevel`: a plain string in the schema; null when not applicable. */
export type RiskLevel = 'low' | 'standard' | 'high';
/** What the caller may do (`EudrView.actions`, decided by the server from organisation and role). */
export type EudrAction = 'add_origins' | 'record_dds' | 'download_package';

export type ChecklistItem = Schemas['ChecklistItem'];

export type PlotGeometry = GeoJSON.Point | GeoJSON.Polygon | GeoJSON.MultiPolygon;
/** An RFC 7946 Feature as the validator accepted and stored it (properties included). */
export type PlotFeature = GeoJSON.Feature<PlotGeometry, GeoJSON.GeoJsonProperties>;

/** A saved plot: `OriginView`. The validation state is re-checked on every read. */
export type Origin = Omit<Schemas['OriginView'], 'feature'> & { feature: PlotFeature };

export type DdsReference = Schemas['DdsView'];
export type DdsReferenceRequest = Schemas['DdsRequest'];

/** GET /api/shipments/{id}/eudr. */
export type ShipmentEudr = Omit<Schemas['EudrView'], 'origins'> & { origins: Origin[] };

/** One validator issue; `feature` is 1-based, `severity` is `error` or `advisory`. */
export type GeoJsonIssue = Schemas['Issue'];
export type GeoJsonRepair = Schemas['Repair'];
export type ReportPlot = Omit<Schemas['Plot'], 'feature'> & { feature: PlotFeature };

/** POST /api/eudr/geojson/validate, and `validation` of a save. */
export type ValidationReport = Omit<Schemas['GeoJsonReport'], 'repaired' | 'plots'> & {
  repaired?: GeoJSON.GeoJSON | null;
  plots: ReportPlot[];
};

/** POST …/eudr/origins: `geojson` is the parsed GeoJSON object (the server also takes its text). */
export type SaveOriginsRequest = Omit<Schemas['OriginsRequest'], 'geojson'> & { geojson: unknown };
export type OriginsSaved = Omit<Schemas['OriginsSaved'], 'eudr' | 'validation'> & { eudr: ShipmentEudr; validation: ValidationReport };

/** A product line of the shipment, as the app passes it in (shipments are another feature). */
export interface LineOption {
  position: number;
  label: string;
}
