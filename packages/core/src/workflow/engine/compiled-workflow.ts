import type { WorkflowDefinition, WorkflowState, WorkflowTransition } from '../definition/types.js';
import { deepFreeze } from '../../util/deep-freeze.js';

/**
 * A validated workflow version with its lookups built once: the start state, and the transitions
 * leaving each state by action. The engine never walks the definition's arrays on a request.
 */
export class CompiledWorkflow {
  readonly key: string;
  readonly version: number;
  readonly pluginId: string;
  readonly definition: WorkflowDefinition;
  readonly startState: string;
  readonly #leaving = new Map<string, Map<string, WorkflowTransition>>();

  constructor(pluginId: string, definition: WorkflowDefinition) {
    this.pluginId = pluginId;
    this.definition = deepFreeze(structuredClone(definition));
    this.key = definition.key;
    this.version = definition.version;
    const start = Object.entries(definition.states).find(([, s]) => s.type === 'start');
    this.startState = start![0];
    for (const name of Object.keys(definition.states)) this.#leaving.set(name, new Map());
    for (const transition of this.definition.transitions) {
      for (const from of transition.from) this.#leaving.get(from)?.set(transition.action, transition);
    }
  }

  state(name: string): WorkflowState {
    const state = this.definition.states[name];
    if (!state) throw new Error(`Workflow ${this.key}@${this.version} has no state "${name}"`);
    return state;
  }

  hasState(name: string): boolean {
    return Object.hasOwn(this.definition.states, name);
  }

  /** Transitions leaving `state`, in definition order. */
  leaving(state: string): WorkflowTransition[] {
    return [...(this.#leaving.get(state)?.values() ?? [])];
  }

  transition(state: string, action: string): WorkflowTransition | undefined {
    return this.#leaving.get(state)?.get(action);
  }
}
