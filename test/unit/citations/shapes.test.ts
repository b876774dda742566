import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze.js';
import { readDocument } from '../analyze/golden.js';

const markers = (text: string) => analyze(text).citations.map((c) => [c.text, c.numbers, c.style]);

describe('digits glued to the word before them (flattened superscripts)', () => {
  const text = readDocument('glued-superscripts.md');
  const a = analyze(text);

  it('reads them against the numbered list: single, grouped, ranges, after punctuation', () => {
    expect(a.citations.map((c) => [c.text, c.numbers])).toEqual([
      ['1', [1]],
      ['2,3', [2, 3]],
      ['4–7', [4, 5, 6, 7]],
      ['13, 14', [13, 14]],
      ['8', [8]],
      ['9,10', [9, 10]],
      ['11', [11]],
      ['12', [12]],
    ]);
    expect(a.citations.every((c) => c.style === 'glued')).toBe(true);
    expect(text.slice(a.citations[0]!.start - 9, a.citations[0]!.end)).toBe('organisms1');
    expect(text.slice(a.citations[7]!.start - 6, a.citations[7]!.end)).toBe('et al.12');
  });

  it('never takes the digits of a name: Notch1, Notch3, GluN2B, DND41, compound 8, IL-6, Fig. 2, ref. 15', () => {
    for (const name of ['Notch1', 'Notch3', 'GluN2B', 'DND41', 'compound 8', 'IL-6', 'Fig. 2', 'ref. 15']) {
      const at = text.indexOf(name);
      expect(at).toBeGreaterThan(0);
      expect(a.citations.some((c) => c.start < at + name.length && c.end > at)).toBe(false);
    }
  });

  it('leaves the affiliation marks of the author block and the affiliation lines alone', () => {
    const abstract = text.indexOf('## Abstract');
    expect(a.citations.filter((c) => c.start < abstract)).toEqual([]);
  });

  it('reads none without a reference list, and reports none as missing', () => {
    const none = analyze(readDocument('glued-without-list.md'));
    expect(none.referenceList).toBeNull();
    expect(none.citations).toEqual([]);
    expect(none.diagnostics).toEqual([]);
  });

  it('takes none when the document cites most of its list in brackets', () => {
    const list = Array.from({ length: 4 }, (_, i) => `${i + 1}. Author ${String.fromCharCode(65 + i)}. Title ${i + 1}. J Biol. 2001;${i + 1}:1-2.`).join('\n');
    expect(markers(`# T\n\nSeen in cells [1], rats [2] and mice [3]; the sigma1 site and channels2 differ [4].\n\n## References\n\n${list}\n`)).toEqual([
      ['[1]', [1], 'bracket'],
      ['[2]', [2], 'bracket'],
      ['[3]', [3], 'bracket'],
      ['[4]', [4], 'bracket'],
    ]);
  });

  it('reads OCR damage by the order of first citations: `strategyl1` cites 11, `Gliptin13` the next new number, `Notch1` nothing', () => {
    const list = Array.from({ length: 14 }, (_, i) => `${i + 1}. Author A. Title ${i + 1}. J Biol. 2001;${i + 1}:1-2.`).join('\n');
    const lead = Array.from({ length: 10 }, (_, i) => `finding number ${i + 1} holds${i + 1}.`).join(' ');
    const found = markers(`# T\n\nThe ${lead} It follows scaffold hopping strategyl1. A potent value came laterl2. The drug Gliptin13 was docked. Notch1 and Notch2 are receptors.\n\n## References\n\n${list}\n`);
    expect(found.slice(10)).toEqual([
      ['l1', [11], 'glued'],
      ['l2', [12], 'glued'],
      ['13', [13], 'glued'],
    ]);
  });

  it('reads digits after a full stop closing an acronym or a parenthesis, and before a capital, not before a counted word', () => {
    const list = Array.from({ length: 30 }, (_, i) => `${i + 1}. Author A. Title ${i + 1}. J Biol. 2001;${i + 1}:1-2.`).join('\n');
    const found = markers(`# T\n\nKinases signal in cells1. They regulate metabolism.2FGFR4 is one. It is found in HCC.3 Most cases differ (Figure 1C).4 Briefly, a donor group at5 position raises activity.\n\n## References\n\n${list}\n`);
    expect(found).toEqual([
      ['1', [1], 'glued'],
      ['2', [2], 'glued'],
      ['3', [3], 'glued'],
      ['4', [4], 'glued'],
    ]);
  });

  it('takes numbers in parentheses for labels in a document that cites by superscripts', () => {
    const list = Array.from({ length: 9 }, (_, i) => `${i + 1}. Author A. Title ${i + 1}. J Biol. 2001;${i + 1}:1-2.`).join('\n');
    const found = markers(`# T\n\nInhibitors act on the enzyme1, the receptor2 and the channel3, as reviewed4.\n\n## Synthesis of 6-chloropyrimidine-2,4-dione (9)\n\nThe dione was stirred.\n\n## References\n\n${list}\n`);
    expect(found).toEqual([
      ['1', [1], 'glued'],
      ['2', [2], 'glued'],
      ['3', [3], 'glued'],
      ['4', [4], 'glued'],
    ]);
  });

  it('takes a glued number far beyond any cited so far for a name (hsp70), not a citation', () => {
    const list = Array.from({ length: 80 }, (_, i) => `${i + 1}. Author A. Title ${i + 1}. J Biol. 2001;${i + 1}:1-2.`).join('\n');
    const found = markers(`# T\n\nChaperones guard proteins1. The inducible hsp70 rises after heat2.\n\n## References\n\n${list}\n`);
    expect(found).toEqual([
      ['1', [1], 'glued'],
      ['2', [2], 'glued'],
    ]);
  });
});

