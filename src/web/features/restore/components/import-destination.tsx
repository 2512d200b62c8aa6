import { Alert, Button, Upload } from 'antd';
import type { ImportErrorDetails } from '../../../../server/contract';
import { ErrorSentence } from '../../../components/error-sentence';
import { useT } from '../../../i18n/use-t';
import { isApiError } from '../../../lib/api-client';
import { useImportFile } from '../api/destination-queries';

interface ImportDestinationProps {
  region: string;
  sourceId: string;
  /** The snapshot the file became: the dialog makes it the destination. */
  onImported: (snapshotId: string) => void;
}

/**
 * "Import a file…": reads the chosen file in the browser and sends its text; a valid file
 * becomes a snapshot, chosen as the destination. An invalid one lists the server's problems,
 * each naming its line or entry and field.
 */
export function ImportDestination({ region, sourceId, onImported }: ImportDestinationProps) {
  const t = useT();
  const importing = useImportFile(region);
  const fileName = importing.variables?.fileName ?? '';
  const problems =
    importing.error && isApiError(importing.error, 'ImportInvalid')
      ? (importing.error.details as ImportErrorDetails | undefined)
      : undefined;

  return (
    <div style={{ marginTop: 8 }}>
      <Upload
        accept=".json,.csv"
        // Names the hidden file input itself, for assistive technology and tests alike.
        aria-label={t('importdest.importButton')}
        showUploadList={false}
        beforeUpload={async (file) => {
          const content = await file.text();
          importing.mutate(
            { fileName: file.name, content, sourceId },
            { onSuccess: (snapshot) => onImported(snapshot.id) },
          );
          // The file is sent as text by the mutation, not uploaded by antd.
          return false;
        }}
      >
        <Button loading={importing.isPending}>{t('importdest.importButton')}</Button>
      </Upload>
      <div style={{ marginTop: 4 }}>
        {importing.isPending
          ? t('importdest.importing', { file: fileName })
          : importing.isSuccess
            ? t('importdest.imported', { file: fileName, count: importing.data.ruleCount })
            : t('importdest.importHint')}
      </div>
      {problems ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 8 }}
          title={t('importdest.importFailed', {
            file: fileName,
            count: problems.errors.length,
          })}
          description={
            <>
              <ul aria-label={t('importdest.problemsList')} style={{ margin: 0, paddingLeft: 20 }}>
                {problems.errors.map((e, index) => (
                  <li key={index}>{e.message}</li>
                ))}
              </ul>
              {problems.truncated && <div>{t('importdest.moreProblems')}</div>}
            </>
          }
        />
      ) : (
        importing.error && (
          <ErrorSentence
            title={t('importdest.importFailed', { file: fileName, count: 1 })}
            error={importing.error}
          />
        )
      )}
    </div>
  );
}
