import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../../src/core/references/index.js';
import type { FieldValue, ReferenceFields } from '../../../src/core/types.js';

const NAMES = ['year', 'title', 'container', 'volume', 'issue', 'pages', 'doi', 'pmid', 'pmcid', 'arxiv', 'url'] as const;

/** The fields of an entry as plain values, and a check that every span points at what it claims. */
function read(source: string): Record<string, unknown> {
  const fields: ReferenceFields = parseEntry(source).fields;
  const out: Record<string, unknown> = { authors: fields.authors.map((a) => [a.family, a.given]) };
  for (const a of fields.authors) expect(source.slice(a.start, a.end)).toContain(a.family.split(' ')[0]!);
  for (const name of NAMES) {
    const f: FieldValue | null = fields[name];
    if (f === null) continue;
    out[name] = f.value;
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(source.length);
    expect(f.start).toBeLessThan(f.end);
  }
  return out;
}

/** The source a field's span covers. */
function spanOf(source: string, name: (typeof NAMES)[number]): string | null {
  const f = parseEntry(source).fields[name];
  return f ? source.slice(f.start, f.end) : null;
}

describe('the reference grammar reads each style field by field', () => {
  it('reads a Vancouver entry with its DOI, PMID and database links', () => {
    const s = 'Kenakin T, Christopoulos A. Signalling bias in new drug discovery: detection, quantification and therapeutic impact. Nat Rev Drug Discov. 2013 Mar;12(3):205-16. doi: 10.1038/nrd3954. PMID: 23411724 [CrossRef] [PubMed] [Google Scholar]';
    expect(read(s)).toEqual({
      authors: [['Kenakin', 'T'], ['Christopoulos', 'A']],
      title: 'Signalling bias in new drug discovery: detection, quantification and therapeutic impact',
      container: 'Nat Rev Drug Discov',
      year: '2013',
      volume: '12',
      issue: '3',
      pages: '205-16',
      doi: '10.1038/nrd3954',
      pmid: '23411724',
    });
    expect(spanOf(s, 'doi')).toBe('10.1038/nrd3954');
    expect(spanOf(s, 'pages')).toBe('205-16');
  });

  it('reads a PMC web page entry whose identifiers sit in its links', () => {
    const s = 'Martina M, Turcotte ME, Halman S, Bergeron R. The sigma-1 receptor modulates NMDA receptor synaptic transmission and plasticity via SK channels in rat hippocampus. J Physiol. 2007;578(Pt 1):143–157. doi: 10.1113/jphysiol.2006.116178. [DOI](https://doi.org/10.1113/jphysiol.2006.116178) [PMC free article](https://pmc.ncbi.nlm.nih.gov/articles/PMC2075134/) [PubMed](https://pubmed.ncbi.nlm.nih.gov/17008375/) [Google Scholar](https://scholar.google.com/scholar_lookup?journal=J+Physiol)';
    const fields = read(s);
    expect(fields).toMatchObject({ title: 'The sigma-1 receptor modulates NMDA receptor synaptic transmission and plasticity via SK channels in rat hippocampus', container: 'J Physiol', year: '2007', volume: '578', pages: '143–157'.replace('–', '-'), doi: '10.1113/jphysiol.2006.116178', pmid: '17008375', pmcid: 'PMC2075134' });
    expect(fields.url).toBeUndefined();
    expect(spanOf(s, 'pmcid')).toBe('https://pmc.ncbi.nlm.nih.gov/articles/PMC2075134/');
  });

  it('reads an APA entry with a DOI address, which is not its URL', () => {
    const s = 'Black, J. W., & Leff, P. (1983). Operational models of pharmacological agonism. *Proceedings of the Royal Society B*, *220*(1219), 141–162. https://doi.org/10.1098/rspb.1983.0093';
    expect(read(s)).toEqual({
      authors: [['Black', 'J. W.'], ['Leff', 'P.']],
      year: '1983',
      title: 'Operational models of pharmacological agonism',
      container: 'Proceedings of the Royal Society B',
      volume: '220',
      issue: '1219',
      pages: '141-162',
      doi: '10.1098/rspb.1983.0093',
    });
    expect(spanOf(s, 'container')).toBe('Proceedings of the Royal Society B');
  });

  it('reads a Harvard entry with the year after the authors and a colon before the pages', () => {
    expect(read('Stephenson, R.P., 1956. A modification of receptor theory. Br. J. Pharmacol. 11: 379–393.')).toEqual({
      authors: [['Stephenson', 'R.P.']],
      year: '1956',
      title: 'A modification of receptor theory',
      container: 'Br. J. Pharmacol',
      volume: '11',
      pages: '379-393',
    });
  });

  it('reads a Nature entry with bold volume and the year at the end', () => {
    expect(read('Schmidt, H. R. et al. Crystal structure of the human σ1 receptor. *Nature* **532**, 527–530 (2016).')).toEqual({
      authors: [['Schmidt', 'H. R.']],
      title: 'Crystal structure of the human σ1 receptor',
      container: 'Nature',
      volume: '532',
      pages: '527-530',
      year: '2016',
    });
  });

  it('reads an ACS entry with semicolons between authors and the year before the volume', () => {
    expect(read('Glennon, R. A.; Ablordeppey, S. Y.; Ismaiel, A. M. Binding of phenylalkylamine derivatives at 5-HT1C and 5-HT2 receptors. *J. Med. Chem.* **1992**, *35*, 734–740.')).toEqual({
      authors: [['Glennon', 'R. A.'], ['Ablordeppey', 'S. Y.'], ['Ismaiel', 'A. M.']],
      title: 'Binding of phenylalkylamine derivatives at 5-HT1C and 5-HT2 receptors',
      container: 'J. Med. Chem',
      year: '1992',
      volume: '35',
      pages: '734-740',
    });
  });

  it('reads an RSC entry, initials first and no title', () => {
    expect(read('A. M. Ismaiel, K. Titeler and R. A. Glennon, *J. Med. Chem.*, 1990, **33**, 755–761.')).toEqual({
      authors: [['Ismaiel', 'A. M.'], ['Titeler', 'K.'], ['Glennon', 'R. A.']],
      container: 'J. Med. Chem',
      year: '1990',
      volume: '33',
      pages: '755-761',
    });
  });

  it('reads an IEEE-style entry with a quoted title and volume and page keywords', () => {
    expect(read('D. Mayne, J. Rawlings, C. Rao, and P. Scokaert, “Constrained model predictive control: Stability and optimality,” Automatica, vol. 36, no. 6, pp. 789–814, 2000.')).toEqual({
      authors: [['Mayne', 'D.'], ['Rawlings', 'J.'], ['Rao', 'C.'], ['Scokaert', 'P.']],
      title: 'Constrained model predictive control: Stability and optimality',
      container: 'Automatica',
      volume: '36',
      issue: '6',
      pages: '789-814',
      year: '2000',
    });
  });

  it('reads the web extractions of a browser: "Site | Title [host]" and "Title - PMC [host]"', () => {
    expect(read('Frontiers | Neuronal Sigma-1 Receptors: Signaling Functions and Protective Roles in Neurodegenerative Diseases [frontiersin.org]')).toEqual({
      authors: [],
      title: 'Neuronal Sigma-1 Receptors: Signaling Functions and Protective Roles in Neurodegenerative Diseases',
      container: 'Frontiers',
    });
    expect(read('Sigma-1 Receptor as a Pluripotent Modulator in the Living System - PMC [pmc.ncbi.nlm.nih.gov]')).toEqual({ authors: [], title: 'Sigma-1 Receptor as a Pluripotent Modulator in the Living System', container: 'PMC' });
    expect(read('iovs.arvojournals.org [iovs.arvojournals.org]')).toEqual({ authors: [] });
  });

  it('keeps the title of an entry a converter split into several links', () => {
    const s = '[Kourrich S, Su TP, Fujimoto M, Bonci A. The sigma-1 receptor: roles](https://doi.org/10.1016/j.tins.2012.09.005) [in neuronal plasticity and disease. Trends Neurosci. 2012;35\\(12\\):762–771.](https://doi.org/10.1016/j.tins.2012.09.005)';
    expect(read(s)).toEqual({
      authors: [['Kourrich', 'S'], ['Su', 'TP'], ['Fujimoto', 'M'], ['Bonci', 'A']],
      title: 'The sigma-1 receptor: roles in neuronal plasticity and disease',
      container: 'Trends Neurosci',
      year: '2012',
      volume: '35',
      issue: '12',
      pages: '762-771',
      doi: '10.1016/j.tins.2012.09.005',
    });
    // The title's span runs across the link syntax, from its first word to its last.
    expect(spanOf(s, 'title')).toBe('The sigma-1 receptor: roles](https://doi.org/10.1016/j.tins.2012.09.005) [in neuronal plasticity and disease');
  });

  it('reads a URL that is the work\'s own, an arXiv id and a group author', () => {
    expect(read('World Health Organization (2021). WHO Model List of Essential Medicines, 22nd list. Available from: https://www.who.int/publications/i/item/WHO-MHP-HPS-EML-2021.02')).toMatchObject({
      authors: [['World Health Organization', null]],
      year: '2021',
      title: 'WHO Model List of Essential Medicines, 22nd list',
      url: 'https://www.who.int/publications/i/item/WHO-MHP-HPS-EML-2021.02',
    });
    expect(read('Jumper J, Evans R, Pritzel A. Highly accurate protein structure prediction. arXiv:2107.12345v2. 2021.')).toMatchObject({ arxiv: '2107.12345v2', year: '2021' });
  });

  it('reads a list of pages as one field, and a lone number before the pages as the issue', () => {
    expect(read('Brown A. Receptor pharmacology. In: Essays in Pharmacology. London: Wiley; 1911. pp. 81-131, 208-241.').pages).toBe('81-131, 208-241');
    expect(read('Brown A. Receptor pharmacology. J Pharmacol. 1911;12:81-131, 208-241.')).toMatchObject({ volume: '12', pages: '81-131, 208-241' });
    // Without a page word, a lone number stays the pages alone.
    expect(read('Smith J. A study of receptors. J Pharmacol. 2001;12:239, 245.').pages).toBe('239');
    expect(read('Smith J. A study of receptors. Mol Pharmacol 61, 4, 220-233 (2002).')).toMatchObject({ volume: '61', issue: '4', pages: '220-233' });
  });

  it('reads a DOI whose link text a converter escaped (`\\(98\\)`) without the escapes or the link after it', () => {
    const source = 'Filipovic SR. Depression in Parkinson\'s disease. *Parkinsonism Relat Disord*. 1998;4(4):171–8. [https://doi.org/10.1016/s1353-8020\\(98\\)00027-3](https://doi.org/10.1016/s1353-8020(98)00027-3)';
    expect(read(source).doi).toBe('10.1016/s1353-8020(98)00027-3');
    expect(spanOf(source, 'doi')).toBe('10.1016/s1353-8020\\(98\\)00027-3');
  });

  it('reads the year that ends a preprint server\'s sentence as the year, not as part of the container', () => {
    expect(read('Zhang, J.; Fang, Y. Large Language Models in Molecular Tasks. *bioRxiv* **2023**. https://doi.org/10.1101/2023.11.28.568966.')).toMatchObject({ container: 'bioRxiv', year: '2023' });
  });

  it("reads a title's second sentence as the title's, and the journal's name before the locator as the container", () => {
    expect(read('Lang F, Qadri SM. Mechanisms of senescent erythrocyte phagocytosis. A review. Biochimie. 2009;91(10):1206-13.')).toMatchObject({
      title: 'Mechanisms of senescent erythrocyte phagocytosis. A review',
      container: 'Biochimie',
      volume: '91',
      pages: '1206-13',
    });
    // A first sentence that is a journal's name stays the container.
    expect(read('Smith J. Receptor pharmacology. J Pharmacol. Suppl Reviews. 2001;12:3-9.').container).toBe('J Pharmacol');
  });

  it('reads family names run into their initials, Irish and Scottish names included (`O’BrienD`, `McDonaldJ`)', () => {
    expect(read('O’BrienD, ShallooL, McDonaldJ. A life cycle assessment of dairy farms. Agric Syst. 2012;107:33–46.').authors).toEqual([
      ['O’Brien', 'D'],
      ['Shalloo', 'L'],
      ['McDonald', 'J'],
    ]);
  });

  it("reads a journal's name before a year in parentheses as the container, as PubMed's pages list entries", () => {
    expect(read('G Ramsey; P F Lindholm. Thrombosis risk in cancer patients receiving red blood cell transfusions. Semin Thromb Hemost (2019)')).toMatchObject({ container: 'Semin Thromb Hemost', year: '2019' });
    // A publisher stays out of the container.
    expect(read('J Smith. Receptor pharmacology. Oxford University Press (2005)').container).toBeUndefined();
  });

  it("ends a book's title before its publisher, place and year in parentheses, the physicists' way", () => {
    expect(read('A. F. Nikiforov, V. B. Uvarov, Special Functions of Mathematical Physics (Birkhäuser, Boston, MA, 1988), p. 205.')).toMatchObject({
      title: 'Special Functions of Mathematical Physics',
      year: '1988',
    });
  });

  it("ends a book's title before `; Publisher: Place, Year`, as MDPI and ACS write it", () => {
    expect(read('Cowling, R. *Namaqualand: A Succulent Desert*; Penguin Random House: Cape Town, South Africa, 1999; ISBN 9781928213314.')).toMatchObject({
      title: 'Namaqualand: A Succulent Desert',
      year: '1999',
    });
  });

  it('reads the arXiv id as DBLP exports it (`ArXiv 2021, abs/…`), not as a volume and an issue', () => {
    expect(read('Jumper, J.; Evans, R. Highly Accurate Protein Structure Prediction. *ArXiv* **2021**, *abs/2107.12345*.')).toEqual({
      authors: [['Jumper', 'J.'], ['Evans', 'R.']],
      year: '2021',
      title: 'Highly Accurate Protein Structure Prediction',
      container: 'ArXiv',
      arxiv: '2107.12345',
    });
  });

  it('reads the year of an entry that opens with it, and of a DOI holding parentheses', () => {
    expect(read('2013. The Merck Index: An Encyclopedia of Chemicals, Drugs, and Biologicals. 15th ed. Cambridge: Royal Society of Chemistry.')).toEqual({
      authors: [],
      year: '2013',
      title: 'The Merck Index: An Encyclopedia of Chemicals, Drugs, and Biologicals',
    });
    expect(read('Colquhoun D. Binding, gating, affinity and efficacy. Br J Pharmacol. 1998;125(5):924-47. doi:10.1038/sj.bjp.0702164 10.1016/S0006-3495(99)77260-2.')).toMatchObject({ doi: '10.1038/sj.bjp.0702164' });
    expect(read('Auerbach A. Gating of acetylcholine receptor channels. Biophys J. 1999;76:1-2. doi:10.1016/S0006-3495(99)77260-2.')).toMatchObject({ doi: '10.1016/s0006-3495(99)77260-2' });
  });

  it('never takes digits from a title for the locator', () => {
    expect(read('Alexander SPH, Christopoulos A, Davenport AP, et al. The Concise Guide to PHARMACOLOGY 2019/20: G protein-coupled receptors. Br J Pharmacol. 2019;176 Suppl 1:S21-S141.')).toEqual({
      authors: [['Alexander', 'SPH'], ['Christopoulos', 'A'], ['Davenport', 'AP']],
      title: 'The Concise Guide to PHARMACOLOGY 2019/20: G protein-coupled receptors',
      container: 'Br J Pharmacol',
      year: '2019',
      volume: '176',
      issue: 'Suppl 1',
      pages: 'S21-S141',
    });
  });
});

