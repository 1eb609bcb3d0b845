import type {
	JobResultAnswer,
	JobUpdateAnswer,
	ModelName,
	RoutingStrategy,
	SubmitPayload,
	JobStatus as WireJobStatus,
	RoutingPreferences as WireRoutingPreferences,
} from "@openpixels/wire";
import { describe, expectTypeOf, it } from "vitest";
import type { JobUpdate, KnownJobStatus } from "./job-state.ts";
import type {
	KnownModel,
	RoutingPreferences,
	RunPayload,
} from "./run-payload.ts";

// The client's wire types are written out (its declarations ship alone), and held here to the
// one definition the server validates with and the OpenAPI document is built from.

describe("the client speaks the wire contract", () => {
	it("knows exactly the job statuses and model names of the wire", () => {
		expectTypeOf<KnownJobStatus>().toEqualTypeOf<WireJobStatus>();
		expectTypeOf<KnownModel>().toEqualTypeOf<ModelName>();
		expectTypeOf<JobUpdateAnswer["status"]>().toExtend<KnownJobStatus>();
		expectTypeOf<JobResultAnswer["status"]>().toExtend<KnownJobStatus>();
	});

	it("sends the submit body the wire defines: same fields, same routing, every valid body accepted", () => {
		expectTypeOf<keyof RunPayload>().toEqualTypeOf<keyof SubmitPayload>();
		expectTypeOf<keyof NonNullable<RunPayload["config"]>>().toEqualTypeOf<
			keyof NonNullable<SubmitPayload["config"]>
		>();
		expectTypeOf<keyof RoutingPreferences>().toEqualTypeOf<
			keyof WireRoutingPreferences
		>();
		expectTypeOf<
			NonNullable<RoutingPreferences["strategy"]>
		>().toEqualTypeOf<RoutingStrategy>();
		expectTypeOf<SubmitPayload>().toExtend<RunPayload>();
		expectTypeOf<JobUpdateAnswer>().toExtend<JobUpdate>();
	});
});
