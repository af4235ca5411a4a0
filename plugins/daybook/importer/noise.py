"""Page noise: lines of a saved page that are not part of any update, with the reason why."""

from __future__ import annotations

import re

PAGE_NOISE = "page noise"
OTHER_DAY_LINK = "link to another day"
PHOTO_CAPTION = "photo caption"
REPEATED_CAPTION = "repeated photo caption"
REPEATED_LINE = "repeated line"
CREDIT_LINE = "credit line"
EMBED = "embedded post"
BYLINE = "byline"
CLOCK_HEADER = "clock header (local times of several cities)"
EDIT_NOTE = "note of when the outlet edited the update"
LABEL = "label of an update (key event, analysis…)"
# Labels a live blog prints on or above an update: never its headline.
_LABEL_KEYS = frozenset(
    """
    key event | key events | important | importante | breaking | breaking news | analysis | video
    pour approfondir | à lire | dernière minute | urgent | vidéo | eilmeldung | analyse | wichtig
    última hora | urgente | ultim'ora | ultima ora | destacado | explainer | photos | fotos
    """.replace("\n", "|").split("|")
)

# Navigation, sharing and site chrome seen on real live blogs (reference/formats.md §3),
# compared after lower-casing and dropping trailing dots, emoji and arrows.
_CHROME = frozenset(
    """
    loading | more updates | load more | show more | read more | read more here | continue reading
    skip to content | skip to main content | breadcrumb | return to menu | view post | back to top
    copy link | link copied | share | share this | share this post | copy this link
    article share tools | click here to share on social media | share this article
    share this article comments | copy to clipboard copied | send in e-mailsend in e-mail
    live | live reporting | live updates | live updatesliveupdates | live updateslive updates
    live blog | blinking-dot | auto updates | live ended | loader | advertisement
    recommended videos | full screen | save story | most popular | [ad_1] | ${title}
    get involved | why you can trust sky news | got a tv licence? | key points | key events
    newsletter | sort by | sort by: | latestsort by latest oldestsort by oldest
    pinned | pinned post
    lire aussi | lire la suite | voir aussi | tout le live | live terminé | en direct | partager
    weiterlesen | mehr dazu | mehr zum thema | lesen sie auch | teilen | liveticker
    lee la noticia completa | leer más | lee también | ver más | compartir | directo | en vivo
    leggi anche | leggi tutto | continua a leggere | condividi | leia mais | leia também
    lees meer | lees ook | delen
    """.replace("\n", "|").split("|")
)
_CHROME = frozenset(item.strip() for item in _CHROME if item.strip())
_LABEL_KEYS = frozenset(item.strip() for item in _LABEL_KEYS if item.strip())

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\d+\s+(updates|posts|photos)$", re.I), PAGE_NOISE),
    (re.compile(r"^\d+\s*(/|of)\s*\d+$", re.I), PAGE_NOISE),
    (re.compile(r"^estimated read time", re.I), PAGE_NOISE),
    (re.compile(r"^(?i:by|live reporting by|edited by|reporting by)\s+[A-Z][^.!?]{1,80}$"), BYLINE),
    (re.compile(r"^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3} \((now|earlier)\)[;,]"), BYLINE),
    (re.compile(r"^live updates\s*[|,]", re.I), PAGE_NOISE),
    (re.compile(r"^(?!(?:\S+\s+){25}).*\bclick here\b|^follow .*\bupdates here\b", re.I),
     OTHER_DAY_LINK),
    (re.compile(r"^(for|follow) (our |all |the |full |more |complete )*(live |latest )?"
                r"(updates|coverage|live blog|stories)\b", re.I), OTHER_DAY_LINK),
    (re.compile(r"live (blog|page|coverage) (is|has) (now )?(closed|ended|paused|wrapping up)",
                re.I), OTHER_DAY_LINK),
    (re.compile(r"^(that's|that is) all (from|for)\b", re.I), OTHER_DAY_LINK),
    (re.compile(r"^(this live blog|the live updates for this event) (is no longer|have now ended)",
                re.I), OTHER_DAY_LINK),
    (re.compile(r"(?:^|\s/\s*|\s)(photo|photograph|image|pic|picture)\s*:\s*\S", re.I),
     PHOTO_CAPTION),
    (re.compile(r"^(image source|image caption|media caption|copyright|credit)\s*[,:.]", re.I),
     PHOTO_CAPTION),
    (re.compile(r"^\(?(ap photo|reuters|afp|getty images?|epa)/[^)]*\)?$", re.I), PHOTO_CAPTION),
    (re.compile(r"^[A-Z][\w .'’-]{0,40}/\s?[A-Z][\w .'’()-]{0,40}$"), CREDIT_LINE),
    (re.compile(r"^(?:updated|edited)$|^at \d{1,2}[.:]\d{2}\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?$",
                re.I), EDIT_NOTE),
    (re.compile(r"^(?:related|read more|see also|more on this|trending)\s*:(?:\s*\S|$)", re.I),
     OTHER_DAY_LINK),
    (re.compile(r"^\[[^\]]{1,30}\]$"), PAGE_NOISE),
    # "Publié le 22 juin 2023 à 07h30": the date of a linked article's card, not of an update.
    (re.compile(r"^(?:publié|publiée|mis à jour|publicado|actualizado|pubblicato|aggiornato"
                r"|veröffentlicht|aktualisiert)\b.{0,40}\d{4}", re.I), OTHER_DAY_LINK),
    (re.compile(r"^[—–-]\s*.+\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}$"), EMBED),
    (re.compile(r"^pic\.twitter\.com/\S+$|^https?://t\.co/\S+$", re.I), EMBED),
    (re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?,? [A-Z][a-z]{2,8}\.? \d{1,2},? "
                r"\d{1,2}:\d{2}\s*[ap]\.?\s?m\.?$"), CLOCK_HEADER),
)  # fmt: skip

