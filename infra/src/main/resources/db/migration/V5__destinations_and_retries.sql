-- Payout destinations of recipients (API.md section 6) and what batch retries need to know.

alter table recipient
    add column address_line1       varchar(200),
    add column address_line2       varchar(200),
    add column address_city        varchar(100),
    add column address_state       varchar(100),
    add column address_postal_code varchar(20),
    add column address_country     char(2);

create table bank_account (
    issuer_account_number varchar(64)  not null,
    bank_account_id       varchar(64)  not null,
    recipient_id          varchar(64)  not null,
    currency              char(3)      not null,
    country               char(2)      not null,
    account_number        varchar(34)  not null,
    routing_number        varchar(34)  not null,
    is_default            boolean      not null,
    created_at            timestamptz  not null default now(),
    primary key (issuer_account_number, bank_account_id),
    foreign key (issuer_account_number, recipient_id) references recipient
);
create unique index bank_account_default on bank_account (issuer_account_number, recipient_id) where is_default;
create index bank_account_recipient on bank_account (issuer_account_number, recipient_id);

-- Only the last four digits and the network: MassPay never stores a card number.
create table card (
    issuer_account_number varchar(64)  not null,
    card_id               varchar(64)  not null,
    recipient_id          varchar(64)  not null,
    last4                 char(4)      not null,
    network               varchar(32)  not null,
    is_default            boolean      not null,
    created_at            timestamptz  not null default now(),
    primary key (issuer_account_number, card_id),
    foreign key (issuer_account_number, recipient_id) references recipient
);
create unique index card_default on card (issuer_account_number, recipient_id) where is_default;
create index card_recipient on card (issuer_account_number, recipient_id);

-- A retry must recognise "the same item": the claim keeps what identifies it.
alter table batch_claim add column source_wallet_id varchar(64);
alter table transaction_claim
    add column recipient_id   varchar(64),
    add column send_method_id varchar(16),
    add column amount_minor   bigint,
    add column currency       char(3);
create index transaction_claim_batch on transaction_claim (batch_id);
