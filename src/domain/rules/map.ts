// Rules about the map as a whole (their findings have no stakeholder).
import { hit, type MapRule } from './types';

const NO_OFFERING_FLOW = hit('no-offering-flow', 'info', null, 0);
const NO_CUSTOMER = hit('no-customer', 'error', null, 0);

export const noOfferingFlow: MapRule = {
  name: 'noOfferingFlow',
  produces: ['no-offering-flow'],
  check({ stakeholders, offerings }) {
    return stakeholders > 0 && offerings === 0 ? NO_OFFERING_FLOW : null;
  },
};

export const noCustomer: MapRule = {
  name: 'noCustomer',
  produces: ['no-customer'],
  check({ relations, customers }) {
    return relations > 0 && customers === 0 ? NO_CUSTOMER : null;
  },
};

export const MAP_RULES: readonly MapRule[] = [noCustomer, noOfferingFlow];