describe('names as a PDF text layer writes them', () => {
  it('keeps spacing accents inside the name (J¨urgen, Mart´ın) and reads an undotted middle initial (Peter J Liu)', () => {
    expect(read('Sepp Hochreiter and J¨urgen Schmidhuber. Long short-term memory. Neural computation, 9(8):1735–1780, 1997.')).toEqual({
      authors: [['Hochreiter', 'Sepp'], ['Schmidhuber', 'J¨urgen']],
      year: '1997',
      title: 'Long short-term memory',
      container: 'Neural computation',
      volume: '9',
      issue: '8',
      pages: '1735-1780',
    });
    expect(read('Colin Raffel, Noam Shazeer, and Peter J Liu. Exploring the limits of transfer learning. arXiv preprint arXiv:1910.10683, 2019.').authors).toEqual([
      ['Raffel', 'Colin'],
      ['Shazeer', 'Noam'],
      ['Liu', 'Peter J'],
    ]);
  });
});

describe('initials written as words of their own', () => {
  it('reads `G Ramsey; P F Lindholm.` as two authors, initials first', () => {
    expect(read('G Ramsey; P F Lindholm. Thrombosis risk in cancer patients receiving red blood cell transfusions. Semin Thromb Hemost (2019)').authors).toEqual([
      ['Ramsey', 'G'],
      ['Lindholm', 'P F'],
    ]);
  });
});

