"""Cross-checking commands (relate, link, check, who), registered on the main `app`."""
