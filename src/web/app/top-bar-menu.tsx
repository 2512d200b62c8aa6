import { useEffect, useRef, useState } from 'react';
import { Button, Flex } from 'antd';
import { loadAntdInputs, useAntdInputs } from '../components/deferred-antd';
import { RegionSelect } from '../features/regions/components/region-select';
import { SignOutButton } from '../features/session/components/sign-out-button';
import { useT } from '../i18n/use-t';
import { LanguageSwitch } from './language-switch';

/**
 * The top bar's selectors on a narrow screen: region, language and sign-out, behind one button.
 * antd's Popover comes with the deferred antd parts (see deferred-antd); a press before then
 * opens the menu when it arrives, and the focus stays on the button.
 */
export function TopBarMenu() {
  const t = useT();
  const Popover = useAntdInputs()?.Popover;
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const focusedEarly = useRef(false);
  useEffect(() => {
    if (Popover && focusedEarly.current) button.current?.focus();
  }, [Popover]);

  const trigger = (
    <Button
      ref={button}
      aria-label={t('narrow.settings')}
      aria-expanded={open}
      aria-haspopup="dialog"
      onFocus={() => {
        if (Popover) return;
        focusedEarly.current = true;
        void loadAntdInputs();
      }}
      onBlur={(event) => {
        // The early button's removal blurs it too (with nowhere as the next focus): that focus
        // is the one to carry over.
        if (event.relatedTarget) focusedEarly.current = false;
      }}
      onClick={() => {
        if (Popover) return;
        setOpen(true);
        void loadAntdInputs();
      }}
    >
      <span aria-hidden="true">☰</span>
    </Button>
  );
  if (!Popover) return trigger;
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
      {trigger}
    </Popover>
  );
}
