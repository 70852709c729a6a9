-- The command side's own tables: reference data and the lookup tables of set-based validation.
-- They are written in the same transaction as the events that change them.

create table issuer (
    issuer_account_number varchar(64)  primary key,
    name                  varchar(200) not null,
    max_items_per_batch   integer      not null default 1000 check (max_items_per_batch between 1 and 5000),
    created_at            timestamptz  not null default now()
);

-- Secrets are stored only as SHA-256 hashes of high-entropy random keys.
create table api_key (
    key_hash              bytea        primary key,
    issuer_account_number varchar(64)  not null references issuer,
    created_at            timestamptz  not null default now()
);

create table oauth_client (
    client_id             varchar(64)  primary key,
    secret_hash           bytea        not null,
    issuer_account_number varchar(64)  not null references issuer,
    created_at            timestamptz  not null default now()
);

create table recipient (
    issuer_account_number varchar(64)  not null references issuer,
    recipient_id          varchar(64)  not null,
    type                  varchar(16)  not null,
    name                  varchar(200) not null,
    email                 varchar(320) not null,
    country               char(2)      not null,
    created_at            timestamptz  not null default now(),
    primary key (issuer_account_number, recipient_id)
);

create table wallet_registry (
    wallet_id             varchar(64)  primary key,
    issuer_account_number varchar(64)  not null,
    owner_type            varchar(16)  not null,
    owner_id              varchar(64)  not null,
    currency              char(3)      not null,
    is_default            boolean      not null
);
-- One default wallet per owner and currency: concurrent auto-creations meet here.
create unique index wallet_registry_default
    on wallet_registry (issuer_account_number, owner_type, owner_id, currency) where is_default;

create table batch_claim (
    issuer_account_number varchar(64)  not null,
    customer_batch_id     varchar(64)  not null,
    batch_id              varchar(64)  not null unique,
    primary key (issuer_account_number, customer_batch_id)
);

create table transaction_claim (
    issuer_account_number   varchar(64) not null,
    customer_transaction_id varchar(64) not null,
    batch_id                varchar(64) not null,
    transaction_id          varchar(64) not null unique,
    primary key (issuer_account_number, customer_transaction_id)
);
