"""Use cases. Each opens one unit of work, enforces permissions and returns frozen DTOs."""
