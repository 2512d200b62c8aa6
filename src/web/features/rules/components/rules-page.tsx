import { useMemo, useState, type ReactNode } from 'react';
import { Button, Descriptions, Flex, Input, Select, Skeleton, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { RuleView, SecurityGroupView } from '../../../../server/contract';
import { ErrorSentence } from '../../../components/error-sentence';
import { PageTitle } from '../../../components/headings';
import { ruleRowKey } from '../../../components/rule-row-key';
import { ruleSearchText } from '../../../components/rule-search';
import { VirtualTable } from '../../../components/virtual-table';
import { useFormatTime } from '../../../i18n/use-format-time';
import { useT } from '../../../i18n/use-t';
import { paths } from '../../../lib/paths';
import { groupQueries } from '../../../lib/group-queries';
import { ruleQueries } from '../../../lib/rule-queries';
import { rulesPageColumns } from './rule-columns';

type Direction = RuleView['direction'];

interface RulesPageProps {
  region: string;
  groupId: string;
  /** More actions of the group beside Restore Rules (composed by the app layer). */
  actions?: (group: SecurityGroupView) => ReactNode;
}

/** Manage Rules: a group's inbound and outbound rules, sortable and filterable. */
export function RulesPage({ region, groupId, actions }: RulesPageProps) {
  const t = useT();
  const formatTime = useFormatTime();
  const navigate = useNavigate();
  const detail = useQuery(ruleQueries.ofGroup(region, groupId));
  const groups = useQuery(groupQueries.all(region));
  const [direction, setDirection] = useState<Direction>('ingress');
  const [text, setText] = useState('');
  const [policy, setPolicy] = useState('');
  const [protocol, setProtocol] = useState('');

  const names = useMemo(
    () => new Map((groups.data ?? []).map((g) => [g.id, g.name])),
    [groups.data],
  );
  const columns = useMemo(() => rulesPageColumns(t, names, formatTime), [t, names, formatTime]);
  const rules = useMemo(() => detail.data?.rules ?? [], [detail.data]);
  const ofDirection = (d: Direction) => rules.filter((r) => r.direction === d);
  const visible = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return rules.filter(
      (r) =>
        r.direction === direction &&
        (!policy || r.policy === policy) &&
        (!protocol || r.protocol === protocol) &&
        (!needle || ruleSearchText(r, t, names).includes(needle)),
    );
  }, [rules, direction, policy, protocol, text, t, names]);

  if (detail.isPending) return <Skeleton active aria-label={t('app.loading')} />;
  if (detail.isError && !detail.data) {
    return (
      <>
        <Link to={paths.groups(region)}>{t('rules.back')}</Link>
        <PageTitle>{t('rules.title', { name: groupId })}</PageTitle>
        <ErrorSentence
          title={t('rules.loadError')}
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      </>
    );
  }
  const group = detail.data.group;
  const directionTotal = ofDirection(direction).length;

  const table = (
    <>
      <Flex gap="small" wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('rules.filter')}
          // A placeholder short enough for a phone; the whole hint is the box's description.
          placeholder={t('phone2.rulesFilterShort')}
          title={t('rules.filterPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          allowClear
          style={{ width: 320, maxWidth: '100%' }}
        />
        <Select
          aria-label={t('rules.filterAction')}
          value={policy}
          onChange={setPolicy}
          style={{ width: 160 }}
          options={[
            { value: '', label: t('rules.anyAction') },
            { value: 'accept', label: t('rules.allow') },
            { value: 'drop', label: t('rules.deny') },
          ]}
        />
        <Select
          aria-label={t('rules.filterProtocol')}
          value={protocol}
          onChange={setProtocol}
          style={{ width: 160 }}
          options={[
            { value: '', label: t('rules.anyProtocol') },
            ...['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all'].map((p) => ({
              value: p,
              label: p === 'all' ? t('rules.allProtocols') : p.toUpperCase(),
            })),
          ]}
        />
      </Flex>
      <Typography.Paragraph type="secondary" aria-live="polite">
        {t('rules.shown', { shown: visible.length, total: directionTotal })}
      </Typography.Paragraph>
      <VirtualTable
        label={t(direction === 'ingress' ? 'rules.inbound' : 'rules.outbound')}
        rows={visible}
        columns={columns}
        rowKey={(rule) => ruleRowKey(rule)}
        emptyText={directionTotal === 0 ? t('rules.none') : t('rules.noMatch')}
      />
    </>
  );

  return (
    <section aria-labelledby="rules-title">
      <Link to={paths.groups(region)}>{t('rules.back')}</Link>
      <Flex justify="space-between" align="center" wrap>
        <PageTitle id="rules-title">{t('rules.title', { name: group.name || group.id })}</PageTitle>
        <Flex gap="small" wrap align="center">
          <Link to={`${paths.history()}?${new URLSearchParams({ sourceId: group.id }).toString()}`}>
            {t('auditHistory.groupHistory')}
          </Link>
          {actions?.(group)}
          <Button
            type="primary"
            onClick={() => navigate(paths.groups(region, { restore: group.id }))}
          >
            {t('rules.restoreRules')}
          </Button>
        </Flex>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'id', label: 'ID', children: group.id },
          { key: 'vpc', label: t('groups.colVpc'), children: group.vpcId || t('groups.classic') },
          {
            key: 'type',
            label: t('groups.colType'),
            children:
              group.type === 'enterprise' ? t('groups.typeEnterprise') : t('groups.typeNormal'),
          },
        ]}
      />
      <Tabs
        activeKey={direction}
        onChange={(key) => setDirection(key as Direction)}
        items={(['ingress', 'egress'] as const).map((d) => ({
          key: d,
          label: t('rules.tabCount', {
            label: t(d === 'ingress' ? 'rules.inbound' : 'rules.outbound'),
            count: ofDirection(d).length,
          }),
          children: d === direction ? table : null,
        }))}
      />
    </section>
  );
}
