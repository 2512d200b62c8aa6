import { useId, useState } from 'react';
import { Button, Flex, Input, Radio, Select, Typography } from 'antd';
import type { PreviewResponse, RuleView } from '../../../server/contract';
import { addressFamily, parseAddress } from '../../../domain/ip';
import {
  checkPacket,
  PacketQueryError,
  type PacketDecision,
  type PacketQuery,
} from '../../../domain/packet-check';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { Heading } from '../headings';
import { peerLabel, policyLabel, portLabel, protocolLabel, type GroupNames } from '../rule-format';

type Direction = 'ingress' | 'egress';
type ProtocolChoice = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'gre' | 'all';
type Field = 'port' | 'peer';

const PROTOCOLS: { value: ProtocolChoice; label: string }[] = [
  { value: 'tcp', label: 'TCP' },
  { value: 'udp', label: 'UDP' },
  { value: 'icmp', label: 'ICMP' },
  { value: 'icmpv6', label: 'ICMPv6' },
  { value: 'gre', label: 'GRE' },
  { value: 'all', label: 'ALL' },
];

interface PacketForm {
  direction: Direction;
  protocol: ProtocolChoice;
  port: string;
  peer: string;
}

interface CheckResult {
  direction: Direction;
  before: PacketDecision;
  after: PacketDecision;
}

/** The typed other end: a security group ID (sg-...), a prefix list ID (pl-...) or an address. */
function peerOf(text: string): Pick<PacketQuery, 'address' | 'groupId' | 'prefixListId'> {
  const peer = text.trim();
  if (peer.startsWith('sg-')) return { groupId: peer };
  if (peer.startsWith('pl-')) return { prefixListId: peer };
  if (peer !== '' && parseAddress(peer, addressFamily(peer)) === null) {
    // The evaluator treats a malformed address as matching nothing; the operator must hear it.
    throw new PacketQueryError('address must be an IPv4 or IPv6 address');
  }
  return { address: peer };
}

/**
 * Decides the typed packet before and after the restore. Throws `PacketQueryError` for
 * incomplete input.
 */
function runCheck(preview: PreviewResponse, form: PacketForm): CheckResult {
  const port = form.port.trim() === '' ? undefined : Number(form.port.trim());
  const peer = peerOf(form.peer);
  const group = { type: preview.source.type };
  // A packet has one protocol; "ALL" stands for a protocol no specific rule names (ESP, say),
  // which only ALL rules match. A GRE packet checked against the ALL rules alone decides exactly
  // that: GRE has no ports, and with the GRE rules left out the same rules match.
  if (form.protocol === 'all') {
    const onlyAll = (rules: RuleView[]) => rules.filter((rule) => rule.protocol === 'all');
    const decisions = checkPacket(onlyAll(preview.before), onlyAll(preview.expected), group, {
      direction: form.direction,
      protocol: 'gre',
      ...peer,
    });
    return { direction: form.direction, ...decisions };
  }
  const decisions = checkPacket(preview.before, preview.expected, group, {
    direction: form.direction,
    protocol: form.protocol,
    port,
    ...peer,
  });
  return { direction: form.direction, ...decisions };
}

function ruleText(rule: RuleView, t: Translate, names: GroupNames): string {
  const ports = rule.portRange === '-1/-1' && !rule.portRangeListId ? '' : ` ${portLabel(rule, t)}`;
  return t('packet.rule', {
    policy: policyLabel(rule, t),
    protocol: protocolLabel(rule, t),
    ports,
    way: t(rule.direction === 'ingress' ? 'impact.from' : 'impact.to'),
    peer: peerLabel(rule, t, names),
    priority: rule.priority,
  });
}

function decisionText(
  decision: PacketDecision,
  direction: Direction,
  t: Translate,
  names: GroupNames,
): string {
  const verdict = t(decision.verdict === 'allow' ? 'impact.allowed' : 'impact.blocked');
  const reason = decision.rule
    ? ruleText(decision.rule, t, names)
    : t(decision.verdict === 'allow' ? 'packet.defaultAllowed' : 'packet.defaultDenied', {
        direction: t(direction === 'ingress' ? 'restore.inbound' : 'restore.outbound'),
      });
  return `${verdict} — ${reason}`;
}

