import type { WorkflowDefinition } from './types.js';
import { reachableFrom, workflowGraph } from './workflow-graph.js';

/**
 * The shape of the state graph: exactly one start state, transitions between existing states,
 * every state reachable from the start, a terminal state reachable from every state, and each
 * action unique among the transitions leaving a state. Each problem starts with a JSON pointer and
 * names the state or action at fault.
 */
export function workflowGraphProblems(definition: WorkflowDefinition): string[] {
  return [
    ...startProblems(definition),
    ...unknownStateProblems(definition),
    ...reachabilityProblems(definition),
    ...duplicateActionProblems(definition),
  ];
}

function startStates({ states }: WorkflowDefinition): string[] {
  return Object.entries(states)
    .filter(([, state]) => state.type === 'start')
    .map(([name]) => name);
}

function startProblems(definition: WorkflowDefinition): string[] {
  const starts = startStates(definition);
  if (starts.length === 1) return [];
  if (starts.length === 0) {
    return ['/states: no state is the start state; mark exactly one state "type": "start"'];
  }
  const names = starts.map((s) => `"${s}"`).join(', ');
  return [`/states: states ${names} are all start states; exactly one state may be "type": "start"`];
}

function unknownStateProblems({ states, transitions }: WorkflowDefinition): string[] {
  const problems: string[] = [];
  const known = (state: string) => Object.hasOwn(states, state);
  transitions.forEach(({ action, from, to }, i) => {
    from.forEach((source, j) => {
      if (!known(source)) {
        problems.push(
          `/transitions/${i}/from/${j}: action "${action}" leaves "${source}", which is not a state of this workflow`,
        );
      }
    });
    if (!known(to)) {
      problems.push(
        `/transitions/${i}/to: action "${action}" leads to "${to}", which is not a state of this workflow`,
      );
    }
  });
  return problems;
}

function reachabilityProblems(definition: WorkflowDefinition): string[] {
  const problems: string[] = [];
  const { next, previous } = workflowGraph(definition);
  const starts = startStates(definition);
  // Without a start state every state would be unreachable: the start problem says enough.
  if (starts.length > 0) {
    const reached = reachableFrom(starts, next);
    const from = starts.map((s) => `"${s}"`).join(', ');
    for (const state of Object.keys(definition.states)) {
      if (!reached.has(state)) {
        problems.push(
          `/states/${state}: state "${state}" cannot be reached from the start state ${from}; add a transition to it or remove it`,
        );
      }
    }
  }
  const terminals = Object.entries(definition.states)
    .filter(([, state]) => state.type === 'terminal')
    .map(([name]) => name);
  const closing = reachableFrom(terminals, previous);
  for (const state of Object.keys(definition.states)) {
    if (!closing.has(state)) {
      problems.push(
        `/states/${state}: no terminal state can be reached from state "${state}"; add a transition that leads towards one`,
      );
    }
  }
  return problems;
}

function duplicateActionProblems({ transitions }: WorkflowDefinition): string[] {
  const problems: string[] = [];
  const first = new Map<string, number>();
  transitions.forEach(({ action, from }, i) => {
    for (const state of from) {
      const key = `${state}\u0000${action}`;
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, i);
      else {
        problems.push(
          `/transitions/${i}/action: action "${action}" already leaves state "${state}" (/transitions/${earlier}); an action must be unique among the transitions leaving a state`,
        );
      }
    }
  });
  return problems;
}
