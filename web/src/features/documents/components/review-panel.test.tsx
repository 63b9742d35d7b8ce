import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import { blV2, blV2Detail, blV2DocumentId } from '@/testing/document-fixtures';
import { renderWithProviders } from '@/testing/render';
import { server } from '@/testing/server';
import { shipmentId } from '@/testing/shipment-fixtures';

import { DocumentsSection } from './documents-section';
import { ReviewPanel } from './review-panel';

const underReview = blV2;
const transitionsUrl = `/api/documents/${blV2DocumentId}/transitions`;

function record(bodies: unknown[]) {
  return http.post(transitionsUrl, async ({ request }) => {
    bodies.push(await request.json());
    return HttpResponse.json({ ...blV2Detail, status: 'approved' });
  });
}

describe('ReviewPanel', () => {
  it('approves a document under review, showing its findings', async () => {
    const bodies: unknown[] = [];
    server.use(record(bodies));
    const { user } = renderWithProviders(
      <ReviewPanel document={underReview} canReview canArchive={false} findings={<p>findings for this document</p>} />,
    );
    expect(screen.getByText('findings for this document')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archive' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(bodies).toEqual([{ to: 'approved' }]));
  });

  it('rejects only with a reason, asked in a dialog that holds the focus', async () => {
    const bodies: unknown[] = [];
    server.use(record(bodies));
    const { user } = renderWithProviders(<ReviewPanel document={underReview} canReview canArchive={false} />);
    await user.click(screen.getByRole('button', { name: 'Reject' }));
    const dialog = screen.getByRole('dialog', { name: 'Reject document' });
    const reason = within(dialog).getByLabelText('Reason for rejecting (the uploader is told)');
    expect(reason).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    expect(within(dialog).getByText('A reason is required.')).toBeInTheDocument();
    expect(bodies).toHaveLength(0);

    // Tab cycles inside the dialog.
    await user.tab();
    await user.tab();
    await user.tab();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    await user.type(reason, 'Consignee name is wrong');
    await user.click(within(dialog).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(bodies).toEqual([{ to: 'rejected', reason: 'Consignee name is wrong' }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('shows the blocking findings of a refused approval', async () => {
    server.use(
      // As the backend answers it: the detail joins the findings, and `findings` lists them ("RULE: message").
      http.post(transitionsUrl, () =>
        HttpResponse.json(
          {
            type: 'https://tracehub.vibotaj.com/problems/document-blocking-findings',
            title: 'Blocking findings',
            status: 409,
            detail:
              'The document cannot be approved while blocking findings are open: XD-CONTAINERS: Container MSKU9070323 is on the B/L but not on the packing list.; DOC-ISSUE-DATE: Bill of lading v2 has no issue date: fill in the issue date.',
            findings: [
              'XD-CONTAINERS: Container MSKU9070323 is on the B/L but not on the packing list.',
              'DOC-ISSUE-DATE: Bill of lading v2 has no issue date: fill in the issue date.',
            ],
          },
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const { user } = renderWithProviders(<ReviewPanel document={underReview} canReview canArchive={false} />);
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The decision was not recorded');
    const findings = within(screen.getByRole('list', { name: 'Blocking findings' })).getAllByRole('listitem');
    expect(findings.map((item) => item.textContent)).toEqual([
      'XD-CONTAINERS: Container MSKU9070323 is on the B/L but not on the packing list.',
      'DOC-ISSUE-DATE: Bill of lading v2 has no issue date: fill in the issue date.',
    ]);
  });

  it('lets an admin archive with a reason', async () => {
    const bodies: unknown[] = [];
    server.use(record(bodies));
    const { user } = renderWithProviders(<ReviewPanel document={{ ...underReview, status: 'approved' }} canReview={false} canArchive />);
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Archive' }));
    const dialog = screen.getByRole('dialog', { name: 'Archive document' });
    await user.type(within(dialog).getByLabelText('Reason for archiving'), 'Uploaded to the wrong shipment');
    await user.click(within(dialog).getByRole('button', { name: 'Archive' }));
    await waitFor(() => expect(bodies).toEqual([{ to: 'archived', reason: 'Uploaded to the wrong shipment' }]));
  });

  it('offers nothing to a reviewer for a document not under review, nor to users without review rights', () => {
    const first = renderWithProviders(<ReviewPanel document={{ ...underReview, status: 'uploaded' }} canReview canArchive={false} />);
    expect(screen.queryByRole('region', { name: 'Review' })).not.toBeInTheDocument();
    first.unmount();
    renderWithProviders(<ReviewPanel document={underReview} canReview={false} canArchive={false} />);
    expect(screen.queryByRole('region', { name: 'Review' })).not.toBeInTheDocument();
  });
});

describe('DocumentsSection for viewers and buyers', () => {
  it('shows no upload, no metadata edit and no review actions', async () => {
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:preview-1');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    server.use(
      http.get(`/api/documents/${blV2DocumentId}`, () => HttpResponse.json(blV2Detail)),
      http.get('/api/documents/:id/content', () => new HttpResponse('%PDF', { headers: { 'Content-Type': 'application/pdf' } })),
    );
    const { user } = renderWithProviders(
      <DocumentsSection shipmentId={shipmentId} canUpload={false} canReview={false} canArchive={false} renderFindings={() => <p>findings</p>} />,
    );
    const bl = await screen.findByRole('region', { name: 'Bill of lading' });
    expect(screen.queryByRole('button', { name: 'Upload a document' })).not.toBeInTheDocument();
    await user.click(within(bl).getByRole('button', { name: 'Open version 2' }));
    expect(await screen.findByRole('list', { name: 'History of version 2' })).toBeInTheDocument();
    for (const name of ['Approve', 'Reject', 'Archive', 'Edit metadata', 'Override']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    expect(screen.getByRole('button', { name: 'Download' })).toBeInTheDocument();
  });
});
