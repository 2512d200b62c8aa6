import { Alert, Input, Space, Typography } from 'antd';
import type { PreviewResponse } from '../../server/contract';
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

/**
 * The danger alert naming each protected source the restore blocks and its ports, and the
 * field where the group's name is typed (the server checks it again as `confirmName`).
 */
export function ProtectedConfirm({ preview, value, onChange }: ProtectedConfirmProps) {
  const t = useT();
  if (!preview.confirmationRequired) return null;
  const name = preview.source.name;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
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
                  ports: hit.statements.map((s) => trafficWhat(s, t)).join(', '),
                })}
              </li>
            ))}
          </ul>
        }
      />
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