_AGENCIES = frozenset(
    ("reuters", "afp", "ap", "associated", "press", "getty", "images", "epa", "anadolu",
     "agency", "aa", "tass", "ria", "novosti", "dpa", "pa", "media", "bloomberg", "xinhua",
     "efe", "ansa", "archive")
)  # fmt: skip
_TRAILING = " \t\n\u00a0.…:!👇👆⬇⬆↓→▼▶\ufe0f"


_READ_MORE_TAIL = re.compile(
    r"\s*(?:read more|lee la noticia completa|lire la suite|weiterlesen|leggi tutto|leia mais)"
    r"\s*[.:]?\s*$",
    re.I,
)
_READ_MORE_SPAN = 40  # the longest link text, "lee la noticia completa.", with room around it


def is_label(text: str) -> bool:
    """True for a label such as "Pour approfondir" or "KEY EVENT" printed with an update."""
    return normalise(text) in _LABEL_KEYS


def without_read_more(paragraph: str) -> str:
    """A paragraph without a trailing "Read more" link text ("… PSOE. Lee la noticia completa")."""
    if len(paragraph) <= 40:
        return paragraph
    # Only the tail can hold the link text; searching the whole paragraph cost 20 us a paragraph.
    start = len(paragraph) - _READ_MORE_SPAN
    match = _READ_MORE_TAIL.search(paragraph, max(start, 0))
    return paragraph if match is None else paragraph[: match.start()].rstrip()


def normalise(line: str) -> str:
    """A line lower-cased, with trailing dots, ellipses, arrows and emoji removed."""
    return line.strip().lower().rstrip(_TRAILING)


def classify(line: str) -> str | None:
    """Why *line* is page noise, or None when it may be content."""
    key = normalise(line)
    if not key:
        return PAGE_NOISE
    if key in _CHROME:
        return PAGE_NOISE
    if key in _LABEL_KEYS:
        return LABEL
    for pattern, reason in _PATTERNS:
        if pattern.search(line.strip()):
            return reason
    if is_credit(line):
        return CREDIT_LINE
    return None


def is_credit(line: str) -> bool:
    """True for a line that only names an agency or photo credit ("Reuters", "AFP/Getty")."""
    words = normalise(line).replace("/", " ").split()
    return bool(words) and len(words) <= 3 and all(w in _AGENCIES for w in words)
