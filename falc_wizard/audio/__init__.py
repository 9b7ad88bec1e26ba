"""Every sentence the person can read, heard from a recorded file (FALC.md rule 28).

The package, one job a module, none of them Flask's but ``web``:

``inventory``  every sentence each screen can show, in each language, and each screen's
               reading (what its « Écouter » plays without JavaScript)
``spoken``     what the voice says for a sentence: the pronunciation table (spoken.toml)
               and codes read sign by sign; the sentences likely to be misread
``voices``     the synthesizers Debian installs (SVOX Pico, MBROLA through espeak-ng)
``recordings`` human recordings that replace the synthetic voice (falc_wizard/recordings/)
``store``      the names of the files (a hash of what is said, the language, the voice and
               the speed) and the folder that holds them
``render``     ``falc-wizard audio``: makes the files that are missing, in parallel
``web``        the route that serves them and what templates use to offer them
"""
