import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Progress, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { CloneAccepted } from '../../../../server/contract';
import { ErrorSentence } from '../../../components/error-sentence';
import { DialogTitle } from '../../../components/headings';
import { useT } from '../../../i18n/use-t';
import { paths } from '../../../lib/paths';
import { useDialogFocus } from '../../../lib/use-dialog-focus';
import { useNarrowScreen } from '../../../lib/use-narrow-screen';
import { isRestoreActive, restoreQueries } from '../../../lib/restore-queries';
import { useCloneGroup } from '../hooks/use-snapshot-mutations';
import { defaultCloneName, isValidDescription, isValidGroupName } from './clone-name';

interface CloneModalProps {
  region: string;
  groupId: string;
  groupName: string;
  onClose: () => void;
}

/** The restore job that fills the clone, followed to its end. */
function CloneProgress({
  region,
  accepted,
  name,
}: {
  region: string;
  accepted: CloneAccepted;
  name: string;
}) {
  const t = useT();
  const job = useQuery(restoreQueries.detail(accepted.restoreId));
  const detail = job.data;
  const restoreLink = (
    <Link to={paths.restore(accepted.restoreId)}>{t('snapshotsUi.openRestoreDetail')}</Link>
  );
  if (job.isError && !detail)
    return <ErrorSentence title={t('snapshotsUi.cloneFailed')} error={job.error} />;
  if (!detail || isRestoreActive(detail)) {
    const total = detail?.stepsTotal ?? 0;
    return (
      <Space orientation="vertical" style={{ width: '100%' }} aria-live="polite">
        <Typography.Text>{t('snapshotsUi.cloneCopying', { name })}</Typography.Text>
        <Progress
          percent={total === 0 ? 0 : Math.round(((detail?.stepsApplied ?? 0) / total) * 100)}
          aria-label={t('snapshotsUi.cloneProgress', {
            applied: detail?.stepsApplied ?? 0,
            total,
          })}
        />
      </Space>
    );
  }
  if (detail.status === 'succeeded')
    return (
      <Alert
        type="success"
        showIcon
        title={t('snapshotsUi.cloneDone', { name, id: accepted.groupId })}
        description={
          <Space wrap>
            <Link to={paths.rules(region, accepted.groupId)}>{t('snapshotsUi.openClone')}</Link>
            {restoreLink}
          </Space>
        }
      />
    );
  return (
    <Alert
      type="error"
      showIcon
      title={t('snapshotsUi.cloneJobFailed', { id: accepted.groupId })}
      description={
        <Space orientation="vertical">
          {detail.error && <Typography.Text>{detail.error.message}</Typography.Text>}
          {restoreLink}
        </Space>
      }
    />
  );
}

/** Clone: a new group with the source's rules, named by the user, then the copy followed to done. */
export function CloneModal({ region, groupId, groupName, onClose }: CloneModalProps) {
  const t = useT();
  const [name, setName] = useState(() => defaultCloneName(groupName || groupId, new Date()));
  const [description, setDescription] = useState('');
  const clone = useCloneGroup(region, groupId);
  const nameValid = isValidGroupName(name);
  const descriptionValid = isValidDescription(description);
  const accepted = clone.data;
  const narrow = useNarrowScreen();
  useDialogFocus();

  const submit = () => {
    if (!nameValid || !descriptionValid) return;
    clone.mutate({
      name: name.trim(),
      ...(description.trim() === '' ? {} : { description: description.trim() }),
    });
  };

  return (
    <Modal
      open
      title={
        <DialogTitle>{t('snapshotsUi.cloneTitle', { name: groupName || groupId })}</DialogTitle>
      }
      onCancel={onClose}
      // Full-screen on a phone, like the restore dialog; OK and Cancel stay in view.
      width={narrow ? '100%' : undefined}
      rootClassName={narrow ? 'rr-dialog rr-dialog-fullscreen' : 'rr-dialog'}
      footer={
        accepted ? (
          <Button onClick={onClose}>{t('snapshotsUi.close')}</Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('snapshotsUi.cancel')}</Button>
            <Button
              type="primary"
              onClick={submit}
              loading={clone.isPending}
              disabled={!nameValid || !descriptionValid}
            >
              {t('snapshotsUi.cloneStart')}
            </Button>
          </Space>
        )
      }
    >
      {accepted ? (
        <CloneProgress region={region} accepted={accepted} name={name.trim()} />
      ) : (
        <Form layout="vertical" onFinish={submit}>
          <Typography.Paragraph type="secondary">{t('snapshotsUi.cloneHint')}</Typography.Paragraph>
          <Form.Item
            label={t('snapshotsUi.cloneName')}
            htmlFor="clone-name"
            validateStatus={nameValid ? '' : 'error'}
            help={nameValid ? undefined : t('snapshotsUi.cloneNameInvalid')}
          >
            <Input
              id="clone-name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              maxLength={128}
            />
          </Form.Item>
          <Form.Item
            label={t('snapshotsUi.cloneDescription')}
            htmlFor="clone-description"
            validateStatus={descriptionValid ? '' : 'error'}
            help={
              descriptionValid
                ? t('snapshotsUi.cloneDescriptionDefault')
                : t('snapshotsUi.cloneDescriptionInvalid')
            }
          >
            <Input.TextArea
              id="clone-description"
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              maxLength={256}
              autoSize={{ minRows: 2, maxRows: 4 }}
            />
          </Form.Item>
          {clone.isError && (
            <ErrorSentence title={t('snapshotsUi.cloneFailed')} error={clone.error} />
          )}
        </Form>
      )}
    </Modal>
  );
}
