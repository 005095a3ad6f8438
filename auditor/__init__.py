"""trial-auditor: audit clinical-trial protocols and consent forms for cross-border sample transfer."""

__version__ = "0.1.0"
