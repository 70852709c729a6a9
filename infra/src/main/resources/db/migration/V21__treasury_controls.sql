-- API.md section 11: maker-checker approval, roles on credentials, held (scheduled / awaiting approval) batches.

-- A batch whose accepted total reaches this (in the batch's currency) waits for an approver; null: approval off.
alter table issuer add column approval_threshold numeric(20, 4);

-- What a credential may do: every credential submits and reads; an Approver also approves and rejects.
alter table api_key add column role varchar(16) not null default 'Submitter'
    check (role in ('Submitter', 'Approver'));
alter table oauth_client add column role varchar(16) not null default 'Submitter'
    check (role in ('Submitter', 'Approver'));
-- An API key and the OAuth client issued with it are one credential: whoever submitted with either may not
-- approve with the other. Older clients have none: they count as a credential of their own (their client id).
alter table oauth_client add column key_id varchar(40);

-- The status read model shows a held batch as AwaitingApproval or Scheduled until it is released or stopped.
alter table batch_view add column hold varchar(16);
alter table batch_view add column scheduled_for timestamptz;
-- the sequence number of the Batch event that set them: a redelivered older event changes nothing
alter table batch_view add column hold_sequence bigint;
