/**
 * Orders plugins so that each comes after its dependencies (depth-first, ids visited in sorted order
 * so the result is stable). Members of a dependency cycle are left out of the order and returned
 * with the cycle, printed as `a -> b -> c -> a`.
 */
export function orderByDependencies(
  ids: readonly string[],
  dependenciesOf: (id: string) => readonly string[],
): { order: string[]; cycles: Map<string, string[]> } {
  const known = new Set(ids);
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  const cycles = new Map<string, string[]>();
  const stack: string[] = [];

  const visit = (id: string): void => {
    const seen = state.get(id);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(id)), id];
      for (const member of cycle) if (!cycles.has(member)) cycles.set(member, cycle);
      return;
    }
    state.set(id, 'visiting');
    stack.push(id);
    for (const dependency of [...dependenciesOf(id)].sort()) if (known.has(dependency)) visit(dependency);
    stack.pop();
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of [...ids].sort()) visit(id);
  // A plugin that depends (even indirectly) on a cycle member is ordered; the host fails it as a dependent.
  return { order: order.filter((id) => !cycles.has(id)), cycles };
}
