import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

const SHOWN = 10;

/** Prints the slowest tests after a run, so the suite's time budget stays visible where it is spent. */
export default class SlowestReporter implements Reporter {
  private readonly durations: Array<{ title: string; ms: number }> = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    const file = test.location.file.split('/e2e/').pop() ?? test.location.file;
    this.durations.push({ title: `${file} › ${test.titlePath().slice(3).join(' › ')}`, ms: result.duration });
  }

  onEnd(): void {
    if (this.durations.length === 0) return;
    const slowest = [...this.durations].sort((a, b) => b.ms - a.ms).slice(0, SHOWN);
    const total = this.durations.reduce((sum, { ms }) => sum + ms, 0);
    console.log(
      `\nSlowest ${slowest.length} of ${this.durations.length} e2e tests (all: ${(total / 1000).toFixed(1)} s of test time):`,
    );
    for (const { title, ms } of slowest) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${title}`);
  }
}