describe('a family name run into its initials', () => {
  it('reads `HerreroM, ThorntonPK, et al Title` as authors, the et al without its full stop', () => {
    expect(read('HerreroM, HendersonB, ThorntonPK, SmithP, et al Greenhouse gas mitigation potentials in the livestock sector. Nat Clim Chang. 2016;6: 452–461. 10.1038/nclimate2925')).toEqual({
      authors: [['Herrero', 'M'], ['Henderson', 'B'], ['Thornton', 'PK'], ['Smith', 'P']],
      year: '2016',
      title: 'Greenhouse gas mitigation potentials in the livestock sector',
      container: 'Nat Clim Chang',
      volume: '6',
      pages: '452-461',
      doi: '10.1038/nclimate2925',
    });
  });
});

describe('a preprint', () => {
  it('ends the title before `arXiv preprint`, which is the container', () => {
    expect(read('Jared Kaplan, Sam McCandlish, and Dario Amodei. Scaling laws for neural language models. arXiv preprint arXiv:2001.08361, 2020.')).toEqual({
      authors: [['Kaplan', 'Jared'], ['McCandlish', 'Sam'], ['Amodei', 'Dario']],
      year: '2020',
      title: 'Scaling laws for neural language models',
      container: 'arXiv preprint',
      arxiv: '2001.08361',
    });
  });
});

