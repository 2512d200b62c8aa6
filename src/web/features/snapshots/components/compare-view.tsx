import { Alert, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { CompareResponse } from '../../../../server/contract';
import { ErrorSentence } from '../../../components/error-sentence';
import { Heading } from '../../../components/headings';
import { DiffTabs } from '../../../components/preview/diff-tabs';
import type { GroupNames } from '../../../components/rule-format';
import { useFormatTime } from '../../../i18n/use-format-time';
import { useT } from '../../../i18n/use-t';
import { snapshotQueries, type ComparePoint } from '../../../lib/snapshot-queries';

interface CompareViewProps {
  region: string;
  groupId: string;
  from: ComparePoint;
  to: ComparePoint;
  names: GroupNames;
}

/** Two points of a group's timeline in the preview's diff view: `to` as the restore target. */
export function CompareView({ region, groupId, from, to, names }: CompareViewProps) {
  const t = useT();
  const formatTime = useFormatTime();
  const compare = useQuery(snapshotQueries.compare(region, groupId, from, to));
  const label = (point: CompareResponse['from']) =>
    point.point === 'live'
      ? t('snapshotsUi.live')
      : t('snapshotsUi.pointAt', { time: formatTime(point.at) });

  return (
    <section aria-labelledby="compare-title" style={{ marginTop: 24 }}>
      {compare.isPending ? (
        <Skeleton active aria-label={t('app.loading')} />
      ) : compare.isError ? (
        <ErrorSentence
          title={t('snapshotsUi.compareLoadError')}
          error={compare.error}
          onRetry={() => void compare.refetch()}
        />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Heading level={2} looksLike={4} id="compare-title">
            {t('snapshotsUi.compareTitle', {
              from: label(compare.data.from),
              to: label(compare.data.to),
            })}
          </Heading>
          <Typography.Text type="secondary">
            {t('snapshotsUi.compareCounts', {
              from: compare.data.from.ruleCount,
              to: compare.data.to.ruleCount,
            })}
          </Typography.Text>
          {compare.data.identical && (
            <Alert type="info" showIcon title={t('snapshotsUi.identical')} />
          )}
          <DiffTabs
            diff={compare.data}
            mode="completely"
            names={names}
            tableLabel={t('snapshotsUi.compareTable')}
          />
        </Space>
      )}
    </section>
  );
}
