"""An event of its own: started from a past one, its concept note, its record as data."""
