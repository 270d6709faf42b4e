"""ReportLab letters: DTOs -> PDF. No Qt. (Letters arrive with a later issue.)"""
