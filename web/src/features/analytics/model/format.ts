/**
 * The API names each figure's members as a shipment-list query (`/api/shipments?…`); the web list at
 * `/shipments` reads the same parameters.
 */
export function listLink(apiList: string): string {
  return apiList.replace(/^\/api\/shipments/, '/shipments');
}

/** A share as a whole percentage; no data is "–", never 0 %. */
export function percent(rate: number | null | undefined): string {
  return rate == null ? '–' : `${Math.round(rate * 100)} %`;
}

export function days(value: number | null | undefined): string {
  return value == null ? '–' : `${value.toFixed(1)} days`;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A bucket's label: "3 Nov" for a week (its Monday), "Nov 2026" for a month. */
export function bucketLabel(start: string, granularity: 'week' | 'month'): string {
  const date = new Date(`${start}T00:00:00Z`);
  return granularity === 'week' ? `Week of ${dayFormat.format(date)}` : monthFormat.format(date);
}
