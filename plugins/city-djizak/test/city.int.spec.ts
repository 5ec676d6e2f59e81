import { djizak } from '../src/index.js';
import { describeUnitaryCity } from './unitary-city-spec.js';

describeUnitaryCity(djizak, 'DJZ');
