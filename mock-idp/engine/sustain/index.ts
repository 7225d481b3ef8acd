export type { Arrival, ArrivalLoopOptions, ArrivalLoopResult } from './arrival-loop.js';
export { runArrivals } from './arrival-loop.js';
export type { ProvisionedState, SustainKind, SustainMixOptions, SustainRequest } from './sustain-mix.js';
export { SUSTAIN_MIX, SustainMix } from './sustain-mix.js';
export type { SettledArrival, SustainVerdictInput } from './sustain-windows.js';
export { SUSTAIN_THRESHOLDS, SUSTAIN_WINDOW_MS, SustainWindows, sustainVerdict } from './sustain-windows.js';
export type { SustainedLoadInput, SustainOptions } from './sustained-load.js';
export { DEFAULT_MAX_IN_FLIGHT, runSustainedLoad, settledArrival } from './sustained-load.js';
