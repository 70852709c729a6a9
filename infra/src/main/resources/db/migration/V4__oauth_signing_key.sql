-- The HMAC-SHA256 key that signs OAuth access tokens. Any node must accept a token any other node
-- signed, so the key is kept once, here: the first node to start inserts a random one ("on conflict do
-- nothing"), every node reads back whichever row won. Setting masspay.oauth.signing-key bypasses it.
create table oauth_signing_key (
    id          smallint     primary key default 1 check (id = 1),
    secret      bytea        not null check (octet_length(secret) >= 32),
    created_at  timestamptz  not null default now()
);
