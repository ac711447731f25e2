import { foldText } from '../text-folding';
/** FNV-1a, 32 bits: a short, stable hash for ids (not for security). */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A lowercase slug of a name: "The New Arab" → "the-new-arab". */
export function slugify(name: string, maxLength = 48): string {
  const slug = foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return slug || 'item';
}

/** An article id that says where it came from and stays unique for different texts. */
export function articleIdFor(outletId: string, published: string, fingerprint: string): string {
  return `${slugify(outletId, 40)}-${published}-${shortHash(fingerprint).slice(0, 8)}`;
}
