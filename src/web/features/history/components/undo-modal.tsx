import { useMemo } from 'react';
import { Alert, Button, Modal, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { RestoreDetail } from '../../../../server/contract';
import { ErrorSentence } from '../../../components/error-sentence';
import { DialogTitle, Heading } from '../../../components/headings';
import { PreviewPanel } from '../../../components/preview/preview-panel';
import { useT } from '../../../i18n/use-t';
import { paths } from '../../../lib/paths';
import { useNarrowScreen } from '../../../lib/use-narrow-screen';
import { useDialogFocus } from '../../../lib/use-dialog-focus';
import { groupQueries } from '../../../lib/group-queries';
import { historyQueries } from '../api/history-queries';
import { useUndo } from '../hooks/use-undo';

/** Undo with its own preview and confirmation: the source back to its pre-restore rules. */
export function UndoModal({ restore, onClose }: { restore: RestoreDetail; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const preview = useQuery(historyQueries.undoPreview(restore.id));
  const groups = useQuery(groupQueries.all(restore.regionId));
  const undo = useUndo(restore.id);
  const names = useMemo(
    () => new Map((groups.data ?? []).map((g) => [g.id, g.name])),
    [groups.data],
  );
  const name = restore.source.name || restore.source.id;
  const identical = Boolean(preview.data?.identical);
  const narrow = useNarrowScreen();
  useDialogFocus();

  return (
    <Modal
      open
      title={<DialogTitle>{t('history.undoTitle', { name, id: restore.source.id })}</DialogTitle>}
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
          danger
          disabled={!preview.data || preview.isFetching || identical}
          loading={undo.isPending}
          onClick={() =>
            preview.data &&
            undo.mutate(preview.data.revision, {
              onSuccess: (accepted) => {
                onClose();
                void navigate(paths.restore(accepted.restoreId));
              },
              onError: () => void preview.refetch(),
            })
          }
        >
          {t('history.undoConfirm')}
        </Button>,
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>
          {t('history.undoExplain', { name, count: restore.snapshot.length })}
        </Typography.Paragraph>
        {undo.error && <ErrorSentence title={t('restore.startError')} error={undo.error} />}
        <section aria-labelledby="undo-preview-title">
          <Heading level={3} looksLike={5} id="undo-preview-title">
            {t('restore.preview')}
          </Heading>
          {preview.isPending ? (
            <Skeleton active />
          ) : preview.data ? (
            <PreviewPanel preview={preview.data} names={names} />
          ) : (
            <ErrorSentence
              title={t('restore.previewError')}
              error={preview.error}
              onRetry={() => void preview.refetch()}
            />
          )}
        </section>
        {identical && <Alert type="info" showIcon title={t('restore.identical')} />}
      </Space>
    </Modal>
  );
}
