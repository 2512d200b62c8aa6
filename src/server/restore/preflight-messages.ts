/**
 * The server's wording of failed pre-flight checks: one sentence per check with its numbers, for
 * the 422 a refused restore answers and for the journal. The web words them itself (i18n); these
 * are for API clients, logs and the history record.
 */
import type { PreflightFailure } from '../../domain/preflight';
import type { Rule } from '../../domain/types';

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function ruleCount(rules: Rule[]): string {
  return plural(rules.length, 'rule');
}

/** One sentence naming the check and its numbers. */
function describeCheck(failure: PreflightFailure): string {
  switch (failure.code) {
    case 'service-managed':
      return 'The source is managed by a cloud service (ServiceManaged); its rules cannot be changed.';
    case 'rule-limit':
      return `The result would hold ${failure.peak} rules; a group holds at most ${failure.limit}. It holds ${failure.before} now; the plan adds ${failure.added} and removes ${failure.removed}.`;
    case 'group-reference-limit':
      return `The result would hold ${failure.peak} rules that reference security groups; a basic group holds at most ${failure.limit}. It holds ${failure.before} now; the plan adds ${failure.added}.`;
    case 'eni-rule-limit':
      return `${plural(failure.enis.length, 'network interface')} would carry more than ${failure.limit} rules over all their groups (${failure.enis.map((eni) => `${eni.eniId}: ${eni.total}`).join(', ')}).`;
    case 'enterprise-group-reference':
      return `${ruleCount(failure.rules)} reference a security group; an advanced group cannot hold such rules.`;
    case 'reference-self':
      return `${ruleCount(failure.rules)} would make the source reference itself, which ECS refuses.`;
    case 'reference-other-vpc':
      return `${ruleCount(failure.rules)} reference groups in another VPC (${failure.groupIds.join(', ')}).`;
    case 'reference-missing':
      return `${ruleCount(failure.rules)} reference groups that do not exist (${failure.groupIds.join(', ')}).`;
    case 'port-range-list-classic':
      return `${ruleCount(failure.rules)} use a port range list, which classic-network groups do not support.`;
    case 'field-priority':
      return `${ruleCount(failure.rules)} have a priority outside ${failure.min}–${failure.max}.`;
    case 'field-description':
      return `${ruleCount(failure.rules)} have a description longer than ${failure.limit} characters (the longest has ${failure.longest}).`;
    case 'field-port-range':
      return `${ruleCount(failure.rules)} have a port range ECS does not accept.`;
    case 'field-cidr':
      return `${ruleCount(failure.rules)} have a CIDR block ECS does not accept.`;
  }
}

/** The whole refusal: what was refused, then each failed check. */
export function refusalMessage(what: string, failures: PreflightFailure[]): string {
  const checks = failures.map(describeCheck).join(' ');
  return `${what} was not started: ECS would refuse it. ${checks}`;
}
