"""mailbot: answers GDPR data subject requests that arrive by email."""

__version__ = "0.1.0"
