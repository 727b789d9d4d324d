DROP INDEX "indicator_day_counts_province_idx";--> statement-breakpoint
DROP INDEX "indicator_day_counts_measure_idx";