"""Reading results back: outcome metrics, figures, comparisons, reports. Reads files only."""