describe('editors and given names written after an initial', () => {
  it('reads `Kear, Janet, ed. (2005)` as an editor list ending before the year', () => {
    expect(read('Kear, Janet, ed. (2005). *Ducks of the World*. Oxford: Oxford University Press.')).toMatchObject({
      authors: [['Kear', 'Janet']],
      year: '2005',
      title: 'Ducks of the World',
    });
  });

  it('reads `Pratt, H. Douglas; Bruner, Phillip L.` with the full given name after the initial', () => {
    expect(read('Pratt, H. Douglas; Bruner, Phillip L.; Berrett, Delwyn G. (1987). *A Field Guide*. Princeton, NJ: Princeton University Press.').authors).toEqual([
      ['Pratt', 'H. Douglas'],
      ['Bruner', 'Phillip L.'],
      ['Berrett', 'Delwyn G.'],
    ]);
  });
});

describe('where a title ends in notes and humanities styles', () => {
  it('ends before a place and publisher in parentheses without a year', () => {
    expect(read('Dworkin, Gerald (1988), The Theory and Practice of Autonomy (Cambridge: Cambridge University Press).')).toMatchObject({
      authors: [['Dworkin', 'Gerald']],
      year: '1988',
      title: 'The Theory and Practice of Autonomy',
    });
  });

  it('ends before the editors written after it (`, ed. Name`)', () => {
    expect(read('Un incontro senese in onore di Pierre Toubert, ed. Mario Ascheri, Roma, 2003.')).toMatchObject({ title: 'Un incontro senese in onore di Pierre Toubert', year: '2003' });
  });

  it('keeps the subtitle of a title that opens with a quotation, closed by a second quote', () => {
    expect(read('Nichols, Bill. “Getting to Know You...”: Knowledge, Power, and the Body” In Theorizing Documentary, ed. Michael Renov, 1-11. London: Routledge, 1993.').title).toBe('Getting to Know You...”: Knowledge, Power, and the Body');
  });

  it('reads a PMCID from a PMC page\'s own path, a PMID from a PubMed URL in the text or set bare after the DOI', () => {
    const pmc = 'Ng L, Fu K. Title of the work. J Biol. 2013;57:100-10. [DOI](https://doi.org/10.1128/AAC.00146-13) | [PMC free article](/articles/PMC3632950/) | [PubMed](https://pubmed.ncbi.nlm.nih.gov/23403435/)';
    expect(read(pmc)).toMatchObject({ pmcid: 'PMC3632950', pmid: '23403435' });
    const url = 'Schrappe M, Reiter A. Improved outcome in childhood leukemia. *Blood*. 2000;95(11):3310–3322. http://www.ncbi.nlm.nih.gov/pubmed/10828010 Accessed 09.02.16.';
    expect(read(url)).toMatchObject({ pmid: '10828010', year: '2000', volume: '95' });
    expect(spanOf(url, 'pmid')).toBe('10828010');
    const bare = 'Hristov AN, Oh J. Mitigation of enteric methane. J Anim Sci. 2013;91: 5045–5069. 10.2527/jas.2013-6583 24045497';
    expect(read(bare)).toMatchObject({ doi: '10.2527/jas.2013-6583', pmid: '24045497', pages: '5045-5069' });
  });

  it('reads names written one after another, each closed by its initials (`Keri, S. Kiss, I.`), and doubled commas between names', () => {
    expect(read('Keri, S. Kiss, I. Kelemen, O. (2009). Sharing secrets: Oxytocin and trust in schizophrenia. Social Neuroscience, 4(4): 287-293.')).toMatchObject({
      authors: [['Keri', 'S.'], ['Kiss', 'I.'], ['Kelemen', 'O.']],
      title: 'Sharing secrets: Oxytocin and trust in schizophrenia',
      container: 'Social Neuroscience',
    });
    expect(read('Owen CR,, Buker EO,, Bell JF. 1964. Comparative studies of Francisella. J Bacteriol 87: 676–683.')).toMatchObject({
      authors: [['Owen', 'CR'], ['Buker', 'EO'], ['Bell', 'JF']],
      year: '1964',
      title: 'Comparative studies of Francisella',
      container: 'J Bacteriol',
    });
  });

  it('reads a book\'s page count (`702 p.`) as its pages, and the issue a volume:issue: pages or volume, issue (date): pages locator holds', () => {
    expect(read('PERRIN, Louis F. Le système immunitaire. Evreux : FLAMMARION, 1997. 127 p. (Dominos).')).toMatchObject({ year: '1997', pages: '127' });
    expect(read('PERRIN, Louis F. Le système immunitaire. Evreux : FLAMMARION, 1997. 127 p. (Dominos).').volume).toBeUndefined();
    expect(read('Morris, R.D.; Audet, A.M., 1992. Chlorination and Cancer: A Meta-Analysis. American Journal of Public Health, 82:7: 955.')).toMatchObject({ volume: '82', issue: '7', pages: '955' });
    expect(read('Davis, Lee. “Intellectual Property Rights, Strategy, and Policy,” Economic Innovation and New Technology 13, 5 (2004): 399–415.')).toMatchObject({ volume: '13', issue: '5', pages: '399-415' });
    expect(read('Gick, B., I. Wilson, and C. Cook. Language-specific articulatory settings. Phonetica 61: 4, 220-233. 2004.')).toMatchObject({ volume: '61', issue: '4', pages: '220-233' });
    expect(read('CivieroM, SchaitzLH. Pearl-millet grazing decreases methane emissions. 7th Greenhouse Gas Conference,. Foz do Iguaçu; 2019 pp. 141–141.')).toMatchObject({ year: '2019', pages: '141-141' });
  });

  it('reads full-width punctuation as its ASCII mark, spaced', () => {
    expect(read('Zeng, S.; Xie,H.; Lu, X.; Hu，W.，Discovery of potent dipeptidyl peptidase IV inhibitors. Bioorganic & medicinal chemistry 2013,21 (7),1749-55.')).toMatchObject({
      authors: [['Zeng', 'S.'], ['Xie', 'H.'], ['Lu', 'X.'], ['Hu', 'W.']],
      title: 'Discovery of potent dipeptidyl peptidase IV inhibitors',
      container: 'Bioorganic & medicinal chemistry',
      year: '2013',
      volume: '21',
      issue: '7',
      pages: '1749-55',
    });
  });

  it('reads a year whose last digits OCR read as letters (`20o7`, `20l1`)', () => {
    expect(read('Feng, J.; Zhang, Z.; Gwaltney, S.L., Discovery of alogliptin. J Med Chem 20o7, 50(10), 2297-300.')).toMatchObject({ year: '2007', volume: '50', issue: '10', pages: '2297-300' });
    expect(read('Deng, J.; Peng, L., The highly potent inhibitors. European journal of medicinal chemistry 20l1, 46 (1), 71-6.')).toMatchObject({ year: '2011', volume: '46', container: 'European journal of medicinal chemistry' });
  });

  it('starts the locator at `pp.` written straight after the container', () => {
    expect(read('Westerfield, Ray B. 1933. “The Banking Act of 1933.” The Journal of Political Economy pp. 721–749.')).toMatchObject({ container: 'The Journal of Political Economy', pages: '721-749', year: '1933' });
  });

  it('reads the first work of an entry that lists several under (a), (b)', () => {
    expect(read('(a)Abel, T.; Feher, J., A new therapeutic possibility for type 2 diabetes. Orv Hetil 2010, 151(25), 1012-6; (b)Deacon, C.F.; Holst, J.J., Glucagon-like peptide-1. Drugs Today 1999, 35(3), 159-70.')).toMatchObject({
      authors: [['Abel', 'T.'], ['Feher', 'J.']],
      title: 'A new therapeutic possibility for type 2 diabetes',
      container: 'Orv Hetil',
      year: '2010',
      volume: '151',
      issue: '25',
      pages: '1012-6',
    });
  });

  it('ends an author list before a full date in parentheses: `Brandom, Russell (September 12, 2023)`', () => {
    expect(read('Brandom, Russell (September 12, 2023). ["Obsidian review: a powerful note-taking app"](https://www.theverge.com/2023/09/12/obsidian-review). *The Verge*. Retrieved January 5, 2024.')).toMatchObject({
      authors: [['Brandom', 'Russell']],
      year: '2023',
      title: 'Obsidian review: a powerful note-taking app',
    });
  });

  it('reads a shortened footnote (`Kear 2005, p. 448`) as authors, year and pages, after its backlinks', () => {
    expect(read('[**^**](#cite_ref-FOOTNOTEKear2005448_11-0) [Kear 2005](#CITEREFKear2005) , p. 448.')).toEqual({ authors: [['Kear', null]], year: '2005', pages: '448' });
    expect(read('[***a***](#cite_ref-1) [***b***](#cite_ref-2) [Madsen, McHugh &amp; de Kloet 1988](#CITEREFMadsen) , pp. 452-453.')).toEqual({ authors: [['Madsen', null], ['McHugh', null], ['de Kloet', null]], year: '1988', pages: '452-453' });
    expect(read('Chiba, Nakanishi, Fukuda & Yata 1991 A new species of Coladenia. Tropical Lepidoptera, 2(1): 59-64.').title).toBeDefined();
  });

  it('reads the site of a quoted web page retrieved on a date, and takes no year from the retrieval date', () => {
    expect(read('["Pricing"](https://obsidian.md/pricing). *Obsidian*. Retrieved January 5, 2024.')).toEqual({ authors: [], title: 'Pricing', container: 'Obsidian', url: 'https://obsidian.md/pricing' });
  });

  it('takes a chapter\'s book with a subtitle for the container, not for a place and publisher', () => {
    expect(read('Taylor, C. (1987). Overcoming epistemology. In K. Baynes, J. Bohman, & T. McCarthy (Eds.), After philosophy: End or transformation? (pp. 464–488). Cambridge: Massachusetts Institute of Technology Press.')).toMatchObject({
      title: 'Overcoming epistemology',
      container: 'After philosophy: End or transformation',
      pages: '464-488',
    });
  });
});
