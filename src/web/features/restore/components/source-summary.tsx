import { Descriptions } from 'antd';
import type { SecurityGroupView } from '../../../../server/contract';
import { useT } from '../../../i18n/use-t';

/** The source group, read-only: ID, name, VPC. */
export function SourceSummary({ source }: { source: SecurityGroupView }) {
  const t = useT();
  return (
    <Descriptions
      title={t('restore.source')}
      size="small"
      bordered
      column={3}
      items={[
        { key: 'id', label: t('restore.sourceId'), children: source.id },
        { key: 'name', label: t('restore.sourceName'), children: source.name },
        {
          key: 'vpc',
          label: t('restore.sourceVpc'),
          children: source.vpcId || t('groups.classic'),
        },
      ]}
    />
  );
}
