import { useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { Button, Card, Input, ProblemAlert, Select, Spinner, Table, TBody, Td, Th, THead, Tr } from '@/components/ui';

import { useAnalyticsBreakdown, useAnalyticsSummary, useAnalyticsTrends } from '../api/get-analytics';
import { readFilters, writeFilters, type AnalyticsFilters } from '../model/filters';
import { bucketLabel, days, percent } from '../model/format';

import { FigureTile } from './figure-link';
import { ListLink } from './list-link';

/** Until the container is measured (and in tests, where nothing is laid out). */
const chartSize = { width: 640, height: 240 };

const statusLabels: Record<string, string> = {
  draft: 'Draft',
  docs_pending: 'Documents pending',
  docs_complete: 'Documents complete',
  in_transit: 'In transit',
  arrived: 'Arrived',
  customs: 'In customs',
  delivered: 'Delivered',
  archived: 'Archived',
};

/** /analytics: filters in the URL, headline figures, charts each with a data table, per buyer and product. */
export function AnalyticsPage() {
  const [search, setSearch] = useSearchParams();
  const filters = readFilters(search);
  const summary = useAnalyticsSummary(filters);
  const trends = useAnalyticsTrends(filters);
  const buyers = useAnalyticsBreakdown('buyer', filters);
  const products = useAnalyticsBreakdown('product', filters);

  function change(changes: Partial<AnalyticsFilters>) {
    setSearch(writeFilters({ ...filters, ...changes }), { replace: true });
  }

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">Analytics</h1>
      <section aria-label="Filters" className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <Labelled id="analytics-from" label="From">
            <Input id="analytics-from" type="date" value={filters.from} onChange={(e) => change({ from: e.target.value })} />
          </Labelled>
          <Labelled id="analytics-to" label="To">
            <Input id="analytics-to" type="date" value={filters.to} onChange={(e) => change({ to: e.target.value })} />
          </Labelled>
          <Labelled id="analytics-buyer" label="Buyer">
            <Select id="analytics-buyer" value={filters.buyerId} onChange={(e) => change({ buyerId: e.target.value })}>
              <option value="">All buyers</option>
              {(buyers.data?.groups ?? []).map((group) => (
                <option key={group.key} value={group.key}>
                  {group.name}
                </option>
              ))}
            </Select>
          </Labelled>
          <Labelled id="analytics-product" label="Product">
            <Select id="analytics-product" value={filters.productCode} onChange={(e) => change({ productCode: e.target.value })}>
              <option value="">All products</option>
              {(products.data?.groups ?? []).map((group) => (
                <option key={group.key} value={group.key}>
                  {group.name}
                </option>
              ))}
            </Select>
          </Labelled>
          <Labelled id="analytics-granularity" label="Trend buckets">
            <Select
              id="analytics-granularity"
              value={filters.granularity}
              onChange={(e) => change({ granularity: e.target.value === 'month' ? 'month' : 'week' })}
            >
              <option value="week">Weeks</option>
              <option value="month">Months</option>
            </Select>
          </Labelled>
        </div>
        <div className="mt-3">
          <Button variant="secondary" onClick={() => setSearch(new URLSearchParams(), { replace: true })}>
            Reset filters
          </Button>
        </div>
      </section>

      {summary.error && <ProblemAlert error={summary.error} />}
      {!summary.data && !summary.error && <Spinner label="Loading figures" />}
      {summary.data && (
        <>
          <p className="text-sm text-slate-600">
            Arrival figures cover {summary.data.period.from} to {summary.data.period.to} (UTC); the others describe today.
            Every figure opens the shipments it counts.
          </p>
          <section aria-label="Figures" className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
            <FigureTile label="Active shipments" value={summary.data.total.count} list={summary.data.total.list} />
            <FigureTile label="In transit" value={summary.data.inTransit.count} list={summary.data.inTransit.list} />
            <FigureTile
              label="Arriving this week"
              value={summary.data.arrivingThisWeek.count}
              list={summary.data.arrivingThisWeek.list}
              detail="ISO week, Monday to Sunday, UTC"
            />
            <FigureTile
              label="Average transit"
              value={days(summary.data.averageTransitDays.days)}
              list={summary.data.averageTransitDays.list}
              detail={`ATD to ATA of ${summary.data.averageTransitDays.count} arrivals`}
            />
            <FigureTile
              label="On-time rate"
              value={percent(summary.data.onTime.rate)}
              list={summary.data.onTime.onTime.list}
              detail={`${summary.data.onTime.onTime.count} on time, ${summary.data.onTime.late.count} late (vs first ETA)`}
            />
            <FigureTile
              label="Compliance rate"
              value={percent(summary.data.compliance.rate)}
              list={summary.data.compliance.compliant.list}
              detail={`${summary.data.compliance.compliant.count} of ${summary.data.total.count} compliant`}
            />
            <FigureTile
              label="Non-compliant"
              value={summary.data.compliance.nonCompliant.count}
              list={summary.data.compliance.nonCompliant.list}
            />
            <FigureTile
              label="Documents awaiting review"
              value={summary.data.documentsAwaitingReview.documents}
              list={summary.data.documentsAwaitingReview.list}
              detail={`on ${summary.data.documentsAwaitingReview.count} shipments`}
            />
            <FigureTile
              label="Certificates expiring (30 days)"
              value={summary.data.certificatesExpiring.documents}
              list={summary.data.certificatesExpiring.list}
              detail={`on ${summary.data.certificatesExpiring.count} shipments`}
            />
            <FigureTile label="ETA slips" value={summary.data.etaSlips.count} list={summary.data.etaSlips.list} />
          </section>

          <Card title="Shipments by status">
            <div role="img" aria-label="Bar chart of shipments by status; the table below has the same numbers" className="h-64">
              <ResponsiveContainer width="100%" height="100%" initialDimension={chartSize}>
                <BarChart data={summary.data.byStatus.map((s) => ({ name: statusLabels[s.status] ?? s.status, count: s.count }))}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="name" fontSize={12} />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Bar dataKey="count" name="Shipments" fill="#0369a1" />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium text-sky-700">Shipments by status as a table</summary>
              <Table caption="Shipments by status" className="mt-2">
                <THead>
                  <Tr>
                    <Th>Status</Th>
                    <Th>Shipments</Th>
                  </Tr>
                </THead>
                <TBody>
                  {summary.data.byStatus.map((s) => (
                    <Tr key={s.status}>
                      <Td>{statusLabels[s.status] ?? s.status}</Td>
                      <Td>
                        <ListLink list={s.list} count={s.count} />
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </details>
          </Card>
        </>
      )}

      <Card title="Trends">
        {trends.error && <ProblemAlert error={trends.error} />}
        {!trends.data && !trends.error && <Spinner label="Loading trends" />}
        {trends.data && (
          <>
            <div
              role="img"
              aria-label="Line chart of shipments created, departed and arrived per bucket; the table below has the same numbers"
              className="h-64"
            >
              <ResponsiveContainer width="100%" height="100%" initialDimension={chartSize}>
                <LineChart
                  data={trends.data.buckets.map((b) => ({
                    name: bucketLabel(b.start, filters.granularity),
                    created: b.created.count,
                    departed: b.departed.count,
                    arrived: b.arrived.count,
                  }))}
                >
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="name" fontSize={12} />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Line type="monotone" dataKey="created" name="Created" stroke="#64748b" />
                  <Line type="monotone" dataKey="departed" name="Departed" stroke="#0369a1" />
                  <Line type="monotone" dataKey="arrived" name="Arrived" stroke="#15803d" />
                </LineChart>
              </ResponsiveContainer>
            </div>
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium text-sky-700">Trends as a table</summary>
              <Table caption="Trends" className="mt-2">
                <THead>
                  <Tr>
                    <Th>{filters.granularity === 'week' ? 'Week' : 'Month'}</Th>
                    <Th>Created</Th>
                    <Th>Departed</Th>
                    <Th>Arrived</Th>
                    <Th>On time</Th>
                    <Th>Departed compliant</Th>
                  </Tr>
                </THead>
                <TBody>
                  {trends.data.buckets.map((b) => (
                    <Tr key={b.start}>
                      <Td>{bucketLabel(b.start, filters.granularity)}</Td>
                      <Td>
                        <ListLink list={b.created.list} count={b.created.count} />
                      </Td>
                      <Td>
                        <ListLink list={b.departed.list} count={b.departed.count} />
                      </Td>
                      <Td>
                        <ListLink list={b.arrived.list} count={b.arrived.count} />
                      </Td>
                      <Td>
                        <ListLink list={b.onTime.onTime.list} count={b.onTime.onTime.count} /> ({percent(b.onTime.rate)})
                      </Td>
                      <Td>
                        <ListLink list={b.departedCompliant.list} count={b.departedCompliant.count} /> ({percent(b.complianceRate)})
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </details>
          </>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <BreakdownCard title="Per buyer" query={buyers} />
        <BreakdownCard title="Per product" query={products} />
      </div>
    </div>
  );
}

function BreakdownCard({ title, query }: { title: string; query: ReturnType<typeof useAnalyticsBreakdown> }) {
  return (
    <Card title={title}>
      {query.error && <ProblemAlert error={query.error} />}
      {!query.data && !query.error && <Spinner label={`Loading ${title.toLowerCase()}`} />}
      {query.data && query.data.groups.length === 0 && <p className="text-sm text-slate-600">No shipments.</p>}
      {query.data && query.data.groups.length > 0 && (
        <>
          <div role="img" aria-label={`Bar chart of shipments ${title.toLowerCase()}; the table below has the same numbers`} className="h-56">
            <ResponsiveContainer width="100%" height="100%" initialDimension={chartSize}>
              <BarChart data={query.data.groups.map((g) => ({ name: g.name, total: g.total.count, inTransit: g.inTransit.count }))}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" fontSize={12} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="total" name="Active" fill="#0369a1" />
                <Bar dataKey="inTransit" name="In transit" fill="#f59e0b" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Table caption={`Shipments ${title.toLowerCase()}`} className="mt-3">
            <THead>
              <Tr>
                <Th>{title === 'Per buyer' ? 'Buyer' : 'Product'}</Th>
                <Th>Active</Th>
                <Th>In transit</Th>
                <Th>Compliant</Th>
                <Th>On time</Th>
                <Th>Avg transit</Th>
              </Tr>
            </THead>
            <TBody>
              {query.data.groups.map((g) => (
                <Tr key={g.key}>
                  <Td>{g.name}</Td>
                  <Td>
                    <ListLink list={g.total.list} count={g.total.count} />
                  </Td>
                  <Td>
                    <ListLink list={g.inTransit.list} count={g.inTransit.count} />
                  </Td>
                  <Td>
                    <ListLink list={g.compliant.list} count={g.compliant.count} /> ({percent(g.complianceRate)})
                  </Td>
                  <Td>
                    <ListLink list={g.onTime.onTime.list} count={g.onTime.onTime.count} /> ({percent(g.onTime.rate)})
                  </Td>
                  <Td>{days(g.averageTransitDays.days)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </>
      )}
    </Card>
  );
}

function Labelled({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
    </div>
  );
}
