import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { complianceEvaluation, documentTypes } from '@/testing/document-fixtures';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';
import { shipmentId } from '@/testing/shipment-fixtures';

import type { ComplianceEvaluation } from '../model/types';

import { ComplianceCard } from './compliance-card';
import { DocumentFindings } from './document-findings';
import { RequirementChecklist } from './requirement-checklist';

// The fixtures are plain data (testing/ may not import features); cast once to the contract types.
const evaluation: ComplianceEvaluation = complianceEvaluation;
const names = new Map(documentTypes.map((t) => [t.code, t.name]));
const overridesUrl = `/api/shipments/${shipmentId}/compliance/overrides`;

describe('RequirementChecklist', () => {
  it('shows each required type with its state in words, its message and what to do next', async () => {
    renderWithProviders(<RequirementChecklist shipmentId={shipmentId} typeNames={names} />);
    const items = within(await screen.findByRole('list', { name: 'Required documents' })).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-state'))).toEqual(['pending', 'satisfied', 'missing', 'failed']);
    expect(items[0]).toHaveTextContent('Bill of lading');
    expect(items[0]).toHaveTextContent('v2');
    expect(items[0]).toHaveTextContent('Pending review');
    expect(items[0]).toHaveTextContent('Next: A reviewer approves or rejects it.');
    expect(items[1]).toHaveTextContent('Satisfied');
    expect(items[1]).not.toHaveTextContent('Next:');
    expect(items[2]).toHaveTextContent('Missing');
    expect(items[2]).toHaveTextContent('Upload the phytosanitary certificate from NAQS.');
    expect(items[3]).toHaveTextContent('Failed');
    expect(items[3]).toHaveTextContent('Expired on 2026-11-01.');
  });

  it('humanises type codes when no names are given, and says when nothing is required', async () => {
    const first = renderWithProviders(<RequirementChecklist shipmentId={shipmentId} />);
    expect(await screen.findByText('Phytosanitary certificate')).toBeInTheDocument();
    first.unmount();
    server.use(http.get(`/api/shipments/${shipmentId}/compliance`, () => HttpResponse.json({ ...evaluation, requirements: [] })));
    renderWithProviders(<RequirementChecklist shipmentId={shipmentId} />);
    expect(await screen.findByText('No documents are required for this shipment.')).toBeInTheDocument();
  });
});

describe('ComplianceCard', () => {
  it('shows overall, rule-set version, regimes, counts by state and findings with overrides', async () => {
    renderWithProviders(<ComplianceCard shipmentId={shipmentId} canOverride={false} />);
    expect(await screen.findByTestId('compliance-overall')).toHaveTextContent('Non-compliant');
    expect(screen.getByText(/Rule set/)).toHaveTextContent('2026.1');
    for (const state of ['satisfied', 'pending', 'missing', 'failed']) expect(screen.getByTestId(`count-${state}`)).toHaveTextContent('1');
    const regimes = within(screen.getByRole('list', { name: 'Regimes' })).getAllByRole('listitem');
    expect(regimes.map((r) => r.textContent)).toEqual(['EUDR:Pending', 'Phytosanitary:Failed']);
    const findings = within(screen.getByRole('list', { name: 'Compliance findings' })).getAllByRole('listitem');
    expect(findings[0]).toHaveTextContent('Blocking');
    expect(findings[0]).toHaveTextContent('XD-CONTAINERS');
    expect(findings[1]).toHaveTextContent('Advisory');
    expect(findings[1]).toHaveTextContent('Overridden');
    expect(findings[1]).toHaveTextContent('Override reason: Invoice weight excludes pallets');
    expect(screen.queryByRole('button', { name: 'Override' })).not.toBeInTheDocument();
  });

  it('shows compliant and in progress', async () => {
    server.use(http.get(`/api/shipments/${shipmentId}/compliance`, () => HttpResponse.json({ ...evaluation, overall: 'compliant', findings: [] })));
    const first = renderWithProviders(<ComplianceCard shipmentId={shipmentId} canOverride />);
    expect(await screen.findByTestId('compliance-overall')).toHaveTextContent('Compliant');
    expect(screen.getByText('No findings.')).toBeInTheDocument();
    first.unmount();
    server.use(http.get(`/api/shipments/${shipmentId}/compliance`, () => HttpResponse.json({ ...evaluation, overall: 'in_progress' })));
    renderWithProviders(<ComplianceCard shipmentId={shipmentId} canOverride />);
    expect(await screen.findByTestId('compliance-overall')).toHaveTextContent('In progress');
  });
});

describe('Overriding a finding', () => {
  it('needs a reason of at least 10 characters, sends it and shows the finding overridden', async () => {
    const bodies: unknown[] = [];
    let current = evaluation;
    server.use(
      http.get(`/api/shipments/${shipmentId}/compliance`, () => HttpResponse.json(current)),
      http.post(overridesUrl, async ({ request }) => {
        bodies.push(await request.json());
        current = {
          ...current,
          findings: current.findings.map((f, i) => (i === 0 ? { ...f, overrideId: 'o-2', overrideReason: 'Packing list is being corrected' } : f)),
        };
        return HttpResponse.json({ id: 'o-2' }, { status: 201 });
      }),
    );
    const { user } = renderWithProviders(
      <DocumentFindings shipmentId={shipmentId} documentId={evaluation.findings[0]!.documentId!} canOverride />,
    );
    const findings = await screen.findByRole('list', { name: 'Findings for this document' });
    // Only the finding not yet overridden can be overridden.
    expect(within(findings).getAllByRole('button', { name: 'Override' })).toHaveLength(1);
    await user.click(within(findings).getByRole('button', { name: 'Override' }));

    const dialog = screen.getByRole('dialog', { name: 'Override finding' });
    const reason = within(dialog).getByLabelText('Reason for the override');
    expect(reason).toHaveFocus();
    await user.type(reason, 'too short');
    await user.click(within(dialog).getByRole('button', { name: 'Override' }));
    expect(await within(dialog).findByText('Explain the override in at least 10 characters.')).toBeInTheDocument();
    expect(bodies).toHaveLength(0);

    await user.clear(reason);
    await user.type(reason, 'Packing list is being corrected');
    await user.click(within(dialog).getByRole('button', { name: 'Override' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(bodies).toEqual([{ ruleId: 'XD-CONTAINERS', documentId: evaluation.findings[0]!.documentId, reason: 'Packing list is being corrected' }]);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Override' })).not.toBeInTheDocument());
    expect(screen.getByText('Override reason: Packing list is being corrected')).toBeInTheDocument();
  });

  it('keeps the dialog open with the problem when the server refuses, and closes on Escape', async () => {
    server.use(
      http.post(overridesUrl, () =>
        HttpResponse.json(
          { type: 'https://tracehub.vibotaj.com/problems/forbidden', title: 'Forbidden', status: 403, detail: 'Only the owner organisation may override.' },
          { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const { user } = renderWithProviders(<ComplianceCard shipmentId={shipmentId} canOverride />);
    await user.click(await screen.findByRole('button', { name: 'Override' }));
    const dialog = screen.getByRole('dialog', { name: 'Override finding' });
    await user.type(within(dialog).getByLabelText('Reason for the override'), 'A reason that is long enough');
    await user.click(within(dialog).getByRole('button', { name: 'Override' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Only the owner organisation may override.');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
