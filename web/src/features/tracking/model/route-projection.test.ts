import { describe, expect, it } from 'vitest';

import { tracking } from '../testing-fixtures';

import { fitRouteProjection, projectRoute, routeBounds } from './route-projection';

const size = { width: 640, height: 360 };

describe('route projection', () => {
  it('widens the bounding box of the route by a margin', () => {
    const [[west, south], [east, north]] = routeBounds([
      [3.36, 6.45],
      [9.97, 53.55],
    ]);
    expect(west).toBeLessThan(3.36);
    expect(east).toBeGreaterThan(9.97);
    expect(south).toBeLessThan(6.45);
    expect(north).toBeGreaterThan(53.55);
    expect(north).toBeLessThanOrEqual(80);
  });

  it('keeps a one-port route from zooming in to a point', () => {
    const [[west, south], [east, north]] = routeBounds([[3.36, 6.45]]);
    expect(east - west).toBeGreaterThanOrEqual(7.99);
    expect(north - south).toBeGreaterThanOrEqual(7.99);
  });

  it('fits every stop and the last known position inside the map, within the padding', () => {
    const projected = projectRoute(tracking.route, size);
    const points = [...projected.stops, projected.lastKnown!];
    for (const { x, y } of points) {
      expect(x).toBeGreaterThanOrEqual(16);
      expect(x).toBeLessThanOrEqual(size.width - 16);
      expect(y).toBeGreaterThanOrEqual(16);
      expect(y).toBeLessThanOrEqual(size.height - 16);
    }
  });

  it('puts north up and east right', () => {
    const [apapa, algeciras, hamburg] = projectRoute(tracking.route, size).stops;
    expect(hamburg!.y).toBeLessThan(algeciras!.y);
    expect(algeciras!.y).toBeLessThan(apapa!.y);
    expect(algeciras!.x).toBeLessThan(apapa!.x);
    expect(apapa!.x).toBeLessThan(hamburg!.x);
  });

  it('draws a line through the stops only when there are at least two', () => {
    expect(projectRoute(tracking.route, size).line).toMatch(/^M[\d.]+,[\d.]+/);
    expect(projectRoute({ stops: tracking.route.stops.slice(0, 1), lastKnown: null }, size).line).toBe('');
  });

  it('uses the route, not the whole world, to set the scale', () => {
    const lagosHamburg = fitRouteProjection([[3.36, 6.45], [9.97, 53.55]], size);
    const world = fitRouteProjection([], size);
    expect(lagosHamburg.scale()).toBeGreaterThan(world.scale() * 2);
  });
});
