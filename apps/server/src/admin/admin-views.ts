import type { ApiKeyRecord, LedgerEntry } from '../store/store.ts';
import type { AdminKey, AdminLedgerEntry } from './admin-schemas.ts';

/** A key record as the admin API answers it: field by field, so a stored field (the hash) can never slip into an answer. */
export function adminKeyView(record: ApiKeyRecord): AdminKey {
  return {
    id: record.id,
    name: record.name,
    prefix: record.prefix,
    balance: record.balance,
    created_at: new Date(record.createdAt).toISOString(),
    revoked_at: record.revokedAt === null ? null : new Date(record.revokedAt).toISOString(),
    limits: {
      requests_per_minute: record.limits.requestsPerMinute,
      images_per_minute: record.limits.imagesPerMinute,
    },
  };
}

/** A ledger line as the admin API answers it. */
export function ledgerEntryView(entry: LedgerEntry): AdminLedgerEntry {
  return {
    id: entry.id,
    job_id: entry.jobId,
    kind: entry.kind,
    amount: entry.amount,
    balance_after: entry.balanceAfter,
    note: entry.note,
    created_at: new Date(entry.createdAt).toISOString(),
  };
}
