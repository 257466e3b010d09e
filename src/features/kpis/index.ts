// The kpis feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export { registerKpiSource } from './kpi-sources.js';
export { demoKpis } from './kpis.demo-data.js';
