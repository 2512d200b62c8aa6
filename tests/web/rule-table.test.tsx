import { render, screen, within } from '@testing-library/react';
import { ruleSchema, type PreviewResponse, type RuleView } from '../../src/server/contract';
import { NotRestorableTable } from '../../src/web/components/preview/not-restorable-table';
import { previewRows } from '../../src/web/components/preview/preview-rows';
import { PreviewTable, previewSearchText } from '../../src/web/components/preview/preview-table';
import { summaryLine } from '../../src/web/components/restore-summary';
import { ruleColumns } from '../../src/web/components/rule-columns';
import { ruleRowKey } from '../../src/web/components/rule-row-key';
import { ruleSearchText } from '../../src/web/components/rule-search';
import { rulesPageColumns } from '../../src/web/features/rules/components/rule-columns';
import { createTranslate } from '../../src/web/i18n/translate';

const t = createTranslate('en-US');
const names = new Map([['sg-appprod01', 'app-prod']]);

/** A rule as the contract carries it: SSH from the office unless told otherwise. */
function rule(overrides: Partial<RuleView> = {}): RuleView {
  return ruleSchema.parse({
    direction: 'ingress',
    policy: 'accept',
    protocol: 'tcp',
    portRange: '22/22',
    sourcePortRange: '',
    peer: { kind: 'cidr', cidr: '203.0.113.0/24' },
    localCidr: '',
    portRangeListId: '',
    nicType: 'intranet',
    priority: 1,
    description: 'ssh from office',
    meta: { ruleId: 'sgr-ssh01' },
    ...overrides,
  });
}

type Diff = PreviewResponse['ingress'];
function diff(parts: Partial<Diff>): Diff {
  return { added: [], removed: [], changed: [], unchanged: [], notRestorable: [], ...parts };
}

const titles = (columns: readonly { title: string }[]) => columns.map((c) => c.title);
const sortable = (columns: readonly { key: string; sortValue?: unknown }[]) =>
  columns.filter((c) => c.sortValue).map((c) => c.key);

/** The body rows of a virtual table, as their cells' text. */
function bodyRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .filter((row) => within(row).queryAllByRole('cell').length > 0)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    );
}

describe('Rule columns', () => {
  const ruleHeaders = [
    'Action',
    'Priority',
    'Protocol',
    'Port Range',
    'Authorization Object',
    'Description',
  ];

  it('are the same six columns, with one width each, on the rules page and in a preview', () => {
    const page = rulesPageColumns(t, names, () => 'a time');
    expect(titles(page)).toEqual([...ruleHeaders, 'Created']);
    expect(sortable(page)).toEqual([
      'policy',
      'priority',
      'protocol',
      'port',
      'peer',
      'description',
      'created',
    ]);

    const preview = ruleColumns<{ rule: RuleView }>({
      t,
      names,
      rule: (row) => row.rule,
      sortable: ['priority', 'peer'],
    });
    expect(titles(preview)).toEqual(ruleHeaders);
    expect(sortable(preview)).toEqual(['priority', 'peer']);
    expect(preview.map((c) => c.width)).toEqual(page.slice(0, 6).map((c) => c.width));
  });

  it('leave out what a table omits, and sort ports by their first port', () => {
    const columns = ruleColumns<RuleView>({ t, names, rule: (r) => r, omit: ['description'] });
    expect(titles(columns)).toEqual(ruleHeaders.slice(0, 5));
    const port = columns.find((c) => c.key === 'port');
    expect(port?.sortValue?.(rule({ portRange: '8080/8090' }))).toBe(8080);
    expect(port?.sortValue?.(rule({ protocol: 'icmp', portRange: '-1/-1' }))).toBe(-1);
  });
});

describe('Rule search text', () => {
  it('holds what the columns show, the raw port range, the local CIDR and the rule ID', () => {
    const text = ruleSearchText(
      rule({
        peer: { kind: 'group', groupId: 'sg-appprod01', ownerAccount: '' },
        localCidr: '10.0.0.0/8',
      }),
      t,
      names,
    );
    expect(text).toBe(
      'allow tcp 22/22 22 app-prod (sg-appprod01) 10.0.0.0/8 ssh from office 1 sgr-ssh01',
    );
  });

  it('of a preview row holds its category and both sides of a change', () => {
    const [row] = previewRows(
      diff({
        changed: [{ before: rule(), after: rule({ priority: 5, description: 'bastion only' }) }],
      }),
    );
    if (!row) throw new Error('no row');
    const text = previewSearchText(row, t, names, 'completely');
    expect(text.startsWith('~ changed ')).toBe(true);
    expect(text).toContain('bastion only');
    expect(text).toContain('ssh from office');
  });
});

