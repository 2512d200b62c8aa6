import { Alert, Button, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest } from '../../../../server/contract';
import { apiClient, read } from '../../../lib/api-client';
import { useT } from '../../../i18n/use-t';
import { ErrorSentence } from '../../../components/error-sentence';
import { sessionQueries } from '../api/session-queries';

/**
 * Shown when the server requires CONSOLE_TOKEN: the token is sent once to POST /api/login, which
 * answers with an HttpOnly cookie, so the token never stays in the page or in storage.
 */
export function LoginForm() {
  const t = useT();
  const queryClient = useQueryClient();
  const login = useMutation({
    mutationFn: (body: LoginRequest) => read(apiClient().login.$post({ json: body })),
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQueries.current().queryKey, session);
      // Everything fetched before the login was refused: fetch it again with the cookie.
      return queryClient.invalidateQueries();
    },
  });
  return (
    <Alert
      type="warning"
      banner
      showIcon
      title={t('app.loginRequired')}
      description={
        <Form
          layout="inline"
          onFinish={(values: { token: string }) => login.mutate({ token: values.token })}
        >
          <Form.Item
            name="token"
            label={t('app.accessToken')}
            rules={[{ required: true, message: t('app.accessTokenRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={login.isPending}>
              {t('app.signIn')}
            </Button>
          </Form.Item>
          {login.isError && <ErrorSentence title={t('app.signInFailed')} error={login.error} />}
        </Form>
      }
    />
  );
}
