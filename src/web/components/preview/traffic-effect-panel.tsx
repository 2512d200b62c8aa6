import { Space, Tag, Typography } from 'antd';
import type { TrafficEffectView, TrafficStatementView } from '../../../server/contract';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { Heading } from '../headings';

const PROTOCOL = { tcp: 'TCP', udp: 'UDP', icmp: 'ICMP', icmpv6: 'ICMPv6', gre: 'GRE' } as const;

function portsText(ports: string | null, t: Translate): string {
  if (ports === null) return '';
  const [from, to] = ports.split('/');
  if (from === '1' && to === '65535') return ` ${t('impact.allPorts')}`;
  return from === to ? ` ${from}` : ` ${from}-${to}`;
}

/** "TCP 22" / "All traffic": what a statement (or a protected source's loss) is about. */
export function trafficWhat(statement: TrafficStatementView, t: Translate): string {
  if (statement.protocol === 'all') return t('impact.allTraffic');
  return PROTOCOL[statement.protocol] + portsText(statement.ports, t);
}

function peerText(statement: TrafficStatementView, t: Translate): string {
  const { peer } = statement;
  if (peer.kind === 'group') return t('impact.group', { id: peer.groupId });
  if (peer.kind === 'prefixList') return t('impact.prefixList', { id: peer.prefixListId });
  const include = peer.include.join(', ');
  return peer.except.length === 0
    ? include
    : `${include} ${t('impact.except')} ${peer.except.join(', ')}`;
}

/** The statement in the UI language, e.g. "TCP 22 from 0.0.0.0/0: allowed → blocked". */
export function statementText(statement: TrafficStatementView, t: Translate): string {
  const way = t(statement.direction === 'ingress' ? 'impact.from' : 'impact.to');
  const nic = statement.nicType === 'internet' ? ` ${t('impact.internet')}` : '';
  // The punctuation is the language's own (a full-width colon in Chinese).
  return t('impactWording.statement', {
    what: trafficWhat(statement, t),
    way,
    peer: peerText(statement, t),
    nic,
    from: t(`impact.${statement.from}`),
    to: t(`impact.${statement.to}`),
  });
}

function StatementItem({ statement }: { statement: TrafficStatementView }) {
  const t = useT();
  const blocking = statement.to === 'blocked';
  return (
    <li>
      {/* The marker says it in text as well as in colour. */}
      <Tag color={blocking ? 'error' : 'success'}>
        {t(blocking ? 'impact.becomesBlocked' : 'impact.becomesAllowed')}
      </Tag>
      <Typography.Text type={blocking ? 'danger' : 'success'}>
        {statementText(statement, t)}
      </Typography.Text>
      {statement.approximate && <Tag>{t('impact.inPart')}</Tag>}
      {statement.peer.kind !== 'cidrs' && (
        <Tag title={t('impact.namedSetHint')}>{t('impact.namedSet')}</Tag>
      )}
    </li>
  );
}

/** The traffic effect of a preview, per direction, above the rule tables. */
export function TrafficEffectPanel({ traffic }: { traffic: TrafficEffectView }) {
  const t = useT();
  const empty = traffic.ingress.statements.length === 0 && traffic.egress.statements.length === 0;
  return (
    <section aria-labelledby="traffic-effect-title">
      <Heading level={4} looksLike={5} id="traffic-effect-title">
        {t('impact.traffic')}
      </Heading>
      {empty ? (
        <Typography.Text>{t('impact.noChange')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {(['ingress', 'egress'] as const).map((direction) => {
            const effect = traffic[direction];
            if (effect.statements.length === 0) return null;
            const label = t(direction === 'ingress' ? 'rules.inbound' : 'rules.outbound');
            return (
              <div key={direction}>
                <Typography.Text strong>{label}</Typography.Text>
                <ul
                  aria-label={t('impactWording.directionList', {
                    title: t('impact.traffic'),
                    direction: label,
                  })}
                  style={{ margin: 0 }}
                >
                  {effect.statements.map((statement, index) => (
                    <StatementItem key={index} statement={statement} />
                  ))}
                </ul>
                {effect.more > 0 && (
                  <Typography.Text type="secondary">
                    {t('impact.more', { count: effect.more })}
                  </Typography.Text>
                )}
              </div>
            );
          })}
        </Space>
      )}
    </section>
  );
}
