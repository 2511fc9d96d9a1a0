/** Small pieces of the bokmål the domain's own texts (refusals, records) are written in. */

/** "a", "a og b", "a, b og c". */
export function listInNorwegian(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`;
}
