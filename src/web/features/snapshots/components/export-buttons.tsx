import { Space } from 'antd';
import { useT } from '../../../i18n/use-t';
import { groupExportUrl, snapshotExportUrl } from '../../../lib/snapshot-queries';

type ExportSubject = { region: string; groupId: string } | { snapshotId: string };

/**
 * Export JSON / Export CSV as download links: the browser names the file by the server's
 * Content-Disposition (the ECS console's names), and the session cookie goes along (same origin).
 */
export function ExportButtons({ subject, name }: { subject: ExportSubject; name: string }) {
  const t = useT();
  const url = (format: 'json' | 'csv') =>
    'snapshotId' in subject
      ? snapshotExportUrl(subject.snapshotId, format)
      : groupExportUrl(subject.region, subject.groupId, format);
  return (
    <Space size={0} wrap>
      {(['json', 'csv'] as const).map((format) => (
        <a
          key={format}
          className="rr-link-button"
          href={url(format)}
          download
          aria-label={t('snapshotsUi.exportOf', { format: format.toUpperCase(), name })}
        >
          {t(format === 'json' ? 'snapshotsUi.exportJson' : 'snapshotsUi.exportCsv')}
        </a>
      ))}
    </Space>
  );
}
