import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { designForPrompt, renderPromptImage } from './render-prompt-image.ts';

describe('renderPromptImage', () => {
  it('renders a valid PNG of exactly width × height', () => {
    const png = PNG.sync.read(renderPromptImage('a lighthouse', 264, 128));
    expect([png.width, png.height]).toEqual([264, 128]);
  });

  it('is deterministic: the same prompt gives the same bytes', () => {
    expect(renderPromptImage('same', 64, 64).equals(renderPromptImage('same', 64, 64))).toBe(true);
  });

  it('different prompts give different pictures', () => {
    const prompts = ['a cat', 'a dog', 'a ship', 'a tree', 'a cloud', 'a house'];
    const pictures = new Set(prompts.map((p) => renderPromptImage(p, 64, 64).toString('base64')));
    expect(pictures.size).toBe(prompts.length);
    const designs = prompts.map(designForPrompt);
    expect(new Set(designs.map((d) => JSON.stringify(d.palette))).size).toBe(prompts.length);
  });

  it('uses more than one colour', () => {
    const png = PNG.sync.read(renderPromptImage('stripes or rings', 128, 128));
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) colours.add(png.data.readUIntBE(i, 3));
    expect(colours.size).toBeGreaterThan(10);
  });
});
