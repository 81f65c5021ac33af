-- Retention: after the retention period an event's sealed details may be erased (set to NULL), and
-- nothing else about it may change. Deleting stays refused.
DROP TRIGGER `request_events_no_update`;
--> statement-breakpoint
CREATE TRIGGER `request_events_no_update` BEFORE UPDATE ON `request_events`
WHEN NOT (
  NEW.sealed IS NULL AND NEW.id = OLD.id AND NEW.request_id = OLD.request_id AND NEW.at = OLD.at
  AND NEW.kind = OLD.kind AND NEW.actor = OLD.actor AND NEW.data IS OLD.data
)
BEGIN
  SELECT RAISE(ABORT, 'request_events is append-only');
END;
