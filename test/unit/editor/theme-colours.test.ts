import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The highlight colours the manifest contributes, checked against VS Code's default theme of each
 * kind (Default Dark Modern, Default Light Modern, Dark High Contrast, Light High Contrast):
 * text at least 4.5:1 against what it is drawn on (WCAG 1.4.3), underlines at least 3:1 (1.4.11).
 */
const themes = {
  dark: { background: '#1f1f1f', foreground: '#cccccc', 'textLink.foreground': '#4daafc' },
  light: { background: '#ffffff', foreground: '#3b3b3b', 'textLink.foreground': '#005fb8' },
  highContrast: { background: '#000000', foreground: '#ffffff', 'textLink.foreground': '#21a6ff' },
  highContrastLight: { background: '#ffffff', foreground: '#292929', 'textLink.foreground': '#0f4a85' },
} as const;
type ThemeKind = keyof typeof themes;

interface Contributed {
  id: string;
  defaults: Record<ThemeKind, string>;
}
const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { contributes: { colors: Contributed[] } };
const colours = new Map(manifest.contributes.colors.map((c) => [c.id, c.defaults]));

type Rgba = [number, number, number, number];

function parse(hex: string): Rgba {
  const h = hex.replace('#', '');
  const full = h.length <= 4 ? [...h].map((c) => c + c).join('') : h;
  const n = (i: number) => parseInt(full.slice(i, i + 2), 16);
  return [n(0), n(2), n(4), full.length === 8 ? n(6) / 255 : 1];
}

/** A contributed colour in a theme: its default, or the theme colour it names. */
function resolve(id: string, kind: ThemeKind): Rgba {
  const value = colours.get(id)?.[kind];
  expect(value, `${id} has a ${kind} default`).toBeDefined();
  return parse(value!.startsWith('#') ? value! : themes[kind][value as 'textLink.foreground']);
}

function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('highlight colours in the light, dark and high-contrast themes', () => {
  for (const kind of Object.keys(themes) as ThemeKind[]) {
    const background = parse(themes[kind].background);
    const foreground = parse(themes[kind].foreground);

    it(`${kind}: citation markers are readable in both styles`, () => {
      for (const id of ['marginalia.citationForeground', 'marginalia.citationLinkForeground']) {
        expect(contrast(over(resolve(id, kind), background), background), id).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`${kind}: entity underlines stand out from the page, and text stays readable on the vivid tint`, () => {
      for (const entity of ['ligand', 'target', 'chemical']) {
        const tint = over(resolve(`marginalia.${entity}Background`, kind), background);
        expect(contrast(over(resolve(`marginalia.${entity}Border`, kind), background), background), `${entity} underline`).toBeGreaterThanOrEqual(3);
        expect(contrast(over(resolve(`marginalia.${entity}Border`, kind), tint), tint), `${entity} underline on its tint`).toBeGreaterThanOrEqual(3);
        expect(contrast(foreground, tint), `${entity} text on its tint`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
});
