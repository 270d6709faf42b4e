"""Exports (xlsx/csv/pdf) built from service DTOs. No Qt. (Later issues.)"""
