"""Files kept with customers in the window: the Files tab, drops and pastes, open with the system."""
