// The annotations part of `npm run bench`: how long re-anchoring takes when a document opens or
// changes on disk, for 100 annotations on a 1 MB document (offsets spread through it).
//   position: nothing moved (the stored position still holds the quote)
//   quote:    a paragraph inserted at the top (every quote found again written exactly)
//   fuzzy:    every annotation's own text edited (about 5% of its characters): approximate matches
/** @param {{ core: any, text: string, report: Function, time: Function, fmt: Function }} bench */
export function benchAnnotations({ core, text, report, time, fmt }) {
  // The generated document repeats paragraphs of the sample: a quote whose copies are alike is
  // ambiguous once edited, and stays an orphan rather than be guessed.
  console.log('\nAnnotations: re-anchoring 100 annotations of 60-200 characters in 1 MB (generated, repeated paragraphs)');
  const count = 100;
  const targets = [];
  for (let i = 0; i < count; i++) {
    const start = Math.floor(((i + 0.5) / count) * (text.length - 300));
    targets.push(core.createAnnotation({ id: `urn:uuid:${i}`, now: '2026-12-02T00:00:00.000Z', colour: 'yellow', target: core.describeRange(text, start, start + 60 + ((i * 37) % 140)) }));
  }
  const above = `A paragraph added at the top.\n\n${text}`;
  let edited = text;
  for (const a of [...targets].reverse()) {
    const { start, end } = a.target.position;
    const at = start + Math.floor((end - start) / 2);
    const cut = Math.max(1, Math.floor((end - start) * 0.05));
    edited = edited.slice(0, at) + 'x'.repeat(cut) + edited.slice(at + cut);
  }
  for (const [label, changed] of [['position', text], ['quote', above], ['fuzzy', edited]]) {
    const run = time(() => core.placeAll(changed, targets));
    const placed = run.result.filter((p) => p.placement.kind === 'anchored').length;
    report(`annotations: ${label} (${placed}/${count} placed)`, fmt(run.ms), 'ms', '(no aim)', undefined);
  }
}
