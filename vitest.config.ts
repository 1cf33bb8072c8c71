import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Integration files that take longest (CI logs: 40–70 s each, most others under 20 s), started first.
 * On a clean clone vitest has no timings of earlier runs and starts the largest files first: these
 * small ones came last and ended the run one after another on the two workers.
 */
const LONGEST_FIRST = ['deploy-package', 'access-matrix', 'fuzz-write-routes'].map((name) => `/functions/test/${name}.test.ts`);

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((end) => f.moduleId.endsWith(end));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    // Within each project (the base order keeps projects together); Array.sort is stable.
    const projects = [...new Set(sorted.map((f) => f.project.name))];
    return projects.flatMap((p) => sorted.filter((f) => f.project.name === p).sort((a, b) => rank(a) - rank(b)));
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.test.ts', 'functions/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['functions/test/**/*.test.ts'],
          globalSetup: ['functions/test/support/global-setup.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          // A page waits on the API and on rendering: the 1-second default of expect.poll failed on a
          // loaded CI machine where a page took a little longer to draw its first rows.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
