import { Select, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { SecurityGroupView, SnapshotSummary } from '../../../../server/contract';
import { isWatcherNote, watchReadingOf } from '../../../../domain/watch-notes';
import { ErrorSentence } from '../../../components/error-sentence';
import { useFormatTime } from '../../../i18n/use-format-time';
import { useT } from '../../../i18n/use-t';
import { destinationQueries } from '../api/destination-queries';
import { orderDestinations, orderSnapshots, type DestinationCandidate } from './destination-order';
import { ImportDestination } from './import-destination';

type Translate = ReturnType<typeof useT>;

/** What kind of snapshot it is, in the picker's words (an import names its file). */
function kindLabel(t: Translate, snapshot: SnapshotSummary): string {
  switch (snapshot.kind) {
    case 'manual':
      return t('importdest.kindManual');
    case 'before-restore':
      return t('importdest.kindBeforeRestore');
    case 'before-undo':
      return t('importdest.kindBeforeUndo');
    case 'before-rollback':
      return t('importdest.kindBeforeRollback');
    case 'watch':
      return watchReadingOf(snapshot.note) === 'first'
        ? t('phone2.firstReadingLower')
        : t('importdest.kindWatch');
    case 'import':
      return t('importdest.kindImport', { note: snapshot.note });
  }
}

interface DestinationSelectProps {
  id: string;
  region: string;
  source: SecurityGroupView;
  groups: readonly SecurityGroupView[] | undefined;
  loading: boolean;
  value: string | undefined;
  onChange: (destinationId: string) => void;
}

/**
 * The restore destinations: the region's groups, each with its rule count, VPC and creation time
 * (likely backups of the source first, newest first, then the rest; groups that cannot be the
 * destination stay listed, disabled, with the reason), then the snapshots of the source's
 * network type (tagged, with their group, time and rule count), then "Import a file…".
 */
export function DestinationSelect({
  id,
  region,
  source,
  groups,
  loading,
  value,
  onChange,
}: DestinationSelectProps) {
  const t = useT();
  const formatTime = useFormatTime();
  const { likely, others } = orderDestinations(source, groups ?? []);
  const snapshots = useQuery(destinationQueries.snapshots(region));
  const offered = orderSnapshots(source, snapshots.data?.snapshots ?? []);
  const snapshotOption = (s: SnapshotSummary) => {
    const tag = t(s.kind === 'import' ? 'importdest.importTag' : 'importdest.snapshotTag');
    const meta = t('importdest.snapshotMeta', {
      group: s.group.id === source.id ? t('importdest.thisGroup') : s.group.name || s.group.id,
      groupId: s.group.id,
      count: s.ruleCount,
      time: formatTime(s.createdAt),
    });
    // The watcher's own notes are said by the kind, in the reader's language.
    const hidden =
      s.kind === 'import' || s.note === '' || (s.kind === 'watch' && isWatcherNote(s.note));
    const note = hidden ? '' : ` · ${s.note}`;
    return {
      value: s.id,
      tag,
      // The label is what search matches: kind, group, ID, time and note.
      label: `${tag}: ${kindLabel(t, s)} · ${meta}${note} (${s.id})`,
    };
  };
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
  // Groups and snapshots are told apart by their headings, a tag and their words.
  const groupsHeading = (heading: string) => `${t('importdest.groupsHeading')} · ${heading}`;
  const groupOptions = [
    ...(likely.length > 0
      ? [
          {
            label: groupsHeading(t('console.likelyBackups', { name: source.name || source.id })),
            title: groupsHeading(t('console.likelyBackups', { name: source.name || source.id })),
            options: likely.map(option),
          },
        ]
      : []),
    ...(others.length > 0
      ? [
          {
            label: groupsHeading(t('console.otherGroups')),
            title: groupsHeading(t('console.otherGroups')),
            options: others.map(option),
          },
        ]
      : []),
  ];
  return (
    <>
      <Select
        id={id}
        value={value}
        onChange={onChange}
        loading={loading || snapshots.isPending}
        placeholder={
          loading ? t('restore.destinationsLoading') : t('restore.destinationPlaceholder')
        }
        options={[
          ...groupOptions,
          ...(offered.length > 0
            ? [
                {
                  label: t('importdest.snapshotsHeading'),
                  title: t('importdest.snapshotsHeading'),
                  options: offered.map(snapshotOption),
                },
              ]
            : []),
        ]}
        optionRender={(item) => (
          <Typography.Text disabled={'disabled' in item.data && Boolean(item.data.disabled)}>
            {'tag' in item.data && typeof item.data.tag === 'string' && (
              <Tag color="purple">{item.data.tag}</Tag>
            )}
            {item.label}
          </Typography.Text>
        )}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%' }}
      />
      {snapshots.isError && (
        <ErrorSentence
          title={t('importdest.snapshotsLoadError')}
          error={snapshots.error}
          onRetry={() => void snapshots.refetch()}
        />
      )}
      <ImportDestination region={region} sourceId={source.id} onImported={onChange} />
    </>
  );
}
