-- API.md section 10: a webhook goes out only once every read shows its event. Each outbox row remembers
-- where its domain event stands in the store (the position of the outbox processor's tracking token when
-- it handled the event, at or after the event's own global index); the delivery worker claims only rows at
-- or below the position every read model has committed through. Rows written before this have none: due as before.
alter table webhook_outbox add column source_position bigint;
