import { useEffect, type ReactElement, type ReactNode } from 'react';
import { loadAntdInputs, useAntdInputs } from './deferred-antd';

interface DeferredTooltipProps {
  /** Nothing to say: the child alone, and nothing is loaded for it. */
  title: ReactNode;
  open?: boolean;
  children: ReactElement;
}

/**
 * antd's Tooltip for a passing state (an error), loaded with antd's Select and Input
 * (see deferred-antd): a title asks for it at once, and the child shows alone until it arrives.
 * The child is drawn again when the tooltip starts, as it was when antd's Tooltip was only
 * rendered for the state.
 */
export function DeferredTooltip({ title, open, children }: DeferredTooltipProps) {
  const Tooltip = useAntdInputs()?.Tooltip;
  const wanted = title !== undefined && title !== null && title !== false;
  useEffect(() => {
    if (wanted) void loadAntdInputs();
  }, [wanted]);
  if (!wanted || !Tooltip) return children;
  return (
    <Tooltip title={title} open={open}>
      {children}
    </Tooltip>
  );
}
