"""Click's and Typer's own texts (help layout, usage errors, shell completion).

kl-survey writes these itself (``kl_survey/cli/app.py``, ``kl_survey/cli/usage.py``);
Typer's vendored Click has no gettext hooks to translate them through.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # help layout
    "click.usage": ("Brug: ", "Usage: "),
    "click.options-metavar": ("[TILVALG]", "[OPTIONS]"),
    "click.command-metavar": ("KOMMANDO [ARGUMENTER]...", "COMMAND [ARGS]..."),
    "click.arguments": ("Argumenter", "Arguments"),
    "click.options": ("Tilvalg", "Options"),
    "click.commands": ("Kommandoer", "Commands"),
    "click.required": ("skal angives", "required"),
    "click.help-option": ("Vis denne hjælp og afslut.", "Show this message and exit."),
    "click.install-completion": (
        "Installér tab-fuldførelse i den skal, du bruger nu (bash, zsh eller fish).",
        "Install tab completion in the shell you are using (bash, zsh or fish)."),
    "click.show-completion": (
        "Vis skriptet til tab-fuldførelse, så du kan kopiere det eller installere det selv.",
        "Show the tab-completion script, to copy it or install it yourself."),
    "click.completion-installed": (
        "Tab-fuldførelse for {shell} er installeret i {path}; den virker, når du åbner en ny "
        "terminal.",
        "Tab completion for {shell} is installed in {path}; it works once you open a new "
        "terminal."),
    # usage errors
    "click.see-help": ("Se {command} --help", "See {command} --help"),
    "click.no-such-option": ("Ukendt tilvalg {option}", "No such option {option}"),
    "click.no-such-option-suggest": ("Ukendt tilvalg {option} (mente du {suggestions}?)",
                                     "No such option {option} (did you mean {suggestions}?)"),
    "click.missing": ("Mangler {name}", "Missing {name}"),
    "click.bad-value": ("Ugyldig værdi for {name}: '{value}'. {expected}",
                        "Invalid value for {name}: '{value}'. {expected}"),
    "click.bad-value-no-value": ("Ugyldig værdi for {name}. {expected}",
                                 "Invalid value for {name}. {expected}"),
    "click.bad-value-unknown": ("Ugyldig værdi ({message})", "Invalid value ({message})"),
    "click.expected-choice": ("Vælg {choices}", "Choose {choices}"),
    "click.expected-int": ("Angiv et helt tal", "Give a whole number"),
    "click.expected-other": ("Tjek værdien", "Check the value"),
    "click.needs-value": ("{option} skal have en værdi", "{option} needs a value"),
    "click.takes-no-value": ("{option} tager ingen værdi", "{option} takes no value"),
    "click.extra-arguments": ("For mange argumenter: {args}", "Too many arguments: {args}"),
    "click.no-such-command": ("Ukendt kommando '{name}'; kommandoerne er {commands}",
                              "No such command '{name}'; the commands are {commands}"),
    "click.no-such-command-suggest": ("Ukendt kommando '{name}' (mente du {suggestions}?)",
                                      "No such command '{name}' (did you mean {suggestions}?)"),
    "click.missing-command": ("Mangler en kommando", "Missing a command"),
    "click.usage-other": ("Ugyldigt kald ({message})", "Invalid usage ({message})"),
    "click.either": ("{first} eller {last}", "{first} or {last}"),
}
