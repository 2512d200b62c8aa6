import { screen, waitFor, within } from '@testing-library/react';
import { findSummary, openRestoreFor, pickDestination } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

stackPerTest();

const BACKUP = 'web-prod-backup-20261120';

/** The numbers of a summary line, e.g. "+3 added, −1 removed, …" → { added: 3, removed: 1, … }. */
function counts(summary: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [, n, label] of summary.matchAll(/[+−]?(\d+) ([a-z ]+?)(?:,|$)/g))
    out[label!.trim()] = Number(n);
  return out;
}

interface CopiedPlan {
  source: { name: string };
  destination: { name: string };
  mode: string;
  options: { recreateSystemRules: boolean };
  summary: { added: number; notRestorable: number };
  plan: { steps: { action: string; direction: string; ruleCount: number }[]; calls: number };
  ingress: { added: { priority: number; description: string }[] };
}

describe('Restore preview options', () => {
  it('recreates system rules at priority 100 when opted in (counts and plan change), copies the plan as JSON, filters and searches', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    await pickDestination(user, dialog, BACKUP);
    const before = (await findSummary(dialog)).textContent ?? '';

    await user.click(within(dialog).getByRole('button', { name: 'Copy plan as JSON' }));
    expect(await screen.findByText('The plan was copied to the clipboard.')).toBeInTheDocument();
    const copiedBefore = JSON.parse(await navigator.clipboard.readText()) as CopiedPlan;
    expect(copiedBefore).toMatchObject({
      source: { name: 'web-prod' },
      destination: { name: BACKUP },
      mode: 'completely',
    });
    expect(copiedBefore.options.recreateSystemRules).toBe(false);
    expect(copiedBefore.plan.steps.length).toBeGreaterThan(0);

    const optIn = within(dialog).getByRole('checkbox', {
      name: /Recreate the destination’s priority-110 rules with priority 100/,
    });
    await user.click(optIn);
    await waitFor(
      () => expect(within(dialog).getByText(/^\+\d+ added, /).textContent).not.toBe(before),
      { timeout: 10_000 },
    );
    const after = within(dialog).getByText(/^\+\d+ added, /).textContent ?? '';
    expect(counts(after).added).toBe((counts(before).added ?? 0) + 1);
    expect(counts(after)['not restorable']).toBe((counts(before)['not restorable'] ?? 0) - 1);
    expect(
      within(dialog).getByRole('checkbox', { name: /priority-110 rules with priority 100/ }),
    ).toBeChecked();
    expect(
      within(dialog).queryByText(/Priority 110 \(system-level\): ECS cannot create it\./),
    ).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Copy plan as JSON' }));
    await waitFor(async () =>
      expect(await navigator.clipboard.readText()).not.toBe(JSON.stringify(copiedBefore, null, 2)),
    );
    const copiedAfter = JSON.parse(await navigator.clipboard.readText()) as CopiedPlan;
    expect(copiedAfter.options.recreateSystemRules).toBe(true);
    expect(copiedAfter.summary.added).toBe(copiedBefore.summary.added + 1);
    const authorizedRules = (plan: CopiedPlan) =>
      plan.plan.steps.filter((s) => s.action === 'authorize').reduce((n, s) => n + s.ruleCount, 0);
    expect(authorizedRules(copiedAfter)).toBe(authorizedRules(copiedBefore) + 1);
    expect(copiedAfter.ingress.added).toContainEqual(
      expect.objectContaining({ priority: 100, description: 'system: cloud monitor' }),
    );
    expect(copiedBefore.ingress.added).not.toContainEqual(
      expect.objectContaining({ description: 'system: cloud monitor' }),
    );

    // Unticking goes back to the first preview.
    await user.click(
      within(dialog).getByRole('checkbox', { name: /priority-110 rules with priority 100/ }),
    );
    await waitFor(
      () => expect(within(dialog).getByText(/^\+\d+ added, /).textContent).toBe(before),
      { timeout: 10_000 },
    );

    // "Changes only" hides the unchanged rows; the search narrows what is left.
    const table = within(dialog).getByRole('table', { name: 'Preview: Inbound' });
    expect(within(table).getAllByText('Unchanged').length).toBeGreaterThan(0);
    await user.click(within(dialog).getByRole('checkbox', { name: 'Changes only' }));
    await waitFor(() => expect(within(table).queryByText('Unchanged')).not.toBeInTheDocument());
    expect(within(table).getAllByText('+ Added').length).toBeGreaterThan(0);
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search the preview' }), 'debug');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(within(table).getByText('temporary debug SSH')).toBeInTheDocument();
  });
});