describe('Rule row keys', () => {
  it('follow the rule identity and ECS rule ID, not priority or description', () => {
    expect(ruleRowKey(rule({ priority: 9, description: 'other' }))).toBe(ruleRowKey(rule()));
    expect(ruleRowKey(rule({ portRange: '23/23' }))).not.toBe(ruleRowKey(rule()));
    expect(ruleRowKey(rule({ meta: { ruleId: 'sgr-ssh02' } }))).not.toBe(ruleRowKey(rule()));
    expect(ruleRowKey(rule(), 'source')).not.toBe(ruleRowKey(rule(), 'destination'));
  });

  it('tell apart the same rule in two categories of a preview', () => {
    const rows = previewRows(diff({ added: [rule()], removed: [rule()], unchanged: [rule()] }));
    expect(rows.map((r) => r.category)).toEqual(['added', 'removed', 'unchanged']);
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
  });
});

describe('Summary line', () => {
  const summary = { added: 3, removed: 2, changed: 1, unchanged: 4, notRestorable: 5 };
  it('reads removed under Completely and kept under Partially', () => {
    expect(summaryLine('completely', summary, t)).toBe(
      '+3 added, −2 removed, 1 changed, 4 unchanged, 5 not restorable',
    );
    expect(summaryLine('partially', summary, t)).toBe(
      '+3 added, 2 kept, 1 changed (not applied), 4 unchanged, 5 not restorable',
    );
  });
});

describe('Preview and not-restorable tables', () => {
  it('draw a change as old → new, and the same rule on two sides as two rows', () => {
    const rows = previewRows(
      diff({
        added: [rule()],
        removed: [rule()],
        changed: [
          {
            before: rule({ portRange: '443/443', description: 'web', meta: { ruleId: 'sgr-w' } }),
            after: rule({ portRange: '443/443', priority: 5, description: 'web (tls)' }),
          },
        ],
      }),
    );
    render(<PreviewTable label="Preview: Inbound" rows={rows} mode="completely" names={names} />);
    const table = screen.getByRole('table', { name: 'Preview: Inbound' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Change ↕',
      'Action',
      'Priority ↕',
      'Protocol',
      'Port Range',
      'Authorization Object ↕',
      'Description',
    ]);
    expect(bodyRows(table)).toEqual([
      ['+ Added', 'Allow', '1', 'TCP', '22', '203.0.113.0/24', 'ssh from office'],
      ['− Removed', 'Allow', '1', 'TCP', '22', '203.0.113.0/24', 'ssh from office'],
      ['~ Changed', 'Allow', '1 → 5', 'TCP', '443', '203.0.113.0/24', 'web → web (tls)'],
    ]);
  });

  it('list each not-restorable rule with its side and reason, without a Description column', () => {
    render(
      <NotRestorableTable
        label="Not restorable: Inbound"
        names={names}
        items={[
          { rule: rule({ priority: 110 }), side: 'destination', reason: 'system-rule' },
          {
            rule: rule({ peer: { kind: 'group', groupId: 'sg-appprod01', ownerAccount: '' } }),
            side: 'source',
            reason: 'cross-vpc-reference',
          },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Not restorable: Inbound' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Not restorable',
      'Action',
      'Priority',
      'Protocol',
      'Port Range',
      'Authorization Object',
    ]);
    const cells = bodyRows(table);
    expect(cells.map((row) => row.slice(1))).toEqual([
      ['Allow', '110', 'TCP', '22', '203.0.113.0/24'],
      ['Allow', '1', 'TCP', '22', 'app-prod (sg-appprod01)'],
    ]);
    expect(cells[0]?.[0]).toBe('⊘ destination: Priority 110 (system-level): ECS cannot create it.');
    expect(cells[1]?.[0]).toMatch(/^⊘ source: /);
  });
});
