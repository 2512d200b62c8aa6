import { Radio, Space, Typography } from 'antd';
import { useT } from '../../../i18n/use-t';
import type { RestoreMode } from '../../../../server/contract';

/** The Restoration Type radio; each option with its one-line explanation. */
export function RestorationType({
  value,
  onChange,
}: {
  value: RestoreMode;
  onChange: (mode: RestoreMode) => void;
}) {
  const t = useT();
  return (
    <div role="group" aria-labelledby="restoration-type-label">
      <Typography.Text strong id="restoration-type-label">
        {t('restore.type')}
      </Typography.Text>
      <Radio.Group
        value={value}
        onChange={(event) => onChange(event.target.value as RestoreMode)}
        style={{ display: 'block', marginTop: 8 }}
      >
        <Space orientation="vertical">
          <Radio value="completely">
            <span>{t('restore.completely')}</span>
            <Typography.Text type="secondary"> — {t('restore.completelyHelp')}</Typography.Text>
          </Radio>
          <Radio value="partially">
            <span>{t('restore.partially')}</span>
            <Typography.Text type="secondary"> — {t('restore.partiallyHelp')}</Typography.Text>
          </Radio>
        </Space>
      </Radio.Group>
    </div>
  );
}
