import { useCallback, useEffect } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { paths } from '../../../lib/paths';
import { useLastRegion, useRegionActions } from '../stores/region-store';

/**
 * The selected region: the URL's `?region=` when present, else the remembered one. Choosing a
 * region remembers it; on the security-group pages it opens the new region's list (a group ID
 * means nothing in another region), elsewhere it only changes the parameter.
 */
export function useRegion(): [string, (region: string) => void] {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const lastRegion = useLastRegion();
  const { regionChosen } = useRegionActions();
  const fromUrl = params.get('region');
  const region = fromUrl ?? lastRegion;

  useEffect(() => {
    if (fromUrl && fromUrl !== lastRegion) regionChosen(fromUrl);
  }, [fromUrl, lastRegion, regionChosen]);

  const choose = useCallback(
    (next: string) => {
      regionChosen(next);
      if (location.pathname.startsWith('/security-groups')) void navigate(paths.groups(next));
      else setParams(new URLSearchParams({ region: next }));
    },
    [regionChosen, location.pathname, navigate, setParams],
  );
  return [region, choose];
}
