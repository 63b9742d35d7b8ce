import { Link } from 'react-router';

import { ProblemAlert, Spinner } from '@/components/ui';

import { useAnalyticsSummary } from '../api/get-analytics';
import type { AnalyticsFilters } from '../model/filters';
import { percent } from '../model/format';

import { FigureTile } from './figure-link';

const noFilters: AnalyticsFilters = { from: '', to: '', buyerId: '', productCode: '', granularity: 'week' };

/** The dashboard's headline figures from GET /api/analytics/summary; each links to its list. */
export function HeadlineFigures({ analyticsPath }: { analyticsPath?: string }) {
  const summary = useAnalyticsSummary(noFilters);
  if (summary.error) return <ProblemAlert error={summary.error} />;
  if (!summary.data) return <Spinner label="Loading figures" />;
  const s = summary.data;
  return (
    <section aria-labelledby="headline-figures" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="headline-figures" className="text-lg font-semibold text-slate-900">
          Shipments at a glance
        </h2>
        {analyticsPath && (
          <Link to={analyticsPath} className="text-sm font-medium text-sky-700 underline">
            All analytics
          </Link>
        )}
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <FigureTile label="Active shipments" value={s.total.count} list={s.total.list} testId="headline-total" />
        <FigureTile label="In transit" value={s.inTransit.count} list={s.inTransit.list} testId="headline-in-transit" />
        <FigureTile
          label="Arriving this week"
          value={s.arrivingThisWeek.count}
          list={s.arrivingThisWeek.list}
          testId="headline-arriving"
        />
        <FigureTile
          label="Compliance rate"
          value={percent(s.compliance.rate)}
          list={s.compliance.compliant.list}
          detail={`${s.compliance.compliant.count} of ${s.total.count} compliant`}
          testId="headline-compliance"
        />
        <FigureTile
          label="Documents awaiting review"
          value={s.documentsAwaitingReview.documents}
          list={s.documentsAwaitingReview.list}
          detail={`on ${s.documentsAwaitingReview.count} shipments`}
          testId="headline-awaiting-review"
        />
        <FigureTile
          label="Certificates expiring (30 days)"
          value={s.certificatesExpiring.documents}
          list={s.certificatesExpiring.list}
          detail={`on ${s.certificatesExpiring.count} shipments`}
          testId="headline-expiring"
        />
        <FigureTile label="ETA slips" value={s.etaSlips.count} list={s.etaSlips.list} testId="headline-eta-slips" />
        <FigureTile
          label="On time (90 days)"
          value={percent(s.onTime.rate)}
          list={s.onTime.onTime.list}
          detail={`${s.onTime.onTime.count} on time, ${s.onTime.late.count} late`}
          testId="headline-on-time"
        />
      </div>
    </section>
  );
}
