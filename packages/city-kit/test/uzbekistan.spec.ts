import { expect } from 'chai';
import { WorkingCalendar } from '@darcha/core';
import {
  HOLIDAY_YEARS,
  cityAgency,
  demoStaffFor,
  uzbekistanCalendar,
  uzbekistanHolidays,
} from '../src/index.js';

describe('city-kit: Uzbekistan', () => {
  it('lists the seven fixed holidays and both Hayits for every year it knows, sorted', () => {
    const y2026 = uzbekistanHolidays(2026, 2026).map((h) => [h.date, h.names?.en]);
    expect(y2026).to.deep.equal([
      ['2026-01-01', 'New Year'],
      ['2026-03-08', "International Women's Day"],
      ['2026-03-20', 'Eid al-Fitr'],
      ['2026-03-21', 'Navruz'],
      ['2026-05-09', 'Day of Remembrance and Honour'],
      ['2026-05-27', 'Eid al-Adha'],
      ['2026-09-01', 'Independence Day'],
      ['2026-10-01', "Teachers' Day"],
      ['2026-12-08', 'Constitution Day'],
    ]);
    const all = uzbekistanHolidays();
    const years = HOLIDAY_YEARS.to - HOLIDAY_YEARS.from + 1;
    // 2017: Qurbon hayit fell on Independence Day, listed once with both names.
    expect(all).to.have.length(9 * years - 1);
    expect(all.find((h) => h.date === '2017-09-01')?.names?.en).to.equal('Independence Day; Eid al-Adha');
    expect(all.map((h) => h.date)).to.deep.equal([...all.map((h) => h.date)].sort());
    expect(uzbekistanHolidays(2030, 2031)).to.deep.equal([]);
  });

  it('gives a national calendar that the platform accepts and that skips the holidays', () => {
    const calendar = new WorkingCalendar(uzbekistanCalendar());
    expect(calendar.definition.timeZone).to.equal('Asia/Tashkent');
    expect(calendar.isWorkingDay('2026-03-20')).to.equal(false); // Friday, Ramazon hayit
    expect(calendar.isWorkingDay('2026-03-23')).to.equal(true); // Monday after Navruz
    expect(calendar.isWorkingDay('2013-12-09')).to.equal(true);
    expect(calendar.isWorkingDay('2013-12-08')).to.equal(false); // Sunday and Constitution Day
  });

  it('names a city’s agencies after the city in every locale', () => {
    const names = { 'uz-Latn': 'Angren', 'uz-Cyrl': 'Ангрен', ru: 'Ангрен', en: 'Angren' };
    expect(cityAgency('gas', 'gorgas', names)).to.deep.equal({
      code: 'gorgas',
      kind: 'gas',
      names: {
        'uz-Latn': 'Angren shahar gaz ta’minoti (Gorgaz)',
        'uz-Cyrl': 'Ангрен шаҳар газ таъминоти (Горгаз)',
        ru: 'Горгаз г. Ангрен',
        en: 'Angren city gas supply (Gorgas)',
      },
    });
    expect(cityAgency('tax', 'reports', names, { offers: ['tax.e-report-help'] }).offers).to.deep.equal([
      'tax.e-report-help',
    ]);
  });

  it('shapes the demo staff by the operating model', () => {
    const agencies = [
      { code: 'gorgas', kind: 'gas', names: { en: 'Gorgas' } },
      { code: 'cadastre', kind: 'cadastre', names: { en: 'Cadastre' } },
    ];
    const seconded = demoStaffFor('seconded-staff', agencies).map((m) => [m.login, m.roles, m.agencyCodes]);
    expect(seconded).to.deep.equal([
      ['gorgas', ['front_office', 'back_office'], ['gorgas']],
      ['cadastre', ['front_office', 'back_office'], ['cadastre']],
      ['supervisor', ['supervisor'], []],
      ['cashier', ['cashier'], []],
    ]);
    const unitary = demoStaffFor('unitary-enterprise', agencies).map((m) => [
      m.login,
      m.roles,
      m.agencyCodes,
    ]);
    expect(unitary).to.deep.equal([
      ['front1', ['front_office'], []],
      ['front2', ['front_office'], []],
      ['supervisor', ['supervisor'], []],
      ['cashier', ['cashier'], []],
      ['gorgas', ['back_office'], ['gorgas']],
      ['cadastre', ['back_office'], ['cadastre']],
    ]);
  });
});
