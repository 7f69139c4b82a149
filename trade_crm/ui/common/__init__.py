"""What every UI feature shares: translations, icons, background jobs, the country picker."""