describe('markers written by PDF converters', () => {
  const text = readDocument('converter-split-links.md');
  const a = analyze(text);
  const at = (written: string) => a.citations.find((c) => c.text === written);

  it('reads a range split over two links whose dash OCR read as "e"', () => {
    const c = at('[\\[26](#page-14-25)e[28\\].](#page-14-27)');
    expect(c?.numbers).toEqual([26, 27, 28]);
    expect(c?.parts.map((p) => text.slice(p.start, p.end))).toEqual(Array(3).fill('26](#page-14-25)e[28'));
    expect(at('[\\[4](#page-14-3)–[6\\]](#page-14-5)')?.numbers).toEqual([4, 5, 6]);
    expect(at('[\\[2,](#page-14-1) [3\\]](#page-14-2)')?.numbers).toEqual([2, 3]);
  });

  it('reads markers in HTML table cells and pipe table cells, and after punctuation', () => {
    expect(['[7]', '[8]', '[9]', '[10]', '[19]'].every((m) => a.citations.some((c) => c.text === m))).toBe(true);
    expect(at('[\\[15\\]](#page-14-14)')?.numbers).toEqual([15]);
    expect(at('[\\[11\\]](#page-14-10)')?.numbers).toEqual([11]);
  });

  it('reads no figure or table link and no [CrossRef]/[PubMed] token as a marker', () => {
    for (const written of ['[Figure 2](#page-5-1)', '[Table 1](#page-3-0)', '[CrossRef]', '[PubMed]']) {
      const start = text.indexOf(written);
      expect(a.citations.some((c) => c.start < start + written.length && c.end > start)).toBe(false);
    }
  });

  it('reports the entries cited only in the HTML table as cited', () => {
    expect(a.diagnostics.filter((d) => d.code === 'uncited-reference').map((d) => d.number)).not.toContain(7);
    expect(a.references.find((r) => r.number === 8)?.citedBy.length).toBe(1);
  });
});

