/** Orders strings by code unit, the same in every locale (for stable listings of codes and ids). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
