import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Modal, Skeleton, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type {
  PreflightFailureView,
  PreviewParams,
  PreviewResponse,
  RestoreMode,
  RestoreOptions,
} from '../../../../server/contract';
import { ErrorSentence } from '../../../components/error-sentence';
import { Heading } from '../../../components/headings';
import { TitleWithId } from '../../../components/title-with-id';
import { PreflightChecks } from '../../../components/preflight-checks';
import { PreviewPanel } from '../../../components/preview/preview-panel';
import { useDebounced } from '../../../components/preview/use-debounced';
import { useFormatTime } from '../../../i18n/use-format-time';
import { useT } from '../../../i18n/use-t';
import { isApiError } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { groupQueries } from '../../../lib/group-queries';
import { paths } from '../../../lib/paths';
import { useNarrowScreen } from '../../../lib/use-narrow-screen';
import { useDialogFocus } from '../../../lib/use-dialog-focus';
import { isRestoreActive, restoreQueries } from '../../../lib/restore-queries';
import { ruleQueries } from '../../../lib/rule-queries';
import { previewQueries } from '../api/preview-queries';
import { useStartRestore } from '../hooks/use-restore-mutations';
import { AutoRevertOption, useAutoRevertChoice } from './auto-revert-option';
import { BlastRadius } from './blast-radius';
import { DestinationSelect } from './destination-select';
import { ProtectedConfirm, confirmed } from '../../../components/protected-confirm';
import { RestorationType } from './restoration-type';
import { RestoreJobView } from './restore-job-view';
import { SourceSummary } from './source-summary';

interface RestoreModalProps {
  region: string;
  sourceId: string;
  /** The restore job to follow (in the URL, so a reload comes back to it). */
  restoreId: string | null;
  onRestoreIdChange: (restoreId: string | null) => void;
  onClose: () => void;
}

const NO_OPTIONS: RestoreOptions = {
  recreateSystemRules: false,
  retargetSelfReferences: false,
};

