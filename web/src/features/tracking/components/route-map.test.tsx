import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { tracking } from '../testing-fixtures';

import { RouteMap } from './route-map';

describe('RouteMap', () => {
  it('shows a stop role it has no label for as sent, and no position when lastKnown is null', () => {
    const [loading] = tracking.route.stops;
    render(<RouteMap route={{ stops: [loading!, { ...loading!, unlocode: 'GHTEM', name: 'Tema', role: 'bunkering' }], lastKnown: null }} />);

    const map = screen.getByRole('img', { name: 'Route map' });
    expect(map).toHaveAccessibleDescription('Port of loading: Apapa (NGAPP). bunkering: Tema (GHTEM). No known position yet');
    expect(screen.queryByTestId('last-known-marker')).not.toBeInTheDocument();
  });
});
