/** Documents the suites of both extension hosts generate. */

/**
 * About `bytes` of distinct paragraphs citing [1] and [2], then their reference list. Every
 * paragraph differs (a number in it), so no parsed chunk can be reused: a cold analysis of it
 * costs what a real document of that size costs.
 */
export function largeDocument(bytes: number): string {
  const paragraphs: string[] = [];
  for (let size = 0, i = 1; size < bytes; i++) {
    const paragraph = `Compound ${i} inhibits the channel [1] at ${i % 97} μM (IC50 = ${i % 89} nM), and the receptor binds it.[2]\n\n`;
    paragraphs.push(paragraph);
    size += paragraph.length;
  }
  return `${paragraphs.join('')}References\n\n1. Smith J. Title. J Pharm. 2019.\n2. Doe A. Title. 2020.\n`;
}
