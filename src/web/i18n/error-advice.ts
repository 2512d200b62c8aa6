/**
 * What to do about each error code the console can meet (ECS-API.md "Error codes" and the
 * server's own), in both languages. Keys ending in `*` cover a family of codes by prefix.
 * `{action}` is the RAM action a refusal names (ecs:RevokeSecurityGroup).
 */
import type { Language } from './language-store';

type Advice = Readonly<Record<string, string>>;

const en: Advice = {
  Throttling: 'ECS is limiting the request rate. Wait a minute, then retry.',
  'Throttling.User': 'ECS is limiting this account’s request rate. Wait a minute, then retry.',
  'MissingParameter*':
    'ECS found a required value missing. Refresh the page and try again; if it persists, report it with the RequestId.',
  'InvalidParameter*':
    'ECS rejected a value of the request. Check the rules involved, refresh, and try again.',
  'InvalidParam.*':
    'ECS rejected a value of the request. Check the rules involved, refresh, and try again.',
  'InvalidPortRange.Malformed': 'ECS rejected a port range. Fix the rule’s port range, then retry.',
  'InvalidIpProtocol.ValueNotSupported':
    'ECS does not accept this rule’s protocol here. Change or remove the rule, then retry.',
  'InvalidPriority.*': 'ECS rejected a rule priority (1–100). Fix the priority, then retry.',
  'InvalidPolicy.Malformed': 'ECS rejected a rule action (Allow/Deny). Fix the rule, then retry.',
  'InvalidNicType.*':
    'ECS rejected the NIC type of a rule. Use intranet for VPC groups, then retry.',
  'InvalidSecurityGroupId.Malformed': 'The security group ID is not valid. Check it and retry.',
  IdempotentParameterMismatch:
    'ECS saw the same request token with different content. Refresh the preview and start again.',
  'Forbidden.RAM':
    'RAM refused {action}. Grant {action} to the console’s RAM user or role (see the least-privilege policy in the README), then retry.',
  'Forbidden*':
    'The credentials are not allowed to do this. Grant the permission (see the README’s policy), then retry.',
  AuthorizationLimitExceed:
    'The security group has reached its rule limit. Remove rules you no longer need, or ask for a higher quota, then retry.',
  'InvalidNetworkType.Conflict':
    'The two groups are of different network types (VPC and classic). Pick a destination of the same type.',
  'InvalidOperation.ResourceManagedByCloudProduct':
    'A cloud service manages this security group, so its rules cannot be changed here.',
  'InvalidRegionId.NotFound':
    'This region does not exist or is not open to the account. Pick another region.',
  'InvalidSecurityGroupId.NotFound':
    'The security group no longer exists. Refresh the list and pick another one.',
  'InvalidSourceGroupId.NotFound':
    'A rule references a security group that no longer exists. Remove or change that rule, then retry.',
  'InvalidPrefixListId.NotFound':
    'A rule references a prefix list that no longer exists. Remove or change that rule, then retry.',
  OperationConflict:
    'Another change to this group is in progress in ECS. Wait a moment, then retry.',
  InternalError:
    'ECS had an internal error. Retry; nothing is lost (the journal knows what was applied).',
  ServiceUnavailable: 'ECS is unavailable for the moment. Wait a minute, then retry.',
  StalePreview:
    'The groups changed after the preview. Review the new preview, then press OK again.',
  RestoreInProgress:
    'A restore of this group is already running. Follow it, or wait until it ends.',
  PreflightFailed: 'A check failed before anything was written. Fix what it names, then try again.',
  NetworkError: 'The connection dropped. Check the network and retry.',
  ValidationError: 'The request was not valid. Refresh the page and try again.',
  NothingToRestore: 'The groups already have the same rules: there is nothing to restore.',
  VerificationFailed:
    'ECS reports rules other than the expected ones. Open the rules to check them, then retry or roll back.',
  Interrupted: 'The server stopped while this ran. Retry the remaining steps or roll back.',
  InvalidRestoreState:
    'This restore cannot do that in its current state. Refresh to see where it stands.',
  RestoreNotFound: 'This restore is not in the journal. Check the link, or open the history.',
  NotFound: 'This was not found. Check the link, or go back and pick it again.',
  UpstreamTimeout: 'ECS did not answer in time. Retry; the journal knows what was applied.',
  UpstreamMalformed: 'ECS answered with something the console cannot read. Retry in a moment.',
  UpstreamError: 'The call to ECS failed. Retry; if it persists, report it with the RequestId.',
  CredentialsUnavailable:
    'No Alibaba Cloud credentials were found. Set them as the README describes, then restart the console.',
  Unauthorized: 'Sign in again with the access token.',
  TooManyAttempts: 'Too many failed sign-ins. Wait a few minutes, then try again.',
  ForbiddenHost:
    'This address is not allowed to reach the console. Open it through its own address.',
  ForbiddenOrigin: 'The request came from another site. Open the console directly.',
  PayloadTooLarge: 'The request is too large. Narrow it down and try again.',
  UnsupportedMediaType: 'The request was not JSON. Refresh the page and try again.',
  UsageTooLarge:
    'Too many resources use this group to count them here; the restore is not blocked.',
  InvalidBatch:
    'A step carried more rules than one ECS call accepts. Report it with the restore ID.',
};

