CREATE TABLE "limit_hits" (
	"key" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "lease_until" text;--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD COLUMN "visit_reference" text;--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD COLUMN "visit_until" text;--> statement-breakpoint
CREATE INDEX "limit_hits_key" ON "limit_hits" USING btree ("key","at");