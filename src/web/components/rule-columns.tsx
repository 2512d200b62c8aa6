import type { RuleView } from '../../server/contract';
import type { Translate } from '../i18n/translate';
import { peerLabel, policyLabel, portLabel, protocolLabel, type GroupNames } from './rule-format';
import type { VirtualColumn } from './virtual-table';

/** The columns every rule table shows, in this order (SPEC 3.3). */
export type RuleColumnKey = 'policy' | 'priority' | 'protocol' | 'port' | 'peer' | 'description';

const RULE_COLUMN_KEYS: readonly RuleColumnKey[] = [
  'policy',
  'priority',
  'protocol',
  'port',
  'peer',
  'description',
];

export interface RuleColumnOptions<Row> {
  t: Translate;
  names: GroupNames;
  /** The rule a row shows; for a change, the rule as it will be. */
  rule: (row: Row) => RuleView;
  /** For a change: the rule as it is, so priority and description read "old → new". */
  before?: (row: Row) => RuleView | undefined;
  /** The columns whose header sorts the table; every one when not given. */
  sortable?: readonly RuleColumnKey[];
  /** Columns a table leaves out (the not-restorable table has no Description). */
  omit?: readonly RuleColumnKey[];
}

/** "22/22" sorts as 22; "-1/-1" (and a port range list) before every port. */
function portSortValue(rule: RuleView): number {
  const from = Number(rule.portRange.split('/')[0]);
  return Number.isFinite(from) ? from : -1;
}

function beforeAfter(before: string | number | undefined, after: string | number): string {
  return before === undefined || before === after ? String(after) : `${before} → ${after}`;
}

/**
 * The Action, Priority, Protocol, Port, Authorization object and Description columns of any
 * table whose rows hold a rule: the rules page, a preview, the not-restorable rules. Tables add
 * their own columns (Change, Created, the reason) around these. On a narrow screen Action,
 * Protocol, Port and Authorization object stay; Priority and Description move into the row's
 * details.
 */
export function ruleColumns<Row>({
  t,
  names,
  rule,
  before = () => undefined,
  sortable = RULE_COLUMN_KEYS,
  omit = [],
}: RuleColumnOptions<Row>): VirtualColumn<Row>[] {
  const all: Record<RuleColumnKey, VirtualColumn<Row>> = {
    policy: {
      key: 'policy',
      title: t('rules.colAction'),
      width: '90px',
      narrowWidth: '56px',
      essential: true,
      render: (row) => policyLabel(rule(row), t),
      sortValue: (row) => rule(row).policy,
    },
    priority: {
      key: 'priority',
      title: t('rules.colPriority'),
      width: '90px',
      render: (row) => beforeAfter(before(row)?.priority, rule(row).priority),
      sortValue: (row) => rule(row).priority,
    },
    protocol: {
      key: 'protocol',
      title: t('rules.colProtocol'),
      width: '100px',
      narrowWidth: '60px',
      essential: true,
      render: (row) => protocolLabel(rule(row), t),
      sortValue: (row) => rule(row).protocol,
    },
    port: {
      key: 'port',
      title: t('rules.colPortRange'),
      width: '110px',
      narrowWidth: 'minmax(52px, 1fr)',
      essential: true,
      render: (row) => portLabel(rule(row), t),
      sortValue: (row) => portSortValue(rule(row)),
    },
    peer: {
      key: 'peer',
      title: t('rules.colPeer'),
      width: 'minmax(200px, 2fr)',
      // "Authorization" (its header's longest word) fits whole at the narrow header's size.
      narrowWidth: 'minmax(88px, 2fr)',
      essential: true,
      render: (row) => {
        const text = peerLabel(rule(row), t, names);
        return <span title={text}>{text}</span>;
      },
      sortValue: (row) => peerLabel(rule(row), t, names),
    },
    description: {
      key: 'description',
      title: t('rules.colDescription'),
      width: 'minmax(160px, 2fr)',
      render: (row) => {
        const text = beforeAfter(before(row)?.description, rule(row).description);
        return <span title={text}>{text}</span>;
      },
      sortValue: (row) => rule(row).description,
    },
  };
  return RULE_COLUMN_KEYS.filter((key) => !omit.includes(key)).map((key) => {
    const column = all[key];
    if (sortable.includes(key)) return column;
    const { sortValue: _unsorted, ...unsortable } = column;
    return unsortable;
  });
}
