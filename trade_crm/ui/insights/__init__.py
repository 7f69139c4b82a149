"""Know your customers in the window: the pipeline board, the dashboard, rates and segment rules."""
