"""Flask blueprints: pages (home, settings, pictograms), wizard (the journeys), errors."""