const zh: Advice = {
  Throttling: 'ECS 正在限制请求频率。请稍等一分钟后重试。',
  'Throttling.User': 'ECS 正在限制此账号的请求频率。请稍等一分钟后重试。',
  'MissingParameter*': 'ECS 发现缺少必填值。请刷新页面后重试；如仍出现，请附 RequestId 反馈。',
  'InvalidParameter*': 'ECS 拒绝了请求中的某个值。请检查相关规则，刷新后重试。',
  'InvalidParam.*': 'ECS 拒绝了请求中的某个值。请检查相关规则，刷新后重试。',
  'InvalidPortRange.Malformed': 'ECS 拒绝了端口范围。请修正该规则的端口范围后重试。',
  'InvalidIpProtocol.ValueNotSupported': 'ECS 在此不接受该规则的协议。请修改或删除该规则后重试。',
  'InvalidPriority.*': 'ECS 拒绝了规则优先级（1–100）。请修正优先级后重试。',
  'InvalidPolicy.Malformed': 'ECS 拒绝了规则的授权策略（允许/拒绝）。请修正该规则后重试。',
  'InvalidNicType.*': 'ECS 拒绝了规则的网卡类型。VPC 安全组请使用内网，然后重试。',
  'InvalidSecurityGroupId.Malformed': '安全组 ID 无效。请检查后重试。',
  IdempotentParameterMismatch: 'ECS 收到了内容不同但令牌相同的请求。请刷新预览后重新开始。',
  'Forbidden.RAM':
    'RAM 拒绝了 {action}。请为控制台的 RAM 用户或角色授予 {action}（见 README 中的最小权限策略），然后重试。',
  'Forbidden*': '当前凭证无权执行此操作。请授予相应权限（见 README 中的策略）后重试。',
  AuthorizationLimitExceed: '安全组规则数已达上限。请删除不再需要的规则或申请提高配额，然后重试。',
  'InvalidNetworkType.Conflict':
    '两个安全组的网络类型不同（VPC 与经典网络）。请选择相同类型的目标安全组。',
  'InvalidOperation.ResourceManagedByCloudProduct': '该安全组由云产品托管，无法在此修改其规则。',
  'InvalidRegionId.NotFound': '该地域不存在或未对此账号开放。请选择其他地域。',
  'InvalidSecurityGroupId.NotFound': '该安全组已不存在。请刷新列表后选择其他安全组。',
  'InvalidSourceGroupId.NotFound': '某条规则引用的安全组已不存在。请删除或修改该规则后重试。',
  'InvalidPrefixListId.NotFound': '某条规则引用的前缀列表已不存在。请删除或修改该规则后重试。',
  OperationConflict: 'ECS 中对该安全组的另一项修改正在进行。请稍候重试。',
  InternalError: 'ECS 内部错误。请重试；不会丢失任何内容（日志记录了已应用的步骤）。',
  ServiceUnavailable: 'ECS 暂时不可用。请稍等一分钟后重试。',
  StalePreview: '预览之后安全组发生了变化。请查看新的预览，然后再次点击确定。',
  RestoreInProgress: '该安全组已有一个还原正在进行。请查看其进度，或等待其结束。',
  PreflightFailed: '写入之前的检查未通过。请修正其指出的问题后重试。',
  NetworkError: '连接已断开。请检查网络后重试。',
  ValidationError: '请求无效。请刷新页面后重试。',
  NothingToRestore: '两个安全组的规则已相同，无需还原。',
  VerificationFailed: 'ECS 报告的规则与预期不同。请打开规则检查，然后重试或回滚。',
  Interrupted: '运行期间服务器停止了。请重试剩余步骤或回滚。',
  InvalidRestoreState: '该还原在当前状态下不能执行此操作。请刷新查看其状态。',
  RestoreNotFound: '日志中没有该还原。请检查链接，或打开还原历史。',
  NotFound: '未找到。请检查链接，或返回重新选择。',
  UpstreamTimeout: 'ECS 未及时响应。请重试；日志记录了已应用的步骤。',
  UpstreamMalformed: 'ECS 返回了控制台无法读取的内容。请稍后重试。',
  UpstreamError: '调用 ECS 失败。请重试；如仍出现，请附 RequestId 反馈。',
  CredentialsUnavailable: '未找到阿里云凭证。请按 README 设置凭证后重启控制台。',
  Unauthorized: '请使用访问令牌重新登录。',
  TooManyAttempts: '登录失败次数过多。请等待几分钟后再试。',
  ForbiddenHost: '此地址不允许访问控制台。请通过控制台自己的地址打开。',
  ForbiddenOrigin: '请求来自其他站点。请直接打开控制台。',
  PayloadTooLarge: '请求过大。请缩小范围后重试。',
  UnsupportedMediaType: '请求不是 JSON。请刷新页面后重试。',
  UsageTooLarge: '使用该安全组的资源过多，无法在此统计；这不会阻止还原。',
  InvalidBatch: '某一步携带的规则超过了单次 ECS 调用的上限。请附还原 ID 反馈。',
};

const advice: Record<Language, Advice> = { 'en-US': en, 'zh-CN': zh };

/** Every code (and `prefix*` family) that has advice; the same in both languages. */
export const ADVISED_CODES = Object.keys(en);

/**
 * The sentence saying what to do about `code` in `language`, or undefined for a code the
 * console does not know. `action` fills the RAM action of a Forbidden.RAM refusal.
 */
export function errorAdvice(
  language: Language,
  code: string,
  action: string | undefined,
  fallbackAction: string,
): string | undefined {
  const table = advice[language];
  const key =
    code in table
      ? code
      : Object.keys(table)
          .filter((k) => k.endsWith('*') && code.startsWith(k.slice(0, -1)))
          .sort((a, b) => b.length - a.length)[0];
  return key === undefined
    ? undefined
    : table[key]!.replaceAll('{action}', action ?? fallbackAction);
}
