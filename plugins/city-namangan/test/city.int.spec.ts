import { describeUnitaryCity } from '../../city-djizak/test/unitary-city-spec.js';
import { namangan } from '../src/index.js';

describeUnitaryCity(namangan, 'NMG');
