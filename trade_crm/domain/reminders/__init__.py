"""What is due: the rules, the Reminder rows they keep up to date, and their settings."""
