-- Consent becomes one kind of basis: outreach requests (主动发现) rest on the office's statutory duty.
ALTER TABLE "requests" RENAME COLUMN "consent_at" TO "basis_at";--> statement-breakpoint
ALTER TABLE "requests" RENAME COLUMN "consent_notice" TO "basis_ref";--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "basis_kind" text DEFAULT 'consent' NOT NULL;
