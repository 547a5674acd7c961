/**
 * Per-thread pseudonyms. What a pseudonym says comes from the writer's household when they first
 * write in a thread (the youngest child's age, or a pregnancy) and the way they chose to be called;
 * the letter is the order in which writers joined that thread. Nothing in it is shared between
 * threads, so two threads cannot be linked through it, and it never carries a name.
 */

export type AgeKey = 'pregnancy' | 'age_0' | 'age_1' | 'age_2' | 'age_3' | 'age_4' | 'age_5' | 'school' | 'teen' | 'parent';
export type Persona = 'guardian' | 'mama' | 'papa';

export interface PseudonymParts {
  ageKey: AgeKey;
  persona: Persona;
  letter: string;
}

/** The age key from the household as it is today: the youngest child decides; else a pregnancy. */
export function ageKeyFrom(household: { childAgesInYears: number[]; hasOngoingPregnancy: boolean } | undefined): AgeKey {
  if (!household) return 'parent';
  if (household.childAgesInYears.length) {
    const youngest = Math.min(...household.childAgesInYears);
    if (youngest <= 5) return `age_${youngest}` as AgeKey;
    return youngest <= 11 ? 'school' : 'teen';
  }
  return household.hasOngoingPregnancy ? 'pregnancy' : 'parent';
}

/** A, B, … Z, AA, AB … from a 0-based position. */
export function letterFor(position: number): string {
  let n = position;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

const AGE_KEYS: readonly string[] = ['pregnancy', 'age_0', 'age_1', 'age_2', 'age_3', 'age_4', 'age_5', 'school', 'teen', 'parent'];
const PERSONAS: readonly string[] = ['guardian', 'mama', 'papa'];

export function pseudonymParts(row: { position: number | null; age_key: string | null; persona: string | null }): PseudonymParts {
  return {
    ageKey: (AGE_KEYS.includes(row.age_key ?? '') ? row.age_key : 'parent') as AgeKey,
    persona: (PERSONAS.includes(row.persona ?? '') ? row.persona : 'guardian') as Persona,
    letter: letterFor(row.position ?? 0)
  };
}
