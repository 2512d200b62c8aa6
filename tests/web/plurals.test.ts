import { enUS } from '../../src/web/i18n/en-us';
import { selectPlurals } from '../../src/web/i18n/plural';
import { loadLanguage } from '../../src/web/i18n/dictionaries';
import { createTranslate, type Translate } from '../../src/web/i18n/translate';

describe('plural forms', () => {
  const en = createTranslate('en-US');
  let zh: Translate;
  // Chinese is fetched on demand, as when a user picks it.
  beforeAll(async () => {
    await loadLanguage('zh-CN');
    zh = createTranslate('zh-CN');
  });

  it('says one rule and many rules in English', () => {
    expect(en('restore.stepAuthorize', { count: 1, direction: 'inbound' })).toBe(
      'Add 1 inbound rule',
    );
    expect(en('restore.stepAuthorize', { count: 3, direction: 'inbound' })).toBe(
      'Add 3 inbound rules',
    );
    expect(en('restore.stepModify', { count: 2, direction: 'outbound' })).toBe(
      'Change 2 outbound rules',
    );
    expect(en('restore.warnSsh', { count: 1 })).toMatch(/^1 rule opens SSH/);
    expect(en('restore.warnSsh', { count: 2 })).toMatch(/^2 rules open SSH/);
    expect(en('restore.calls', { steps: 1, calls: 1 })).toBe('1 step, 1 ECS call');
    expect(en('restore.attempts', { count: 2 })).toBe('2 attempts');
    expect(en('console.retries', { count: 1, codes: 'Throttling.User (0.2 s)' })).toBe(
      '1 retry: Throttling.User (0.2 s)',
    );
    expect(en('restore.failedSubtitle', { applied: 1, total: 1 })).toMatch(
      /^1 of 1 step was applied;/,
    );
  });

  it('has one form in Chinese', () => {
    expect(zh('restore.stepAuthorize', { count: 1, direction: '入方向' })).toBe(
      '添加 1 条入方向规则',
    );
    expect(zh('console.destinationMeta', { count: 1, vpc: 'vpc-1', time: 't' })).toBe(
      '1 条规则 · vpc-1 · 创建于 t',
    );
  });

  it('prefers an exact match and falls back to other', () => {
    const rules = new Intl.PluralRules('en-US');
    const template = '{n, plural, =0 {no rules} one {# rule} other {# rules}}';
    expect(selectPlurals(template, { n: 0 }, rules)).toBe('no rules');
    expect(selectPlurals(template, { n: 1 }, rules)).toBe('1 rule');
    expect(selectPlurals('{n, plural, other {# x}}', { n: 1 }, rules)).toBe('1 x');
  });

  it('leaves no English text that reads "1 rules"', () => {
    const texts = Object.values(enUS).flatMap((section) => Object.values(section) as string[]);
    // A count before a plural noun outside a plural block ("# {direction} rules" is inside one).
    const plain = texts.filter((text) =>
      /(?<!# )\{\w+\} (rules|steps|attempts|groups)\b/.test(text),
    );
    expect(plain).toEqual([]);
    for (const key of ['restore.stepAuthorize', 'restore.stepRevoke', 'groups.counter'] as const) {
      expect(en(key, { count: 1, direction: 'inbound' })).not.toMatch(/\b1 \w+ ?\w*s\b/);
    }
  });
});
