/**
 * The written rhymes (vần) of Vietnamese, without tone: everything after the onset (âm đầu). A
 * closed list is simpler and stricter than rules: it is what separates a real syllable from an OCR
 * misreading such as "hq" or "giầy" with a stop coda and the wrong tone.
 */

const words = (s: string) => s.trim().split(/\s+/);

/** Rhymes without a medial (âm đệm). */
export const PLAIN_RHYMES: ReadonlySet<string> = new Set(
  words(`
    a ac ach ai am an ang anh ao ap at au ay
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu
    iêc iêm iên iêng iêp iêt iêu
    yêm yên yêng yêt yêu
    o oc oi om on ong op ot oong ooc
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua uc ui um un ung up ut
    uôc uôi uôm uôn uông uôt
    ư ưa ưc ưi ưm ưng ưt ưu
    ươc ươi ươm ươn ương ươp ươt ươu
    y
  `),
);

/** Rhymes with the medial o (written o before a, ă, e): hoa, toán, khỏe, hoặc. */
export const MEDIAL_O_RHYMES: ReadonlySet<string> = new Set(
  words('oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet'),
);

/** Rhymes with the medial u (written u before â, ê, ơ, y): xuân, thuế, thuở, huyện, khuya. */
export const MEDIAL_U_RHYMES: ReadonlySet<string> = new Set(
  words('uân uâng uât uây uê uêch uênh uơ uy uya uych uyên uyêt uynh uyp uyt uyu'),
);

/**
 * After qu the u is the medial, so the rest is written like a plain rhyme (quá, quân, quê, quốc)
 * or with y (quy, quyết, quỳnh, quýt).
 */
export const QU_RHYMES: ReadonlySet<string> = new Set([
  ...[...PLAIN_RHYMES].filter((r) => 'aăâeêơy'.includes(r[0] ?? '')),
  ...words('ôc i ynh ych yt yêt yên'),
]);

/** Vowel pairs that are one nucleus (nguyên âm đôi), not a vowel plus a semivowel coda. */
export const DIPHTHONGS: ReadonlySet<string> = new Set(words('ia iê yê ya ua uô ưa ươ oo'));

/** Consonant codas (âm cuối), longest first. */
export const CONSONANT_CODAS = ['ch', 'nh', 'ng', 'c', 'm', 'n', 'p', 't'] as const;

/** Stop codas: a syllable ending in one of these takes only sắc or nặng. */
export const STOP_CODAS: ReadonlySet<string> = new Set(['c', 'ch', 'p', 't']);

/** Onsets (âm đầu), longest first so that "ngh" wins over "ng" and "n". */
export const ONSETS = ['ngh', 'ng', 'gh', 'gi', 'kh', 'nh', 'ph', 'th', 'tr', 'ch', 'qu', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x'] as const;