describe('the scheme of a reference list', () => {
  it('is decided by the whole list: an alphabetical list whose first entry opens with a year is author–year', () => {
    const a = analyze(readDocument('author-year-leading-year.md'));
    expect(a.referenceList?.scheme).toBe('author-year');
    expect(a.references.map((r) => [r.number, r.fields.authors[0]?.family ?? null, r.fields.year?.value])).toEqual([
      [1, null, '2013'],
      [2, 'Alexander', '2019'],
      [3, 'Christopoulos', '2002'],
      [4, 'Price', '2005'],
      [5, 'Shao', '2019'],
      [6, 'Wootten', '2013'],
    ]);
    expect(a.citations.map((c) => [c.text, c.numbers])).toEqual([
      ['(Christopoulos and Kenakin, 2002; Wootten et al., 2013)', [3, 6]],
      ['Price et al. (2005)', [4]],
      ['(Shao et al., 2019)', [5]],
      ['(Alexander et al., 2019)', [2]],
    ]);
  });

  it('is confirmed against the markers: a numbered list of author–year entries cited by name and year', () => {
    const text = '# T\n\nAs shown (Lee, 2015) and by Chen et al. (2018).\n\n## References\n\n1. Lee, K. (2015). Sigma receptors. J Biol, 1, 2-3.\n2. Chen, L., Wu, M., & Li, P. (2018). Ion channels. J Neurosci, 3, 4-5.\n';
    const a = analyze(text);
    expect(a.referenceList?.scheme).toBe('author-year');
    expect(a.citations.map((c) => [c.text, c.numbers])).toEqual([
      ['(Lee, 2015)', [1]],
      ['Chen et al. (2018)', [2]],
    ]);
  });
});

describe('author–year keys that name every author, or a body', () => {
  it('resolves `A, B & C 1988` by its first two names and a corporate author by its whole name', () => {
    const text = "# T\n\nSplit by DNA [Madsen, McHugh &amp; de Kloet 1988](#CITEREFMadsen1988) and listed in [American Ornithologists' Union 1998](#CITEREFAOU1998).\n\n## Sources\n\n- American Ornithologists' Union (1998). *Checklist of Birds*. Washington, DC.\n- Madsen, Cort S.; McHugh, Kevin P.; de Kloet, Siwo R. (1988). \"A partial classification of waterfowl\". *The Auk*. **105** (3): 452-459.\n";
    const a = analyze(text);
    expect(a.referenceList?.scheme).toBe('author-year');
    expect(a.citations.map((c) => [c.text.replace(/\]\(.*$/, ']'), c.numbers])).toEqual([
      ['[Madsen, McHugh &amp; de Kloet 1988]', [2]],
      ["[American Ornithologists' Union 1998]", [1]],
    ]);
  });
});

