import { geoArea } from 'd3-geo';
import { describe, expect, it } from 'vitest';

import { shipmentEudr } from '@/testing/eudr-fixtures';

import { forD3, plotProjection, projectPlots } from './plot-map';
import type { Origin } from './types';

// The schema types features as JsonNode; the fixtures hold GeoJSON Features.
const origins = shipmentEudr.origins as unknown as Origin[];

describe('plot map projection', () => {
  it('turns an RFC 7946 (counter-clockwise) polygon round so d3 draws the plot, not the rest of the globe', () => {
    const polygon = origins[1]!.feature.geometry;
    expect(geoArea(polygon)).toBeGreaterThan(2 * Math.PI);
    expect(geoArea(forD3(polygon))).toBeLessThan(1e-4);
    // Already clockwise: unchanged.
    expect(forD3(forD3(polygon))).toEqual(forD3(polygon));
  });

  it('places points and polygon centroids inside the map, near each other', () => {
    const projection = plotProjection(origins, { width: 640, height: 360 });
    const plots = projectPlots(origins, projection);
    for (const plot of plots) {
      expect(plot.x).toBeGreaterThan(0);
      expect(plot.x).toBeLessThan(640);
      expect(plot.y).toBeGreaterThan(0);
      expect(plot.y).toBeLessThan(360);
    }
    expect(plots[0]!.path).toBeNull();
    expect(plots[1]!.path).toMatch(/^M/);
    expect(Math.hypot(plots[0]!.x - plots[1]!.x, plots[0]!.y - plots[1]!.y)).toBeLessThan(200);
  });
});
