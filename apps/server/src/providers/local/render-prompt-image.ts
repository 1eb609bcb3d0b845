import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';

/** The pattern families a prompt's hash picks from. */
const PATTERNS = ['stripes', 'rings', 'checks', 'waves'] as const;

/** What a prompt's hash decides about its picture; exposed so tests can say why two pictures differ. */
export interface PromptDesign {
  pattern: (typeof PATTERNS)[number];
  palette: [number, number, number][];
  angle: number;
  scale: number;
  centerX: number;
  centerY: number;
}

/** Derives the picture's pattern, colours and geometry from the prompt's SHA-256. */
export function designForPrompt(prompt: string): PromptDesign {
  const hash = createHash('sha256').update(prompt).digest();
  const byte = (i: number) => hash[i] as number;
  const hue = (byte(0) / 256) * 360;
  const spread = 60 + (byte(1) / 256) * 120;
  return {
    pattern: PATTERNS[byte(2) % PATTERNS.length] as PromptDesign['pattern'],
    palette: [
      hslToRgb(hue, 0.55 + byte(3) / 1024, 0.45 + byte(4) / 2048),
      hslToRgb((hue + spread) % 360, 0.65, 0.55),
      hslToRgb((hue + 2 * spread) % 360, 0.5 + byte(5) / 1024, 0.3 + byte(6) / 1024),
    ],
    angle: (byte(7) / 256) * Math.PI,
    scale: 12 + (byte(8) % 64),
    centerX: byte(9) / 255,
    centerY: byte(10) / 255,
  };
}

/**
 * Renders the prompt's picture as a PNG of exactly width × height: the same prompt always
 * gives the same bytes, and different prompts give visibly different pictures.
 */
export function renderPromptImage(prompt: string, width: number, height: number): Buffer {
  const design = designForPrompt(prompt);
  const png = new PNG({
    width,
    height,
    colorType: 2,
    inputColorType: 2,
    inputHasAlpha: false,
  });
  const data = png.data;
  const [a, b, c] = design.palette as [[number, number, number], [number, number, number], [number, number, number]];
  const cos = Math.cos(design.angle);
  const sin = Math.sin(design.angle);
  const cx = design.centerX * width;
  const cy = design.centerY * height;
  const period = design.scale * Math.max(1, Math.min(width, height) / 256);
  for (let y = 0; y < height; y++) {
    const fade = y / Math.max(1, height - 1);
    for (let x = 0; x < width; x++) {
      let t: number;
      switch (design.pattern) {
        case 'stripes':
          t = ((x * cos + y * sin) / period) % 2 < 1 ? 0 : 1;
          break;
        case 'rings':
          t = Math.floor(Math.hypot(x - cx, y - cy) / period) % 2;
          break;
        case 'checks':
          t = (Math.floor((x * cos - y * sin) / period) + Math.floor((x * sin + y * cos) / period)) & 1;
          break;
        default:
          t = Math.sin((x * cos + y * sin) / period + Math.sin(y / (period * 2)) * 2) > 0 ? 1 : 0;
      }
      // Two pattern colours, blended towards the third from top to bottom.
      const base = t === 0 ? a : b;
      const i = (y * width + x) * 3;
      data[i] = base[0] + (c[0] - base[0]) * fade * 0.6;
      data[i + 1] = base[1] + (c[1] - base[1]) * fade * 0.6;
      data[i + 2] = base[2] + (c[2] - base[2]) * fade * 0.6;
    }
  }
  return PNG.sync.write(png, {
    colorType: 2,
    inputColorType: 2,
    inputHasAlpha: false,
  });
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const amp = s * Math.min(l, 1 - l);
  const f = (n: number) => Math.round(255 * (l - amp * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))));
  return [f(0), f(8), f(4)];
}
