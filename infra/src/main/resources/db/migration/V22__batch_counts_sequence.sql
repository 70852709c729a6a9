-- A batch retry adds its counts to the batch's totals. The Batch event that did it is remembered, so the
-- same BatchResubmitted handled again (a redelivery) adds nothing, like every other write of the status
-- model, which is guarded by its event's sequence number.
alter table batch_view add column counts_sequence bigint;
