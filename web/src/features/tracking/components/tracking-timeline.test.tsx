import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { eventCodes } from '@/testing/shipment-fixtures';

import { events } from '../testing-fixtures';

import { TrackingTimeline } from './tracking-timeline';

const descriptions = new Map(eventCodes.map((code) => [code.code, code.description]));

function items() {
  render(<TrackingTimeline events={events} descriptions={descriptions} />);
  return within(screen.getByRole('list', { name: 'Tracking events' })).getAllByRole('listitem');
}

describe('TrackingTimeline', () => {
  it('orders events by time and labels DCSA codes from the reference data', () => {
    const labels = items().map((item) => item.querySelector('p.font-medium')?.textContent);
    expect(labels).toEqual([
      'Gated in at the terminal',
      'Vessel departed',
      'Provider code XRAY-7',
      'Discharged from vessel',
      'Vessel arrived',
      'Discharged from vessel',
    ]);
  });

  it('marks estimated and planned events as estimated and leaves actual ones unmarked', () => {
    const [gateIn, departure, , , arrival, plannedDischarge] = items();
    expect(gateIn).not.toHaveTextContent(/estimated/i);
    expect(departure).not.toHaveTextContent(/estimated/i);
    expect(arrival).toHaveTextContent('estimated');
    expect(arrival).toHaveAttribute('data-classifier', 'EST');
    expect(plannedDischarge).toHaveTextContent('planned, estimated');
  });

  it('shows an unknown provider code raw instead of guessing a label', () => {
    const unknown = items()[2]!;
    expect(unknown).toHaveTextContent('Provider code XRAY-7');
    expect(unknown).toHaveTextContent('Algeciras (ESALG)');
  });

  it('marks derived events and strikes through retracted ones', () => {
    const [, departure, , retracted] = items();
    expect(departure).toHaveTextContent('derived');
    expect(departure).toHaveTextContent('MAERSK GUAYAQUIL / 611N');
    expect(retracted).toHaveTextContent('retracted');
    expect(retracted!.querySelector('del')).toHaveTextContent('Discharged from vessel');
    expect(departure!.querySelector('del')).toBeNull();
  });

  it('says so when there are no events', () => {
    render(<TrackingTimeline events={[]} descriptions={descriptions} />);
    expect(screen.getByText('No tracking events yet.')).toBeInTheDocument();
  });
});
