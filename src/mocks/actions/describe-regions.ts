import type { Action } from './context';

/** DescribeRegions: local names in Chinese by default, English for AcceptLanguage en-US. */
export const describeRegions: Action = (ctx, params) => {
  const english = (params.AcceptLanguage ?? 'zh-CN').toLowerCase().startsWith('en');
  return {
    RequestId: ctx.requestId,
    Regions: {
      Region: ctx.state.regions.map((r) => ({
        RegionId: r.regionId,
        LocalName: english ? r.localNameEn : r.localNameZh,
        RegionEndpoint: r.endpoint,
        Status: r.status,
      })),
    },
  };
};
