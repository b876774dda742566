/**
 * Reads the small LaTeX found in extracted papers as plain text:
 * `\text{IC}_{50} = 6 \mu\text{M}` → `IC50 = 6 μM`, `\sim 10,000 \times g` → `~ 10,000 × g`.
 * Not a TeX renderer: just enough for names, numbers and units to be found.
 */

/** Commands that stand for one character. */
const SYMBOLS: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ',
  tau: 'τ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ',
  Theta: 'Θ', Lambda: 'Λ', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
  pm: '±', mp: '∓', times: '×', cdot: '·', sim: '~', approx: '≈', simeq: '≃', leq: '≤', le: '≤',
  geq: '≥', ge: '≥', neq: '≠', lt: '<', gt: '>', circ: '°', degree: '°', deg: '°', to: '→',
  rightarrow: '→', leftarrow: '←', uparrow: '↑', downarrow: '↓', infty: '∞', prime: '′',
  micro: 'μ', ohm: 'Ω', textmu: 'μ', textdegree: '°', textpm: '±', minus: '−', AA: 'Å',
  ',': ' ', ';': ' ', ':': ' ', ' ': ' ', '!': '', quad: ' ', qquad: ' ', '%': '%', '#': '#',
  '&': '&', _: '_', '{': '{', '}': '}', $: '$', '-': '',
};

/** Commands whose braced argument is kept as text (`\text{M}` → `M`). Any other command with a
 * braced argument also keeps the argument; this list only documents the common ones. */
const TEXT_COMMANDS = new Set(['text', 'mathrm', 'mathit', 'mathbf', 'textrm', 'textit', 'textbf', 'operatorname', 'mbox', 'rm', 'textsuperscript', 'textsubscript', 'mathsf', 'emph']);

/** A group written with spaces inside its braces (`{ 5 0 }`), or a number spaced out (`6 . 0`). */
const SPACED_OUT = /\{ [^{}]* \}|\d \. \d/;

export interface Rendered {
  readonly text: string;
  /** `offsets[i]` is the offset in the input of `text[i]`; `offsets[text.length]` = input length. */
  readonly offsets: number[];
}

/**
 * Renders LaTeX math content (without its `$` delimiters) as plain text.
 * `{`, `}`, `^`, `_` and command names disappear; arguments and symbols stay.
 */
export function renderLatex(src: string): Rendered {
  // Some converters (MinerU) space out every token (`\mathrm { I C } _ { 5 0 }`, `6 . 0 \ \mathrm { n M }`);
  // TeX ignores spaces in math, so there they go, and only `\ ` and `~` make one.
  const spaced = SPACED_OUT.test(src);
  let text = '';
  const offsets: number[] = [];
  const emit = (s: string, at: number): void => {
    for (const ch of s) {
      for (let k = 0; k < ch.length; k++) offsets.push(at);
      text += ch;
    }
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      const name = /^\\([A-Za-z]+|.)/.exec(src.slice(i, i + 40));
      if (!name) {
        i++;
        continue;
      }
      const cmd = name[1]!;
      const symbol = SYMBOLS[cmd];
      if (symbol !== undefined) emit(symbol, i);
      else if (!TEXT_COMMANDS.has(cmd) && !/^[A-Za-z]+$/.test(cmd)) emit(cmd, i + 1);
      i += name[0].length;
      // `\mu M`: a space after a command name only ends the name.
      if (/^[A-Za-z]+$/.test(cmd) && src[i] === ' ' && symbol !== undefined && symbol !== ' ') i++;
      continue;
    }
    if (c === '{' || c === '}' || c === '^' || c === '_') {
      i++;
      continue;
    }
    if (c === '~') {
      emit(' ', i); // TeX's non-breaking space
      i++;
      continue;
    }
    if (!(spaced && c === ' ')) emit(c, i);
    i++;
  }
  offsets.push(src.length);
  return { text, offsets };
}

/** Commands that may appear outside math in extracted text, e.g. `\sim 10,000 \times g`. */
const PROSE_COMMAND = /\\(sim|times|mu|pm|approx|leq|geq|le|ge|alpha|beta|gamma|delta|kappa|sigma|circ|degree|cdot)(?![A-Za-z])/g;

/** True when a text run holds LaTeX commands worth rendering. */
export function hasProseLatex(s: string): boolean {
  PROSE_COMMAND.lastIndex = 0;
  return PROSE_COMMAND.test(s);
}

/** Renders only the known symbol commands in prose, leaving everything else as written. */
export function renderProseLatex(src: string): Rendered {
  let text = '';
  const offsets: number[] = [];
  let last = 0;
  PROSE_COMMAND.lastIndex = 0;
  for (let m = PROSE_COMMAND.exec(src); m; m = PROSE_COMMAND.exec(src)) {
    for (let k = last; k < m.index; k++) {
      text += src[k];
      offsets.push(k);
    }
    const symbol = SYMBOLS[m[1]!]!;
    for (let k = 0; k < symbol.length; k++) offsets.push(m.index);
    text += symbol;
    last = m.index + m[0].length;
  }
  for (let k = last; k < src.length; k++) {
    text += src[k];
    offsets.push(k);
  }
  offsets.push(src.length);
  return { text, offsets };
}
