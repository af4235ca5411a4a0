"""Month and weekday names as live blogs print them, in English, French, German, Spanish,
Italian, Portuguese and Dutch (full names and the usual abbreviations)."""

from __future__ import annotations

import unicodedata

_MONTH_NAMES = (
    "january jan janvier janv januar jänner jän enero ene gennaio gen janeiro januari",
    "february feb février fevrier févr fevr februar febrero febbraio fevereiro fev februari",
    "march mar mars märz maerz mär marzo março marco maart mrt",
    "april apr avril avr abril abr aprile",
    "may mai mayo maggio mag maio mei",
    "june jun juin juni junio giugno giu junho",
    "july jul juillet juil juli julio luglio lug julho",
    "august aug août aout agosto ago augustus",
    "september sep sept septembre setiembre septiembre settembre set setembro",
    "october oct octobre oktober okt octubre ottobre ott outubro out",
    "november nov novembre noviembre novembro",
    "december dec décembre decembre déc dezember dez diciembre dic dicembre dezembro",
)
# "ago" (agosto) and "set"/"out" (Italian, Portuguese) are English words: only taken after
# a day number and before a year, never alone (see dates.py and clock.py).
_WEEKDAY_NAMES = (
    "monday mon lundi lun montag mo lunes lunedì lunedi segunda segunda-feira maandag ma",
    "tuesday tue tues mardi mar dienstag di martes martedì martedi terça terca terça-feira dinsdag",
    "wednesday wed mercredi mer mittwoch mi miércoles miercoles mercoledì mercoledi quarta "
    "quarta-feira woensdag wo",
    "thursday thu thur thurs jeudi jeu donnerstag do jueves giovedì giovedi quinta "
    "quinta-feira donderdag",
    "friday fri vendredi ven freitag fr viernes venerdì venerdi sexta sexta-feira vrijdag vr",
    "saturday sat samedi sam samstag sonnabend sa sábado sabato zaterdag za",
    "sunday sun dimanche dim sonntag so domingo domenica zondag zo",
)

MONTHS: dict[str, int] = {
    name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()
}
WEEKDAYS: dict[str, int] = {
    name: index for index, names in enumerate(_WEEKDAY_NAMES) for name in names.split()
}
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_PATTERN = "|".join(sorted(WEEKDAYS, key=len, reverse=True))


def _key(word: str) -> str:
    return unicodedata.normalize("NFC", word.lower().rstrip("."))


def month_number(name: str) -> int | None:
    """1-12 for a month name or abbreviation in any of the languages above, else None."""
    return MONTHS.get(_key(name))


def weekday_number(name: str) -> int | None:
    """0 (Monday) to 6 for a weekday name or abbreviation, else None."""
    return WEEKDAYS.get(_key(name))
