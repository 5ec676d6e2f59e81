import { expect } from 'chai';
import { ContributionRegistry } from '../../../src/plugins/contribution-registry.js';
import type { EventHandler } from '../../../src/plugins/contributions.js';
import { definePlugin } from '../../../src/plugins/define-plugin.js';
import type { OutboxEvent } from '../../../src/workflow/outbox/outbox-types.js';
import { pluginEventSubscribers } from '../../../src/workflow/outbox/plugin-event-subscribers.js';
import { outboxEvent } from './fixtures.js';

type Received = Parameters<EventHandler>[0];

function plugin(id: string, handlers: Record<string, EventHandler>) {
  return definePlugin({
    id,
    version: '0.1.0',
    kind: 'agency',
    engines: { darcha: '^1.0.0' },
    eventHandlers: handlers,
  });
}

function event(overrides: Partial<OutboxEvent> = {}): OutboxEvent {
  return outboxEvent({ payload: { inquiryId: 'i-1' }, ...overrides });
}

describe('plugin event subscribers', () => {
  it('hands each plugin the events it has a handler for, as { type, tenantId, payload, id }', async () => {
    const gas: Received[] = [];
    const water: Received[] = [];
    const registry = new ContributionRegistry();
    registry.add(plugin('agency-gas', { 'inquiry.filed': async (e) => void gas.push(e) }));
    registry.add(plugin('agency-water', { 'inquiry.transitioned': async (e) => void water.push(e) }));
    registry.add(plugin('city-chirchik', {}));
    const opened: string[] = [];
    const subscribers = pluginEventSubscribers(registry, ['agency-gas', 'agency-water', 'city-chirchik'], {
      withTenant: async (tenantId, work) => {
        opened.push(tenantId);
        return work({} as Parameters<typeof work>[0]);
      },
    });
    expect(subscribers.map((s) => s.name)).to.deep.equal([
      'plugin:agency-gas',
      'plugin:agency-water',
      'plugin:city-chirchik',
    ]);
    expect(subscribers.map((s) => s.handles('inquiry.filed'))).to.deep.equal([true, false, false]);
    await subscribers[0]!.deliver(event());
    expect(gas.map(({ withTenant: _, ...rest }) => rest)).to.deep.equal([
      {
        type: 'inquiry.filed',
        tenantId: 'chirchik',
        payload: { inquiryId: 'i-1' },
        id: '7f0c1c9e-2b1a-4c52-9a55-0d6f5b3c2a10',
      },
    ]);
    // The handler's transactions are bound to the event's tenant.
    expect(await gas[0]!.withTenant(async () => 'done')).to.equal('done');
    expect(opened).to.deep.equal(['chirchik']);
    expect(water).to.deep.equal([]);
  });

  it('lets a handler failure through, so the event is retried', async () => {
    const registry = new ContributionRegistry();
    registry.add(
      plugin('agency-gas', {
        'inquiry.filed': () => Promise.reject(new Error('billing system unreachable')),
      }),
    );
    const [gas] = pluginEventSubscribers(registry, ['agency-gas']);
    let failure: unknown;
    await gas!.deliver(event()).catch((error: unknown) => (failure = error));
    expect((failure as Error).message).to.equal('billing system unreachable');
  });

  it('skips tenants that have not enabled the plugin, and plugins that have stopped', async () => {
    const calls: string[] = [];
    const registry = new ContributionRegistry();
    registry.add(plugin('agency-gas', { 'inquiry.filed': async (e) => void calls.push(e.tenantId) }));
    const [gas] = pluginEventSubscribers(registry, ['agency-gas'], {
      isEnabled: (tenantId, pluginId) =>
        Promise.resolve(tenantId === 'chirchik' && pluginId === 'agency-gas'),
    });
    await gas!.deliver(event({ tenantId: 'djizak' }));
    await gas!.deliver(event());
    registry.remove('agency-gas');
    expect(gas!.handles('inquiry.filed')).to.equal(false);
    await gas!.deliver(event());
    expect(calls).to.deep.equal(['chirchik']);
  });
});