function errorText(field: Field, form: PacketForm, t: Translate): string {
  if (field === 'port') return t('packet.badPort');
  return form.peer.trim() === '' ? t('packet.needPeer') : t('packet.badAddress');
}

/** The packet check of a preview: one typed packet decided by the rules before and after. */
export function PacketCheck({ preview, names }: { preview: PreviewResponse; names: GroupNames }) {
  const t = useT();
  const ids = useId();
  const [form, setForm] = useState<PacketForm>({
    direction: 'ingress',
    protocol: 'tcp',
    port: '',
    peer: '',
  });
  const [result, setResult] = useState<CheckResult | null>(null);
  const [error, setError] = useState<Field | null>(null);
  const ported = form.protocol === 'tcp' || form.protocol === 'udp';

  // A result stays only as long as the packet it was computed for.
  const update = (change: Partial<PacketForm>) => {
    setForm((current) => ({ ...current, ...change }));
    setResult(null);
    setError(null);
  };

  const check = () => {
    try {
      setResult(runCheck(preview, form));
      setError(null);
    } catch (caught) {
      if (!(caught instanceof PacketQueryError)) throw caught;
      setResult(null);
      // The domain's messages begin with the field they are about.
      setError(caught.message.startsWith('port') ? 'port' : 'peer');
    }
  };

  const errorId = `${ids}-error`;
  const invalid = (field: Field) =>
    error === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};

  return (
    <section aria-labelledby={`${ids}-title`}>
      <Heading level={4} looksLike={5} id={`${ids}-title`}>
        {t('packet.title')}
      </Heading>
      <Flex gap="small" wrap align="center">
        <Radio.Group
          aria-label={t('packet.direction')}
          value={form.direction}
          onChange={(event) => update({ direction: event.target.value as Direction })}
          options={[
            { value: 'ingress', label: t('rules.inbound') },
            { value: 'egress', label: t('rules.outbound') },
          ]}
          optionType="button"
        />
        <Select
          aria-label={t('packet.protocol')}
          value={form.protocol}
          onChange={(protocol: ProtocolChoice) => update({ protocol })}
          options={PROTOCOLS}
          style={{ width: 110 }}
        />
        {ported && (
          <Input
            aria-label={t('packet.port')}
            placeholder={t('packet.port')}
            inputMode="numeric"
            value={form.port}
            onChange={(event) => update({ port: event.target.value })}
            status={error === 'port' ? 'error' : undefined}
            style={{ width: 100 }}
            {...invalid('port')}
          />
        )}
        <Input
          aria-label={t('packet.peer')}
          placeholder={t('packet.peerPlaceholder')}
          value={form.peer}
          onChange={(event) => update({ peer: event.target.value })}
          onPressEnter={check}
          status={error === 'peer' ? 'error' : undefined}
          style={{ width: 260 }}
          {...invalid('peer')}
        />
        <Button onClick={check}>{t('packet.check')}</Button>
      </Flex>
      {/* An address is not looked up in prefix lists: an office address in pl-office says
          "blocked" as an address while the prefix list's rule still lets the office in. */}
      <div>
        <Typography.Text type="secondary">{t('impactWording.peerHint')}</Typography.Text>
      </div>
      {form.protocol === 'all' && (
        <Typography.Text type="secondary">{t('packet.allHint')}</Typography.Text>
      )}
      {error && (
        <Typography.Text type="danger" id={errorId} role="alert">
          {errorText(error, form, t)}
        </Typography.Text>
      )}
      {result && (
        <ul aria-label={t('packet.result')} style={{ margin: 0 }}>
          <li>
            {t('packet.before')}: {decisionText(result.before, result.direction, t, names)}
          </li>
          <li>
            {t('packet.after')}: {decisionText(result.after, result.direction, t, names)}
          </li>
        </ul>
      )}
    </section>
  );
}
