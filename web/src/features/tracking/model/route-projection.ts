import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';

import type { LastKnownPosition, RouteStop, TrackingRoute } from '../api/types';

export interface MapSize {
  width: number;
  height: number;
}

export type LonLat = [number, number];

export interface ProjectedRoute {
  projection: GeoProjection;
  stops: (RouteStop & { x: number; y: number })[];
  lastKnown: (LastKnownPosition & { x: number; y: number }) | null;
  /** SVG path through the stops in order; empty with fewer than two stops. */
  line: string;
}

/** Smallest box around the points, widened so a short route keeps some geography around it. */
export function routeBounds(points: readonly LonLat[]): [LonLat, LonLat] {
  if (points.length === 0) return [[-170, -60], [170, 75]];
  const lons = points.map(([lon]) => lon);
  const lats = points.map(([, lat]) => lat);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const lonMargin = Math.max(4, (maxLon - minLon) * 0.2);
  const latMargin = Math.max(4, (maxLat - minLat) * 0.2);
  const clampLat = (lat: number) => Math.max(-80, Math.min(80, lat));
  return [
    [Math.max(-180, minLon - lonMargin), clampLat(minLat - latMargin)],
    [Math.min(180, maxLon + lonMargin), clampLat(maxLat + latMargin)],
  ];
}

/**
 * A Mercator projection fitted to the route's widened bounding box inside the map, clipped to it.
 * Routes across the antimeridian are not handled (TraceHub's lanes are West Africa ↔ Europe).
 */
export function fitRouteProjection(points: readonly LonLat[], { width, height }: MapSize, padding = 16): GeoProjection {
  const [[west, south], [east, north]] = routeBounds(points);
  const corners: GeoJSON.MultiPoint = {
    type: 'MultiPoint',
    coordinates: [
      [west, south],
      [east, north],
      [west, north],
      [east, south],
    ],
  };
  return geoMercator()
    .fitExtent(
      [
        [padding, padding],
        [width - padding, height - padding],
      ],
      corners,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

function routePoints(route: TrackingRoute): LonLat[] {
  const points: LonLat[] = route.stops.map((stop) => [stop.longitude, stop.latitude]);
  if (route.lastKnown) points.push([route.lastKnown.longitude, route.lastKnown.latitude]);
  return points;
}

export function projectRoute(route: TrackingRoute, size: MapSize): ProjectedRoute {
  const projection = fitRouteProjection(routePoints(route), size);
  const at = (lon: number, lat: number) => {
    const [x, y] = projection([lon, lat]) ?? [Number.NaN, Number.NaN];
    return { x, y };
  };
  const line: GeoJSON.LineString = {
    type: 'LineString',
    coordinates: route.stops.map((stop) => [stop.longitude, stop.latitude]),
  };
  return {
    projection,
    stops: route.stops.map((stop) => ({ ...stop, ...at(stop.longitude, stop.latitude) })),
    lastKnown: route.lastKnown ? { ...route.lastKnown, ...at(route.lastKnown.longitude, route.lastKnown.latitude) } : null,
    line: route.stops.length >= 2 ? (geoPath(projection)(line) ?? '') : '',
  };
}
