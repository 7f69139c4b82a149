"""The customer list, the customer and contact forms, the timeline and its header card."""
