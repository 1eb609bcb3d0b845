import { docAnchor } from '@openpixels/errors';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Checks that the page shows `code`'s heading where a reader who followed its doc_url looks:
 * below the fixed navigation bar (not hidden under it) and in the top half of the window.
 */
export async function expectLandedOnHeading(page: Page, code: string): Promise<void> {
  const heading = page.locator(`h3#${docAnchor(code)}`);
  await heading.waitFor();
  expect(await heading.textContent(), code).toContain(code);
  const nav = await page.locator('.VPNav').boundingBox();
  const navBottom = (nav?.y ?? 0) + (nav?.height ?? 0);
  await expect.poll(async () => (await heading.boundingBox())?.y ?? -1, { timeout: 30_000 }).toBeGreaterThanOrEqual(navBottom);
  expect((await heading.boundingBox())?.y, code).toBeLessThan((page.viewportSize()?.height ?? 0) / 2);
}
