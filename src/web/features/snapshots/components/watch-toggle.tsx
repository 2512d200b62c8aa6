import { Space, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { WatchView } from '../../../../server/contract';
import { DeferredTooltip } from '../../../components/deferred-tooltip';
import { ErrorDetails } from '../../../components/error-sentence';
import { Text } from '../../../components/plain-typography';
import { useToast } from '../../../components/toast';
import type { Translate } from '../../../i18n/translate';
import { useFormatTime } from '../../../i18n/use-format-time';
import { useT } from '../../../i18n/use-t';
import { snapshotQueries } from '../../../lib/snapshot-queries';
import { useSetWatch } from '../hooks/use-snapshot-mutations';

interface WatchToggleProps {
  region: string;
  groupId: string;
  groupName: string;
}

/** The watch of a group in the one watch list of the console, if it is watched. */
export function useWatchOf(region: string, groupId: string): WatchView | undefined {
  const watches = useQuery(snapshotQueries.watches());
  return watches.data?.watches.find((w) => w.regionId === region && w.groupId === groupId);
}

function watchStateText(
  watch: WatchView,
  t: Translate,
  formatTime: (value: string | undefined) => string,
): { text: string; color: string } {
  if (watch.status === 'deleted') return { text: t('snapshotsUi.watchDeleted'), color: 'error' };
  if (watch.backoffSeconds > 0)
    return {
      text: t('snapshotsUi.watchBackoff', { seconds: Math.round(watch.backoffSeconds) }),
      color: 'warning',
    };
  if (watch.lastError)
    return { text: t('snapshotsUi.watchError', { code: watch.lastError.code }), color: 'warning' };
  return {
    text: watch.lastReadAt
      ? t('snapshotsUi.watchLastRead', { time: formatTime(watch.lastReadAt) })
      : t('snapshotsUi.watchNotRead'),
    color: 'processing',
  };
}

/**
 * The watch state of a group (last read, deleted, backing off), as a tag, and with `since` who
 * turned the watch on and when; nothing when unwatched.
 */
export function WatchState({
  region,
  groupId,
  since = false,
}: {
  region: string;
  groupId: string;
  since?: boolean;
}) {
  const t = useT();
  const formatTime = useFormatTime();
  const watch = useWatchOf(region, groupId);
  if (!watch) return null;
  const state = watchStateText(watch, t, formatTime);
  const stateTag = (
    <DeferredTooltip title={watch.lastError && <ErrorDetails error={watch.lastError} />}>
      <Tag color={state.color}>{state.text}</Tag>
    </DeferredTooltip>
  );
  if (!since) return stateTag;
  return (
    <Space size="small" wrap>
      {stateTag}
      <Text type="secondary">
        {t('historyLinks.watchedBySince', {
          by: watch.watchedBy,
          time: formatTime(watch.watchedSince),
        })}
      </Text>
    </Space>
  );
}

/** Watch / Stop watching, as a link-styled button (the groups list's row actions). */
export function WatchToggle({ region, groupId, groupName }: WatchToggleProps) {
  const t = useT();
  const toast = useToast();
  const watch = useWatchOf(region, groupId);
  const setWatch = useSetWatch(region, groupId);
  const watched = watch !== undefined;
  const toggle = () =>
    setWatch.mutate(!watched, {
      onSuccess: (state) =>
        void toast.success(
          t(state.watched ? 'snapshotsUi.watchOn' : 'snapshotsUi.watchOff', { name: groupName }),
        ),
      onError: (error) =>
        void toast.error(
          `${t('snapshotsUi.watchFailed')}: ${error instanceof Error ? error.message : String(error)}`,
        ),
    });
  return (
    <button
      type="button"
      className="rr-link-button"
      onClick={toggle}
      disabled={setWatch.isPending}
      aria-pressed={watched}
      aria-label={t(watched ? 'snapshotsUi.unwatchOf' : 'snapshotsUi.watchOf', { name: groupName })}
    >
      {t(watched ? 'snapshotsUi.unwatch' : 'snapshotsUi.watch')}
    </button>
  );
}