/** The Restore Rules dialog: pick a destination and a type, review the preview, confirm, follow the job. */
export function RestoreModal({
  region,
  sourceId,
  restoreId,
  onRestoreIdChange,
  onClose,
}: RestoreModalProps) {
  const t = useT();
  const source = useQuery(ruleQueries.ofGroup(region, sourceId));
  const group = source.data?.group;
  const title = t('restore.title', { name: group?.name ?? sourceId, id: sourceId });
  const narrow = useNarrowScreen();
  useDialogFocus();

  return (
    <Modal
      open
      title={<TitleWithId title={title} id={sourceId} />}
      onCancel={onClose}
      // Full-screen on a phone; OK and Cancel (or Close) stay in view however long the preview.
      width={narrow ? '100%' : 1120}
      rootClassName={narrow ? 'rr-dialog rr-dialog-fullscreen' : 'rr-dialog'}
      mask={{ closable: false }}
      destroyOnHidden
      footer={restoreId ? <Button onClick={onClose}>{t('restore.close')}</Button> : null}
    >
      {restoreId ? (
        <RestoreJobView restoreId={restoreId} onFollow={onRestoreIdChange} onClose={onClose} />
      ) : source.isPending ? (
        <Skeleton active />
      ) : !group ? (
        <ErrorSentence
          title={t('restore.previewError')}
          error={source.error}
          onRetry={() => void source.refetch()}
        />
      ) : (
        <RestoreForm
          region={region}
          source={group}
          onStarted={onRestoreIdChange}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

interface RestoreFormProps {
  region: string;
  source: PreviewResponse['source'];
  onStarted: (restoreId: string) => void;
  onClose: () => void;
}

/** What a 422 PreflightFailed carries: the checks the fresh plan fails, and that plan's preview. */
interface PreflightRefusal {
  checks?: PreflightFailureView[];
  preview?: PreviewResponse;
}

function RestoreForm({ region, source, onStarted, onClose }: RestoreFormProps) {
  const t = useT();
  const formatTime = useFormatTime();
  const queryClient = useQueryClient();
  const [destinationId, setDestinationId] = useState<string>();
  const [mode, setMode] = useState<RestoreMode>('completely');
  const [options, setOptions] = useState<RestoreOptions>(NO_OPTIONS);
  const [staleNotice, setStaleNotice] = useState(false);
  const [confirmName, setConfirmName] = useState('');
  const [autoRevert, setAutoRevert] = useAutoRevertChoice();
  // Cherry-pick: the rows unticked now, and the same list once it has been still for a moment
  // (the preview is re-planned for it; every tick does not cost a request).
  const [excluded, setExcluded] = useState<string[]>([]);
  const pickedExcluded = useDebounced(excluded, 300);
  // Set when the server answered 409 RestoreInProgress: the job it named (null when it named none).
  const [conflict, setConflict] = useState<{
    restoreId: string | null;
    startedAt?: string;
  } | null>(null);
  // Set when OK answered 422 PreflightFailed: the checks, shown here only when no new preview came.
  const [refusal, setRefusal] = useState<PreflightFailureView[] | null>(null);

  const candidates = useQuery(groupQueries.all(region));
  const latest = useQuery(restoreQueries.latestOfSource(source.id));
  const conflictJob = useQuery({
    ...restoreQueries.detail(conflict?.restoreId ?? ''),
    enabled: Boolean(conflict?.restoreId),
  });
  const params: PreviewParams | null = destinationId
    ? {
        destinationId,
        mode,
        options,
        ...(pickedExcluded.length > 0 ? { excluded: pickedExcluded } : {}),
      }
    : null;
  const preview = useQuery({
    ...previewQueries.restore(region, source.id, params ?? { destinationId: '', mode, options }),
    enabled: params !== null,
    // While a new selection is planned, the tables stay (same destination, type and options).
    placeholderData: (previous) =>
      previous &&
      previous.destination.id === destinationId &&
      previous.mode === mode &&
      previous.options.recreateSystemRules === options.recreateSystemRules &&
      previous.options.retargetSelfReferences === options.retargetSelfReferences
        ? previous
        : undefined,
  });
  const start = useStartRestore(region, source.id);
  const names = useMemo(
    () => new Map((candidates.data ?? []).map((g) => [g.id, g.name])),
    [candidates.data],
  );

  // A running job blocks a new restore of this source until it ends (the server would answer 409).
  const conflictId =
    conflict?.restoreId && (!conflictJob.data || isRestoreActive(conflictJob.data))
      ? conflict.restoreId
      : null;
  // The job OK just started is ours, not "already running", while the dialog hands over to it.
  const ownJob = start.data?.restoreId;
  const activeId =
    conflictId ??
    (latest.data && isRestoreActive(latest.data) && latest.data.id !== ownJob
      ? latest.data.id
      : null);
  const conflictEnded = conflictJob.data !== undefined && !isRestoreActive(conflictJob.data);
  // When the job that blocked this one ends, it has changed the source: recompute the preview.
  useEffect(() => {
    if (conflictEnded) void queryClient.invalidateQueries({ queryKey: queryKeys.groupsOf(region) });
  }, [conflictEnded, queryClient, region]);
  const blocked =
    activeId !== null || (conflict !== null && conflict.restoreId === null && latest.isFetching);
  const shown = params ? preview.data : undefined;
  const ready = Boolean(shown) && !preview.isFetching && excluded === pickedExcluded;
  const identical = Boolean(shown?.identical);
  const failedChecks = shown?.checks.length ?? 0;

  // A stale preview's fresh one keeps only the exclusions that still name a row: adopt both.
  const adoptFresh = (fresh: PreviewResponse) => {
    const kept = fresh.selection.excluded;
    const freshParams = {
      destinationId: fresh.destination.id,
      mode: fresh.mode,
      options: fresh.options,
      ...(kept.length > 0 ? { excluded: kept } : {}),
    };
    queryClient.setQueryData(
      previewQueries.restore(region, source.id, freshParams).queryKey,
      fresh,
    );
    if (kept.length !== excluded.length) setExcluded(kept);
  };

  const changeInput = (change: () => void, keepSelection = false) => {
    setStaleNotice(false);
    setRefusal(null);
    start.reset();
    // Another destination, type or options is another set of rows: the selection starts over.
    if (!keepSelection) setExcluded([]);
    change();
  };

  const confirm = () => {
    if (!params || !shown) return;
    setStaleNotice(false);
    setRefusal(null);
    start.mutate(
      {
        ...params,
        revision: shown.revision,
        ...(shown.confirmationRequired ? { confirmName } : {}),
        ...(autoRevert.enabled ? { autoRevertMinutes: autoRevert.minutes } : {}),
      },
      {
        onSuccess: (accepted) => onStarted(accepted.restoreId),
        onError: (error) => {
          if (isApiError(error, 'StalePreview')) {
            const fresh = (error.details as { preview?: PreviewResponse } | undefined)?.preview;
            const key = previewQueries.restore(region, source.id, params).queryKey;
            if (fresh) adoptFresh(fresh);
            else void queryClient.invalidateQueries({ queryKey: key });
            setStaleNotice(true);
          } else if (isApiError(error, 'PreflightFailed')) {
            // The groups changed between the preview and OK, and the fresh plan fails a check.
            const details = (error.details ?? {}) as PreflightRefusal;
            const key = previewQueries.restore(region, source.id, params).queryKey;
            if (details.preview) queryClient.setQueryData(key, details.preview);
            else void queryClient.invalidateQueries({ queryKey: key });
            setRefusal(details.preview ? [] : (details.checks ?? []));
          } else if (isApiError(error, 'RestoreInProgress')) {
            const details = error.details as { restoreId?: string; startedAt?: string } | undefined;
            const id = details?.restoreId;
            setConflict({
              restoreId: id ?? null,
              ...(details?.startedAt ? { startedAt: details.startedAt } : {}),
            });
            // Without an ID, the latest restore of the source is the one that runs.
            if (!id) void latest.refetch();
          }
        },
      },
    );
  };

  // A 409 RestoreInProgress reads as the "already running" notice when the running job is known.
  const startError =
    start.error &&
    !isApiError(start.error, 'StalePreview') &&
    !isApiError(start.error, 'PreflightFailed') &&
    !(isApiError(start.error, 'RestoreInProgress') && activeId)
      ? start.error
      : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <SourceSummary source={source} />
      <BlastRadius region={region} groupId={source.id} />
      {activeId && (
        <Alert
          type={conflict ? 'warning' : 'info'}
          showIcon
          id="restore-in-progress"
          title={
            conflictId && conflict?.startedAt
              ? t('preflight.inProgressSince', {
                  id: conflictId,
                  time: formatTime(conflict.startedAt),
                })
              : conflictId
                ? t('restore.inProgressId', { id: conflictId })
                : t('restore.inProgress')
          }
          description={
            conflictId ? (
              <Link to={paths.restore(conflictId)}>{t('preflight.openRunning')}</Link>
            ) : undefined
          }
          action={
            <Button size="small" onClick={() => onStarted(activeId)}>
              {t('restore.viewRunning')}
            </Button>
          }
        />
      )}
      <div>
        <label htmlFor="restore-destination">
          <Typography.Text strong>{t('restore.destination')}</Typography.Text>
        </label>
        <div style={{ marginTop: 8 }}>
          <DestinationSelect
            id="restore-destination"
            region={region}
            source={source}
            groups={candidates.data}
            loading={candidates.isPending}
            value={destinationId}
            onChange={(id) => changeInput(() => setDestinationId(id))}
          />
        </div>
        {candidates.isError && (
          <ErrorSentence
            title={t('groups.loadError')}
            error={candidates.error}
            onRetry={() => void candidates.refetch()}
          />
        )}
      </div>
      <RestorationType value={mode} onChange={(next) => changeInput(() => setMode(next))} />
      <section aria-labelledby="restore-preview-title" aria-busy={preview.isFetching}>
        <Heading level={3} looksLike={5} id="restore-preview-title">
          {t('restore.preview')}
        </Heading>
        {staleNotice && (
          <Alert type="warning" showIcon title={t('restore.stale')} style={{ marginBottom: 12 }} />
        )}
        {refusal && (
          <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
            <Alert type="error" showIcon title={t('preflight.refusedAtOk')} />
            <PreflightChecks checks={refusal} names={names} />
          </Space>
        )}
        {!params ? (
          <Typography.Text type="secondary">{t('restore.previewIdle')}</Typography.Text>
        ) : preview.isError && !shown ? (
          <ErrorSentence
            title={t('restore.previewError')}
            error={preview.error}
            onRetry={() => void preview.refetch()}
          />
        ) : !shown ? (
          <div role="status" aria-live="polite">
            <Typography.Text type="secondary">{t('restore.previewLoading')}</Typography.Text>
            <Skeleton active />
          </div>
        ) : (
          <PreviewPanel
            preview={shown}
            names={names}
            onOptionsChange={(next) => changeInput(() => setOptions(next))}
            onModeChange={(next) => changeInput(() => setMode(next))}
            excluded={excluded}
            onExcludedChange={(next) => changeInput(() => setExcluded(next), true)}
          />
        )}
      </section>
      {identical && (
        <Alert type="info" showIcon title={t('restore.identical')} id="restore-identical" />
      )}
      {shown && <ProtectedConfirm preview={shown} value={confirmName} onChange={setConfirmName} />}
      <AutoRevertOption value={autoRevert} onChange={setAutoRevert} />
      {startError && <ErrorSentence title={t('restore.startError')} error={startError} />}
      <Space
        className="rr-dialog-actions"
        style={{ width: '100%', justifyContent: 'flex-end' }}
        wrap
      >
        {failedChecks > 0 && (
          <Typography.Text type="danger" id="restore-checks-failed">
            {t('preflight.okBlocked', { count: failedChecks })}
          </Typography.Text>
        )}
        <Button onClick={onClose}>{t('restore.cancel')}</Button>
        <Button
          type="primary"
          disabled={
            !ready || identical || blocked || failedChecks > 0 || !confirmed(shown, confirmName)
          }
          loading={start.isPending}
          onClick={confirm}
          aria-describedby={
            failedChecks > 0
              ? 'restore-checks-failed'
              : identical
                ? 'restore-identical'
                : activeId
                  ? 'restore-in-progress'
                  : undefined
          }
        >
          {t('restore.ok')}
        </Button>
      </Space>
    </Space>
  );
}
