import type { BenchSettings } from '../bench-settings.js';
import type { CitySpec } from '../darcha/bench-city.js';

/** The cities of the scale phase and how many inquiries each holds. */
export interface ScaleCity extends CitySpec {
  inquiries: number;
}

export interface ScaleCities {
  /** The city whose inbox and search are measured, alone and then among the others. */
  measured: ScaleCity;
  /** The large city whose month is reported. */
  reported: ScaleCity;
  /** Everyone else, sharing the rest of the inquiries evenly. */
  others: ScaleCity[];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function scaleCities(settings: BenchSettings): ScaleCities {
  const { cities, totalInquiries, cityInquiries, reportCityInquiries } = settings.scale;
  const othersCount = cities - 2;
  const rest = totalInquiries - cityInquiries - reportCityInquiries;
  const others = Array.from({ length: othersCount }, (_, i): ScaleCity => {
    const n = i + 2;
    return {
      id: `city-${String(n).padStart(3, '0')}`,
      name: `Shahar ${n}`,
      trackingPrefix: `C${LETTERS[Math.floor(n / 26)]}${LETTERS[n % 26]}`,
      inquiries: Math.floor(rest / othersCount) + (i < rest % othersCount ? 1 : 0),
    };
  });
  return {
    measured: { id: 'djizak', name: 'Jizzax', trackingPrefix: 'DJZ', inquiries: cityInquiries },
    reported: { id: 'namangan', name: 'Namangan', trackingPrefix: 'NMG', inquiries: reportCityInquiries },
    others,
  };
}
