/**
 * An Aho–Corasick automaton over UTF-16 code units, kept in a few flat arrays and one map of
 * transitions: building it allocates no object per state, so a lexicon of thousands of spellings
 * compiles in milliseconds even while the code runs cold (the extension host's start-up), and it
 * grows with the lexicon at the cost of its arrays only. Matches are reported as
 * `@monyone/aho-corasick` reports them: by end offset, and at one end the longest keyword first.
 */

/** One occurrence of a keyword: `text.slice(begin, end) === keyword`. */
export interface KeywordMatch {
  readonly begin: number;
  readonly end: number;
  readonly keyword: string;
}

/** Code units are below 2^16: a transition's key is its state times this plus the unit. */
const UNITS = 0x10000;

export class KeyAutomaton {
  /** `state * UNITS + unit` → the state reached. State 0 is the root. */
  private readonly next = new Map<number, number>();
  /** The longest proper suffix of a state's path that is also a path (the failure link). */
  private readonly fail: Int32Array;
  /** The keyword (index into `keywords`) a state's path spells, or -1. */
  private readonly word: Int32Array;
  /** The nearest state along the failure links that spells a keyword, or -1. */
  private readonly output: Int32Array;
  private readonly keywords: readonly string[];

  constructor(keywords: Iterable<string>) {
    const list: string[] = [];
    const words: number[] = [-1];
    // Children in creation order, for the breadth-first pass over the trie.
    const firstChild: number[] = [-1];
    const sibling: number[] = [-1];
    const unit: number[] = [0];
    let states = 1;
    for (const keyword of keywords) {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const key = state * UNITS + keyword.charCodeAt(i);
        let to = this.next.get(key);
        if (to === undefined) {
          to = states++;
          this.next.set(key, to);
          words.push(-1);
          firstChild.push(-1);
          unit.push(keyword.charCodeAt(i));
          sibling.push(firstChild[state]!);
          firstChild[state] = to;
        }
        state = to;
      }
      // A keyword given twice keeps its first index.
      if (words[state] === -1) {
        words[state] = list.length;
        list.push(keyword);
      }
    }
    this.keywords = list;
    this.word = Int32Array.from(words);
    this.fail = new Int32Array(states);
    this.output = new Int32Array(states).fill(-1);
    const queue = new Int32Array(states);
    let head = 0;
    let tail = 0;
    for (let child = firstChild[0]!; child !== -1; child = sibling[child]!) queue[tail++] = child;
    while (head < tail) {
      const state = queue[head++]!;
      const link = this.fail[state]!;
      this.output[state] = this.word[link]! >= 0 ? link : this.output[link]!;
      for (let child = firstChild[state]!; child !== -1; child = sibling[child]!) {
        const u = unit[child]!;
        let f = link;
        let to = this.next.get(f * UNITS + u);
        while (to === undefined && f !== 0) {
          f = this.fail[f]!;
          to = this.next.get(f * UNITS + u);
        }
        // The root's children fail to the root; so does a unit no suffix continues with.
        this.fail[child] = to !== undefined && to !== child ? to : 0;
        queue[tail++] = child;
      }
    }
  }

  /** Every occurrence of every keyword in `text`, by end offset, the longest first at one end. */
  matchInText(text: string): KeywordMatch[] {
    const result: KeywordMatch[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const u = text.charCodeAt(i);
      let to = this.next.get(state * UNITS + u);
      while (to === undefined && state !== 0) {
        state = this.fail[state]!;
        to = this.next.get(state * UNITS + u);
      }
      state = to ?? 0;
      for (let s = this.word[state]! >= 0 ? state : this.output[state]!; s !== -1; s = this.output[s]!) {
        const keyword = this.keywords[this.word[s]!]!;
        result.push({ begin: i + 1 - keyword.length, end: i + 1, keyword });
      }
    }
    return result;
  }
}
