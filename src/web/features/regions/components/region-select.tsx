import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { DeferredSelect } from '../../../components/deferred-select';
import { useT } from '../../../i18n/use-t';
import { useLanguage } from '../../../i18n/language-store';
import { regionQueries } from '../api/region-queries';
import { useRegion } from '../hooks/use-region';

/** The top bar's region selector: local names, searchable, in the URL and remembered. */
export function RegionSelect() {
  const t = useT();
  const language = useLanguage();
  const errorId = useId();
  const [region, chooseRegion] = useRegion();
  const { data: regions, isPending, isError, refetch } = useQuery(regionQueries.list(language));
  const options = (regions ?? []).map((r) => ({
    value: r.regionId,
    label: r.localName || r.regionId,
  }));
  // Until the list arrives the box says it is loading (a raw ID like cn-hangzhou would flash
  // before its name); a region the loaded list lacks, or a failed list, still shows its ID.
  if (!options.some((o) => o.value === region))
    options.unshift({ value: region, label: isPending ? t('app.regionsLoading') : region });
  return (
    // A failed list is said (tooltip, and the select's description) and retried when it is opened.
    <>
      <DeferredSelect
        aria-label={t('app.region')}
        aria-invalid={isError || undefined}
        aria-describedby={isError ? errorId : undefined}
        value={region}
        loading={isPending}
        options={options}
        onChange={chooseRegion}
        status={isError ? 'error' : undefined}
        onOpenChange={(open) => {
          if (open && isError) void refetch();
        }}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ minWidth: 200 }}
        popupMatchSelectWidth={false}
        tooltip={{ title: isError ? t('app.regionsError') : undefined }}
      />
      {isError && (
        <span id={errorId} hidden>
          {t('app.regionsError')}
        </span>
      )}
    </>
  );
}
