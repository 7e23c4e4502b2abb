"""Feed subscriptions as candidates: OPML 1.0 and 2.0, as every feed reader exports them.

Tested with exports of Feedly, Inoreader and NetNewsWire (see
``tests/data/imports/``). What is read, and nothing else:

* the root element ``<opml>`` (any ``version``) and its ``<body>``;
* every ``<outline>`` with an ``xmlUrl`` attribute is a **feed**: a candidate
  of kind ``"resource"``, named by its ``text`` attribute, else its ``title``,
  else (when neither has a visible character) the site of its ``htmlUrl`` or ``xmlUrl`` (``www.`` left out);
* every other ``<outline>`` that holds outlines is a **folder**: its ``text``
  (else ``title``) is the topic of the feeds directly in it, and the folders
  from the outermost to it, joined by " › ", are their group (feeds outside
  any folder have the group ``""``);
* outlines that are neither (a link, a note) are skipped, with a notice.

The feeds' addresses are not kept: only names, folders and groups. The file
is parsed with the kit's hardened XML parser
(:func:`connectivism.formats._safety.parse_xml`: no document type
declarations, entities or external references, nesting at most
:data:`~connectivism.formats._safety.MAX_XML_DEPTH`), honouring the encoding
it declares; time is linear in the size of the file.
"""

from __future__ import annotations

import urllib.parse

from connectivism.errors import FileFormatError
from connectivism.formats._safety import Source, parse_xml, read_source
from connectivism.formats._xml_encoding import _as_utf8
from connectivism.imports import READERS
from connectivism.imports._candidates import Candidates
from connectivism.imports._reading import Collector
from connectivism.messages import text
from connectivism.network import normalise_name
from connectivism.notices import excerpt

__all__ = ["read_opml"]

_DEFAULT_NAME = "subscriptions.opml"
#: Between the folders of a group, from the outermost.
GROUP_SEPARATOR = " › "


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _attribute(element, name: str) -> str:
    """An attribute by name, in any case (some readers write ``xmlurl``)."""
    value = element.get(name)
    if value is None:
        lowered = name.lower()
        value = next((v for k, v in element.attrib.items() if k.lower() == lowered), None)
    return value or ""


def site_of(address: str, schemes: tuple[str, ...] = ("http", "https", "feed")) -> str:
    """The site (host name, without ``www.``) of a web address in one of `schemes`, or ``""``.

    Examples
    --------
    >>> site_of("https://www.Downes.ca/news/OLDaily.xml")
    'downes.ca'
    >>> site_of("javascript:alert(1)"), site_of("http://[::1")
    ('', '')
    """
    try:
        parts = urllib.parse.urlsplit(address.strip())
        host = parts.hostname or ""
    except ValueError:
        return ""
    if parts.scheme.lower() not in schemes:
        return ""
    return host[4:] if host.startswith("www.") else host


def read_opml(source: Source, *, name: str | None = None) -> Candidates:
    """Read the feeds of an OPML file as candidates (see the module docstring for what is read).

    Parameters
    ----------
    source : str, os.PathLike, bytes-like or binary file object
        A path, the bytes of a file (an upload), or an open binary file.
    name : str, optional
        The name used in messages; by default the file's own name.

    Returns
    -------
    Candidates
        One resource per feed, grouped by folder.

    Raises
    ------
    FileTooLargeError, EncodingError, UnsafeFileError, MalformedFileError
        As the kit's other XML reader (:func:`connectivism.formats.read_graphml`).
    FileFormatError
        If the file is XML but not OPML.

    Examples
    --------
    >>> found = read_opml(b'''<opml version="2.0"><body><outline text="Open education">
    ...   <outline type="rss" text="OLDaily" xmlUrl="https://www.downes.ca/news/OLDaily.xml"/>
    ... </outline></body></opml>''')
    >>> [(c.name, c.kind, c.group, c.topic) for c in found.candidates]
    [('OLDaily', 'resource', 'Open education', 'Open education')]
    """
    data, label = read_source(source, name=name or _DEFAULT_NAME)
    label = name or label
    root = parse_xml(_as_utf8(data, label), label, what="OPML")
    if _local(root.tag) != "opml":
        raise FileFormatError(
            f"The file '{label}' is XML but not OPML: its outer element is <{excerpt(_local(root.tag))[1:-1]}>, "
            "not <opml>. Export your subscriptions from your feed reader as OPML.",
            field="opml",
        )
    found = Collector("opml")
    others = 0
    bodies = [child for child in root if _local(child.tag) == "body"]
    # (element, folders from the outermost): an explicit stack, in document order
    stack = [(outline, ()) for body in reversed(bodies) for outline in reversed(list(body))]
    while stack:
        element, folders = stack.pop()
        if _local(element.tag) != "outline":
            continue
        title = _attribute(element, "text") or _attribute(element, "title")
        feed = _attribute(element, "xmlUrl")
        if feed:
            found.add(
                title if normalise_name(title) else site_of(_attribute(element, "htmlUrl")) or site_of(feed),
                "resource",
                group=GROUP_SEPARATOR.join(folders),
                topic=folders[-1] if folders else "",
                initiated_by="me",
            )
            continue
        children = [child for child in element if _local(child.tag) == "outline"]
        if not children:
            others += 1
            continue
        inner = (*folders, " ".join(title.split())) if title.strip() else folders
        stack.extend((child, inner) for child in reversed(children))
    if others:
        found.notices.append(text("import.notice.not_feeds", count=others))
    return found.result()


READERS["opml"] = read_opml
