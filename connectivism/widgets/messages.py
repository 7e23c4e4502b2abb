"""The ``"widgets"`` part of the catalogue: every learner-facing text of the builder and the explorers.

Its tables are registered with :func:`connectivism.messages.register` and
served by the same code as every other text (:func:`text` is
:meth:`Catalogue.text <connectivism.messages.Catalogue.text>`), in the
language :data:`connectivism.messages.LANGUAGE` sets.

What is translatable: every value of :data:`MESSAGES`, including the
labels, placeholders and tooltips of the controls and the undo labels
("add Ada"), which the learner reads after "Undid:". Values whose key ends in
``.html`` are HTML: translate the words and keep the tags; every other
template is plain text, and the widgets escape it and its fields. Not
translatable: the keys, the ``{fields}``, and values the learner typed or
the model defines (names, topics, the kinds' and initiators' ids).

Examples
--------
>>> text("add.done", name="Ada")
'Added Ada.'
>>> text("undo.done", label=text("add.label", name="Ada"))
'Undid: add Ada.'
"""

from __future__ import annotations

from connectivism.messages import register

__all__ = ["CATALOGUE", "MESSAGES", "text"]

_EN: dict[str, str] = {
    # --- kinds of node (ids in connectivism.network.OTHER_KINDS) -------------------------
    "kind.person": "Person",
    "kind.community": "Community",
    "kind.resource": "Resource (blog, journal, database…)",
    "kind.tool": "Tool (app, feed reader…)",
    # --- the toolbar: undo, start over ---------------------------------------------------
    "restored": "Welcome back: your network was restored from the autosave.",
    "undo": "Undo",
    "undo.tooltip": "Undo the last change",
    "undo.done": "Undid: {label}.",
    "undo.nothing": "Nothing to undo.",
    "start.empty": "Just me (empty network)",
    "start.example": "Example: {description}",
    "start.choice": "Start over:",
    "start.name": "Your name:",
    "start.default_name": "Me",
    "start": "Start over",
    "start.tooltip": "Replace the network (you can undo this)",
    "start.label": "start over",
    "start.done": "Started a new network. Undo brings the previous one back.",
    # --- another builder saved to the same autosave file ---------------------------------
    "conflict.keep_mine": "Keep mine in a new file",
    "conflict.keep_mine.tooltip": "Autosave this network in a new file from now on",
    "conflict.kept": (
        "Your network is kept and autosaved in {file} from now on; the other builder's file was left as it is."
    ),
    "conflict.open_other": "Open the other network",
    "conflict.open_other.tooltip": "Yours is first kept in a new file; Undo brings it back",
    "conflict.opened": (
        "Opened the network the other builder saved. Yours is kept in {file}, and Undo brings it back here."
    ),
    # --- the browser edition: the network kept in this browser ----------------------------
    "browser.kept": (
        "Your network is kept in this browser, on this computer, for this site address only: another "
        "browser, computer or address starts empty. To move it, download it (Save & share) and import it there."
    ),
    "browser.not_kept": (
        "This browser does not let the kit keep your network ({error}: a private window, or storage turned "
        "off). Your changes are not kept after you close this page: download your network (Save & share) "
        "before you leave."
    ),
    "browser.other_tab": (
        "This builder is open in another tab of this browser too. Use one tab: each keeps its own copy, "
        "and if both change the network, the second to save is told and chooses what to keep."
    ),
    "browser.other_saved": (
        "Another tab of this browser has just saved a network. Reload this page to continue with it; if you "
        "change this one first, you will be asked which to keep (nothing is lost)."
    ),
    "browser.other_forgot": (
        "Your network was forgotten in another tab of this browser. This tab still shows it, and saves it "
        "again if you change it: close this tab too, or use Forget my network here."
    ),
    "share.browser.html": (
        "<p>Your network is <b>autosaved in this browser</b> after every change: it is still here after a "
        "reload or when you come back, on this computer, in this browser, at this site address. Another "
        "computer, browser or address (another laptop, another port) starts empty, and clearing the "
        "browser's site data deletes it. <b>To move it or keep a copy, download it</b> and import it "
        "elsewhere.</p>"
    ),
    "share.forget": "Forget my network",
    "share.forget.tooltip": "Delete what the kit keeps in this browser (for shared computers)",
    "share.forget.ask": (
        "Delete your network from this browser, with its undo history? Download it first if you want to keep it. "
        "This cannot be undone."
    ),
    "share.forget.yes": "Yes, forget it",
    "share.forget.cancel": "Cancel",
    "share.forget.cancelled": "Nothing was forgotten.",
    "share.forget.done": (
        "Forgotten: nothing of your network is kept in this browser any more. The builder starts again with only you."
    ),
    "share.forget.failed": (
        "The browser could not delete its copy ({error}). Try again, or clear this site's data in the "
        "browser's settings."
    ),
    # --- tabs ----------------------------------------------------------------------------
    "tab.add": "Add a node",
    "tab.connect": "Connect",
    "tab.edit": "Edit or remove",
    "tab.share": "Save & share",
    # --- add a node ----------------------------------------------------------------------
    "add.name": "Name:",
    "add.name.placeholder": "e.g. Ada Lovelace",
    "add.kind": "Kind:",
    "add.topic": "Topic:",
    "add.topic.placeholder": "main topic or field",
    "add.tags": "Tags:",
    "add.tags.placeholder": "comma-separated, optional",
    "add.note": "Note:",
    "add.note.placeholder": "optional",
    "add": "Add node",
    "add.label": "add {name}",
    "add.done": "Added {name}.",
    # --- connect two nodes ---------------------------------------------------------------
    "connect.from": "From:",
    "connect.to": "To:",
    "tie.strength": "Strength:",
    "connect.since": "Since:",
    "tie.last_contact": "Last contact:",
    "connect.initiator": "Started by:",
    "connect.not_recorded": "not recorded",
    "connect": "Connect",
    "connect.choose": "Choose two nodes to connect (add a node first).",
    "connect.label": "connect {a} and {b}",
    "connect.done": "Connected {a} and {b}.",
    # --- edit or remove ------------------------------------------------------------------
    "edit.node_heading": "A node",
    "edit.node": "Node:",
    "edit.new_name": "New name:",
    "edit.rename": "Rename",
    "edit.topic": "Topic:",
    "edit.change_topic": "Change topic",
    "edit.remove": "Remove node",
    "edit.tie_heading": "A tie",
    "edit.tie": "Tie:",
    "edit.tie_option": "{a} – {b}",
    "edit.update_tie": "Update tie",
    "edit.disconnect": "Remove tie",
    "edit.choose_node": "Choose a node first.",
    "edit.choose_tie": "Choose a tie first.",
    "edit.rename.label": "rename {old}",
    "edit.rename.done": "Renamed {old} to {new}.",
    "edit.change_topic.label": "change the topic of {name}",
    "edit.change_topic.done": "Changed the topic of {name}.",
    "edit.remove.label": "remove {name}",
    "edit.remove.done": "Removed {name} and its ties (Undo brings them back).",
    "edit.update_tie.label": "update the tie {a}–{b}",
    "edit.update_tie.done": "Updated the tie {a}–{b}.",
    "edit.disconnect.label": "remove the tie {a}–{b}",
    "edit.disconnect.done": "Removed the tie {a}–{b}.",
    # --- save and share ------------------------------------------------------------------
    "share.autosave.html": (
        "<p>Your network is <b>autosaved</b> after every change. Binder sessions end after "
        "about ten idle minutes and their files are deleted: download a copy to keep it.</p>"
    ),
    "share.export": "Prepare downloads",
    "share.download.json": "Your network (JSON: everything)",
    "share.download.graphml": "Your network (GraphML: for Gephi, yEd, Cytoscape)",
    "share.download.nodes": "Nodes (CSV, for spreadsheets)",
    "share.download.ties": "Ties (CSV)",
    "share.download.anonymised": ("Anonymised copy (people's names replaced, notes removed): for sharing with a class"),
    "share.download.failed": "{label}: could not be prepared ({why}). The other downloads are complete.",
    "share.download.kit_error": "an error in the kit ({error})",
    "share.format_version": "File format version {version}.",
    "share.import.html": (
        "<p>Import a network saved by the kit (JSON or GraphML), or a CSV pair "
        "(the nodes file and the ties file together, in either order: their header rows tell "
        "them apart). Importing replaces the network; Undo brings it back.</p>"
    ),
    "share.upload": "Import",
    "share.import": "Import the uploaded file(s)",
    "share.import.label": "import",
    "share.choose_file": "Choose a file with the Import button first.",
    "share.how_many": "Upload one JSON or GraphML file, or two CSV files (nodes and ties) together.",
    "share.csv.nodes": "'{name}' looks like the nodes file",
    "share.csv.ties": "'{name}' looks like the ties file",
    "share.csv.neither": "'{name}' is neither",
    "share.csv.unclear": (
        "Could not tell which file holds the nodes and which the ties ({described}): the first row of "
        "the nodes file must be {nodes} and that of the ties file {ties}. Fix the header rows (the "
        "templates show them) and upload both again."
    ),
    "share.imported": ("Imported a network of {nodes} nodes and {ties} ties (Undo brings back the previous one)."),
    # --- import from your tools (importing.py) -------------------------------------------
    "tab.import": "From your tools",
    "import.privacy.html": (
        "<p><b>Import from your tools.</b> Map your network from the tools you already use: a feed "
        "reader's subscriptions (OPML), the accounts you follow on Mastodon (CSV), your browser's "
        "bookmarks (HTML), a network you drew in yEd, Gephi or Cytoscape (GraphML), your LinkedIn "
        "connections (CSV), or the authors and journals of your reference library (BibTeX or RIS, from "
        "Zotero, Mendeley or EndNote). Choose the kind of file, upload it, then choose what to add.</p>"
        "<p><b>Your file stays here.</b> It is read where this notebook runs (in the browser edition: in "
        "your browser) and is sent nowhere. Only names, groups (folders, servers, sites) and dates are "
        "kept; the full addresses of your bookmarks are not, only their sites. The people you import are "
        "real people: the anonymised copy and the class report replace their names as they do for anyone "
        "you add by hand.</p>"
    ),
    "import.reader": "Kind of file:",
    "import.reader.opml": "Feed subscriptions (OPML, from any feed reader)",
    "import.reader.mastodon": "Accounts you follow on Mastodon (following_accounts.csv)",
    "import.reader.bookmarks": "Browser bookmarks (bookmarks.html, from any browser)",
    "import.reader.drawn": "A network drawn in yEd, Gephi, Cytoscape or networkx (GraphML)",
    "import.reader.linkedin": "Your LinkedIn connections (Connections.csv, from LinkedIn's data export)",
    "import.reader.bibtex": "References in BibTeX (.bib, from Zotero, Mendeley, EndNote or JabRef)",
    "import.reader.ris": "References in RIS (.ris, from Zotero, Mendeley or EndNote)",
    "import.threshold": "List authors and journals cited in at least this many references:",
    "import.looks_like": (
        "'{file}' was not read: it looks like the kind of file “{looks}”, not “{chosen}”. Choose “{looks}” "
        "under Kind of file and read it again."
    ),
    "import.upload": "Choose file",
    "import.read": "Read the file",
    "import.choose_file": "Choose a file with the Choose file button first.",
    "import.found": (
        "Found {count} candidates in {groups} groups. Select the ones to add in each group (Ctrl or Cmd to "
        "select several; groups of more than {most} start unselected)."
    ),
    "import.group.none": "Not in a folder",
    "import.group.heading": "{group} ({count})",
    "import.group.heading.merged": "{group} ({count}, {merged} already in your network)",
    "import.group.kind": "Add as:",
    "import.in_network": "{name} (already in your network: merged)",
    "import.is_you": "{name} (you: left out)",
    "import.add": "Add the selected",
    "import.choose": "Select at least one candidate first (read a file if there are none).",
    "import.label": "import {count} candidates",
    "import.added": (
        "Added {added} nodes, merged {merged} into nodes already in your network, and added {ties} ties. "
        "Undo takes the whole import back."
    ),
    "import.too_many.nodes": (
        "Adding these {chosen} would pass the limit of {most} nodes in one network, so nothing was added: "
        "deselect {deselect} of them."
    ),
    "import.too_many.ties": (
        "Adding these {chosen} would pass the limit of {most} ties in one network, so nothing was added: "
        "deselect {deselect} of them."
    ),
    "import.too_many.text": (
        "Adding these {chosen} would pass the most text one network can hold, so nothing was added: "
        "deselect {deselect} of them."
    ),
    # --- the view ------------------------------------------------------------------------
    "view.title": "{me}'s learning network",
    "view.autosaved_again": "Your network is autosaved again.",
    # --- the kind filter (explore.py) ----------------------------------------------------
    "filter.show": "Show:",
    "filter.everything": "Everything",
    "filter.person": "People",
    "filter.community": "Communities",
    "filter.resource": "Resources",
    "filter.tool": "Tools",
    "filter.caption.all": "Showing everything: {shown} of {total} nodes.",
    "filter.caption.person": "Showing people only, with you: {shown} of {total} nodes.",
    "filter.caption.community": "Showing communities only, with you: {shown} of {total} nodes.",
    "filter.caption.resource": "Showing resources only, with you: {shown} of {total} nodes.",
    "filter.caption.tool": "Showing tools only, with you: {shown} of {total} nodes.",
    # --- the class network from uploaded files (classnet.py; read by facilitators) --------
    "classnet.where.browser.html": (
        "<p><b>Your learners' files stay on this computer.</b> They are read by Python running in "
        "this browser tab and sent nowhere: nothing is uploaded to a server, and closing the tab "
        "forgets them.</p>"
    ),
    "classnet.where.server.html": (
        "<p><b>Your learners' files go only to this notebook's own Jupyter server</b> (your computer, "
        "or the Binder or hub session you opened); they are read in memory and not kept.</p>"
    ),
    "classnet.title": "Our class network",
    "classnet.files": "Choose files",
    "classnet.files.tooltip": "the learners' exported .json or .graphml files, many at once, or one LMS zip",
    "classnet.merge": "Merge and show the report",
    "classnet.none": "Choose the learners' files (or one zip) first.",
    "classnet.merged": "{accepted} networks merged, {rejected} set aside (see the report's last section).",
    "classnet.downloads.html": "<p>Download the report:</p>",
    "classnet.download.html": "The report (class-network.html)",
    "classnet.download.json": "The class network as JSON (class-network.json)",
    "classnet.download.graphml": "The class network for Gephi, yEd or Cytoscape (class-network.graphml)",
    "classnet.key.none": (
        "No class key in this browser yet: one is made when you first merge. If you have one "
        "from an earlier session, use it first, so that the pseudonyms stay the same all course."
    ),
    "classnet.key.kept": (
        "Using the class key kept in this browser (same key, same pseudonyms). Download a copy: "
        "it is the only way to get the same pseudonyms in another browser or on another computer."
    ),
    "classnet.key.kept.server": (
        "Using the class key kept on this Jupyter server, in your home folder (same key, same "
        "pseudonyms). Download a copy to use it elsewhere."
    ),
    "classnet.key.broken": (
        "The class key kept here cannot be read: forget it, then use your saved copy (or merge to make a new key)."
    ),
    "classnet.key.offer": "Download the class key",
    "classnet.key.download": "class-key.txt: save it and keep it private",
    "classnet.key.upload": "Use a saved key",
    "classnet.key.upload.tooltip": "the class-key.txt you downloaded in an earlier session",
    "classnet.key.loaded": "The saved class key is in use and kept for next time.",
    "classnet.key.forget": "Forget the key",
    "classnet.key.forget.tooltip": "delete the class key kept here (download a copy first)",
    "classnet.key.forgotten": (
        "The class key is forgotten here. Merging again makes a new key, with new pseudonyms, "
        "unless you use a saved key first."
    ),
    "classnet.key.not_saved": "The class key could not be kept for next time ({why}): download a copy.",
    # --- the model explorers (models.py) -------------------------------------------------
    "explorer.seed": "seed",
    "explorer.seed.tooltip": "the same seed and settings always give the same run",
    "explorer.rerun": "Run again (new seed)",
    "explorer.rerun.tooltip": "run the model again with the next seed",
    "explorer.try_this": "Try this:",
}

#: Message tables by language.
MESSAGES: dict[str, dict[str, str]] = {"en": _EN}

#: This part of the catalogue.
CATALOGUE = register("widgets", MESSAGES)

#: Return the widgets' message ``key`` with its fields filled in (see :func:`connectivism.messages.text`).
text = CATALOGUE.text
