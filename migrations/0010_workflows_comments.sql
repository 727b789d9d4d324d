-- Documentation of workflows and the workflow snapshot of dossiers.
COMMENT ON TABLE workflows IS 'Versions of the internal workflow of a procedure (variant_key '''' = all variants): steps with role, agency, budget and national status. One active version per procedure and variant.';--> statement-breakpoint
COMMENT ON COLUMN workflows.steps IS 'WorkflowStep[] of src/shared/dossiers/workflow.ts, validated on save.';--> statement-breakpoint
COMMENT ON COLUMN dossiers.workflow IS 'The workflow steps in force when the dossier was received (frozen), or the default workflow.';--> statement-breakpoint
COMMENT ON COLUMN dossiers.current_step IS 'Key of the workflow step the dossier is at; null before receipt and after the last step.';
