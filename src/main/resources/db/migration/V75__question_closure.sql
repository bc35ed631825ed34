-- A question can be closed without a public answer (e.g. after the proposal deadline, or one that is not about the
-- work); the asker is told why. Kept with the question: who closed it, when and why.
alter table opportunity_question add column closed_at timestamp with time zone;
alter table opportunity_question add column closed_by varchar(100);
alter table opportunity_question add column close_reason varchar(1000);
