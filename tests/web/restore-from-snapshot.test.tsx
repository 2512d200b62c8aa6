/** The destination picker's snapshots and its "Import a file…", against the real proxy and emulator. */
import { screen, within } from '@testing-library/react';
import { groupIdByName, jsonInit } from '../support/test-stack';
import { chooseOption } from './choose-option';
import { findSummary, openRestoreFor } from './journey-helpers';
import { renderApp, stackPerTest } from './render-app';

const stack = stackPerTest();
const REGION = 'cn-hangzhou';

async function snapshotOf(name: string, note: string): Promise<string> {
  const id = await groupIdByName(stack().app, REGION, name);
  const res = await stack().app.request(
    `/api/regions/${REGION}/security-groups/${id}/snapshots`,
    jsonInit('POST', { note }),
  );
  expect(res.status).toBe(201);
  return id;
}

const destinationOf = (dialog: HTMLElement) =>
  within(dialog).getByRole('combobox', { name: 'Destination Security Group' });

describe('Restore from a snapshot or an imported file', () => {
  it('offers the source’s snapshot, tagged, and previews restoring from it', async () => {
    const webProd = await snapshotOf('web-prod', 'before the change');
    // A change made elsewhere after the snapshot: the restore would take it away again.
    stack().emulator.addRules(REGION, webProd, 'ingress', [
      { IpProtocol: 'TCP', PortRange: '9000/9000', SourceCidrIp: '10.8.0.0/16', Policy: 'Accept' },
    ]);
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    await chooseOption(
      user,
      destinationOf(dialog),
      /^Snapshot: on demand · this group \(sg-[a-z0-9]+\) · \d+ rules · taken .* · before the change \(snap-/,
      { search: 'before the change' },
    );
    expect(await screen.findByText('Snapshots')).toBeInTheDocument();
    const summary = await findSummary(dialog, /^\+0 added, −1 removed, 0 changed, /);
    expect(summary).toBeInTheDocument();
    expect(within(dialog).getByText('10.8.0.0/16')).toBeInTheDocument();
  });

  it('imports a bad file and lists the server’s problems by entry and field', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    const content = JSON.stringify({
      Permissions: {
        Permission: [
          {
            Direction: 'ingress',
            IpProtocol: 'TCP',
            PortRange: '80/70',
            SourceCidrIp: '10.0.0.0/8',
          },
          {
            Direction: 'ingress',
            IpProtocol: 'TCP',
            PortRange: '80/80',
            SourceCidrIp: '10.0.0.300/8',
          },
        ],
      },
    });
    const input = within(dialog).getByLabelText('Import a file…', { selector: 'input' });
    await user.upload(
      input,
      new File([content], 'ecs_cn-hangzhou_bad.json', { type: 'application/json' }),
    );
    const alert = await within(dialog).findByText(
      'ecs_cn-hangzhou_bad.json cannot be imported: 2 problems listed',
      {},
      { timeout: 10_000 },
    );
    expect(alert).toBeInTheDocument();
    const list = within(dialog).getByRole('list', { name: 'Problems in the file' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      expect.stringMatching(
        /^entry \/Permissions\/Permission\/0, field PortRange: "80\/70" is not a valid port range/,
      ),
      expect.stringMatching(
        /^entry \/Permissions\/Permission\/1, field SourceCidrIp: "10\.0\.0\.300\/8" is not a valid IPv4 CIDR/,
      ),
    ]);
    expect(within(dialog).getByRole('button', { name: 'OK' })).toBeDisabled();
  });

  it('imports a good file, makes it the destination and previews it', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    const content = JSON.stringify({
      Permissions: {
        Permission: [
          {
            Direction: 'ingress',
            IpProtocol: 'TCP',
            PortRange: '443/443',
            SourceCidrIp: '0.0.0.0/0',
            Description: '网站，HTTPS',
          },
        ],
      },
    });
    const input = within(dialog).getByLabelText('Import a file…', { selector: 'input' });
    await user.upload(input, new File([content], 'rules.json', { type: 'application/json' }));
    expect(
      await within(dialog).findByText(
        /^rules\.json imported: 1 rule; it is the destination now\.$/,
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    await findSummary(dialog, /^\+\d+ added, −\d+ removed, /);
    expect(within(dialog).getAllByText('网站，HTTPS').length).toBeGreaterThan(0);
  });

  it('imports a CSV file, lists its problems by line and field, then previews a fixed one', async () => {
    const { user } = renderApp('/security-groups?region=cn-hangzhou');
    const dialog = await openRestoreFor(user, 'web-prod');
    expect(
      within(dialog).getByText(
        'A JSON or CSV rules file exported by this console or the ECS console.',
      ),
    ).toBeInTheDocument();
    const input = within(dialog).getByLabelText('Import a file…', { selector: 'input' });
    expect(input).toHaveAttribute('accept', '.json,.csv');
    const header = 'Direction,Policy,Priority,IpProtocol,PortRange,SourceCidrIp,Description';
    const good = 'ingress,Accept,1,TCP,8443/8443,10.0.0.0/8,"管理端口, ""运维"""';
    const bad = `${header}\r\n${good}\r\ningress,Accept,1,TCP,80/70,10.0.0.0/8,x\r\n`;
    await user.upload(input, new File([bad], 'bad.csv', { type: 'text/csv' }));
    expect(
      await within(dialog).findByText(
        'bad.csv cannot be imported: 1 problem listed',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    const list = within(dialog).getByRole('list', { name: 'Problems in the file' });
    expect(within(list).getByRole('listitem').textContent).toMatch(
      /^line 3, field PortRange: "80\/70" is not a valid port range/,
    );

    // antd's Upload renders a new file input after each choice.
    await user.upload(
      within(dialog).getByLabelText('Import a file…', { selector: 'input' }),
      new File([`${header}\r\n${good}\r\n`], 'good.csv', { type: 'text/csv' }),
    );
    expect(
      await within(dialog).findByText(
        /^good\.csv imported: 1 rule; it is the destination now\.$/,
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    await findSummary(dialog, /^\+\d+ added, −\d+ removed, /);
    expect(within(dialog).getAllByText('管理端口, "运维"').length).toBeGreaterThan(0);
  });
});
