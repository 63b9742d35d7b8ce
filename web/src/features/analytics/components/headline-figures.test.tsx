import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { analyticsSummary } from '@/testing/analytics-fixtures';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';

import { HeadlineFigures } from './headline-figures';

describe('HeadlineFigures', () => {
  it('shows the summary figures, each opening its filtered list, and links to the analytics page', async () => {
    renderWithProviders(<HeadlineFigures analyticsPath="/analytics" />);
    expect(await screen.findByTestId('headline-in-transit')).toHaveAttribute('href', '/shipments?status=in_transit');
    expect(screen.getByTestId('headline-in-transit')).toHaveTextContent('2');
    expect(screen.getByTestId('headline-eta-slips')).toHaveAttribute('href', '/shipments?attention=eta_slipped');
    expect(screen.getByTestId('headline-expiring')).toHaveTextContent('on 1 shipments');
    expect(screen.getByTestId('headline-arriving')).toHaveAttribute(
      'href',
      expect.stringContaining('etaFrom=2026-11-30T00:00:00Z'),
    );
    expect(screen.getByRole('link', { name: 'All analytics' })).toHaveAttribute('href', '/analytics');
  });

  it('shows no invented rate when there is nothing to compare', async () => {
    server.use(
      http.get('/api/analytics/summary', () =>
        HttpResponse.json({
          ...analyticsSummary,
          onTime: { ...analyticsSummary.onTime, rate: undefined },
          compliance: { ...analyticsSummary.compliance, rate: undefined },
        }),
      ),
    );
    renderWithProviders(<HeadlineFigures />);
    expect(await screen.findByTestId('headline-compliance')).toHaveTextContent('–');
    expect(screen.getByTestId('headline-on-time')).toHaveTextContent('–');
  });
});
