"""The body-chart atlas data (JSON), shipped as package data."""
