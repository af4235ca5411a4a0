"""The layer every other one stands on: the model, errors, settings, URLs and text helpers."""
