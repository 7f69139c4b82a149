"""Know your customers: lifecycle stages, value tiers, the sales pipeline and the dashboard figures."""
