-- Wakes the read models' processors as soon as events are committed, on every node (README, "Read your
-- writes"): each transaction that stores events sends one notification (PostgreSQL folds the identical
-- notifications of a transaction into one, and delivers it at commit). Nothing listens: nothing is kept.
create function masspay_notify_events() returns trigger language plpgsql as $$
begin
    perform pg_notify('masspay_events', '');
    return null;
end
$$;

create trigger domain_event_entry_notify after insert on domain_event_entry
    for each statement execute function masspay_notify_events();
