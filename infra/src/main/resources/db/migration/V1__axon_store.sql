-- Axon Framework's JDBC storage, owned by Flyway (no createSchema at runtime).
-- BYTEA payloads (never OID large objects); snake_case names as in Axon's JPA layout.

-- global_index comes from its own sequence, so no other table shares or steals its numbers.
create sequence domain_event_entry_global_index_seq;

create table domain_event_entry (
    global_index         bigint       not null default nextval('domain_event_entry_global_index_seq'),
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    event_identifier     varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    primary key (global_index),
    unique (aggregate_identifier, sequence_number),
    unique (event_identifier)
);
alter sequence domain_event_entry_global_index_seq owned by domain_event_entry.global_index;

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    primary key (aggregate_identifier, sequence_number),
    unique (event_identifier)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);
-- Tuning guide: claims and releases look tokens up by owner.
create index token_entry_owner on token_entry (owner);

-- PostgresSagaSqlSchema uses unquoted camelCase names, which PostgreSQL folds to lower case.
create table sagaentry (
    sagaId         varchar(255) not null,
    revision       varchar(255),
    sagaType       varchar(255),
    serializedSaga bytea,
    primary key (sagaId)
);

create table associationvalueentry (
    id               bigserial    not null,
    associationKey   varchar(255),
    associationValue varchar(255),
    sagaId           varchar(255),
    sagaType         varchar(255),
    primary key (id)
);
-- Tuning guide: sagas are found by (type, key, value) and cleaned up by (id, type).
create index associationvalueentry_lookup on associationvalueentry (sagaType, associationKey, associationValue);
create index associationvalueentry_saga on associationvalueentry (sagaId, sagaType);
