import { Select, Typography } from 'antd';
import type { SecurityGroupView } from '../../../../server/contract';
import { useFormatTime } from '../../../i18n/use-format-time';
import { useT } from '../../../i18n/use-t';
import { orderDestinations, type DestinationCandidate } from './destination-order';

interface DestinationSelectProps {
  id: string;
  source: SecurityGroupView;
  groups: readonly SecurityGroupView[] | undefined;
  loading: boolean;
  value: string | undefined;
  onChange: (destinationId: string) => void;
}

/**
 * The region's groups as restore destinations, each with its rule count, VPC and creation time:
 * likely backups of the source first (newest first), then the rest. Groups that cannot be the
 * destination (the source itself, the other network type) stay listed, disabled, with the reason.
 */
export function DestinationSelect({
  id,
  source,
  groups,
  loading,
  value,
  onChange,
}: DestinationSelectProps) {
  const t = useT();
  const formatTime = useFormatTime();
  const { likely, others } = orderDestinations(source, groups ?? []);
  const option = ({ group: g, ineligible }: DestinationCandidate) => {
    const reason =
      ineligible === 'source'
        ? t('console.ineligibleSelf')
        : ineligible === 'network'
          ? t('restore.ineligibleNetwork', {
              network: t(g.vpcId ? 'restore.networkVpc' : 'restore.networkClassic'),
            })
          : '';
    const meta = t('console.destinationMeta', {
      count: g.ruleCount,
      vpc: g.vpcId || t('groups.classic'),
      time: formatTime(g.creationTime),
    });
    return {
      value: g.id,
      disabled: ineligible !== null,
      // The label is what search matches: name, ID, VPC and the rest.
      label: `${g.name} (${g.id}) · ${meta}${reason ? ` · ${t('console.ineligible', { reason })}` : ''}`,
    };
  };
  const options = [
    ...(likely.length > 0
      ? [
          {
            label: t('console.likelyBackups', { name: source.name || source.id }),
            title: t('console.likelyBackups', { name: source.name || source.id }),
            options: likely.map(option),
          },
        ]
      : []),
    ...(others.length > 0
      ? [
          {
            label: t('console.otherGroups'),
            title: t('console.otherGroups'),
            options: others.map(option),
          },
        ]
      : []),
  ];
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      loading={loading}
      placeholder={loading ? t('restore.destinationsLoading') : t('restore.destinationPlaceholder')}
      options={options}
      optionRender={(item) => (
        <Typography.Text disabled={'disabled' in item.data && Boolean(item.data.disabled)}>
          {item.label}
        </Typography.Text>
      )}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%' }}
    />
  );
}
