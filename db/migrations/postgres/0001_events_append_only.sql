-- The trail is append-only, as on SQLite: no delete, and no update but retention's erasing of an
-- event's sealed details (set to NULL) with nothing else about it changed. TRUNCATE is refused too.
CREATE FUNCTION request_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.sealed IS NULL AND NEW.id = OLD.id AND NEW.request_id = OLD.request_id
       AND NEW.at = OLD.at AND NEW.kind = OLD.kind AND NEW.actor = OLD.actor
       AND NEW.data IS NOT DISTINCT FROM OLD.data THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'request_events is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER request_events_no_change BEFORE UPDATE OR DELETE ON request_events
  FOR EACH ROW EXECUTE FUNCTION request_events_append_only();
--> statement-breakpoint
CREATE TRIGGER request_events_no_truncate BEFORE TRUNCATE ON request_events
  FOR EACH STATEMENT EXECUTE FUNCTION request_events_append_only();
