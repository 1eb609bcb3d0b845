/** Statuses of a job that is still on its way, in the order a job goes through them. */
export const unfinishedJobStatuses = ['queued', 'processing'] as const;

/** Statuses a job ends in; none of them ever changes again. */
export const finishedJobStatuses = ['completed', 'failed', 'cancelled'] as const;

/** Every status a job can have: on the wire, in the store and in the clients. */
export const jobStatuses = [...unfinishedJobStatuses, ...finishedJobStatuses] as const;

/** A job's status. */
export type JobStatus = (typeof jobStatuses)[number];

/** A status of a job still on its way. */
export type UnfinishedJobStatus = (typeof unfinishedJobStatuses)[number];

/** A status a job ends in. */
export type FinishedJobStatus = (typeof finishedJobStatuses)[number];
