"""What happens on Send: the audit store, delivery (SMTP or an outbox folder), and the agent's
saved work-in-progress (so a draft survives a reload or a failure)."""