describe('shapes of journals and report generators', () => {
  const list = (n: number) => Array.from({ length: n }, (_, i) => `- A${i}; B${i}; . Study number ${i + 1} of receptor signalling.. J Biol (20${String(10 + (i % 10))})`).join('\n');

  it('reads numbers in parentheses against a numbered list, but not equations, enumerations or figures', () => {
    const text = `# T\n\nThe variant lowers expression (1). Triggers include infection and pancreatitis (2,4-6). We tested (1) binding and (2) function. See equation (3) and Fig. (4).\n\n## References\n\n${list(6)}\n`;
    expect(markers(text)).toEqual([
      ['(1)', [1], 'parenthesis'],
      ['(2,4-6)', [2, 4, 5, 6], 'parenthesis'],
    ]);
  });

  it('reads numbers set loose after a full stop, as a flattened superscript: "transfusions. 1 2 3 This"', () => {
    const text = `# T\n\nHigh haematocrit favours thrombosis. 1 2 3 This holds in mice. 4 Inflammation starts it. 5\n\nThe dose was 2 mg. 10 patients were treated.\n\n## References\n\n${list(12)}\n`;
    expect(markers(text)).toEqual([
      ['1 2 3', [1, 2, 3], 'glued'],
      ['4', [4], 'glued'],
      ['5', [5], 'glued'],
    ]);
  });

  it('reads keyed entries (**Key 2016** …) and the links citing them by key', () => {
    const text = '# Report\n\nThe workflow follows ([Kuepfer 2016](#5-references)); clearance data came from [Begg 1982](#5-references).\n\n# 5 References\n\n**Begg 1982** Begg, E., Chinwah, P. Enhanced metabolism of a drug. *Br J Clin Pharmacol* **14**, 219–223 (1982).\n\n**Kuepfer 2016** Kuepfer L, Niederalt C. Applied concepts in PBPK modeling. CPT Pharmacometrics Syst Pharmacol. 2016;5(10):516-531.\n';
    const a = analyze(text);
    expect(a.referenceList?.scheme).toBe('author-year');
    expect(a.references.map((r) => [r.number, r.fields.authors[0]?.family, r.fields.year?.value])).toEqual([
      [1, 'Begg', '1982'],
      [2, 'Kuepfer', '2016'],
    ]);
    expect(a.citations.map((c) => [c.text, c.numbers, c.style])).toEqual([
      ['[Kuepfer 2016](#5-references)', [2], 'link'],
      ['[Begg 1982](#5-references)', [1], 'link'],
    ]);
  });

  it('cites a keyed entry by its key without its comma, and by its key in a table whatever year its text gives', () => {
    const text = '# Report\n\nProperties ([Mexiletine Drugs.com](#5-references)); inhibition was measured ([Wei 1991](#5-references)).\n\n| Parameter | Value | Source |\n| --- | --- | --- |\n| Ki | 0.28 µmol/l | Publication-Wei 1991 |\n\n# 5 References\n\n**Mexiletine, Drugs.com** Mexiletine, Drugs.com, Website https://www.drugs.com/pro/mexiletine.html\n\n**Wei 1991** Wei X, Dai R, Zhai S. Inhibition of human liver cytochrome P-450 1A2 by mexiletine. *J Pharmacol Exp Ther*. 1999;289(2):853-858.\n';
    const a = analyze(text);
    expect(a.referenceList?.scheme).toBe('author-year');
    expect(a.citations.map((c) => [c.text, c.numbers])).toEqual([
      ['[Mexiletine Drugs.com](#5-references)', [1]],
      ['[Wei 1991](#5-references)', [2]],
      ['Wei 1991', [2]],
    ]);
  });

  it('leaves the marks of an author and affiliation paragraph alone', () => {
    const text = `# Title\n\nAnna Berg<sup>1</sup>, Omar Haddad<sup>2</sup>, Li Wei<sup>3</sup> <sup>1</sup>Karolinska Institutet, <sup>2</sup>Cairo University, <sup>3</sup>Fudan University Correspondence: anna.berg@example.org\n\nBinding was saturable<sup>1</sup>.\n\n## References\n\n1. Berg A. Title. J Biol. 2001;1:1.\n2. Haddad O. Title. J Biol. 2002;1:1.\n3. Wei L. Title. J Biol. 2003;1:1.\n`;
    expect(markers(text)).toEqual([['<sup>1</sup>', [1], 'html-sup']]);
  });

  it('leaves alone the marks of an author list with escaped corresponding-author stars and an ORCID icon', () => {
    const text = `# Title\n\nAnna Berg<sup>1</sup>, Omar Haddad<sup>2</sup>\\*, Li Wei<sup>1</sup> ![ORCID icon](orcid.jpg)\\*\n\nBinding was saturable<sup>3</sup>.\n\n## References\n\n1. Berg A. Title. J Biol. 2001;1:1.\n2. Haddad O. Title. J Biol. 2002;1:1.\n3. Wei L. Title. J Biol. 2003;1:1.\n`;
    expect(markers(text)).toEqual([['<sup>3</sup>', [3], 'html-sup']]);
  });

  it('takes a superscript joined by a hyphen to the name after it for a locant: Δ⁷-N-demethyl-mesembrenone', () => {
    const list = Array.from({ length: 8 }, (_, i) => `${i + 1}. Author A. Title ${i + 1}. J Biol. 2001;${i + 1}:1-2.`).join('\n');
    expect(markers(`# T\n\nAlkaloids act on the enzyme¹. Δ⁷-N-demethyl-mesembrenone and Δ⁷-Mesembrenone were found².\n\n## References\n\n${list}\n`)).toEqual([
      ['¹', [1], 'unicode-superscript'],
      ['²', [2], 'unicode-superscript'],
    ]);
  });

  it('reads an HTML superscript after a year or a model name, not after a power base, a unit or a formula', () => {
    const list = Array.from({ length: 9 }, (_, i) => `${i + 1}. Author A. Title ${i + 1}. J Biol. 2001;${i + 1}:1-2.`).join('\n');
    const text = `# T\n\nA review from 2024<sup>1</sup> used deepseek-v3.2<sup>2</sup>, GPT5.2<sup>3</sup>, Claude Haiku 4.5<sup>4</sup> and B3LYP/sto-3g<sup>5</sup>. Space holds 10<sup>6</sup> molecules on 3 cm<sup>2</sup> with SO4<sup>2</sup> ions.\n\n## References\n\n${list}\n`;
    expect(markers(text)).toEqual([
      ['<sup>1</sup>', [1], 'html-sup'],
      ['<sup>2</sup>', [2], 'html-sup'],
      ['<sup>3</sup>', [3], 'html-sup'],
      ['<sup>4</sup>', [4], 'html-sup'],
      ['<sup>5</sup>', [5], 'html-sup'],
    ]);
  });

  it('leaves alone a mark inside the author list a paragraph opens with, its other marks flattened to letters by OCR', () => {
    const list = Array.from({ length: 4 }, (_, i) => `${i + 1}. Author A. Title ${i + 1}. J Biol. 2001;${i + 1}:1-2.`).join('\n');
    const text = `# Title\n\nAnna Berg,ab Omar Haddad, Li Wei,^ Jun Chen,² Mia Park, Ken Ito aDepartment of Chemistry, Example University\n\nKinases signal in cells.¹ Berg, Haddad and Wei² showed it.\n\n## References\n\n${list}\n`;
    expect(markers(text)).toEqual([
      ['¹', [1], 'unicode-superscript'],
      ['²', [2], 'unicode-superscript'],
    ]);
  });

  it('takes a superscript whose number the abbreviation after it repeats for part of a name: Kinase ³ (SPRK3)', () => {
    const list = Array.from({ length: 4 }, (_, i) => `${i + 1}. Author A. Title ${i + 1}. J Biol. 2001;${i + 1}:1-2.`).join('\n');
    const text = `# T\n\nHits included SRSF Protein Kinase $^ 3$ (SPRK3, 88% inhibition) and receptor kinase $^ 4$ 0 $\\mathrm { G R K } _ { 4 }$, as reported $^ 2$ (ABC1).\n\n## References\n\n${list}\n`;
    expect(markers(text)).toEqual([['$^ 2$', [2], 'superscript']]);
  });

  it('takes digits glued to a word naming a made compound for its label: inhibitor1, intermediates5', () => {
    const list = Array.from({ length: 8 }, (_, i) => `${i + 1}. Author A. Title ${i + 1}. J Biol. 2001;${i + 1}:1-2.`).join('\n');
    const text = `# T\n\nKinases signal in cells1 and tissues.2 Potencies were like those of inhibitor1. Benzylation gave the intermediates5 through substitution, as in rats3.\n\n## References\n\n${list}\n`;
    expect(markers(text)).toEqual([
      ['1', [1], 'glued'],
      ['2', [2], 'glued'],
      ['3', [3], 'glued'],
    ]);
  });

  it('reads digits after the full stop or comma closing such a word as a citation (several inhibitors.4), not after an abbreviation (Fig.2)', () => {
    const list = Array.from({ length: 8 }, (_, i) => `${i + 1}. Author A. Title ${i + 1}. J Biol. 2001;${i + 1}:1-2.`).join('\n');
    const text = `# T\n\nKinases signal in cells1 and tissues.2 The site binds several inhibitors.4 Other models,5 and derivatives.6 agree (Fig.2).\n\n## References\n\n${list}\n`;
    expect(markers(text)).toEqual([
      ['1', [1], 'glued'],
      ['2', [2], 'glued'],
      ['4', [4], 'glued'],
      ['5', [5], 'glued'],
      ['6', [6], 'glued'],
    ]);
  });

  it('calls an alphabetical-looking list numbered when the text cites it only by number', () => {
    const text = `# T\n\nAs reported [1] and confirmed [2].\n\n## References\n\n- Smith J, Lee K (2015) Sigma receptors. J Biol 1:2\n- Chen L, Wu M (2018) Ion channels. J Neurosci 3:4\n`;
    const a = analyze(text);
    expect(a.referenceList?.scheme).toBe('numeric');
    expect(a.citations.map((c) => c.numbers)).toEqual([[1], [2]]);
  });
});
