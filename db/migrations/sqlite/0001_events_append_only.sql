-- The event trail is append-only: nothing rewrites or removes what happened to a request.
CREATE TRIGGER `request_events_no_update` BEFORE UPDATE ON `request_events`
BEGIN
  SELECT RAISE(ABORT, 'request_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `request_events_no_delete` BEFORE DELETE ON `request_events`
BEGIN
  SELECT RAISE(ABORT, 'request_events is append-only');
END;
