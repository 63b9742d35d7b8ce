import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { problem } from '@/testing/http';
import { LocationProbe, renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';
import { productTypes, shipmentDetail, shipmentId } from '@/testing/shipment-fixtures';

import { ShipmentCreatePage, ShipmentEditPage } from './shipment-form-pages';

function renderCreate() {
  return renderWithProviders(
    <>
      <ShipmentCreatePage />
      <LocationProbe />
    </>,
    { route: '/shipments/new' },
  );
}

describe('shipment form', { timeout: 30_000 }, () => {
  it('checks the ISO 6346 check digit while the number is typed', async () => {
    const { user } = renderCreate();
    await user.click(await screen.findByRole('button', { name: 'Add container' }));
    const number = screen.getByLabelText('Container 1 number');

    await user.type(number, 'MSCU123');
    expect(number).toHaveAccessibleDescription('7 of 11 characters.');
    expect(number).toHaveAttribute('aria-invalid', 'false');

    await user.type(number, '4567');
    expect(number).toHaveAttribute('aria-invalid', 'true');
    expect(number).toHaveAccessibleDescription('The check digit is 7 but should be 6.');

    await user.clear(number);
    await user.type(number, 'csqu 305438-3');
    expect(number).toHaveAttribute('aria-invalid', 'false');
    expect(number).toHaveAccessibleDescription('CSQU3054383: check digit OK.');

    await user.clear(number);
    await user.type(number, 'TBD');
    expect(number).toHaveAccessibleDescription(/placeholder/);
  });

  it('refuses to submit a wrong container number and sends a valid shipment as JSON', async () => {
    let sent: unknown = null;
    server.use(
      http.post('/api/shipments', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ ...shipmentDetail, id: 'new-id' });
      }),
    );
    const { user } = renderCreate();

    await user.type(await screen.findByLabelText('Reference'), 'VIBO-2026-099');
    await screen.findByRole('option', { name: productTypes[0]!.name });
    await user.selectOptions(screen.getByLabelText('Product type'), 'cocoa_beans');
    await user.click(screen.getByRole('button', { name: 'Add container' }));
    await user.type(screen.getByLabelText('Container 1 number'), 'TCNU7654321');
    await user.click(screen.getByRole('button', { name: 'Create shipment' }));

    expect(screen.getByLabelText('Container 1 number')).toHaveAccessibleDescription('The check digit is 1 but should be 8.');
    expect(sent).toBeNull();

    await user.clear(screen.getByLabelText('Container 1 number'));
    await user.type(screen.getByLabelText('Container 1 number'), 'tcnu 765432 8');
    await user.type(screen.getByLabelText('Container 1 gross weight (kg)'), '21500.5');
    await user.click(screen.getByRole('button', { name: 'Create shipment' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/shipments/new-id'));
    expect(sent).toMatchObject({
      reference: 'VIBO-2026-099',
      productType: 'cocoa_beans',
      buyerOrganizationId: null,
      portOfLoading: null,
      containers: [{ number: 'TCNU7654328', isoType: null, sealNumber: null, grossWeightKg: 21500.5 }],
      productLines: [],
    });
  });

  it('puts server field errors such as containers[1].number on the right input', async () => {
    server.use(
      http.get(`/api/shipments/${shipmentId}`, () => HttpResponse.json(shipmentDetail)),
      http.put(`/api/shipments/${shipmentId}`, () =>
        problem(400, 'validation', 'The request has invalid fields.', {
          errors: [
            { field: 'containers[1].number', message: 'Container MRSU3452572 is already on shipment VIBO-2026-002.' },
            { field: 'portOfDischarge', message: 'Not a port we can discharge at.' },
            { field: 'somethingElse', message: 'Listed in the alert.' },
            { field: 'containers[0]', message: 'Whole-row problems stay in the alert.' },
          ],
        }),
      ),
    );
    const { user } = renderWithProviders(<ShipmentEditPage id={shipmentId} />);

    await user.click(await screen.findByRole('button', { name: 'Save changes' }));

    const second = await screen.findByLabelText('Container 2 number');
    await waitFor(() =>
      expect(second).toHaveAccessibleDescription('Container MRSU3452572 is already on shipment VIBO-2026-002.'),
    );
    expect(screen.getByLabelText('Container 1 number')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByRole('combobox', { name: 'Port of discharge' })).toHaveAccessibleDescription(
      'Not a port we can discharge at.',
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The request has invalid fields.');
    expect(alert).toHaveTextContent('somethingElse: Listed in the alert.');
    expect(alert).toHaveTextContent('containers[0]: Whole-row problems stay in the alert.');
    expect(alert).not.toHaveTextContent('already on shipment');
  });

  it('sends the loaded version on save and offers a reload when it is stale', async () => {
    let sentVersion: unknown = null;
    let loads = 0;
    server.use(
      http.get(`/api/shipments/${shipmentId}`, () => {
        loads += 1;
        return HttpResponse.json({ ...shipmentDetail, version: loads === 1 ? 3 : 4, vesselName: loads === 1 ? 'OLD' : 'NEW' });
      }),
      http.put(`/api/shipments/${shipmentId}`, async ({ request }) => {
        sentVersion = ((await request.json()) as { version: number }).version;
        return problem(409, 'stale-version', 'Someone else saved this shipment first.');
      }),
    );
    const { user } = renderWithProviders(<ShipmentEditPage id={shipmentId} />);

    expect(await screen.findByLabelText('Vessel')).toHaveValue('OLD');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const warning = (await screen.findByText('Someone else changed this shipment')).closest('[role="status"]')!;
    expect(warning).toHaveTextContent('Someone else saved this shipment first.');
    expect(sentVersion).toBe(3);
    await user.click(screen.getByRole('button', { name: 'Reload the shipment' }));
    await waitFor(() => expect(screen.getByLabelText('Vessel')).toHaveValue('NEW'));
  });

  it('picks a UN/LOCODE with the keyboard and accepts an unknown but well-formed code with a hint', async () => {
    const { user } = renderCreate();
    const pol = await screen.findByRole('combobox', { name: 'Port of loading' });

    await user.type(pol, 'ham');
    const list = screen.getByRole('listbox', { name: 'Port of loading suggestions' });
    expect(within(list).getAllByRole('option')).toHaveLength(1);
    await user.keyboard('{Enter}');
    expect(pol).toHaveValue('DEHAM');
    expect(pol).toHaveAccessibleDescription('Hamburg (DE)');

    await user.clear(pol);
    await user.type(pol, 'NG');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(pol).toHaveValue('NGTIN');

    await user.clear(pol);
    await user.type(pol, 'GHTKD');
    expect(pol).toHaveAccessibleDescription('GHTKD is not in our list — will be flagged for review.');
    expect(pol).toHaveAttribute('aria-invalid', 'false');
  });
});
