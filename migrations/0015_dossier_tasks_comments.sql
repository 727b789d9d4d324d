COMMENT ON TABLE dossier_tasks IS 'A request from the competent agency to another agency about a dossier: a consultation (xin ý kiến: question, deadline, answer; ND 118 Art. 19.4) or a part of inter-agency processing (liên thông, Art. 20) in sequence or in parallel. Created and answered only by dossier actions, in the same transaction.';--> statement-breakpoint
COMMENT ON COLUMN dossier_tasks.kind IS 'consultation (xin ý kiến) or inter_agency (liên thông)';--> statement-breakpoint
COMMENT ON COLUMN dossier_tasks.mode IS 'parallel: all open at once; sequential: each opens when the one before it is answered';--> statement-breakpoint
COMMENT ON COLUMN dossier_tasks.position IS 'Order within the request (the action requested_seq); the order of a sequential chain';--> statement-breakpoint
COMMENT ON COLUMN dossier_tasks.is_lead IS 'The lead agency of a parallel inter-agency request (cơ quan chủ trì)';--> statement-breakpoint
COMMENT ON COLUMN dossier_tasks.requested_seq IS 'dossier_actions.seq of the action that created the task';--> statement-breakpoint
COMMENT ON COLUMN dossier_tasks.due_at IS 'The deadline given to the asked agency; a task open after it is overdue (reported to the one-stop unit)';--> statement-breakpoint
COMMENT ON COLUMN dossier_tasks.status IS 'waiting (a later link of a sequential chain), open, answered';--> statement-breakpoint
COMMENT ON COLUMN dossier_tasks.answered_seq IS 'dossier_actions.seq of the answer_consultation action';--> statement-breakpoint
COMMENT ON COLUMN dossiers.task_agency_ids IS 'Agencies with a task on the dossier (cache of dossier_tasks, same transaction): their officers may see it and answer';
