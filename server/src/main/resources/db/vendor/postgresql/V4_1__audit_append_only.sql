-- PostgreSQL only (Flyway's {vendor} location): the audit trail refuses UPDATE, DELETE and
-- TRUNCATE, whoever sends them, so a slip in code or a hand-typed statement cannot rewrite it.
-- Removing the trigger takes a deliberate DDL change by the table's owner.
-- H2, the single-process embedded default, has no such trigger (it would need a Java class);
-- there the guarantee is that the application has no statement that changes or deletes a row.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER audit_event_no_change
  BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE PROCEDURE audit_event_append_only();

CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE PROCEDURE audit_event_append_only();
