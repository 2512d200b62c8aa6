import { useState } from 'react';
import { Button, Flex, Popover } from 'antd';
import { RegionSelect } from '../features/regions/components/region-select';
import { SignOutButton } from '../features/session/components/sign-out-button';
import { useT } from '../i18n/use-t';
import { LanguageSwitch } from './language-switch';

/** The top bar's selectors on a narrow screen: region, language and sign-out, behind one button. */
export function TopBarMenu() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      content={
        <Flex vertical gap="small" style={{ minWidth: 220 }}>
          <RegionSelect />
          <LanguageSwitch />
          <SignOutButton />
        </Flex>
      }
    >
      <Button aria-label={t('narrow.settings')} aria-expanded={open} aria-haspopup="dialog">
        <span aria-hidden="true">☰</span>
      </Button>
    </Popover>
  );
}
