/** Seed check: every seeded group of every region parses through the adapter into domain rules. */
import { ruleIdentity } from '../../../src/domain/normalize';
import { allGroups, makePort, useEmulator } from './harness';

const emulator = useEmulator();

describe('demo seed through the SDK adapter', () => {
  it('reads every group of every region into normalized rules', async () => {
    const { port } = makePort({ maxResultsPerPage: 100 });
    const regions = await port.describeRegions('en-US');
    expect(regions.length).toBeGreaterThanOrEqual(3);
    let groupsRead = 0;
    for (const region of regions) {
      const groups = await allGroups(port, region.regionId, 10);
      for (const summary of groups) {
        const detail = await port.describeGroup(region.regionId, summary.id);
        groupsRead++;
        const wire = emulator.listRules(region.regionId, summary.id);
        expect(detail.rules, `${region.regionId}/${summary.name}`).toHaveLength(wire.length);
        expect(detail.rules).toHaveLength(summary.ruleCount);
        expect(detail.group).toMatchObject({
          id: summary.id,
          name: summary.name,
          vpcId: summary.vpcId,
          type: summary.type,
        });
        expect(new Set(detail.rules.map((r) => r.meta.ruleId)).size).toBe(wire.length);
        // Within a group no two rules may share an identity, or the diff could not tell them apart.
        expect(
          new Set(detail.rules.map(ruleIdentity)).size,
          `${summary.name} has duplicate identities`,
        ).toBe(wire.length);
      }
    }
    expect(groupsRead).toBeGreaterThan(20);
  });
});
