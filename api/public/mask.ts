/**
 * The applicant's name as the public page may show it once the visitor proved they hold the receipt:
 * the family name in full, every other word as a bare initial without its diacritics
 * ("Nguyễn Văn Ấn" → "Nguyễn V. A.", "Trần Thị Thu Hà" → "Trần T. T. H.").
 *
 * Why this much and no more: the family name is shared by millions (Nguyễn alone by ~38 % of people),
 * so with initials it lets the citizen recognise their own dossier without identifying anyone. The
 * initials lose their tone and vowel marks (Ấ, Â, Á… all become A) so they narrow nothing further.
 * A one-word name shows only its initial.
 */
export function maskName(fullName: string): string {
  const words = fullName.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '';
  if (words.length === 1) return `${initial(words[0])}.`;
  const [family, ...rest] = words;
  return [family, ...rest.map((w) => `${initial(w)}.`)].join(' ');
}

function initial(word: string): string {
  const first = Array.from(word.normalize('NFC'))[0] ?? '';
  return first.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/giu, 'D').toUpperCase();
}
