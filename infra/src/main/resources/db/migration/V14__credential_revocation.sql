-- Issue 16: an operator revokes an API key or an OAuth client (DELETE under /API/v4/Admin/Issuers/{IAN}, ADR 0015).
-- Revocation is a timestamp, not a deleted row: audits still show which key an issuer had, and when it stopped.
-- Every node reads these columns on each request (no credential cache), so a revocation holds everywhere at once.

-- An API key's public name: "key_" and the first 8 bytes of its SHA-256 hash in hex. The operator cannot
-- recompute the key from it, but whoever holds the key can compute its name (README, "Credentials").
alter table api_key add column key_id varchar(40);
update api_key set key_id = 'key_' || encode(substring(key_hash from 1 for 8), 'hex');
alter table api_key alter column key_id set not null;
alter table api_key add constraint api_key_key_id_unique unique (key_id);
alter table api_key add column revoked_at timestamptz;

alter table oauth_client add column revoked_at timestamptz;
