import { Space, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type {
  GroupUsageResponse,
  InstanceUsage,
  NetworkInterfaceUsage,
  UsageUnavailable,
} from '../../../../server/contract';
import type { Translate } from '../../../i18n/translate';
import { useT } from '../../../i18n/use-t';
import { usageQueries } from '../api/usage-queries';

/** Referencing groups named in the line before the rest reads "+N more". */
const MAX_NAMES = 5;

type OkInstances = Extract<InstanceUsage, { status: 'ok' }>;
type OkNetworkInterfaces = Extract<NetworkInterfaceUsage, { status: 'ok' }>;

/** A missing RAM permission reads as a refusal; anything else (throttling, a fault) as a failure. */
function reason(t: Translate, part: UsageUnavailable): string {
  const refused = /^(Forbidden|NoPermission)/.test(part.code);
  return t(refused ? 'blast.refused' : 'blast.failed', { action: part.action, code: part.code });
}

/** A count read only up to the page bound is a lower bound, and says so. */
function bounded(t: Translate, text: string, complete: boolean): string {
  return complete ? text : t('blast.atLeast', { what: text });
}

function instancesText(t: Translate, part: OkInstances): string {
  const text = t('blast.instances', { count: part.total, running: part.running });
  return bounded(t, text, part.complete);
}

function networkInterfacesText(t: Translate, part: OkNetworkInterfaces): string {
  const text = t('blast.networkInterfaces', { count: part.total });
  return bounded(t, text, part.complete);
}

/**
 * The "used by" clause from the parts that were read: zero parts are left out while another
 * part counts something, and a part that could not be read is never taken for zero.
 */
function usageClause(
  t: Translate,
  instances: InstanceUsage,
  networkInterfaces: NetworkInterfaceUsage,
): string | null {
  const okInstances = instances.status === 'ok' ? instances : null;
  const okEnis = networkInterfaces.status === 'ok' ? networkInterfaces : null;
  const counted = [
    okInstances && okInstances.total > 0 ? instancesText(t, okInstances) : null,
    okEnis && okEnis.total > 0 ? networkInterfacesText(t, okEnis) : null,
  ].filter((text): text is string => text !== null);
  if (counted.length === 2)
    return t('blast.usedBy', {
      what: t('blast.both', { first: counted[0]!, second: counted[1]! }),
    });
  if (counted.length === 1) return t('blast.usedBy', { what: counted[0]! });
  if (okInstances && okEnis) return t('blast.unusedBoth');
  if (okInstances) return t('blast.unusedInstances');
  if (okEnis) return t('blast.unusedNetworkInterfaces');
  return null;
}

function namesText(t: Translate, groups: { id: string; name: string }[]): string {
  const labels = groups.map((group) => group.name || group.id).sort((a, b) => a.localeCompare(b));
  const shown = labels.slice(0, MAX_NAMES);
  const rest = labels.length - shown.length;
  return [...shown, ...(rest > 0 ? [t('blast.more', { count: rest })] : [])].join(
    t('blast.separator'),
  );
}

interface BlastLine {
  key: string;
  text: string;
  requestId?: string | undefined;
  unavailable?: boolean;
}

/** The sentences of the blast radius: the usage line, then one per part that could not be read. */
function blastLines(t: Translate, usage: GroupUsageResponse): BlastLine[] {
  const { instances, networkInterfaces, references } = usage;
  const usageText = usageClause(t, instances, networkInterfaces);
  const names =
    references.status === 'ok' && references.groups.length > 0
      ? namesText(t, references.groups)
      : null;
  const summary =
    names === null
      ? usageText
      : usageText === null
        ? t('blast.referencedOnly', { names })
        : t('blast.referencedBy', { usage: usageText, names });
  const lines: BlastLine[] = summary === null ? [] : [{ key: 'summary', text: summary }];
  const parts = [
    { key: 'instances', part: instances, label: 'blast.instancesUnavailable' },
    {
      key: 'networkInterfaces',
      part: networkInterfaces,
      label: 'blast.networkInterfacesUnavailable',
    },
    { key: 'references', part: references, label: 'blast.referencesUnavailable' },
  ] as const;
  for (const { key, part, label } of parts) {
    if (part.status !== 'unavailable') continue;
    lines.push({
      key,
      text: t(label, { reason: reason(t, part) }),
      requestId: part.requestId,
      unavailable: true,
    });
  }
  return lines;
}

/**
 * What uses the source group (its blast radius), read alongside the rest of the dialog. It
 * informs the decision and never holds OK back: while it loads or when it fails, OK is unchanged.
 */
export function BlastRadius({ region, groupId }: { region: string; groupId: string }) {
  const t = useT();
  const usage = useQuery(usageQueries.ofGroup(region, groupId));
  return (
    <section aria-label={t('blast.title')}>
      {usage.isPending ? (
        <Space role="status" aria-live="polite">
          <Spin size="small" />
          <Typography.Text type="secondary">{t('blast.loading')}</Typography.Text>
        </Space>
      ) : usage.isError ? (
        <Typography.Text type="warning">
          {t('blast.loadError', { message: usage.error.message })}
        </Typography.Text>
      ) : (
        blastLines(t, usage.data).map((line) => (
          <div key={line.key}>
            <Typography.Text
              {...(line.unavailable ? { type: 'warning' as const } : {})}
              {...(line.requestId
                ? { title: t('errors.requestId', { requestId: line.requestId }) }
                : {})}
            >
              {line.text}
            </Typography.Text>
          </div>
        ))
      )}
    </section>
  );
}
