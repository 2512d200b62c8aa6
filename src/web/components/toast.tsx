import { createContext, useContext, type ReactNode } from 'react';
import { message } from 'antd';

type MessageApi = ReturnType<typeof message.useMessage>[0];

const ToastContext = createContext<MessageApi | null>(null);

/**
 * Short status messages (toasts) in antd's theme and locale. antd's `App` would also do this, but
 * it brings Modal and notification into the first route's JavaScript.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [api, holder] = message.useMessage();
  return (
    <ToastContext.Provider value={api}>
      {holder}
      {children}
    </ToastContext.Provider>
  );
}

/** The toast API of the nearest ToastProvider. */
export function useToast(): MessageApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast needs a ToastProvider above it');
  return api;
}
