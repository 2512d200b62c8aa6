import { Alert, Input, Space, Typography } from 'antd';
import type { ConfirmationReason, PreviewResponse } from '../../server/contract';
import type { Translate } from '../i18n/translate';
import { trafficWhat } from './preview/traffic-effect-panel';
import { useT } from '../i18n/use-t';

interface ProtectedConfirmProps {
  preview: PreviewResponse;
  value: string;
  onChange: (value: string) => void;
}

/** True when OK may be pressed: no confirmation asked, or the source's name typed exactly. */
export function confirmed(preview: PreviewResponse | undefined, typed: string): boolean {
  return !preview?.confirmationRequired || typed === preview.source.name;
}

type InstanceReason = Exclude<ConfirmationReason, { kind: 'protected-source' }>;

/** A missing RAM permission reads as a refusal; anything else (throttling, a fault) as a failure. */
function unreadWhy(t: Translate, reason: Extract<InstanceReason, { kind: 'instances-unread' }>) {
  const refused = /^(Forbidden|NoPermission)/.test(reason.code);
  return t(refused ? 'confirmation.refused' : 'confirmation.failed', {
    action: reason.action,
    code: reason.code,
  });
}

function instanceAlert(t: Translate, reason: InstanceReason, name: string) {
  if (reason.kind === 'running-instances') {
    return {
      title: t('confirmation.runningTitle'),
      text: t(reason.complete ? 'confirmation.running' : 'confirmation.runningAtLeast', {
        name,
        running: reason.running,
        removed: reason.removed,
      }),
    };
  }
  return {
    title: t('confirmation.unreadTitle'),
    text: t('confirmation.unread', { name, why: unreadWhy(t, reason), removed: reason.removed }),
  };
}

/**
 * Why OK needs the group's name typed, one alert per reason (a protected source the restore
 * blocks, with its ports; running instances under a Completely restore that removes rules, or
 * instances that could not be read), and the field where the name is typed (the server checks it
 * again as `confirmName`).
 */
export function ProtectedConfirm({ preview, value, onChange }: ProtectedConfirmProps) {
  const t = useT();
  const required = preview.confirmationRequired;
  if (!required) return null;
  const name = preview.source.name;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {required.reasons.map((reason) => {
        if (reason.kind === 'protected-source') {
          return (
            <Alert
              key={reason.kind}
              type="error"
              showIcon
              title={t('impact.protectedTitle')}
              description={
                <ul style={{ margin: 0 }}>
                  {preview.protectedBlocked.map((hit) => (
                    <li key={`${hit.label}|${hit.cidr}`}>
                      {t('impact.protectedLine', {
                        label: hit.label,
                        cidr: hit.cidr,
                        ports: hit.statements
                          .map((s) => trafficWhat(s, t))
                          .join(t('impactWording.portsSeparator')),
                      })}
                    </li>
                  ))}
                </ul>
              }
            />
          );
        }
        const alert = instanceAlert(t, reason, name);
        return (
          <Alert
            key={reason.kind}
            type="error"
            showIcon
            title={alert.title}
            description={alert.text}
          />
        );
      })}
      <label htmlFor="restore-confirm-name">
        <Typography.Text strong>{t('impact.confirmLabel', { name })}</Typography.Text>
      </label>
      <Input
        id="restore-confirm-name"
        value={value}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
        status={value !== '' && value !== name ? 'error' : ''}
        aria-invalid={value !== '' && value !== name}
      />
    </Space>
  );
}
