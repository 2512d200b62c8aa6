/**
 * The first screen's region, language and VPC boxes and its search box are drawn with antd's
 * markup until antd's Select and Input load (src/web/components/deferred-*.tsx). They must look
 * like antd's (same classes), and what the user does before the swap must carry over.
 *
 * Node access is the point here: the classes antd styles by are on elements no role reaches.
 */
/* eslint-disable testing-library/no-node-access, testing-library/no-container */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { appTheme } from '../../src/web/app/theme';

/** A fresh copy of the deferred components, with antd's Select and Input not loaded yet. */
async function freshDeferred() {
  vi.resetModules();
  const antd = await import('../../src/web/components/deferred-antd');
  const select = await import('../../src/web/components/deferred-select');
  const search = await import('../../src/web/components/deferred-search');
  // antd is loaded afresh too: the theme must reach the components through its own context.
  const { ConfigProvider } = await import('antd');
  /** The console's antd theme, whose CSS-variable class the early boxes must repeat. */
  const themed = (children: ReactNode) => (
    <ConfigProvider theme={appTheme}>{children}</ConfigProvider>
  );
  return { ...antd, ...select, ...search, themed };
}

const classesOf = (element: Element | null) => [...(element?.classList ?? [])].sort();

describe('the first screen boxes before antd has loaded', () => {
  it('a select is drawn with the classes of antd Select, and becomes it', async () => {
    const { DeferredSelect, loadAntdInputs, themed } = await freshDeferred();
    const options = [{ value: 'en-US', label: 'English' }];
    const { container } = render(
      themed(
        <DeferredSelect
          aria-label="Language"
          value="en-US"
          options={options}
          style={{ width: 120 }}
        />,
      ),
    );
    const early = container.firstElementChild;
    expect(screen.getByRole('combobox', { name: 'Language' })).toHaveAttribute('readonly');
    expect(early).toHaveTextContent('English');
    const earlyClasses = classesOf(early);
    expect(earlyClasses).toContain('rr-theme');

    await act(loadAntdInputs);
    const real = container.firstElementChild;
    expect(real).not.toBe(early);
    expect(classesOf(real)).toEqual(earlyClasses);
    expect(real).toHaveTextContent('English');
  });

  it('a select pressed before antd Select arrives opens with its options', async () => {
    const { DeferredSelect } = await freshDeferred();
    const user = userEvent.setup();
    const chosen = vi.fn();
    render(
      <DeferredSelect
        aria-label="Region"
        value="cn-hangzhou"
        onChange={chosen}
        options={[
          { value: 'cn-hangzhou', label: 'China (Hangzhou)' },
          { value: 'cn-shanghai', label: 'China (Shanghai)' },
        ]}
      />,
    );
    await user.click(screen.getByRole('combobox', { name: 'Region' }));
    // antd's list draws each option as an item titled with its label.
    await user.click(await screen.findByTitle('China (Shanghai)'));
    expect(chosen).toHaveBeenCalledWith('cn-shanghai', expect.anything());
  });

  it('the search box keeps what was typed and the focus, and searches on Enter before and after', async () => {
    const { DeferredSearch, loadAntdInputs, themed } = await freshDeferred();
    const user = userEvent.setup();
    const searched = vi.fn();
    const { container } = render(
      themed(
        <DeferredSearch
          aria-label="Search"
          onSearch={searched}
          allowClear
          style={{ width: 360 }}
        />,
      ),
    );
    const earlyWrapper = classesOf(container.querySelector('.ant-input-affix-wrapper'));
    const earlyButton = classesOf(container.querySelector('.ant-input-search-btn'));
    const earlyRoot = classesOf(container.firstElementChild);

    // Focusing starts the load, so antd's Input may take over while the word is typed.
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'web{Enter}');
    expect(searched.mock.lastCall?.[0]).toBe('web');

    await act(loadAntdInputs);
    const real = screen.getByRole('searchbox', { name: 'Search' });
    expect(real).toHaveValue('web');
    expect(real).toHaveFocus();
    expect(classesOf(container.firstElementChild)).toEqual(earlyRoot);
    expect(classesOf(container.querySelector('.ant-input-search-btn'))).toEqual(earlyButton);
    // Focused now, which antd marks on the wrapper; at rest the classes were antd's own.
    expect(
      classesOf(container.querySelector('.ant-input-affix-wrapper')).filter(
        (name) => !name.endsWith('-focused'),
      ),
    ).toEqual(earlyWrapper.filter((name) => !name.endsWith('-focused')));
    await user.type(real, '-prod{Enter}');
    expect(searched.mock.lastCall?.[0]).toBe('web-prod');
  });
});
