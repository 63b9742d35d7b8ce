import { useMemo } from 'react';

import { landPath, plotProjection, projectPlots, riskColours, riskLabels } from '../model/plot-map';
import type { Origin, RiskLevel } from '../model/types';

const size = { width: 640, height: 360 };
const levels: RiskLevel[] = ['low', 'standard', 'high'];

export function plotName(origin: Origin, index: number) {
  return origin.producerName ?? origin.productionPlace ?? `Plot ${index + 1}`;
}

/**
 * Plots on the offline world map: polygons outlined, points as dots; coloured by the shipment's risk level (the
 * API gives risk per shipment, not per plot), and invalid plots dashed with a cross, so validity and risk also
 * read without colour (legend below).
 */
export function PlotMap({ origins, riskLevel }: { origins: readonly Origin[]; riskLevel: RiskLevel }) {
  const projection = useMemo(() => plotProjection(origins, size), [origins]);
  const land = useMemo(() => landPath(projection), [projection]);
  const plots = useMemo(() => projectPlots(origins, projection), [origins, projection]);

  return (
    <figure className="space-y-2">
      <svg
        role="img"
        aria-label="Map of the plots"
        aria-describedby="plot-map-legend"
        viewBox={`0 0 ${size.width} ${size.height}`}
        className="h-auto w-full rounded-md border border-slate-200 bg-sky-50"
      >
        <path d={land} fill="#e2e8f0" stroke="#94a3b8" strokeWidth={0.5} />
        {plots.map(({ origin, path, x, y }, index) => {
          const colour = riskColours[riskLevel];
          return (
            <g key={origin.id} data-testid="plot" data-kind={path === null ? 'point' : 'polygon'} data-valid={origin.valid}>
              <title>{`${plotName(origin, index)}: ${riskLabels[riskLevel]}${origin.valid ? '' : ', invalid'}`}</title>
              {path !== null && (
                <path d={path} fill={colour} fillOpacity={0.35} stroke={colour} strokeWidth={2} strokeDasharray={origin.valid ? undefined : '4 3'} />
              )}
              <circle cx={x} cy={y} r={path === null ? 5 : 3} fill={colour} stroke="#fff" strokeWidth={1.5} />
              {!origin.valid && (
                <text x={x + 6} y={y - 6} fontSize={14} fontWeight={700} fill="#7f1d1d" stroke="#fff" strokeWidth={3} paintOrder="stroke">
                  ✕
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption id="plot-map-legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-800">
        {levels.map((level) => (
          <span key={level} className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ backgroundColor: riskColours[level] }} />
            {riskLabels[level]}
          </span>
        ))}
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="font-bold text-red-900">
            ✕
          </span>
          Invalid plot (dashed outline)
        </span>
        <span>● point · ▭ polygon</span>
      </figcaption>
    </figure>
  );
}
