// Who gets the dashboard in the navigation: unit leaders, agency or province administrators and province leaders
// (lãnh đạo UBND tỉnh, who read every unit's figures); any officer may still open it, the API keeps each to their
// agencies. Tiny on purpose: the app frame imports it.
import type { Me } from '../../api.ts';

const DASHBOARD_ROLES = new Set(['leader', 'agency_admin', 'province_admin', 'province_leader']);

export const seesDashboard = (me: Me | null | undefined) =>
  me?.kind === 'officer' && me.roles.some((grant) => DASHBOARD_ROLES.has(grant.role));

/** The index's settings page is linked from the dashboard for those who answer for the province's figures. */
export const seesIndicatorSettings = (me: Me | null | undefined) =>
  me?.kind === 'officer' && me.roles.some((grant) => grant.role === 'province_admin' || grant.role === 'province_leader');
