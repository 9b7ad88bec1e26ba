"""falc-wizard: guides a person through Mon espace santé, one action per screen, in FALC."""
