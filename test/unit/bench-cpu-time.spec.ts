import { expect } from 'chai';
import { meterCpu } from '../bench/load/cpu-time.js';

describe('the benchmark CPU meter', () => {
  it('counts the CPU a process spent between start and stop, per request', function () {
    if (process.platform !== 'linux') this.skip(); // it reads /proc
    const meter = meterCpu(process.pid);
    const until = performance.now() + 150;
    while (performance.now() < until) Math.sqrt(Math.random());
    const cpu = meter.stop(10)!;
    expect(cpu.serverMs).to.be.greaterThan(0);
    expect(cpu.serverCores).to.be.greaterThan(0);
    expect(cpu.postgresMs).to.be.at.least(0);
  });

  it('says nothing for a load that completed no request', () => {
    expect(meterCpu(process.pid).stop(0)).to.equal(undefined); // on any platform
  });
});
