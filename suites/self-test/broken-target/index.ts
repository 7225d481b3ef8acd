/**
 * The broken-target self-test's pieces: a fault-injecting proxy, a suite run against any target, and the attribution
 * of injected faults to checks.
 */
export type { AttributedCheck } from './fault-attribution.js';
export {
  attributeFaults,
  FAULT_WORDING,
  requestIdentity,
  requestLine,
  symptomsOf,
} from './fault-attribution.js';
export type {
  FaultKind,
  FaultProxyOptions,
  HonouredRetry,
  InjectedFault,
  RunningFaultProxy,
} from './fault-proxy.js';
export {
  decideFault,
  FAULT_KINDS,
  faultKeyOf,
  isSparedPath,
  RECORDED_BODY_BYTES,
  RETRY_AFTER_SECONDS,
  startFaultProxy,
} from './fault-proxy.js';
