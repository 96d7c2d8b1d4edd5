import { expect, test } from './fixtures.ts';
import { RetirePage } from './pages/retire-page.ts';

const DS = 'kttm1';

test.describe('retire a datasource', () => {
  // Kill tasks that take 0.2 s instead of 1.5 s: two of them run here.
  test.use({ isolated: true, clusterArgs: ['--task-duration', '200'] });

  test('rules to the defaults, a refused mark showing Druid’s message, leave and resume, kill, gone from every list', async ({
    page,
    request,
    expectAccessible,
  }) => {
    test.setTimeout(90_000);
    // The entry: one item of the datasource's actions menu.
    await page.goto(`/segments/${DS}`);
    await page.getByRole('button', { name: `Actions for ${DS}` }).click();
    await page.getByRole('button', { name: 'Retire datasource…' }).click();
    const retire = new RetirePage(page, DS);
    await retire.heading().waitFor();

    // 1. kttm1 has three rules of its own; they are replaced by none, with an author and a comment.
    await expect(retire.status('rules')).toHaveText('Next');
    await expect(retire.status('mark')).toHaveText('Later');
    await expect(
      retire
        .step('rules')
        .getByRole('list', { name: `Rules of ${DS}` })
        .getByRole('listitem'),
    ).toHaveCount(3);
    await expectAccessible(page);
    await retire
      .step('rules')
      .getByRole('button', { name: `Set ${DS} to the default rules…` })
      .click();
    await expect(retire.dialog.getByRole('list', { name: 'Default rules' })).toContainText('Load');
    // kttm1 drops its data older than a month; the defaults load everything until step 2.
    await expect(retire.dialog.getByRole('note')).toContainText('go on to step 2 right away');
    await retire.dialog.getByRole('textbox', { name: 'Your name' }).fill('Ada');
    await retire.dialog.getByRole('button', { name: 'Replace 3 rules with none' }).click();
    await expect(retire.status('rules')).toHaveText('Done');
    const rules = await request.get(`/druid/coordinator/v1/rules/${DS}`);
    expect(await rules.json()).toEqual([]);

    // 2. The exact effect, counted from the metadata store; Druid refuses the first attempt.
    await expect(retire.status('mark')).toHaveText('Next');
    const markButton = retire.step('mark').getByRole('button', {
      name: /^Mark 14 segments unused \(2019-08-25T00:00:00.000Z to 2019-09-08T00:00:00.000Z, .+ served\)…$/,
    });
    await markButton.click();
    const confirmMark = retire.dialog.getByRole('button', { name: /^Mark 14 segments unused/ });
    await expect(confirmMark).toBeDisabled();
    await retire.confirmField.fill(DS);
    const refusal =
      '{"error":"druidException","errorCode":"internalServerError","errorMessage":"Metadata store is read-only for maintenance"}';
    const markPath = `**/druid/*/v1/datasources/${DS}`;
    await page.route(markPath, (route) =>
      route.request().method() === 'DELETE'
        ? route.fulfill({ status: 500, contentType: 'application/json', body: refusal })
        : route.fallback(),
    );
    await confirmMark.click();
    await expect(retire.dialog.getByRole('alert')).toContainText('Metadata store is read-only for maintenance');
    // Nothing changed: the step is still the next one, every segment still used.
    await expect(retire.status('mark')).toHaveText('Next');
    await page.unroute(markPath);
    await confirmMark.click();
    await expect(retire.dialog).toBeHidden();
    await expect(retire.status('mark')).toHaveText('Done');
    await expect(retire.status('kill')).toHaveText('Next');

    await expect(page.getByText(`You started retiring ${DS} on`)).toBeHidden();

    // Leave the flow and come back: it resumes where Druid stands, from a fresh page.
    await page.goto('/segments');
    await page.emulateMedia({ colorScheme: 'dark' });
    await retire.goto();
    await expect(page.getByText(`You started retiring ${DS} on`)).toBeVisible();
    await expect(retire.status('rules')).toHaveText('Done');
    await expect(retire.status('mark')).toHaveText('Done');

    // 3. The dry run counts every unused segment; the kill needs the name and is followed to its end.
    await expect(retire.step('kill').getByRole('status')).toContainText('14 unused segments');
    await expect(retire.step('kill').getByRole('status')).toContainText('will be permanently deleted');
    // A segment arrives (and is dropped) while the operator reads the dry run, outside the range it counted.
    const late = [{ dataSource: DS, interval: '2020-01-01/2020-01-02', version: 'late', used: false }];
    expect((await request.post('/local-cluster/segments', { data: late })).ok()).toBe(true);
    await retire.step('kill').getByRole('button', { name: 'Kill 14 segments…' }).click();
    await expect(retire.dialog).toContainText('This cannot be undone.');
    await retire.confirmField.fill(DS);
    await expectAccessible(page); // the kill dialog in the dark theme
    await retire.dialog.getByRole('button', { name: 'Kill 14 segments', exact: true }).click();
    const tasks = retire.step('kill').getByRole('listitem');
    await expect(tasks).toHaveCount(1);
    await expect(tasks.first()).toContainText(`api-issued_kill_${DS}_`);
    await expect(tasks.first()).toContainText('succeeded', { timeout: 30_000 });

    // What the first task left is counted afresh and killed by a second task, both followed.
    await expect(retire.status('kill')).toHaveText('Next');
    await expect(retire.step('kill').getByRole('status')).toContainText('1 unused segment (');
    await retire.step('kill').getByRole('button', { name: 'Kill 1 segment…' }).click();
    await retire.confirmField.fill(DS);
    await retire.dialog.getByRole('button', { name: 'Kill 1 segment', exact: true }).click();
    await expect(tasks).toHaveCount(2);
    await expect(tasks.nth(1)).toContainText('succeeded', { timeout: 30_000 });

    // 4. Gone from every list, as Druid itself says.
    await expect(retire.status('check')).toHaveText('Done');
    await expect(retire.step('check').getByRole('status')).toContainText(`${DS} is retired`);
    await expectAccessible(page);
    const names = await request.get('/druid/coordinator/v1/metadata/datasources?includeUnused');
    expect(await names.json()).not.toContain(DS);
    const served = await request.get('/druid/coordinator/v1/datasources');
    expect(await served.json()).not.toContain(DS);
  });
});
