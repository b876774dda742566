/** Human-readable concentrations for hovers and the side panel. */

const PREFIXES: ReadonlyArray<readonly [unit: string, exponent: number]> = [
  ['M', 0],
  ['mM', 3],
  ['μM', 6],
  ['nM', 9],
  ['pM', 12],
  ['fM', 15],
];

/** The unit toward nM shown beside the primary one (`6 μM = 6,000 nM`, `5 nM = 0.005 μM`). */
const COMPANION: Readonly<Record<string, string>> = { M: 'mM', mM: 'μM', μM: 'nM', nM: 'μM', pM: 'nM', fM: 'pM' };

const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

function inUnit(molar: number, exponent: number): number {
  return exponent > 0 ? molar * 10 ** exponent : molar;
}

/**
 * Formats a molar concentration in the unit that reads best, with its value in the neighbouring
 * unit, to three significant digits: `formatMolar(6e-6)` → `"6 μM = 6,000 nM"`,
 * `formatMolar(10 ** -5.22)` → `"6.03 μM = 6,030 nM"`. Returns `""` for a value that is not a
 * positive finite number.
 */
export function formatMolar(molar: number): string {
  if (!Number.isFinite(molar) || molar <= 0) return '';
  let chosen = PREFIXES[PREFIXES.length - 1]!;
  for (const prefix of PREFIXES) {
    // 0.9995 so that a value that rounds to 1,000 moves to the larger unit.
    if (inUnit(molar, prefix[1]) >= 0.9995) {
      chosen = prefix;
      break;
    }
  }
  const companion = PREFIXES.find(([unit]) => unit === COMPANION[chosen[0]])!;
  const primary = `${NUMBER_FORMAT.format(inUnit(molar, chosen[1]))} ${chosen[0]}`;
  return `${primary} = ${NUMBER_FORMAT.format(inUnit(molar, companion[1]))} ${companion[0]}`;
}
