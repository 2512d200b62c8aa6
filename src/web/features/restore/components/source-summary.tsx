import { Descriptions, Typography } from 'antd';
import type { SecurityGroupView } from '../../../../server/contract';
import { useT } from '../../../i18n/use-t';
import { useNarrowScreen } from '../../../lib/use-narrow-screen';

/**
 * The source group, read-only: ID, name, VPC. On a narrow screen the three stack, each label
 * above its value, and the ID never breaks inside: it stays whole (ellipsis if it must, the full
 * ID in its tooltip) and can be copied.
 */
export function SourceSummary({ source }: { source: SecurityGroupView }) {
  const t = useT();
  const narrow = useNarrowScreen();
  return (
    <Descriptions
      title={t('restore.source')}
      size="small"
      bordered
      column={narrow ? 1 : 3}
      layout={narrow ? 'vertical' : 'horizontal'}
      items={[
        {
          key: 'id',
          label: t('restore.sourceId'),
          children: (
            <Typography.Text
              className="rr-whole-id"
              title={source.id}
              copyable={{ text: source.id }}
            >
              {source.id}
            </Typography.Text>
          ),
        },
        { key: 'name', label: t('restore.sourceName'), children: source.name },
        {
          key: 'vpc',
          label: t('restore.sourceVpc'),
          children: <span className="rr-whole-id">{source.vpcId || t('groups.classic')}</span>,
        },
      ]}
    />
  );
}
