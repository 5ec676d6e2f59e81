import type { CityPack } from '@darcha/city-kit';
import { chirchik } from '@darcha/plugin-city-chirchik';
import { djizak } from '@darcha/plugin-city-djizak';
import { namangan } from '@darcha/plugin-city-namangan';

/** The three cities of the 2014 workshop: Chirchik's seconded staff, Djizak's and Namangan's enterprises. */
export const DEMO_CITIES: readonly CityPack[] = [chirchik, djizak, namangan];
