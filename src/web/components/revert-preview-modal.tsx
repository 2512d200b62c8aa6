import { useMemo, useState } from 'react';
import { Alert, Button, Modal, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { PreviewResponse, RestoreDetail } from '../../server/contract';
import type { Translate } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { followUpPreviewQuery, useFollowUp, type FollowUpKind } from '../lib/follow-ups';
import { groupQueries } from '../lib/group-queries';
import { ErrorSentence } from './error-sentence';
import { Heading } from './headings';
import { TitleWithId } from './title-with-id';
import { PreviewPanel } from './preview/preview-panel';
import { useDialogFocus } from '../lib/use-dialog-focus';
import { useNarrowScreen } from '../lib/use-narrow-screen';
import { ProtectedConfirm, confirmed } from './protected-confirm';

interface RevertPreviewModalProps {
  restore: RestoreDetail;
  kind: FollowUpKind;
  onClose: () => void;
  /** Called with the job the server started (the same restore for a retry). */
  onStarted: (restoreId: string) => void;
}

function texts(kind: FollowUpKind, restore: RestoreDetail, t: Translate) {
  const name = restore.source.name || restore.source.id;
  const vars = { name, id: restore.source.id, count: restore.snapshot.length };
  switch (kind) {
    case 'undo':
      return {
        title: t('history.undoTitle', vars),
        explain: t('history.undoExplain', vars),
        confirm: t('history.undoConfirm'),
      };
    case 'rollback':
      return {
        title: t('rollback.rollbackTitle', vars),
        explain: t('rollback.rollbackExplain', vars),
        confirm: t('rollback.rollbackConfirm'),
      };
    case 'retry':
      return {
        title: t('rollback.retryTitle', vars),
        explain: t('rollback.retryExplain', { name, destination: restore.destination.name }),
        confirm: t('rollback.retryConfirm'),
      };
  }
}

/** Removals (and changes, which replace a rule) can cut traffic: OK says so in danger red. */
function removes(preview: PreviewResponse | undefined): boolean {
  return Boolean(preview && (preview.summary.removed > 0 || preview.summary.changed > 0));
}

/**
 * Undo, Roll back or Retry remaining with its own preview, computed by the server against the
 * source's current rules, and a confirmation: what runs is exactly the reviewed revision (a stale
 * one comes back as an error and the preview is read again).
 */
export function RevertPreviewModal({ restore, kind, onClose, onStarted }: RevertPreviewModalProps) {
  const narrow = useNarrowScreen();
  useDialogFocus();
  const t = useT();
  const preview = useQuery(followUpPreviewQuery(restore.id, kind));
  const groups = useQuery(groupQueries.all(restore.regionId));
  const start = useFollowUp(restore.id, kind);
  const [confirmName, setConfirmName] = useState('');
  const names = useMemo(
    () => new Map((groups.data ?? []).map((g) => [g.id, g.name])),
    [groups.data],
  );
  const shown = preview.data;
  const identical = Boolean(shown?.identical);
  const failedChecks = shown?.checks.length ?? 0;
  const { title, explain, confirm } = texts(kind, restore, t);

  return (
    <Modal
      open
      title={<TitleWithId title={title} id={restore.source.id} />}
      onCancel={onClose}
      width={narrow ? '100%' : 1120}
      rootClassName={narrow ? 'rr-dialog rr-dialog-fullscreen' : 'rr-dialog'}
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('restore.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={kind !== 'retry' || removes(shown)}
          disabled={
            !shown ||
            preview.isFetching ||
            (identical && kind !== 'retry') ||
            failedChecks > 0 ||
            !confirmed(shown, confirmName)
          }
          loading={start.isPending}
          onClick={() =>
            shown &&
            start.mutate(
              {
                revision: shown.revision,
                ...(shown.confirmationRequired ? { confirmName } : {}),
              },
              {
                onSuccess: (accepted) => {
                  onClose();
                  onStarted(accepted.restoreId);
                },
                onError: () => void preview.refetch(),
              },
            )
          }
        >
          {confirm}
        </Button>,
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>{explain}</Typography.Paragraph>
        {start.error && <ErrorSentence title={t('restore.startError')} error={start.error} />}
        <section aria-labelledby="follow-up-preview-title">
          <Heading level={3} looksLike={5} id="follow-up-preview-title">
            {t('restore.preview')}
          </Heading>
          {preview.isPending ? (
            <Skeleton active />
          ) : shown ? (
            <PreviewPanel preview={shown} names={names} />
          ) : (
            <ErrorSentence
              title={t('restore.previewError')}
              error={preview.error}
              onRetry={() => void preview.refetch()}
            />
          )}
        </section>
        {identical && (
          <Alert
            type="info"
            showIcon
            title={t(kind === 'retry' ? 'rollback.retryNothingLeft' : 'rollback.revertNothing', {
              name: restore.source.name || restore.source.id,
            })}
          />
        )}
        {shown && (
          <ProtectedConfirm preview={shown} value={confirmName} onChange={setConfirmName} />
        )}
      </Space>
    </Modal>
  );
}
