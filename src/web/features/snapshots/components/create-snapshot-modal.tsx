import { useState } from 'react';
import { Button, Input, Modal, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ErrorSentence } from '../../../components/error-sentence';
import { useToast } from '../../../components/toast';
import { DialogTitle } from '../../../components/headings';
import { useT } from '../../../i18n/use-t';
import { paths } from '../../../lib/paths';
import { useDialogFocus } from '../../../lib/use-dialog-focus';
import { useNarrowScreen } from '../../../lib/use-narrow-screen';
import { useCreateSnapshot } from '../hooks/use-snapshot-mutations';

interface CreateSnapshotModalProps {
  region: string;
  groupId: string;
  groupName: string;
  onClose: () => void;
}

/** Create snapshot: an optional note, then a toast that leads to the group's timeline. */
export function CreateSnapshotModal({
  region,
  groupId,
  groupName,
  onClose,
}: CreateSnapshotModalProps) {
  const t = useT();
  const navigate = useNavigate();
  const toast = useToast();
  const [note, setNote] = useState('');
  const create = useCreateSnapshot(region, groupId);
  const narrow = useNarrowScreen();
  useDialogFocus();

  const submit = () =>
    create.mutate(note, {
      onSuccess: (snapshot) => {
        onClose();
        const key = `snapshot-${snapshot.id}`;
        void toast.success({
          key,
          content: (
            <span>
              {t('snapshotsUi.created', { count: snapshot.ruleCount })}{' '}
              {/* The toasts render outside the router: navigate from here instead of a Link. */}
              <Button
                type="link"
                size="small"
                onClick={() => {
                  toast.destroy(key);
                  void navigate(paths.timeline(region, groupId));
                }}
              >
                {t('snapshotsUi.openTimeline')}
              </Button>
            </span>
          ),
        });
      },
    });

  return (
    <Modal
      open
      title={<DialogTitle>{t('snapshotsUi.createTitle', { name: groupName })}</DialogTitle>}
      onCancel={onClose}
      // Full-screen on a phone, like the restore dialog; OK and Cancel stay in view.
      width={narrow ? '100%' : undefined}
      rootClassName={narrow ? 'rr-dialog rr-dialog-fullscreen' : 'rr-dialog'}
      okText={t('snapshotsUi.create')}
      cancelText={t('snapshotsUi.cancel')}
      onOk={submit}
      confirmLoading={create.isPending}
    >
      <Typography.Paragraph type="secondary">{t('snapshotsUi.createHint')}</Typography.Paragraph>
      <label htmlFor="snapshot-note">{t('snapshotsUi.note')}</label>
      {/* antd draws the character count below the box without taking room for it: the room is
          kept here, or the sticky footer would cover the count. */}
      <div style={{ paddingBottom: 20 }}>
        <Input.TextArea
          id="snapshot-note"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          placeholder={t('snapshotsUi.notePlaceholder')}
          maxLength={500}
          showCount
          autoSize={{ minRows: 2, maxRows: 6 }}
        />
      </div>
      {create.isError && (
        <div style={{ marginTop: 12 }}>
          <ErrorSentence title={t('snapshotsUi.createFailed')} error={create.error} />
        </div>
      )}
    </Modal>
  );
}
