import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The integration files that take longest (a CI log's figures: 60–100 s each, most take 3–30 s). A fresh
 * clone has no timing cache, so Vitest starts larger files first, and these three began late: one worker
 * ran the last of them while the other sat idle for about a minute. Starting them first lets the two
 * workers end together.
 */
const LONGEST = ['functions/test/deploy-package.test.ts', 'functions/test/access-matrix.test.ts', 'functions/test/fuzz-write-routes.test.ts'];

const rank = (file: TestSpecification) => {
  const i = LONGEST.findIndex((path) => file.moduleId.endsWith(path));
  return i === -1 ? LONGEST.length : i;
};

/** Vitest's own order, with the known-longest files moved to the front (the sort is stable). */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
