/**
 * The Security Groups list: a full group ID or VPC ID becomes an ECS filter and ECS's NextToken
 * pages straight through; any other text is a case-insensitive match on name or ID that the
 * proxy does itself over the region's pages (bounded), with its own cursor.
 */
import type { EcsPort, SecurityGroupFilters, SecurityGroupSummary } from '../ecs/ecs-port';
import { GROUP_ID_PATTERN, type GroupListResponse } from './contract';
import { validationError } from './errors';
import { MAX_SCAN_PAGES } from './group-reads';
import { groupSummaryView } from './views';

const VPC_ID_PATTERN = /^vpc-[a-z0-9]{4,40}$/;
/** Proxy cursors look like `q:<offset>`; ECS tokens never start that way in practice, and are opaque. */
const PROXY_CURSOR = /^q:(\d{1,6})$/;
const ECS_TOKEN = /^[A-Za-z0-9+/=_.:-]{1,512}$/;

export interface ListGroupsInput {
  search?: string;
  vpcId?: string;
  nextToken?: string;
  pageSize: number;
}

/** One page of the region's groups, filtered as the query asks. */
export async function listGroups(
  ecs: EcsPort,
  regionId: string,
  input: ListGroupsInput,
): Promise<GroupListResponse> {
  const search = input.search?.trim() ?? '';
  const filters: SecurityGroupFilters = {};
  if (input.vpcId !== undefined) filters.vpcId = input.vpcId;
  let text = '';
  if (GROUP_ID_PATTERN.test(search)) filters.securityGroupId = search;
  else if (VPC_ID_PATTERN.test(search)) {
    if (filters.vpcId !== undefined && filters.vpcId !== search)
      return { groups: [], nextToken: '' };
    filters.vpcId = search;
  } else text = search.toLowerCase();

  if (text === '') {
    if (input.nextToken !== undefined && !ECS_TOKEN.test(input.nextToken)) {
      throw validationError('nextToken', 'is not a paging token');
    }
    const page = await ecs.describeSecurityGroups(
      regionId,
      filters,
      input.nextToken === undefined
        ? { maxResults: input.pageSize }
        : { maxResults: input.pageSize, nextToken: input.nextToken },
    );
    return { groups: page.groups.map(groupSummaryView), nextToken: page.nextToken };
  }

  let offset = 0;
  if (input.nextToken !== undefined) {
    const match = PROXY_CURSOR.exec(input.nextToken);
    if (match === null) throw validationError('nextToken', 'is not a paging token of this search');
    offset = Number(match[1]);
  }
  // Scan until one item past this page is found, so the last page says so.
  const wanted = offset + input.pageSize + 1;
  const matches: SecurityGroupSummary[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_SCAN_PAGES && matches.length < wanted; page += 1) {
    const result = await ecs.describeSecurityGroups(
      regionId,
      filters,
      token === undefined ? { maxResults: 100 } : { maxResults: 100, nextToken: token },
    );
    for (const group of result.groups) {
      if (group.name.toLowerCase().includes(text) || group.id.includes(text)) matches.push(group);
    }
    if (result.nextToken === '') break;
    token = result.nextToken;
  }
  const pageItems = matches.slice(offset, offset + input.pageSize);
  const more = matches.length > offset + input.pageSize;
  return {
    groups: pageItems.map(groupSummaryView),
    nextToken: more ? `q:${offset + input.pageSize}` : '',
  };
}
