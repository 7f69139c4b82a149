"""Holiday and birthday greetings: which occasions, which words, and who has been greeted."""
