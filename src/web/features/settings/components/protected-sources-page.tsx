import { useState } from 'react';
import { Alert, Button, Flex, Input, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ErrorSentence } from '../../../components/error-sentence';
import { PageTitle } from '../../../components/headings';
import { useToast } from '../../../components/toast';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/use-t';
import { ApiError } from '../../../lib/api-client';
import type { ProtectedSourcesResponse } from '../../../../server/contract';
import { protectedSourcesQuery, useSaveProtectedSources } from '../api/protected-sources-queries';
import { rowProblems, type FieldProblem, type Row } from './source-validation';

interface EditedRow extends Row {
  key: number;
}

const PROBLEM_TEXT: Record<FieldProblem, MessageKey> = {
  labelEmpty: 'rollback.sourcesLabelEmpty',
  labelLong: 'rollback.sourcesLabelLong',
  cidrInvalid: 'rollback.sourcesCidrInvalid',
  cidrDuplicate: 'rollback.sourcesCidrDuplicate',
};

/** The server's 400 names `sources.<index>.<field>`: that field of that row is at fault. */
function serverField(error: Error | null): { index: number; field: 'label' | 'cidr' } | null {
  if (!(error instanceof ApiError)) return null;
  const field = (error.details as { field?: string } | undefined)?.field ?? '';
  const match = /^sources\.(\d+)\.(label|cidr)$/.exec(field);
  return match ? { index: Number(match[1]), field: match[2] as 'label' | 'cidr' } : null;
}

/**
 * The protected sources editor: the entries of the PROTECTED_SOURCES setting (read-only) and the
 * console's own list, edited in place and saved as a whole. A restore that blocks traffic from
 * any of them today needs the group's name typed.
 */
export function ProtectedSourcesPage() {
  const t = useT();
  const sources = useQuery(protectedSourcesQuery());
  return (
    <section aria-labelledby="protected-sources-title">
      <PageTitle id="protected-sources-title">{t('rollback.sourcesTitle')}</PageTitle>
      {sources.isPending ? (
        <Skeleton active />
      ) : sources.data ? (
        <Editor answer={sources.data} />
      ) : (
        <ErrorSentence
          title={t('rollback.sourcesLoadError')}
          error={sources.error}
          onRetry={() => void sources.refetch()}
        />
      )}
    </section>
  );
}

function rowsOf(answer: ProtectedSourcesResponse): EditedRow[] {
  return answer.edited.map((s, key) => ({ ...s, key }));
}

/** The two tables and the buttons, starting from the list as the server answered it. */
function Editor({ answer }: { answer: ProtectedSourcesResponse }) {
  const t = useT();
  const toast = useToast();
  const save = useSaveProtectedSources();
  const [rows, setRows] = useState<EditedRow[]>(() => rowsOf(answer));
  const [nextKey, setNextKey] = useState(answer.edited.length);
  const [touched, setTouched] = useState(false);

  const problems = rowProblems(rows);
  const invalid = problems.some((p) => p.label ?? p.cidr);
  const fromServer = serverField(save.error);
  const problemText = (problem: FieldProblem) => t(PROBLEM_TEXT[problem]);
  const update = (key: number, patch: Partial<Row>) => {
    setRows(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
    save.reset();
  };

  const fieldOf = (row: EditedRow, index: number, field: 'label' | 'cidr') => {
    const problem = touched || row[field] !== '' ? problems[index]?.[field] : undefined;
    const server = fromServer?.index === index && fromServer.field === field;
    const message = problem ? problemText(problem) : server ? save.error?.message : undefined;
    const id = `source-${row.key}-${field}`;
    return (
      <Space orientation="vertical" size={0} style={{ width: '100%' }}>
        <Input
          id={id}
          aria-label={t(field === 'label' ? 'rollback.sourcesLabel' : 'rollback.sourcesCidr')}
          value={row[field]}
          placeholder={field === 'cidr' ? '203.0.113.0/24' : t('rollback.sourcesLabelHint')}
          status={message ? 'error' : ''}
          aria-invalid={Boolean(message)}
          aria-describedby={message ? `${id}-error` : undefined}
          onChange={(event) => update(row.key, { [field]: event.target.value })}
        />
        {message && (
          <Typography.Text type="danger" id={`${id}-error`}>
            {message}
          </Typography.Text>
        )}
      </Space>
    );
  };

  const onSave = () => {
    setTouched(true);
    if (invalid) return;
    save.mutate(
      { sources: rows.map(({ label, cidr }) => ({ label: label.trim(), cidr: cidr.trim() })) },
      {
        onSuccess: (saved) => {
          setRows(rowsOf(saved));
          setNextKey(saved.edited.length);
          setTouched(false);
          void toast.success(t('rollback.sourcesSaved'));
        },
      },
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph>{t('rollback.sourcesExplain')}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        aria-label={t('rollback.sourcesConfiguredTable')}
        rowKey={(s) => `${s.label}|${s.cidr}`}
        dataSource={answer.configured}
        locale={{ emptyText: t('rollback.sourcesNoneConfigured') }}
        columns={[
          { key: 'label', title: t('rollback.sourcesLabel'), dataIndex: 'label' },
          { key: 'cidr', title: t('rollback.sourcesCidr'), dataIndex: 'cidr' },
          {
            key: 'from',
            title: t('rollback.sourcesFrom'),
            render: () => <Tag>{t('rollback.sourcesFromSetting')}</Tag>,
          },
        ]}
      />
      <Table
        size="small"
        pagination={false}
        aria-label={t('rollback.sourcesEditedTable')}
        rowKey="key"
        dataSource={rows}
        locale={{ emptyText: t('rollback.sourcesNoneEdited') }}
        columns={[
          {
            key: 'label',
            title: t('rollback.sourcesLabel'),
            render: (_, row, index) => fieldOf(row, index, 'label'),
          },
          {
            key: 'cidr',
            title: t('rollback.sourcesCidr'),
            render: (_, row, index) => fieldOf(row, index, 'cidr'),
          },
          {
            key: 'remove',
            title: t('rollback.sourcesActions'),
            render: (_, row) => (
              <Button
                danger
                aria-label={t('rollback.sourcesRemove', { label: row.label || row.cidr })}
                onClick={() => {
                  setRows(rows.filter((r) => r.key !== row.key));
                  save.reset();
                }}
              >
                {t('rollback.sourcesRemoveShort')}
              </Button>
            ),
          },
        ]}
      />
      {save.error && !fromServer && (
        <ErrorSentence title={t('rollback.sourcesSaveError')} error={save.error} />
      )}
      {touched && invalid && <Alert type="error" showIcon title={t('rollback.sourcesFixFirst')} />}
      <Flex gap="small">
        <Button
          onClick={() => {
            setRows([...rows, { key: nextKey, label: '', cidr: '' }]);
            setNextKey(nextKey + 1);
          }}
        >
          {t('rollback.sourcesAdd')}
        </Button>
        <Button type="primary" loading={save.isPending} onClick={onSave}>
          {t('rollback.sourcesSave')}
        </Button>
      </Flex>
    </Space>
  );
}
