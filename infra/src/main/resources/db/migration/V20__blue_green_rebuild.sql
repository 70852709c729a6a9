-- ADR 0019. A rebuild builds a read model's new copy beside the live one (tables in schema rm_build_<group>,
-- its own processor "<group>@rebuild") and swaps it in once it has caught up. This row is what every node knows
-- about it: which generation serves reads, and whether (and by which node) a new one is being built.
create table read_model_rebuild (
    group_name      varchar(64)  primary key,
    -- how many rebuilt copies have been swapped in: the generation serving reads now
    generation      integer      not null default 0,
    -- Live: nothing being built; Rebuilding: the new copy replays the store; Switching: swapping it in
    state           varchar(16)  not null default 'Live' check (state in ('Live', 'Rebuilding', 'Switching')),
    -- the node building the new copy (its processor runs there only); null while Live
    node            varchar(255),
    started_at      timestamptz,
    switched_at     timestamptz,
    -- the last rebuild: events it replayed until it first caught up with the store, and how long that took
    replayed_events bigint,
    replay_millis   bigint
);

insert into read_model_rebuild (group_name) values ('batch-status'), ('ledger'), ('transaction-views');
