import { Navigate } from 'react-router';
import { useRegion } from '../../features/regions/hooks/use-region';
import { paths } from '../../lib/paths';

/** `/` opens the Security Groups page of the remembered region. */
export function HomeRoute() {
  const [region] = useRegion();
  return <Navigate to={paths.groups(region)} replace />;
}
