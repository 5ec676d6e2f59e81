import type { WorkflowDefinition } from './types.js';

/** The states a definition moves between, as a directed graph; unknown state names are left out. */
export interface WorkflowGraph {
  /** For each state, the states one transition away. */
  next: Map<string, Set<string>>;
  /** For each state, the states one transition before it. */
  previous: Map<string, Set<string>>;
}

export function workflowGraph({ states, transitions }: WorkflowDefinition): WorkflowGraph {
  const names = Object.keys(states);
  const next = new Map(names.map((n) => [n, new Set<string>()]));
  const previous = new Map(names.map((n) => [n, new Set<string>()]));
  for (const { from, to } of transitions) {
    if (!previous.has(to)) continue;
    for (const source of from) {
      if (!next.has(source)) continue;
      next.get(source)!.add(to);
      previous.get(to)!.add(source);
    }
  }
  return { next, previous };
}

/** Every state reachable from `origins` (included) along `edges`. */
export function reachableFrom(origins: Iterable<string>, edges: Map<string, Set<string>>): Set<string> {
  const seen = new Set(origins);
  const queue = [...seen];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const neighbour of edges.get(state) ?? []) {
      if (!seen.has(neighbour)) {
        seen.add(neighbour);
        queue.push(neighbour);
      }
    }
  }
  return seen;
}

/** `action "reject" from "submitted", "in_review"`: how problems name a transition. */
export function describeTransition({ action, from }: { action: string; from: string[] }): string {
  return `action "${action}" from ${from.map((s) => `"${s}"`).join(', ')}`;
}
