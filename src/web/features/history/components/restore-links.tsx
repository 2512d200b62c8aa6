import { Descriptions, Space } from 'antd';
import { Link } from 'react-router';
import type { RestoreDetail } from '../../../../server/contract';
import { useFormatTime } from '../../../i18n/use-format-time';
import { useT } from '../../../i18n/use-t';
import { paths } from '../../../lib/paths';
import { WholeIds } from '../../../components/whole-ids';

/**
 * Where a restore stands among others: what it undoes or rolls back, and what undid it, rolled
 * it back, reverted it automatically or retried it. Each restore is a link, so an auditor can follow the chain both ways.
 */
export function RestoreLinks({ restore }: { restore: RestoreDetail }) {
  const t = useT();
  const formatTime = useFormatTime();
  const { undoneBy, rolledBackBy, retries, revertedAutomatically, automaticRevertOf } =
    restore.links;
  const links = (list: RestoreDetail['links']['undoneBy']) => (
    <Space wrap>
      {list.map((link) => (
        <Link key={link.id} to={paths.restore(link.id)} className="rr-nowrap">
          {link.id}
        </Link>
      ))}
    </Space>
  );
  const items = [
    ...(restore.parentId
      ? [
          {
            key: 'parent',
            label: t(restore.kind === 'undo' ? 'auditHistory.undoOf' : 'auditHistory.rollbackOf'),
            children: (
              <Link to={paths.restore(restore.parentId)} className="rr-nowrap">
                {restore.parentId}
              </Link>
            ),
          },
        ]
      : []),
    ...(undoneBy.length > 0
      ? [{ key: 'undone', label: t('auditHistory.undoneBy'), children: links(undoneBy) }]
      : []),
    ...(rolledBackBy.length > 0
      ? [{ key: 'rolled', label: t('auditHistory.rolledBackBy'), children: links(rolledBackBy) }]
      : []),
    ...(revertedAutomatically
      ? [
          {
            key: 'reverted-automatically',
            label: t('historyLinks.revertedAutomatically'),
            children: (
              <Link to={paths.restore(revertedAutomatically.id)}>
                <WholeIds
                  text={t('historyLinks.revertedAutomaticallyAt', {
                    time: formatTime(revertedAutomatically.at),
                    id: revertedAutomatically.id,
                  })}
                />
              </Link>
            ),
          },
        ]
      : []),
    ...(automaticRevertOf
      ? [
          {
            key: 'automatic-revert-of',
            label: t('historyLinks.automaticRevertOf'),
            children: (
              <Link to={paths.restore(automaticRevertOf.id)}>
                <WholeIds
                  text={t('historyLinks.automaticRevertOfText', {
                    id: automaticRevertOf.id,
                    minutes: automaticRevertOf.minutes,
                  })}
                />
              </Link>
            ),
          },
        ]
      : []),
    ...retries.map((retry) => ({
      key: `retry-${retry.attempt}`,
      label: t('auditHistory.retried'),
      children: t('auditHistory.retriedAs', {
        attempt: retry.attempt,
        by: retry.by,
        time: formatTime(retry.at),
      }),
    })),
  ];
  if (items.length === 0) return null;
  return (
    <Descriptions title={t('auditHistory.links')} bordered size="small" column={1} items={items} />
  );
}
