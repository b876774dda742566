/**
 * The Aho–Corasick automaton of `@monyone/aho-corasick`, matched faster: its `matchInText` makes
 * an iterator and looks the character up twice at every character of the text; this reads the
 * same trie once per step. The same matches, in the same order.
 */
import { AhoCorasick } from '@monyone/aho-corasick';

/** A node of the package's trie (its fields are private in the package's types). */
interface TrieNode {
  readonly goto: Map<string, TrieNode>;
  readonly keywords: Set<string> | null;
}

export interface AutomatonMatch {
  begin: number;
  end: number;
  keyword: string;
}

export class Automaton extends AhoCorasick {
  override matchInText(text: string): AutomatonMatch[] {
    const root = this.root as unknown as TrieNode;
    const failure = this.failure_link as unknown as Map<TrieNode, TrieNode>;
    const result: AutomatonMatch[] = [];
    let state = root;
    for (let i = 0; i < text.length; i++) {
      // The keywords that end before character i, in the order the package gives them.
      if (state.keywords) for (const keyword of state.keywords) result.push({ begin: i - keyword.length, end: i, keyword });
      const ch = text[i]!;
      let next = state.goto.get(ch);
      while (next === undefined && state !== root) {
        state = failure.get(state)!;
        next = state.goto.get(ch);
      }
      state = next ?? root;
    }
    if (state.keywords) for (const keyword of state.keywords) result.push({ begin: text.length - keyword.length, end: text.length, keyword });
    return result;
  }
}
