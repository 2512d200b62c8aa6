import { Select, Typography } from 'antd';
import type { SecurityGroupView } from '../../../../server/contract';
import { useT } from '../../../i18n/use-t';

interface DestinationSelectProps {
  id: string;
  source: SecurityGroupView;
  groups: readonly SecurityGroupView[] | undefined;
  loading: boolean;
  value: string | undefined;
  onChange: (destinationId: string) => void;
}

/**
 * The region's groups as restore destinations. The source itself is not offered; a group of the
 * other network type (VPC vs classic) is listed disabled, with the reason.
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
  const sourceIsVpc = Boolean(source.vpcId);
  const options = (groups ?? [])
    .filter((g) => g.id !== source.id)
    .map((g) => {
      const eligible = Boolean(g.vpcId) === sourceIsVpc;
      const where = g.vpcId || t('groups.classic');
      const reason = eligible
        ? ''
        : t('restore.ineligibleNetwork', {
            network: t(g.vpcId ? 'restore.networkVpc' : 'restore.networkClassic'),
          });
      return {
        value: g.id,
        disabled: !eligible,
        // The label is what search matches: name, ID and VPC.
        label: `${g.name} (${g.id}) · ${where}${reason ? ` · ${reason}` : ''}`,
        eligible,
      };
    })
    .sort((a, b) => Number(b.eligible) - Number(a.eligible) || a.label.localeCompare(b.label));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      loading={loading}
      placeholder={loading ? t('restore.destinationsLoading') : t('restore.destinationPlaceholder')}
      options={options.map(({ eligible: _eligible, ...option }) => option)}
      optionRender={(option) => (
        <Typography.Text disabled={Boolean(option.data.disabled)}>{option.label}</Typography.Text>
      )}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%' }}
    />
  );
}
