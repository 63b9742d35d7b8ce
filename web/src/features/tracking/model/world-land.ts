import { geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import atlas from 'world-atlas/land-110m.json';

type Topology = Parameters<typeof feature>[0];

/** Natural Earth 1:110m land, bundled with the app: the map needs no tile server and works offline. */
const topology = atlas as unknown as Topology;
const land = feature(topology, 'land');

export function landPath(projection: GeoProjection): string {
  return geoPath(projection)(land) ?? '';
}
