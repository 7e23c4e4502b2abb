"""Browser bookmarks as candidates: the Netscape bookmark file every browser exports.

Firefox (Bookmarks → Manage bookmarks → Import and Backup → Export
Bookmarks to HTML), Chrome and Edge (Bookmark manager → Export bookmarks)
and Safari (File → Export → Bookmarks) all write the Netscape bookmark
format: ``<DL>`` lists of ``<DT>`` items, each a folder (``<H3>``) followed by
its own ``<DL>``, or a bookmark (``<A HREF=...>``). Tested with the files of
Firefox and Chrome (see ``tests/data/imports/``). What is read, and nothing
else:

* ``<H1>``: the name of the top folder (not a topic), the group of the
  bookmarks directly in it;
* ``<H3>``: a folder's name; its ``<DL>`` holds its bookmarks and folders.
  Folders are the group (the innermost three under the top folder, joined by
  " › ") and
  the innermost is the topic, except the browser's own folders (those with a
  ``PERSONAL_TOOLBAR_FOLDER`` or ``UNFILED_BOOKMARKS_FOLDER`` attribute);
* ``<A>``: a bookmark; only the **site** of its ``HREF`` (the host name,
  without ``www.``) is kept, never the full address, and only for ``http``
  and ``https`` addresses (bookmarklets, ``file:`` and ``place:`` entries are
  skipped, with a notice). Its ``ADD_DATE`` (seconds since 1970) and
  Firefox's ``TAGS`` (comma-separated) are read; its title, ``ICON``, and the
  ``<DD>`` description are not.

Every site becomes one candidate of kind ``"resource"``, named by its host, so
400 bookmarks on 30 sites make 30 candidates. Its group and topic are those
of its first bookmark; ``since`` is the earliest ``ADD_DATE`` of its
bookmarks and ``last_contact`` the latest.

Why :mod:`html.parser` and not BeautifulSoup: the standard library's parser
is a real HTML tokenizer (it is what BeautifulSoup uses when lxml is not
installed), needs no new dependency in the browser edition, and reports
events (start tag, end tag, text), which is all a bookmark file needs; no
tree is built. Its recovery from a construct that never ends (``<a`` or
``<!--`` with no end) is quadratic in the length of what follows, so the
file is fed to it in pieces of :data:`PIECE` characters and refused if a tag
or comment stays open for more than :data:`LONGEST_TAG` characters: reading
takes time linear in the size of the file. Nothing in the file is run or
fetched.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from connectivism.errors import FileFormatError, MalformedFileError
from connectivism.formats._safety import Source, decode_text, read_source
from connectivism.imports import READERS
from connectivism.imports._candidates import Candidates
from connectivism.imports._reading import Collector, date_of_timestamp
from connectivism.imports.opml import GROUP_SEPARATOR, site_of
from connectivism.messages import text

__all__ = ["read_bookmarks", "PIECE", "LONGEST_TAG"]

_DEFAULT_NAME = "bookmarks.html"
#: Characters fed to the parser at a time.
PIECE = 64 * 1024
#: Longest tag or comment accepted (a Firefox ``ICON`` data address is a few kilobytes).
LONGEST_TAG = 512 * 1024
_SPECIAL = ("personal_toolbar_folder", "unfiled_bookmarks_folder")
_MOST_TEXT = 1000  # characters of a folder's name kept while reading
_STRAY = re.compile(r"<(?![A-Za-z/!?])")


class _Bookmarks(HTMLParser):
    """Turns the parser's events into candidates (one per site)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = Collector("bookmarks")
        # the open folders, as what each added to `named` and `topics` (True if it did)
        self.folders: list[tuple[bool, bool]] = []
        self.named: list[str] = []  # the open folders' names, from the outermost
        self.topics: list[str] = []  # the same without the browser's own folders
        self.pending: tuple[str, bool] | None = None  # the last <H3>, waiting for its <DL>
        self.heading: list[str] | None = None  # text of the <H3> or <H1> being read
        self.heading_length = 0
        self.special = False
        self.skipped = 0
        self.lists = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h3"):
            self.heading, self.heading_length = [], 0
            self.special = tag == "h1" or any(key in _SPECIAL for key, _ in attrs)
        elif tag == "dl":
            self.lists += 1
            name, special = self.pending or ("", True)
            self.pending = None
            if name:
                self.named.append(name)
            if name and not special:
                self.topics.append(name)
            self.folders.append((bool(name), bool(name) and not special))
        elif tag == "a":
            self._bookmark(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h3") and self.heading is not None:
            self.pending = (" ".join("".join(self.heading).split()), self.special)
            self.heading = None
        elif tag == "dl" and self.folders:
            named, topic = self.folders.pop()
            if named:
                self.named.pop()
            if topic:
                self.topics.pop()

    def handle_data(self, data: str) -> None:
        if self.heading is not None and self.heading_length < _MOST_TEXT:
            self.heading.append(data[:_MOST_TEXT])
            self.heading_length += len(data)

    def _bookmark(self, attrs: dict[str, str | None]) -> None:
        site = site_of(attrs.get("href") or "", ("http", "https"))
        if not site:
            self.skipped += 1
            return
        named, topics = self.named, self.topics
        # the innermost three folders under the top one (slices of the end only: no copy of a deep stack)
        group = GROUP_SEPARATOR.join(named[max(1, len(named) - 3) :]) or (named[0] if named else "")
        date = date_of_timestamp(attrs.get("add_date"))
        tags = tuple(tag for tag in (attrs.get("tags") or "").split(",")[:100] if tag.strip())
        self.found.add(
            site,
            "resource",
            group=group,
            topic=topics[-1] if topics else "",
            tags=tags,
            since=date,
            last_contact=date,
            initiated_by="me",
        )


def read_bookmarks(source: Source, *, name: str | None = None) -> Candidates:
    """Read a browser's bookmark file (Netscape format) as one candidate per site.

    Parameters
    ----------
    source : str, os.PathLike, bytes-like or binary file object
        A path, the bytes of a file (an upload), or an open binary file.
    name : str, optional
        The name used in messages; by default the file's own name.

    Returns
    -------
    Candidates
        One resource per site, grouped by folder (see the module docstring).

    Raises
    ------
    FileTooLargeError, EncodingError
        If the file is over the size limit or not UTF-8.
    MalformedFileError
        If a tag or comment never ends.
    FileFormatError
        If the file is not a bookmark file (no ``<DL>`` list of bookmarks).

    Examples
    --------
    >>> found = read_bookmarks(b'''<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p>
    ... <DT><H3>Teaching</H3><DL><p>
    ...   <DT><A HREF="https://www.example.org/a?id=7" ADD_DATE="1700000000">A page</A>
    ...   <DT><A HREF="https://example.org/b">Another page</A>
    ... </DL><p></DL>''')
    >>> [(c.name, c.group, c.topic, str(c.since)) for c in found.candidates]
    [('example.org', 'Teaching', 'Teaching', '2023-11-14')]
    """
    data, label = read_source(source, name=name or _DEFAULT_NAME)
    label = name or label
    # a "<" that starts no tag is text to the parser, which handles it one character at a
    # time; written as "&lt;" (the same text) it is handled with the text around it
    document = _STRAY.sub("&lt;", decode_text(data, label))
    parser = _Bookmarks()
    try:
        for start in range(0, len(document), PIECE):
            parser.feed(document[start : start + PIECE])
            # what the parser holds back (its `rawdata`) is an unfinished tag, comment or
            # a few characters of text; a tag or comment that never ends would make the
            # parser's recovery at the end quadratic
            if len(parser.rawdata) > LONGEST_TAG:
                _unfinished(label)
        if "<" in parser.rawdata:
            _unfinished(label)
        parser.close()
    except AssertionError:  # _markupbase asserts on some malformed declarations ("<![")
        _unfinished(label)
    if not parser.lists:
        raise FileFormatError(
            f"The file '{label}' is not a bookmark file: it has no <DL> list of bookmarks. Export your "
            "bookmarks as HTML from your browser's bookmark manager.",
            field="html",
        )
    found = parser.found
    if parser.skipped:
        found.notices.append(text("import.notice.not_sites", count=parser.skipped))
    return found.result()


def _unfinished(label: str) -> None:
    raise MalformedFileError(
        f"The file '{label}' has a tag or comment that does not end (a '<' without its '>'), so it was not "
        "read: it may be damaged, or not a bookmark file. Export your bookmarks again.",
        field="html",
    )


READERS["bookmarks"] = read_bookmarks
