"""Small words that messages of every area share: lists and quotation marks.

Use them through :func:`kl_survey.messages.join` and :func:`kl_survey.messages.quote`.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "words.and": ("{first} og {last}", "{first} and {last}"),
    "words.or": ("{first} eller {last}", "{first} or {last}"),
    "words.more": ("{shown} og {n} flere", "{shown} and {n} more"),
    "words.quote": ("»{text}«", "“{text}”"),
}
