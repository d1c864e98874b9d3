"""Greeting and sign-off, added in code so a small model cannot forget the customer's name.

The model writes only the body; anything it adds anyway (a greeting, a sign-off, "[Your
Name]") is stripped first. Email gets a greeting line and a sign-off with the agent's name;
chat gets a short greeting and no sign-off.
"""

from __future__ import annotations

import re

from evals.checks.text import Sentence, sentences as split_sentences

GREETINGS = {"en": "Hi {name},", "es": "Hola {name},", "fr": "Bonjour {name},", "de": "Hallo {name},",
             "it": "Ciao {name},", "pt": "Olá {name},", "nl": "Hallo {name},"}
ANONYMOUS = {"en": "Hi there,", "es": "Hola,", "fr": "Bonjour,", "de": "Hallo,", "it": "Salve,", "pt": "Olá,", "nl": "Hallo,"}
SIGN_OFFS = {"en": "Best regards,", "es": "Saludos cordiales,", "fr": "Cordialement,", "de": "Viele Grüße,",
             "it": "Cordiali saluti,", "pt": "Com os melhores cumprimentos,", "nl": "Met vriendelijke groet,"}
# What the customer gets when the model twice fails to write a reply: an honest holding line.
HOLDING = {"en": "Thank you for getting in touch. I'm looking into this now and will come back to you shortly.",
           "es": "Gracias por escribirnos. Ya lo estoy revisando y te responderé en breve.",
           "fr": "Merci de nous avoir écrit. Je m'en occupe dès maintenant et je reviens vers vous très vite.",
           "de": "Danke für Ihre Nachricht. Ich kümmere mich gerade darum und melde mich in Kürze bei Ihnen.",
           "it": "Grazie per averci scritto. Me ne sto occupando ora e le risponderò a breve.",
           "pt": "Obrigado pelo seu contacto. Já estou a analisar a situação e respondo-lhe em breve.",
           "nl": "Bedankt voor uw bericht. Ik zoek dit nu uit en kom zo snel mogelijk bij u terug."}
# The model's own greeting, on its own line ("Dear Javier,\n") or opening the first line ("¡Hola Javier! Sí, ...").
_OPENING = re.compile(r"^\s*¡?(?:dear|hi|hello|hey|hola|bonjour|hallo|ciao|olá|good (?:morning|afternoon|evening))\b"
                      r"(?:[^\n]{0,60}[,!:]?\s*\n+|[^\n.!?,:]{0,40}[,!][ \t]+(?=\S))", re.IGNORECASE)
_CLOSING = re.compile(r"\n+\s*(?:best(?: regards| wishes)?|kind regards|warm regards|regards|sincerely|yours(?: sincerely| truly)?|"
                      r"thanks(?: again)?|thank you|cheers|saludos[^\n]*|cordialement|viele grüße|mit freundlichen grüßen|"
                      r"atentamente|cordiali saluti)\s*[,!.]?\s*(?:\n[^\n]{0,60}){0,3}\s*$", re.IGNORECASE)
_BRACKETED = re.compile(r"\[(?:your|agent|company|customer)[^\]]{0,30}\]", re.IGNORECASE)


ECHO_SHARE = 0.85  # of a reply sentence's words found in the customer's message
ECHO_MIN_WORDS = 5


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:'[^\W_]+)?", text.lower().replace("’", "'"))


