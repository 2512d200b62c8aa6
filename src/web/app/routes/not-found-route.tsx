import { Empty } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/use-t';
import { useRegion } from '../../features/regions/hooks/use-region';
import { paths } from '../../lib/paths';
import { PageTitle } from '../../components/headings';

export function NotFoundRoute() {
  const t = useT();
  const [region] = useRegion();
  return (
    <Empty description={<PageTitle>{t('app.notFound')}</PageTitle>}>
      <Link to={paths.groups(region)}>{t('app.backHome')}</Link>
    </Empty>
  );
}
