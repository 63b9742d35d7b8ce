import { geoArea, geoBounds, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import atlas from 'world-atlas/land-110m.json';

import type { Origin, PlotGeometry, RiskLevel } from './types';

type Topology = Parameters<typeof feature>[0];

/** Natural Earth 1:110m land, bundled: the map works offline, like the tracking route map. */
const land = feature(atlas as unknown as Topology, 'land');

export interface MapSize {
  width: number;
  height: number;
}

/** Risk colours that keep AA contrast against the map, always shown with a word in the legend. */
export const riskColours: Record<RiskLevel, string> = { low: '#047857', standard: '#b45309', high: '#b91c1c' };
export const riskLabels: Record<RiskLevel, string> = { low: 'Low risk', standard: 'Standard risk', high: 'High risk' };

/**
 * Mercator fitted to the plots, widened to at least ~2° so a few hectares still show the surrounding coast;
 * the whole tropics when there are no plots.
 */
/**
 * GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3-geo reads rings on the sphere and takes a
 * counter-clockwise ring as everything *outside* it. A plot of a few hectares never covers half the globe, so
 * a polygon whose spherical area exceeds a hemisphere is turned round.
 */
export function forD3(geometry: PlotGeometry): PlotGeometry {
  if (geometry.type === 'Point') return geometry;
  const reverse = (rings: GeoJSON.Position[][]) => rings.map((ring) => [...ring].reverse());
  if (geometry.type === 'Polygon') {
    return geoArea(geometry) > 2 * Math.PI ? { ...geometry, coordinates: reverse(geometry.coordinates) } : geometry;
  }
  return {
    ...geometry,
    coordinates: geometry.coordinates.map((polygon) =>
      geoArea({ type: 'Polygon', coordinates: polygon }) > 2 * Math.PI ? reverse(polygon) : polygon,
    ),
  };
}

export function plotProjection(origins: readonly Origin[], { width, height }: MapSize, padding = 16): GeoProjection {
  let [[west, south], [east, north]] = [
    [-20, -15],
    [50, 15],
  ];
  if (origins.length > 0) {
    const collection: GeoJSON.FeatureCollection = {
      type: 'FeatureCollection',
      features: origins.map((origin) => ({ type: 'Feature', geometry: forD3(origin.feature.geometry), properties: {} })),
    };
    [[west, south], [east, north]] = geoBounds(collection);
    const lonPad = Math.max(1, (east - west) * 0.2);
    const latPad = Math.max(1, (north - south) * 0.2);
    [west, east, south, north] = [west - lonPad, east + lonPad, south - latPad, north + latPad];
  }
  const corners: GeoJSON.MultiPoint = { type: 'MultiPoint', coordinates: [[west, south], [east, north], [west, north], [east, south]] };
  return geoMercator()
    .fitExtent([[padding, padding], [width - padding, height - padding]], corners)
    .clipExtent([[0, 0], [width, height]]);
}

export function landPath(projection: GeoProjection): string {
  return geoPath(projection)(land) ?? '';
}

export interface ProjectedPlot {
  origin: Origin;
  /** Polygon outline, or null for a point. */
  path: string | null;
  x: number;
  y: number;
}

export function projectPlots(origins: readonly Origin[], projection: GeoProjection): ProjectedPlot[] {
  const path = geoPath(projection);
  return origins.map((origin) => {
    const geometry = forD3(origin.feature.geometry);
    const [x, y] = path.centroid(geometry);
    return { origin, path: geometry.type === 'Point' ? null : (path(geometry) ?? ''), x, y };
  });
}