def _without(body: str, dropped: list[Sentence]) -> str:
    """``body`` without the ``dropped`` sentences, its paragraph breaks kept."""
    for sentence in sorted(dropped, key=lambda s: -s.start):
        body = body[: sentence.start] + body[sentence.end :].lstrip(" \t")
    lines = (line.strip() for line in body.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _echoes(sentences: list[Sentence], message: str) -> list[Sentence]:
    said = set(_words(message))
    echoes = []
    for sentence in sentences:
        words = _words(sentence.text)
        if len(words) >= ECHO_MIN_WORDS and sum(word in said for word in words) >= ECHO_SHARE * len(words):
            echoes.append(sentence)
    return echoes


def echoed_sentences(body: str, message: str) -> list[str]:
    """Reply sentences the model copied from the customer's message, verbatim or nearly
    ("Could you please send me a prepaid return label?" for "Could you send me a prepaid return
    label please?"): five words or more, nearly all of them the customer's. Short sentences and
    replies that take up the customer's words among their own ("I'm sorry the lamp doesn't suit
    your room") stay."""
    return [sentence.text for sentence in _echoes(split_sentences(body), message)]


def drop_echoes(body: str, message: str) -> str:
    """Remove sentences the model copied from the customer's message."""
    sentences = split_sentences(body)
    echoes = _echoes(sentences, message)
    return _without(body, echoes) if len(echoes) < len(sentences) else body


def drop_repeats(body: str) -> str:
    """Remove sentences that say again, word for word, what an earlier one said: a small model
    sometimes loops, writing the same paragraph two or three times."""
    seen: set[tuple[str, ...]] = set()
    repeats = []
    for sentence in split_sentences(body):
        key = tuple(_words(sentence.text))
        if key and key in seen:
            repeats.append(sentence)
        seen.add(key)
    return _without(body, repeats)


def drop_cut_off_end(body: str) -> str:
    """Remove a last sentence the token limit cut off mid-way (no closing punctuation), when a
    whole sentence comes before it."""
    if re.search(r"[^\w\s]$", body):  # ends in punctuation, a bracket, a quote or an emoji
        return body
    whole = [s for s in split_sentences(body)[:-1] if re.search(r"[.!?][\"”’')\]]*$", s.text)]
    return body[: whole[-1].end] if whole else body


def clean_body(text: str) -> str:
    body = text.strip().strip('"').strip()
    body = _OPENING.sub("", body, count=1)
    body = body[:1].upper() + body[1:]  # "Hi Liam, thanks for..." -> "Thanks for..."
    body = _CLOSING.sub("", body)
    body = _BRACKETED.sub("", body)
    body = re.sub(r"[ \t]+\n", "\n", re.sub(r"\n{3,}", "\n\n", body)).strip()
    return drop_cut_off_end(drop_repeats(body))


def greeting_name(name: str | None) -> str | None:
    """"Jordan Lee" -> "Jordan"; a name with a title stays whole ("Mr Okafor")."""
    parts = (name or "").split()
    if not parts:
        return None
    if re.match(r"^(?:mr|mrs|ms|miss|mx|dr|prof)\.?$", parts[0], re.IGNORECASE):
        return " ".join(parts)
    return parts[0]


def compose(body: str, name: str | None, channel: str, language: str, agent: str) -> str:
    lang = language if language in GREETINGS else "en"
    first = greeting_name(name)
    greeting = GREETINGS[lang].format(name=first) if first else ANONYMOUS[lang]
    if channel == "chat":
        return f"{greeting.rstrip(',')}! {body}" if lang == "en" else f"{greeting} {body}"
    return f"{greeting}\n\n{body}\n\n{SIGN_OFFS[lang]}\n{agent}"


_CHAT_GREETING = re.compile(r"^((?:hi|hello|hey|hola|bonjour|hallo|ciao|olá|dear)\b[^.!?,\n]{0,40}[!,])[ \t]+(?=\S)", re.IGNORECASE)


def split_framing(text: str) -> tuple[str, str, str]:
    """(greeting, body, sign-off) of a composed reply, so repairs and rewrites touch only the body."""
    chat = _CHAT_GREETING.match(text) if "\n\n" not in text[:90] else None
    if chat:
        return chat.group(1), text[chat.end():].strip(), ""
    greeting_match = re.match(r"^([^\n]{1,80}[,!])\n\n", text)
    greeting = greeting_match.group(1) if greeting_match else ""
    rest = text[greeting_match.end():] if greeting_match else text
    sign_match = re.search(r"\n\n([^\n]{1,40},\n[^\n]{1,80})\s*$", rest)
    sign_off = sign_match.group(1) if sign_match else ""
    body = rest[: sign_match.start()] if sign_match else rest
    return greeting, body.strip(), sign_off


def join_framing(greeting: str, body: str, sign_off: str) -> str:
    if greeting.endswith("!") and not sign_off:  # chat: one paragraph
        return f"{greeting} {body.strip()}"
    return "\n\n".join(part for part in (greeting, body.strip(), sign_off) if part)
