export {
  type ErrorTrigger,
  type ErrorTriggerRig,
  type ErrorTriggers,
  startErrorTriggers,
} from './error-triggers.ts';
export {
  expectErrorEnvelope,
  expectErrorResponse,
} from './expect-error-envelope.ts';
export {
  type StandInCall,
  type StandInMode,
  type StandInProvider,
  startStandInProvider,
} from './stand-in-provider.ts';
export {
  startTestServer,
  type TestServer,
  waitForResult,
} from './start-test-server.ts';
