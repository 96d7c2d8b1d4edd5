import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { UnusedDataPage } from './pages/unused-data-page.ts';

const DAY = 86_400_000;

/**
 * Auto-kill on, with durationToRetain reaching back to 2024-05-01 whatever today is: the demo's unused
 * sales_events (Jan–Feb 2024) and social_media (2020–2022) segments are eligible, données_ventes_été's (July 2024)
 * are kept. Periods of an hour keep the duty's own timer out of the test, which runs it on demand instead.
 */
function autoKillProperties(): string {
  const retainDays = Math.ceil((Date.now() - Date.UTC(2024, 4, 1)) / DAY);
  const file = join(mkdtempSync(join(tmpdir(), 'unused-data-e2e-')), 'runtime.properties');
  writeFileSync(
    file,
    [
      'druid.coordinator.kill.on=true',
      'druid.coordinator.period.indexingPeriod=PT1H',
      'druid.coordinator.kill.period=PT1H',
      `druid.coordinator.kill.durationToRetain=P${retainDays}D`,
      'druid.coordinator.kill.bufferPeriod=PT0S',
      'druid.coordinator.kill.maxSegments=100',
      'druid.worker.capacity=10',
    ].join('\n'),
  );
  return file;
}

test.describe('unused data and auto-kill', () => {
  test.use({ isolated: true, clusterArgs: ['--properties', autoKillProperties()] });

  test('forecast, refused and accepted config changes, protect one datasource, the automatic kill and its history', async ({
    page,
    request,
    expectAccessible,
  }) => {
    test.setTimeout(90_000);
    const view = new UnusedDataPage(page);
    await view.goto();

    // The static settings as the Coordinator was started; one kill slot (10 × 0.1).
    await expect(view.settings.getByRole('row', { name: /Auto-kill on the Coordinator/ })).toContainText('true');
    await expect(view.settings).toContainText('1 of 10 task slots');

    // Which segments go and when: the first 100 of sales_events' 122 at the next run, données kept by retention.
    await expect(view.row('sales_events')).toContainText(/100 on \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    await expect(view.row('sales_events')).toContainText('all by');
    // One slot for six datasources: a run may fill it before reaching this one.
    await expect(view.row('sales_events')).toContainText('if a kill slot is free (1 for 6 datasources)');
    await expect(view.row('social_media')).toContainText(/25 on /);
    await expect(view.row('données_ventes_été')).toContainText('3 kept by durationToRetain');
    await expect(view.row('kttm1')).toContainText('Nothing to kill');
    await expectAccessible(page);

    // A value Druid refuses: its message, and nothing changes.
    await view.settings.getByRole('button', { name: 'Edit kill settings…' }).click();
    await view.dialog.getByRole('textbox', { name: 'killTaskSlotRatio' }).fill('1.5');
    await expect(view.dialog.getByRole('list', { name: 'Changes to save' })).toContainText('0.1');
    await view.saveDialog('Save kill settings', 'more slots', 'Ada');
    await expect(view.dialog.getByRole('alert')).toContainText('killTaskSlotRatio [1.50] is invalid');
    const unchanged = await (await request.get('/druid/coordinator/v1/config')).json();
    expect(unchanged.killTaskSlotRatio).toBe(0.1);

    // An accepted change: five slots, recorded with author and comment.
    await view.dialog.getByRole('textbox', { name: 'killTaskSlotRatio' }).fill('0.5');
    await view.dialog.getByRole('button', { name: 'Save kill settings', exact: true }).click();
    await expect(view.dialog).toBeHidden();
    await expect(view.settings).toContainText('5 of 10 task slots');
    const change = view.configHistory.getByRole('listitem').filter({ hasText: '“more slots”' });
    await expect(change).toContainText('by Ada');
    // The first change ever recorded: nothing before it to diff against, so its kill fields as saved.
    await expect(change).toContainText('killTaskSlotRatio: 0.5');

    // Protect social_media: the empty whitelist becomes every other datasource, confirmed by typing its name.
    await view.row('social_media').getByRole('button', { name: 'Protect social_media' }).click();
    await expect(view.dialog).toContainText('datasources created later will not be auto-killed');
    // The dialog and its diff in the dark theme too.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page);
    await view.dialog.getByRole('textbox', { name: /to confirm/ }).fill('social_media');
    await view.saveDialog('Protect social_media', 'keep the 2020 posts', 'Ada');
    await expect(view.dialog).toBeHidden();
    await expect(view.row('social_media')).toContainText('Never: Not in killDataSourceWhitelist');
    await expect(view.settings.getByTestId('kill-whitelist')).not.toContainText('social_media');
    await expect(view.settings.getByTestId('kill-whitelist')).toContainText('sales_events');
    // The history diffs it semantically against the change before.
    const protect = view.configHistory.getByRole('listitem').filter({ hasText: '“keep the 2020 posts”' });
    await expect(protect).toContainText(/killDataSourceWhitelist: was \(empty\) → now/);
    await expect(protect).toContainText(
      '(added données_ventes_été, kttm1, sales_events, wikipedia_api, wikipedia_hour)',
    );

    // The Coordinator's duty runs: one automatic task for sales_events, none for the protected datasource.
    const run = await request.post('/local-cluster/coordinator/kill-unused-segments');
    expect(run.ok()).toBe(true);
    const report = await run.json();
    expect(report.taskIds).toHaveLength(1);
    expect(report.taskIds[0]).toContain('_kill_sales_events_');

    await page.reload();
    await view.heading.waitFor();
    const task = view.killHistory.getByRole('row').filter({ hasText: 'sales_events' });
    await expect(task).toContainText('Auto-kill');
    await expect(task).toContainText('SUCCESS', { timeout: 30_000 });
    await expect(task).toContainText('100');
    // 22 left in sales_events; social_media untouched.
    await expect(view.row('sales_events')).toContainText(/^sales_events22/);
    await expect(view.row('social_media')).toContainText(/^social_media25/);

    // The task's interval opens as a dry run in the Kill view: what is left there.
    await task.getByRole('link', { name: /^Dry run of .* in sales_events$/ }).click();
    await expect(page).toHaveURL(/\/kill\/sales_events\?interval=2024-01-01/);
    await expect(page.getByRole('textbox', { name: 'Interval to kill' })).toHaveValue(/^2024-01-01T00:00:00\.000Z\//);
  });
});
